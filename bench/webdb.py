"""The web benchmark's database: scale data loaded once into a template database, copied for
every run (`CREATE DATABASE … TEMPLATE …`, a file copy: seconds instead of minutes).

The template is built again when its data version changes: the generator's and the migrations'
source, the scale factor and seed, and the day (the data is anchored to the day it was loaded,
so that finished, running and upcoming cohorts stay what they are)."""

import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

from bench import stack

ROOT = stack.ROOT
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gencisi_bench_web"
VERSIONED = ("gencisi/scale", "*/migrations", "participants/demo.py", "programs/demo.py")


def data_version(*, factor: float, seed: int) -> str:
    today = dt.datetime.now(ZoneInfo("Europe/Istanbul")).date()  # settings.TIME_ZONE
    digest = hashlib.sha256(f"{factor}:{seed}:{today.isoformat()}".encode())
    for pattern in VERSIONED:
        for path in sorted(ROOT.glob(f"{pattern}/*.py" if "." not in pattern else pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _identifier(name: str):
    from psycopg import sql

    return sql.Identifier(name)


def _comment_of(connection, name: str) -> str | None:
    row = connection.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        (name,),
    ).fetchone()
    return None if row is None else (row[0] or "")


def _with_name(url: str, name: str) -> str:
    base, _, _old = url.partition("?")[0].rpartition("/")
    return f"{base}/{name}"


def _build_template(url: str, template: str, version: str, *, factor: float, seed: int) -> None:
    """migrate + load_scale in a database of its own, analysed, then marked with its version."""
    from psycopg import sql

    building = template + "_building"
    stack.create_database(url, name=building)
    environment = {"DATABASE_URL": _with_name(url, building), "DJANGO_DEBUG": "false"}
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_scale", "--scale", str(factor), "--seed", str(seed)],
    ):
        _manage(command, environment)
    with stack.maintenance_connection(url, dbname=building) as connection:
        connection.execute("VACUUM ANALYZE")
    with stack.maintenance_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(_identifier(template))
        )
        connection.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                _identifier(building), _identifier(template)
            )
        )
        connection.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                _identifier(template), sql.Literal(f"gencisi scale data {version}")
            )
        )


def _manage(arguments: list[str], environment: dict) -> None:
    result = subprocess.run(  # noqa: S603 — our own interpreter and arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gencisi.settings.local", **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        stack.fail(
            "make bench", f"manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}"
        )


def prepare(url: str, *, factor: float, seed: int, log) -> dict:
    """A fresh copy of the scale data in `url`'s database; returns what it took (seconds)."""
    name = stack.database_config(url)["NAME"]
    if not stack.is_postgresql(url):
        stack.fail("make bench", "BENCH_WEB_DATABASE_URL must be a PostgreSQL database")
    if "bench" not in name:
        stack.fail(
            "make bench", f"the run drops and recreates {name}: its name must contain 'bench'"
        )
    template = f"{name}_template"
    version = data_version(factor=factor, seed=seed)
    times = {}
    with stack.maintenance_connection(url) as connection:
        current = _comment_of(connection, template)
    if current != f"gencisi scale data {version}":
        log(f"building the scale data template {template} (version {version}) …")
        started = time.monotonic()
        _build_template(url, template, version, factor=factor, seed=seed)
        times["template built"] = time.monotonic() - started
    started = time.monotonic()
    stack.create_database(url, template=template)
    times["copied from the template"] = time.monotonic() - started
    return times


def size_of(url: str) -> str:
    name = stack.database_config(url)["NAME"]
    with stack.maintenance_connection(url) as connection:
        return connection.execute(
            "SELECT pg_size_pretty(pg_database_size(%s))", (name,)
        ).fetchone()[0]
