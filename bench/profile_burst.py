"""What one registration POST of the burst costs (issue 15: 200 people, 50 seats, p99 ≤ 2 s,
and p99 ≈ the burst's whole time, so the CPU of one POST is what counts), in this process:

    .venv/bin/python bench/profile_burst.py [cohorts]   # 2 measured cohorts by default

Production settings (bench/settings.py) and the bench's database (BENCH_WEB_DATABASE_URL), as
bench/profile_page.py; the burst's own cohort (50 seats, no approval, one session) and people
(bench/burst.py: a session each, written as login() would, and a CSRF cookie whose secret the
form sends). Each POST goes straight through Django's WSGI handler with the burst's body and
headers, one after another: the first 50 get a seat, the other 150 the waiting list. After a
warm-up cohort: per POST the wall time and this process's CPU (median, seat and waiting list
apart), the queries (and those before the view), then another cohort under cProfile.
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stack  # noqa: E402
from bench.profile_layout import Queries, environ_for  # noqa: E402

SORT = os.environ.get("BURST_SORT", "tottime")
TOP = int(os.environ.get("BURST_TOP", "30"))
# The parts of a POST, by the functions that do them (cumulative time under cProfile).
PARTS = {
    "session: load": ("django/contrib/sessions/backends/base.py", "_get_session"),
    "session: middleware response": ("django/contrib/sessions/middleware.py", "process_response"),
    "user: load": ("django/contrib/auth/__init__.py", "get_user"),
    "locale middleware": ("core/middleware.py", "__call__"),
    "CSRF: process_view": ("django/middleware/csrf.py", "process_view"),
    "CSRF: process_response": ("django/middleware/csrf.py", "process_response"),
    "messages: response": ("django/contrib/messages/middleware.py", "process_response"),
    "request_finished (connections)": ("django/db/__init__.py", "close_old_connections"),
    "view (all of it)": ("django/core/handlers/base.py", "_get_response"),
    "RegisterView.post": ("participants/views/registrations.py", "post"),
    "RegisterView._form (consents)": ("participants/views/registrations.py", "_form"),
    "form is_valid": ("django/forms/forms.py", "is_valid"),
    "answers form __init__": ("participants/forms/answers.py", "__init__"),
    "registration_create": ("participants/services/registrations.py", "registration_create"),
    "before the lock": ("participants/services/registrations.py", "_before_the_lock"),
    "e-mail before the lock": ("participants/services/registrations.py", "_expected_email"),
    "replaced_up_front": ("core/generations.py", "replaced_up_front"),
    "audit_log": ("participants/services/audit.py", "audit_log"),
    "registration_email": ("participants/services/seats.py", "registration_email"),
    "transaction commit (on_commit work)": ("django/db/transaction.py", "__exit__"),
    "messages.add": ("django/contrib/messages/api.py", "add_message"),
    "redirect": ("django/shortcuts.py", "redirect"),
    "SQL execute (all)": ("django/db/backends/utils.py", "_execute"),
}


def post(handler, path: str, cookie: str, token: str, expected: str) -> None:
    status, headers = [], []

    def start_response(s, h, *_):
        status.append(s)
        headers.extend(h)

    b"".join(
        handler(
            environ_for(
                path, cookie, form={"csrfmiddlewaretoken": token, "privacy_acknowledged": "on"}
            ),
            start_response,
        )
    )
    location = dict(headers).get("Location", "")
    if not status[0].startswith("302") or not location.endswith(expected):
        stack.fail("bench/profile_burst.py", f"POST {path} answered {status[0]} {location}")


def burst_cohort():
    from django.urls import reverse

    from bench import burst

    cohort = burst._cohort()
    return reverse("participants:register", kwargs={"cohort_pk": cohort.pk})


def measured(handler, cohort_of_people, expected: str, cohorts: int) -> list[str]:
    """`cohorts` bursts one POST after another: wall time, CPU and queries per POST."""
    from django.core.handlers import base
    from django.db import connection

    from bench import burst

    times, cpu, counts, before = {"seat": [], "wait": []}, {"seat": [], "wait": []}, {}, {}
    lines = []
    original = base.BaseHandler.resolve_request  # called in the view's part of the handler
    for _ in range(cohorts):
        path, people = cohort_of_people()
        for index, (cookie, token) in enumerate(people):
            kind = "seat" if index < burst.SEATS else "wait"
            queries = Queries()

            def resolve_request(self, request, queries=queries):
                queries.in_view = True
                return original(self, request)

            base.BaseHandler.resolve_request = resolve_request
            try:
                with connection.execute_wrapper(queries):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    post(handler, path, cookie, token, expected)
                    cpu[kind].append(time.process_time() - started_cpu)
                    times[kind].append(time.perf_counter() - started)
            finally:
                base.BaseHandler.resolve_request = original
            counts.setdefault(kind, set()).add(len(queries.sql))
            before[kind] = [sql for sql, in_view in queries.sql if not in_view]
            if index in (0, burst.SEATS) and not lines[20:]:
                lines.append(f"### the queries of one POST ({kind})")
                lines += [f"  - `{sql[:160]}`" for sql, _ in queries.sql]
    every = cpu["seat"] + cpu["wait"]
    lines += ["", f"## one registration POST, {cohorts} cohorts of {burst.PEOPLE}"]
    lines += [
        f"- {kind}: median {statistics.median(times[kind]) * 1000:.2f} ms wall, "
        f"CPU {statistics.median(cpu[kind]) * 1000:.2f} ms (least "
        f"{min(cpu[kind]) * 1000:.2f}); queries {sorted(counts[kind])}, "
        f"{len(before[kind])} before the view"
        for kind in ("seat", "wait")
    ]
    lines.append(
        f"- every POST: CPU mean {statistics.mean(every) * 1000:.2f} ms, "
        f"wall mean {statistics.mean(times['seat'] + times['wait']) * 1000:.2f} ms"
    )
    return lines


def profiled(handler, cohort_of_people, expected: str) -> list[str]:
    """One more burst, one POST after another, under cProfile."""
    path, people = cohort_of_people()
    profiler = cProfile.Profile()
    profiler.enable()
    for cookie, token in people:
        post(handler, path, cookie, token, expected)
    profiler.disable()
    if os.environ.get("BURST_PROFILE_OUT"):  # for pstats' callers and callees
        profiler.dump_stats(os.environ["BURST_PROFILE_OUT"])
    stats = pstats.Stats(profiler)
    requests = len(people)
    lines = ["", "Under cProfile (ms per POST, cumulative; cProfile slows Python ~2×):"]
    total = sum(
        entry[3]
        for key, entry in stats.stats.items()
        if key[2] == "__call__" and key[0].endswith("django/core/handlers/wsgi.py")
    )
    lines.append(f"  - WSGI handler in all: {total * 1000 / requests:.2f}")
    lines.append(f"  - Python function calls per POST: {stats.total_calls / requests:.0f}")
    for part, (file_end, function) in PARTS.items():
        cumulative = sum(
            entry[3]
            for (filename, _, name), entry in stats.stats.items()
            if filename.endswith(file_end) and name == function
        )
        if cumulative:
            lines.append(f"  - {part}: {cumulative * 1000 / requests:.2f}")
    own = io.StringIO()
    own_code = rf"^{ROOT}/(?!\.venv/|bench/)"
    pstats.Stats(profiler, stream=own).sort_stats("cumulative").print_stats(own_code, TOP)
    hot = io.StringIO()
    pstats.Stats(profiler, stream=hot).sort_stats(SORT).print_stats(TOP)
    return [
        *lines,
        "",
        "The project's functions by cumulative time:",
        "```",
        own.getvalue().split("\n\n", 2)[-1],
        "```",
        f"All functions ({SORT}):",
        "```",
        hot.getvalue().split("\n\n", 2)[-1],
        "```",
    ]


def main() -> int:
    cohorts = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    stack.profile_in_process()
    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import reverse

    from bench import burst

    handler = WSGIHandler()
    expected = reverse("participants:my_registrations")

    def cohort_of_people():
        """A fresh burst cohort and the burst's people, each signed in anew."""
        return burst_cohort(), burst._signed_in(burst.PEOPLE)

    path, people = cohort_of_people()  # warm-up: imports, templates, the connection
    for cookie, token in people:
        post(handler, path, cookie, token, expected)
    lines = measured(handler, cohort_of_people, expected, cohorts)
    lines += profiled(handler, cohort_of_people, expected)
    print("\n".join(lines))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
