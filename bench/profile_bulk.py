"""What the bulk line costs per certificate besides WeasyPrint, in this process, deterministic
enough to compare before and after a change on a shared machine:

    BENCH_DATABASE_URL=postgres://…/gencisi_bench_pdf .venv/bin/python bench/profile_bulk.py [n]

The settings and database of `bench/run.py bulk` (n certificates, 100 by default). A cohort of
`n` is issued with Celery's publishing replaced by a list; then every task that was (or is, by
the tasks run) enqueued is run here, one after the other, as the worker would (`Task.apply`):
the render tasks, then the e-mail tasks. Printed: Celery tasks, queries and commits per
certificate, by task; this process's CPU per certificate by phase, split into WeasyPrint's own
(`HTML()`, `render`, `write_pdf`: what the floor measures) and everything around it; then the
same run of another cohort under cProfile, the functions outside WeasyPrint with the most time
(BULK_TOP of them, 35 by default; 0: no profile).
"""

import cProfile
import importlib
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEDIA = Path(tempfile.mkdtemp(prefix="gencisi-profile-bulk-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "gencisi.settings.local",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gencisi_bench_pdf"
        ),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(MEDIA),
        "LOG_LEVEL": "WARNING",
        "DJANGO_DEBUG": "false",
    }
)
BACKEND_PID = "SELECT pg_backend_pid()"
TOP = int(os.environ.get("BULK_TOP", "35"))
# The parts of the pipeline, by the functions that do them (CPU inside each, WeasyPrint included
# where it runs inside).
PARTS = {
    "render: QR code": ("documents.layouts", "qr_png_data_uri"),
    "render: template": ("documents.rendering", "_html"),
    "render: fit check": ("documents.rendering", "laid_out_blocks"),
    "render task: claim": ("documents.services.renders", "_claim"),
    "render task: store (all)": ("documents.services.renders", "_store"),
    "store: files written": ("documents.services.renders", "_write_all"),
    "store: e-mails queued (all)": ("certificates.services", "certificates_ready_notify"),
    "e-mail: rendered": ("notifications.services", "notification_render"),
    "send: claimed": ("notifications.services", "_claim"),
    "send: delivered": ("notifications.services", "_deliver"),
    "send: recorded": ("notifications.services", "_record"),
}


class Meter:
    """Queries and commits (by the task running), and CPU inside WeasyPrint."""

    def __init__(self) -> None:
        self.task = "issue"
        self.queries: Counter = Counter()
        self.commits: Counter = Counter()
        self.weasyprint = 0.0
        self._depth = 0
        self.parts: Counter = Counter()

    def __call__(self, execute, sql, params, many, context):
        if sql != BACKEND_PID:  # the profile's own look at the backend's CPU
            self.queries[self.task] += 1
        return execute(sql, params, many, context)

    def timed(self, function):
        meter = self

        def wrapper(*args, **kwargs):
            meter._depth += 1
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                meter._depth -= 1
                if not meter._depth:
                    meter.weasyprint += time.process_time() - started

        return wrapper


def part_timer(meter: Meter, label: str, function):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            meter.parts[label] += time.process_time() - started

    return wrapper


@contextmanager
def metered(meter: Meter, published: list):
    """Publishing into `published`, WeasyPrint timed, commits counted."""
    import weasyprint
    from celery.app.task import Task
    from django.db import connection
    from weasyprint.document import Document as PdfDocument

    originals = [
        (weasyprint.HTML, "__init__"),
        (weasyprint.HTML, "render"),
        (PdfDocument, "write_pdf"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in originals]
    for owner, name, function in saved:
        setattr(owner, name, meter.timed(function))
    for label, (module, name) in PARTS.items():
        owner = importlib.import_module(module)
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, part_timer(meter, label, getattr(owner, name)))
    apply_async = Task.apply_async
    Task.apply_async = lambda task, args=None, kwargs=None, **options: published.append(  # noqa: ARG005
        (task, kwargs or {})
    )
    commit = connection.commit

    def counting_commit():
        meter.commits[meter.task] += 1
        return commit()

    connection.commit = counting_commit
    try:
        with connection.execute_wrapper(meter):
            yield
    finally:
        for owner, name, function in saved:
            setattr(owner, name, function)
        Task.apply_async = apply_async
        del connection.commit


def backend_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend so far (0 when it is not local)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute(BACKEND_PID)
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(size: int, meter: Meter) -> tuple[dict, dict]:
    """Issue `size` certificates and run every task it leads to; (CPU by phase, tasks by name)."""
    from bench.bulk import build_cohort
    from certificates.services import certificates_issue
    from core.background import load_url_configuration

    cohort, coordinator = build_cohort(size=size)
    load_url_configuration()
    published: list = []
    cpu: dict = defaultdict(float)
    weasy: dict = defaultdict(float)
    database: dict = defaultdict(float)
    tasks: Counter = Counter()
    database_before = backend_cpu()
    with metered(meter, published):
        meter.task = "issue"
        started = time.process_time()
        issued = certificates_issue(cohort=cohort, issued_by=coordinator).issued
        cpu["issue"] += time.process_time() - started
        database["issue"] = backend_cpu() - database_before
        assert issued == size, issued
        while published:
            task, kwargs = published.pop(0)
            meter.task = task.name
            tasks[task.name] += 1
            before = meter.weasyprint
            started = time.process_time()
            database_before = backend_cpu()
            task.apply(kwargs=kwargs, throw=True)
            cpu[task.name] += time.process_time() - started
            weasy[task.name] += meter.weasyprint - before
            database[task.name] += backend_cpu() - database_before
    return {name: (cpu[name], weasy[name], database[name]) for name in cpu}, tasks


def row_text(name: str, row: list[float]) -> str:
    tasks, queries, commits, cpu, weasy, database = row
    return (
        f"{name:34} {tasks:6.2f} {queries:8.2f} {commits:8.2f} {cpu:7.2f} {weasy:11.2f} "
        f"{cpu - weasy:6.2f} {database:11.2f}"
    )


def main(size: int) -> None:
    import django

    django.setup()
    from celery.signals import worker_process_init
    from django.core.management import call_command

    from bench import stack

    url = os.environ["DATABASE_URL"]
    if stack.is_postgresql(url):
        stack.create_database(url, replace=False)
    call_command("migrate", verbosity=0)
    worker_process_init.send(sender=None)  # what a pool process does when it starts
    run(10, Meter())  # warm-up: imports, templates, the first queries

    meter = Meter()
    cpu, tasks = run(size, meter)
    print(f"\n{size} certificates issued and every task run in process (CPU ms per certificate)")  # noqa: T201
    print(  # noqa: T201
        f"{'':34} {'tasks':>6} {'queries':>8} {'commits':>8} {'CPU':>7} {'WeasyPrint':>11} "
        f"{'rest':>6} {'PostgreSQL':>11}"
    )
    total = [0.0] * 6
    for name, (seconds, weasy, database) in cpu.items():
        row = [
            tasks.get(name, 0) / size,
            meter.queries[name] / size,
            meter.commits[name] / size,
            seconds * 1000 / size,
            weasy * 1000 / size,
            database * 1000 / size,
        ]
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(row_text(name, row))  # noqa: T201
    print(row_text("all", total))  # noqa: T201

    print("\nparts (CPU ms per certificate, WeasyPrint included where it runs inside)")  # noqa: T201
    for label in PARTS:
        print(f"  {label:40} {meter.parts[label] * 1000 / size:7.2f}")  # noqa: T201

    if not TOP:  # BULK_TOP=0: the table only
        return
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    run(size, Meter())
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(r"^(?!.*weasyprint)", TOP)
    print(out.getvalue())  # noqa: T201


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    finally:
        shutil.rmtree(MEDIA, ignore_errors=True)
