"""200 different signed-in people register for one 50-seat cohort at the same moment, over
HTTP: exactly 50 seats given (checked in the database), every request answered as it should
be (a redirect to Kayıtlarım), and how long each waited."""

import datetime as dt
import http.client
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass

from bench import stack

PEOPLE = 200
SEATS = 50


@dataclass(frozen=True)
class BurstResult:
    people: int
    seats: int
    confirmed: int
    waitlisted: int
    other: int  # registrations in any other state (must be none)
    failed: int  # answers other than the redirect, and connection errors
    seconds: float  # from the start to the last answer
    p50_ms: float
    p99_ms: float


def _cohort():
    """A published cohort of the seed programme, open for registration, 50 seats, no approval
    (a seat means confirmed at once)."""
    from django.utils import timezone

    from core.models import Province
    from programs.demo import SEED_TITLE
    from programs.models import Cohort, Program, Session

    now, today = timezone.now(), timezone.localdate()
    cohort = Cohort.objects.create(
        program=Program.objects.get(title=SEED_TITLE),
        title="Ölçüm dönemi: 200 kişi, 50 koltuk",
        starts_on=today + dt.timedelta(days=20),
        ends_on=today + dt.timedelta(days=21),
        province=Province.objects.get(name="Ankara"),
        venue="Çankaya Kültür Merkezi",
        capacity=SEATS,
        registration_opens_at=now - dt.timedelta(days=1),
        registration_closes_at=now + dt.timedelta(days=10),
        requires_approval=False,
        status=Cohort.Status.PUBLISHED,
    )
    start = timezone.make_aware(dt.datetime.combine(cohort.starts_on, dt.time(10)))
    Session.objects.create(
        cohort=cohort, title="Açılış", starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    return cohort


def _signed_in(count: int) -> list[tuple[str, str]]:
    """(Cookie header, CSRF token) of `count` generated participants, each signed in by a
    session written here (as `login()` would: a password check each would only measure the
    hasher), with a CSRF cookie whose secret the form also sends."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User
    from gencisi.scale.names import SCALE_EMAIL_DOMAIN

    people = User.objects.filter(
        email__startswith="katilimci", email__endswith=SCALE_EMAIL_DOMAIN
    ).order_by("pk")[:count]
    session_store = import_module(settings.SESSION_ENGINE).SessionStore  # the site's own
    cookies = []
    for user in people:
        session = session_store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        token = secrets.token_hex(16)
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={token}"
        )
        cookies.append((cookie, token))
    return cookies


def run(*, port: int) -> BurstResult:
    from django.db.models import Count
    from django.urls import reverse

    from participants.models import Registration

    cohort = _cohort()
    path = reverse("participants:register", kwargs={"cohort_pk": cohort.pk})
    expected = reverse("participants:my_registrations")
    cookies = _signed_in(PEOPLE)
    barrier = threading.Barrier(len(cookies) + 1)
    results: list[tuple[bool, float]] = []
    lock = threading.Lock()

    def register(cookie: str, token: str) -> None:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "privacy_acknowledged": "on"})
        headers = {
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{port}",
            "Accept-Language": "tr",
        }
        barrier.wait()
        started = time.perf_counter()
        ok = False
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status == 302 and response.getheader("Location", "").endswith(expected)
            connection.close()
        except OSError:
            ok = False
        with lock:
            results.append((ok, time.perf_counter() - started))

    threads = [threading.Thread(target=register, args=pair) for pair in cookies]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    states = dict(
        Registration.objects.filter(cohort=cohort).values_list("status").annotate(n=Count("pk"))
    )
    times = sorted(elapsed for _, elapsed in results)
    return BurstResult(
        people=len(cookies),
        seats=SEATS,
        confirmed=states.get(Registration.Status.CONFIRMED, 0),
        waitlisted=states.get(Registration.Status.WAITLISTED, 0),
        other=sum(n for status, n in states.items() if status not in ("confirmed", "waitlisted")),
        failed=sum(1 for ok, _ in results if not ok),
        seconds=seconds,
        p50_ms=stack.percentile(times, 50) * 1000,
        p99_ms=stack.percentile(times, 99) * 1000,
    )
