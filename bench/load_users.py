"""The simulated people of `make load`: a small HTTP client (its own cookies, Django's CSRF
token, one loopback source address per person, as 50 people on 50 connections would be) and
what a participant and a coordinator do until the clock runs out."""

import http.client
import random
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from django.urls import reverse

from bench.load_data import LoadPlan

HOST = "127.0.0.1"


@dataclass
class Recorder:
    """Every request's kind, status and time; the unexpected answers with what was asked."""

    samples: list[tuple[str, int, float]] = field(default_factory=list)
    kinds: dict[tuple[str, str], str] = field(default_factory=dict)  # (method, path) → kind
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float, *, method: str, path: str) -> None:
        with self.lock:
            self.samples.append((kind, status, seconds))
            self.kinds[(method, path)] = kind

    def problem(self, text: str) -> None:
        with self.lock:
            self.unexpected.append(text)


class Browser:
    """One person's connection to the site: cookies kept as a browser keeps them (the
    production cookies are `Secure`; over loopback HTTP this client sends them anyway)."""

    def __init__(self, *, port: int, source: str, recorder: Recorder) -> None:
        self.port, self.source, self.recorder = port, source, recorder
        self.cookies: dict[str, str] = {}

    def _remember(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            pair, *attributes = header.split(";")
            name, _, value = pair.strip().partition("=")
            expired = any(a.strip().lower() in {"max-age=0", "max-age=-1"} for a in attributes)
            if expired or value in {"", '""'}:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def request(
        self,
        kind: str,
        path: str,
        *,
        form: dict | None = None,
        expect: int = 200,
        headers: dict | None = None,
    ) -> tuple[int, dict, bytes]:
        method = "GET" if form is None else "POST"
        sent = {"User-Agent": "gencisi-load", "Accept-Language": "tr", **(headers or {})}
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(form)
            sent |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://{HOST}:{self.port}",
            }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(
            HOST, self.port, timeout=60, source_address=(self.source, 0)
        )
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
            status, received = response.status, response.headers
        except OSError as error:
            status, received, data = 0, None, b""
            reason = f"{type(error).__name__}: {error}"
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        self.recorder.add(kind, status, seconds, method=method, path=path)
        if status != expect:
            reason = reason if status == 0 else data[:200].decode(errors="replace")
            self.recorder.problem(f"{kind}: {method} {path} → {status}, not {expect}: {reason!r}")
        if received is not None:
            self._remember(received.get_all("Set-Cookie") or [])
        return status, dict(received or {}), data


class Person:
    """Thinks between clicks (0.5–2 s, as a reader would) and stops at the deadline."""

    def __init__(self, *, browser: Browser, plan: LoadPlan, deadline: float, seed: int) -> None:
        self.browser, self.plan, self.deadline = browser, plan, deadline
        self.random = random.Random(seed)  # noqa: S311 — think times, not secrets

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    def think(self, low: float = 0.5, high: float = 2.0) -> None:
        time.sleep(max(0.0, min(self.random.uniform(low, high), self.deadline - time.monotonic())))

    def log_in(self, email: str) -> None:
        login = reverse("account_login")
        self.browser.request("login page", login)
        self.think()
        status, headers, _ = self.browser.request(
            "login", login, form={"login": email, "password": self.plan.password}, expect=302
        )
        if status == 302 and headers.get("Location", "").startswith(login):
            self.browser.recorder.problem(f"login: refused for {email}")

    def browse_catalogue(self) -> None:
        cohort = self.random.choice([self.plan.small_cohort, *self.plan.other_cohorts])
        pages = [
            reverse("site:home"),
            reverse("programs:program_list"),
            reverse("programs:program_detail", kwargs={"slug": self.plan.program_slug}),
            reverse("programs:cohort_detail", kwargs={"pk": cohort}),
        ]
        for page in self.random.sample(pages, k=2):
            if not self.time_left():
                return
            self.browser.request("catalogue", page)
            self.think()


class Participant(Person):
    def __init__(self, *, email: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.email = email

    def register(self, cohort: int) -> None:
        form = reverse("participants:register", kwargs={"cohort_pk": cohort})
        self.browser.request("register page", form)
        self.think()
        self.browser.request("register", form, form={"privacy_acknowledged": "on"}, expect=302)

    def my_registrations(self) -> None:
        """The page, and the htmx poll of (at most two) registrations still waiting."""
        page_url = reverse("participants:my_registrations")
        _, _, page = self.browser.request("my registrations", page_url)
        polls = re.findall(rf'hx-get="({re.escape(page_url)}\d+/[^"]*)"', page.decode("utf-8"))
        for path in polls[:2]:
            self.browser.request("status poll", path, headers={"HX-Request": "true"})

    def cancel_and_register_again(self) -> None:
        """Give up the seat (or the place in line) in the small cohort, then register again
        at the end of the line: the freed seat goes to the head of the waiting list."""
        from django.db import connection

        from participants.models import Registration

        registration = Registration.objects.get(
            cohort_id=self.plan.small_cohort, participant__email=self.email
        )
        connection.close()
        cancel = reverse("participants:cancel", kwargs={"pk": registration.pk})
        self.browser.request("cancel", cancel, form={}, expect=302)
        self.think()
        self.register(self.plan.small_cohort)

    def run(self) -> None:
        """A fixed start (every step is taken even on a slow machine, so each run registers
        everyone and cancels for some), then catalogue and Kayıtlarım until the deadline."""
        self.browse_catalogue()
        self.log_in(self.email)
        self.think()
        self.register(self.plan.small_cohort)
        self.think()
        self.my_registrations()
        self.think()
        self.register(self.random.choice(self.plan.other_cohorts))
        if self.random.random() < 0.3:
            self.think()
            self.cancel_and_register_again()
        while self.time_left():
            self.think(1.0, 3.0)
            if self.random.random() < 0.5:
                self.browse_catalogue()
            else:
                self.my_registrations()


class Coordinator(Person):
    def __init__(self, *, email: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.email = email

    def run(self) -> None:
        self.log_in(self.email)
        while self.time_left():
            self.think(2.0, 5.0)
            cohort = self.random.choice(self.plan.export_cohorts)
            self.browser.request(
                "console",
                reverse("participants:cohort_registrations", kwargs={"cohort_pk": cohort}),
            )
            self.think(1.0, 3.0)
            self.browser.request(
                "export CSV",
                reverse(
                    "participants:cohort_registrations_export",
                    kwargs={"cohort_pk": cohort, "file_format": "csv"},
                ),
            )


def run_people(*, plan: LoadPlan, port: int, seconds: float, ramp_up: float) -> Recorder:
    """Every participant and coordinator in a thread of its own, arriving over `ramp_up`
    seconds; returns when all have stopped (`seconds` after the start, plus the request each
    was in)."""
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    people: list[Person] = [
        Coordinator(
            email=email,
            browser=Browser(port=port, source=f"127.0.2.{n}", recorder=recorder),
            plan=plan,
            deadline=deadline,
            seed=1000 + n,
        )
        for n, email in enumerate(plan.coordinators, 1)
    ]
    people += [
        Participant(
            email=email,
            browser=Browser(port=port, source=f"127.0.1.{n}", recorder=recorder),
            plan=plan,
            deadline=deadline,
            seed=n,
        )
        for n, email in enumerate(plan.participants, 1)
    ]

    def live(person: Person, delay: float) -> None:
        time.sleep(delay)
        try:
            person.run()
        except Exception as error:  # a driver bug must fail the run, not vanish with a thread
            recorder.problem(f"driver: {type(error).__name__}: {error}")

    threads = [
        threading.Thread(target=live, args=(person, ramp_up * n / len(people)), daemon=True)
        for n, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + 120)
    if any(thread.is_alive() for thread in threads):
        recorder.problem("driver: some simulated people did not stop within 120 s")
    return recorder
