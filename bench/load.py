"""`make load`: 50 simulated people for 60 s against the production stack on loopback.

gunicorn (production settings, LOAD_WEB_WORKERS sync workers, default 3) + PostgreSQL + Redis +
a Celery worker, started and stopped here. Participants browse the catalogue, log in, register
for a cohort that has fewer seats than people (its waiting list fills), look at "Kayıtlarım"
(and its htmx status poll), some cancel and register again; two coordinators open a cohort's
registrations and export them as CSV. Prints p50/p95/p99 per kind of request as a Markdown
table; exits non-zero on any 5xx, any answer other than the expected one, or any cohort with
more confirmed + pending registrations than seats (checked in the database at the end).

Environment:
- LOAD_DATABASE_URL: a PostgreSQL database that the run DROPS and creates again (its name must
  contain "load"); default postgres://postgres@127.0.0.1:5432/gencisi_load
- LOAD_REDIS_URL (default REDIS_URL): broker and cache; the run uses a queue of its own
- LOAD_USERS (50), LOAD_SECONDS (60), LOAD_WEB_WORKERS (3)
A throwaway SECRET_KEY, SECURE_SSL_REDIRECT=false, a temporary MEDIA_ROOT and STATIC_ROOT
(collectstatic runs into it, so the checkout's staticfiles/ is left alone) and Django's
in-memory e-mail backend; gunicorn's and the worker's logs go to .data/load/.
"""

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stack  # noqa: E402
from bench.load_data import LoadPlan  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/gencisi_load"
USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
WEB_WORKERS = int(os.environ.get("LOAD_WEB_WORKERS", "3"))
RAMP_UP = 10.0  # people arrive over the first ten seconds
PERCENTILES = (50, 95, 99)
LOGS = ROOT / ".data" / "load"


def fail(message: str) -> None:
    stack.fail("make load", message)


def recreate_database(url: str) -> None:
    name = stack.database_config(url)["NAME"]
    if not stack.is_postgresql(url):
        fail("LOAD_DATABASE_URL must be a PostgreSQL database")
    if "load" not in name:
        fail(f"the run drops and recreates {name}: its name must contain 'load'")
    stack.create_database(url)


def password_check_ms() -> float:
    """CPU time of one password check with the configured hasher (what each login costs)."""
    from django.contrib.auth.hashers import check_password, make_password

    encoded = make_password("parola")
    started = time.process_time()
    check_password("parola", encoded)
    return (time.process_time() - started) * 1000


def wait_for_emails(seconds: float = 60) -> dict[str, int]:
    from django.db.models import Count

    from notifications.models import Notification

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not Notification.objects.filter(status=Notification.Status.QUEUED).exists():
            break
        time.sleep(0.5)
    return dict(Notification.objects.values_list("status").annotate(n=Count("pk")))


def seats() -> list[tuple[int, str, int, int, int]]:
    """(id, title, capacity, seats held = confirmed + pending, waiting) of every cohort."""
    from django.db.models import Count, Q

    from participants.models import Registration
    from programs.models import Cohort

    held = Q(registrations__status__in=Registration.SEAT_HOLDING)
    waiting = Q(registrations__status=Registration.Status.WAITLISTED)
    return [
        (cohort.pk, cohort.title, cohort.capacity, cohort.held, cohort.waiting)
        for cohort in Cohort.objects.annotate(
            held=Count("registrations", filter=held), waiting=Count("registrations", filter=waiting)
        ).order_by("pk")
    ]


def worker_times(kinds: dict[tuple[str, str], str]) -> dict[str, list[float]]:
    """Seconds each request spent inside a gunicorn worker (from its access log), by kind:
    the wall time without the wait for a free worker."""
    by_kind: dict[str, list[float]] = defaultdict(list)
    for line in (LOGS / "access.log").read_text().splitlines():
        method, path, _, micros = line.split()
        if (method, path) in kinds:
            by_kind[kinds[(method, path)]].append(int(micros) / 1e6)
            by_kind["all"].append(int(micros) / 1e6)
    return by_kind


def table(samples: list[tuple[str, int, float]], inside: dict[str, list[float]]) -> list[str]:
    by_kind: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for kind, status, seconds in samples:
        by_kind[kind].append((status, seconds))
    rows = [
        "| request | count | 5xx | p50 | p95 | p99 | max | in worker p50 | in worker p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, results in [*by_kind.items(), ("all", [(s, t) for _, s, t in samples])]:
        times = sorted(seconds for _, seconds in results)
        worker = sorted(inside.get(kind, [])) or [float("nan")]
        values = [*(stack.percentile(times, p) for p in PERCENTILES), times[-1]]
        values += [stack.percentile(worker, p) for p in PERCENTILES[:2]]
        errors = sum(1 for status, _ in results if status >= 500)
        label = f"**{kind}**" if kind == "all" else kind
        cells = " | ".join(f"{value * 1000:.0f} ms" for value in values)
        rows.append(f"| {label} | {len(times)} | {errors} | {cells} |")
    return rows


@dataclass
class Measurement:
    when: dt.datetime
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    samples: list[tuple[str, int, float]]
    inside: dict[str, list[float]]  # seconds inside a gunicorn worker, by kind
    web_cpu: float  # CPU seconds of gunicorn (master and workers) during the run
    unexpected: list[str]
    emails: dict[str, int]
    cohorts: list[tuple[int, str, int, int, int]]


def configure(*, database_url: str, redis_url: str, media: Path, static: Path) -> None:
    """Production settings on the run's own database, queue, MEDIA_ROOT and STATIC_ROOT, for
    this process and the ones it starts."""
    stack.production_environment(
        settings="gencisi.settings.production",
        database_url=database_url,
        redis_url=redis_url,
        media=media,
        static=static,
        CELERY_QUEUE=f"load-{uuid.uuid4().hex[:12]}",
    )
    import django

    django.setup()


def start_services(port: int) -> tuple[subprocess.Popen, subprocess.Popen]:
    worker = stack.start_worker(logs=LOGS)
    web = stack.start(
        "gunicorn",
        [
            "gunicorn",
            "gencisi.wsgi",
            "--workers",
            str(WEB_WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            str(LOGS / "access.log"),
            "--access-logformat",
            "%(m)s %(U)s %(s)s %(D)s",  # method, path, status, µs inside the worker
        ],
        logs=LOGS,
    )
    return web, worker


def measure(plan: LoadPlan) -> Measurement:
    from django.utils import timezone

    from bench.load_users import run_people

    port = stack.free_port()
    web, worker = start_services(port)
    try:
        stack.wait_until_serving(port, web, logs=LOGS, command="make load")
        load_before, when, cpu_before = (
            os.getloadavg(),
            timezone.localtime(),
            stack.cpu_seconds(web.pid),
        )
        recorder = run_people(plan=plan, port=port, seconds=SECONDS, ramp_up=RAMP_UP)
        load_after, web_cpu = os.getloadavg(), stack.cpu_seconds(web.pid) - cpu_before
        emails = wait_for_emails()
    finally:
        stack.stop(web)
        stack.stop(worker)
    return Measurement(
        when,
        load_before,
        load_after,
        recorder.samples,
        worker_times(recorder.kinds),
        web_cpu,
        recorder.unexpected,
        emails,
        seats(),
    )


def problems_of(plan: LoadPlan, result: Measurement) -> list[str]:
    problems = list(result.unexpected)
    problems += [
        f"overbooked: {title}: {held} seats held of {capacity}"
        for _, title, capacity, held, _ in result.cohorts
        if held > capacity
    ]
    if not any(pk == plan.small_cohort and waiting for pk, *_, waiting in result.cohorts):
        problems.append("the small cohort's waiting list stayed empty: nothing was contended")
    if result.emails.get("failed") or result.emails.get("queued"):
        problems.append(f"e-mails not all sent: {result.emails}")
    return problems


def report(plan: LoadPlan, result: Measurement, problems: list[str]) -> list[str]:
    total = len(result.samples)
    loads = ", after: ".join(
        "/".join(f"{value:.1f}" for value in load)
        for load in (result.load_before, result.load_after)
    )
    return [
        f"Load run {result.when:%Y-%m-%d %H:%M} ({result.when:%Z}): {stack.machine()}",
        (
            f"{len(plan.participants)} participants + {len(plan.coordinators)} coordinators for "
            f"{SECONDS:.0f} s (arriving over {RAMP_UP:.0f} s), gunicorn {WEB_WORKERS} sync "
            "workers, Celery worker ×2, PostgreSQL, Redis"
        ),
        f"load average (1/5/15 min) before: {loads}",
        f"{total} requests, {total / SECONDS:.1f}/s; e-mails sent: {result.emails.get('sent', 0)}",
        (
            f"gunicorn CPU: {result.web_cpu:.1f} s, {result.web_cpu / total * 1000:.0f} ms a "
            f"request on average; one password check (each login): {password_check_ms():.0f} ms"
        ),
        "",
        *table(result.samples, result.inside),
        "",
        "| cohort | seats | held (confirmed + pending) | waiting list |",
        "|---|---:|---:|---:|",
        *(
            f"| {title} | {capacity} | {held} | {waiting} |"
            for _, title, capacity, held, waiting in result.cohorts
        ),
        "",
        "OK: no 5xx, no unexpected answer, no overbooking"
        if not problems
        else f"FAILED: {len(problems)} problem(s)",
    ]


def main() -> int:
    redis_url = os.environ.get("LOAD_REDIS_URL") or os.environ.get("REDIS_URL")
    if not redis_url:
        fail("set LOAD_REDIS_URL (or REDIS_URL): the broker and cache of the run")
    database_url = os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE)
    recreate_database(database_url)
    LOGS.mkdir(parents=True, exist_ok=True)
    media = Path(tempfile.mkdtemp(prefix="gencisi-load-media-"))
    static = Path(tempfile.mkdtemp(prefix="gencisi-load-static-"))
    try:
        configure(database_url=database_url, redis_url=redis_url, media=media, static=static)
        from django.core.management import call_command
        from django.db import connection

        from bench import load_data

        started = time.monotonic()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        plan = load_data.build(participants=USERS)
        connection.close()
        print(f"set-up: {time.monotonic() - started:.0f} s", file=sys.stderr)  # noqa: T201
        result = measure(plan)
    finally:
        shutil.rmtree(media, ignore_errors=True)
        shutil.rmtree(static, ignore_errors=True)
    problems = problems_of(plan, result)
    print("\n".join(report(plan, result, problems)))  # noqa: T201
    for problem in problems[:30]:
        print(f"  {problem}", file=sys.stderr)  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
