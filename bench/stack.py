"""The production stack on loopback, for `make load` and `make bench`: a PostgreSQL database of
the run's own, gunicorn (and a Celery worker) started and stopped here, and what is measured of
them from outside (/proc)."""

import math
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fail(command: str, message: str) -> None:
    print(f"{command}: {message}", file=sys.stderr)  # noqa: T201
    sys.exit(2)


def database_config(url: str) -> dict:
    import environ

    return environ.Env.db_url_config(url)


@contextmanager
def maintenance_connection(url: str, dbname: str = "postgres"):
    """An autocommit connection to the server's `postgres` database (to create and drop the
    run's own), or to `dbname`."""
    import psycopg

    config = database_config(url)
    with psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    ) as connection:
        yield connection


def is_postgresql(url: str) -> bool:
    return database_config(url)["ENGINE"] == "django.db.backends.postgresql"


def create_database(url: str, *, name: str = "", template: str = "", replace: bool = True) -> bool:
    """CREATE DATABASE `name` (by default `url`'s own) on `url`'s PostgreSQL server, a copy of
    `template` when given. One that exists already is dropped first (`replace`, its sessions
    ended) or else kept as it is. Returns whether a database was created."""
    from psycopg import sql

    name = name or database_config(url)["NAME"]
    with maintenance_connection(url) as connection:
        if replace:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        elif connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        connection.execute(create)
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(
    name: str, args: list[str], *, logs: Path, environment: dict[str, str] | None = None
) -> subprocess.Popen:
    """`python -m <args>` in the project, with this process's environment (and `environment`
    over it), its output in <logs>/<name>.log."""
    log = (logs / f"{name}.log").open("w")
    return subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env={**os.environ, **(environment or {})},
        stdout=log,
        stderr=log,
    )


def start_worker(
    *, logs: Path, queue: str | None = None, broker_url: str | None = None
) -> subprocess.Popen:
    """A Celery worker (×2 processes) on the run's own queue, without the cluster chatter a
    single worker does not need. The queue is `queue` or else `CELERY_QUEUE` of the environment;
    the broker (and cache) `broker_url` or else `REDIS_URL` of the environment. Both are passed
    on as CELERY_QUEUE and REDIS_URL, so that what the worker's own tasks send goes there too."""
    queue = queue or os.environ["CELERY_QUEUE"]
    environment = {"CELERY_QUEUE": queue, **({"REDIS_URL": broker_url} if broker_url else {})}
    return start(
        "worker",
        [
            "celery",
            "-A",
            "gencisi",
            "worker",
            "--queues",
            queue,
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        logs=logs,
        environment=environment,
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_serving(port: int, web: subprocess.Popen, *, logs: Path, command: str) -> None:
    import http.client

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if web.poll() is not None:
            fail(command, f"gunicorn exited ({web.returncode}); see {logs / 'gunicorn.log'}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("HEAD", "/")  # HEAD: not counted with the measured requests
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    fail(command, "gunicorn did not answer within 60 s")


def children(pid: int) -> list[int]:
    try:
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children that are still running."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(child) for child in children(pid))


def memory_kb(pid: int, field: str = "VmRSS") -> int:
    """A line of /proc/<pid>/status in kB: VmRSS (resident now), VmHWM (its peak)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak_memory(pid: int) -> None:
    """Start VmHWM again from the current resident size (Linux ≥ 4.0)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def percentile(ordered: list[float], p: float) -> float:
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPU ({model}), Python {platform.python_version()}"


def profile_in_process() -> None:
    """Set up Django in this process as the bench's gunicorn runs it (production settings, the
    bench's URLs and database, a throwaway MEDIA_ROOT and STATIC_ROOT, static files collected):
    for the profiles of bench/profile_*.py."""
    from bench import webdb

    production_environment(
        settings="bench.settings",
        database_url=os.environ.get("BENCH_WEB_DATABASE_URL", webdb.DEFAULT_URL),
        redis_url=os.environ.get("BENCH_WEB_REDIS_URL") or os.environ.get("REDIS_URL", ""),
        media=Path(tempfile.mkdtemp(prefix="gencisi-profile-media-")),
        static=Path(tempfile.mkdtemp(prefix="gencisi-profile-static-")),
        ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def production_environment(
    *, settings: str, database_url: str, redis_url: str, media: Path, static: Path, **extra: str
) -> None:
    """Production settings (a throwaway SECRET_KEY, plain HTTP on loopback) on the run's own
    database, cache, MEDIA_ROOT and STATIC_ROOT, for this process and those it starts."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": settings,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(media),
            "STATIC_ROOT": str(static),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "DJANGO_DEBUG": "false",
            **extra,
        }
    )
