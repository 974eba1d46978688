"""The database half of a backup: dump one consistent snapshot (and read from that same
snapshot which files it references), and load a dump into an empty database.

PostgreSQL: `pg_dump --format=custom` on a snapshot exported by our own repeatable-read
transaction, `pg_restore` in a single transaction; both connect as Django does, the password in
the environment, never on the command line. SQLite: the online backup API, both ways.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import transaction
from django.db.migrations.executor import MigrationExecutor

from documents.backup import BackupError, both
from documents.models import Document

MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


def vendor_of(connection) -> str:
    if connection.vendor not in MEMBERS:
        raise BackupError(
            both(
                f"{connection.vendor} veritabanı desteklenmiyor",
                f"{connection.vendor} databases are not supported",
            )
        )
    return connection.vendor


def server_version(connection) -> str:
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]


def table_count(connection) -> int:
    return len(connection.introspection.table_names())


def pending_migrations(connection) -> int:
    """How many of this code's migrations the database has not applied yet."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _run(args: list[str], *, env: dict[str, str]) -> str:
    completed = subprocess.run(  # noqa: S603 — our own arguments, never a shell
        args, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BackupError(
            both(f"{args[0]} başarısız oldu", f"{args[0]} failed") + f": {completed.stderr.strip()}"
        )
    return completed.stdout


def _referenced_files(cursor) -> list[tuple[int, str, str]]:
    """(id, file name, SHA-256 recorded when it was written) of every document with a file."""
    table = Document._meta.db_table
    cursor.execute(
        f"SELECT id, file, file_sha256 FROM {table} WHERE file <> '' ORDER BY id"  # noqa: S608 — the model's own table
    )
    return [(int(pk), name, sha256) for pk, name, sha256 in cursor.fetchall()]


def _pg_env(connection) -> dict[str, str]:
    config = connection.settings_dict
    _, secrets = connection.client.settings_to_cmd_args_env(config, [])
    env = {**os.environ, **(secrets or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if config.get(key):
            env[variable] = str(config[key])
    env["PGDATABASE"] = config["NAME"]
    return env


def pg_tool_major(tool: str) -> int:
    """The major version of an installed PostgreSQL client tool."""
    if shutil.which(tool) is None:
        raise BackupError(
            both(
                f"{tool} bulunamadı: postgresql-client paketini kurun",
                f"{tool} not found: install the postgresql-client package",
            )
        )
    found = re.search(r"\(PostgreSQL\) (\d+)", _run([tool, "--version"], env=dict(os.environ)))
    if found is None:
        raise BackupError(both(f"{tool} sürümü okunamadı", f"Cannot read the {tool} version"))
    return int(found.group(1))


def pg_tool_check(tool: str, *, major: int, at_least: int, of_what: str) -> None:
    """pg_dump cannot dump a newer server; pg_restore cannot read a newer pg_dump's archive."""
    if major < at_least:
        raise BackupError(
            both(
                f"{tool} {major}, {of_what} {at_least} için eski: postgresql-client-{at_least} "
                "kurun",
                f"{tool} {major} is older than {of_what} {at_least}: install "
                f"postgresql-client-{at_least}",
            )
        )


def _dump_postgresql(connection, target: Path) -> tuple[str, list]:
    tool_major = pg_tool_major("pg_dump")
    pg_tool_check(
        "pg_dump", major=tool_major, at_least=connection.pg_version // 10000, of_what="PostgreSQL"
    )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", str(target)],
            env=_pg_env(connection),
        )
        return str(tool_major), _referenced_files(cursor)


def _load_postgresql(connection, source: Path, *, replace: bool, dumped_by: str) -> None:
    tool_major = pg_tool_major("pg_restore")
    pg_tool_check("pg_restore", major=tool_major, at_least=int(dumped_by), of_what="pg_dump")
    env = _pg_env(connection)
    connection.close()
    # One transaction: a restore that fails leaves the database as it was. Objects belong to
    # the user Django connects as; the old server's owners and grants are not carried over.
    args = ["pg_restore", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error"]
    if replace:
        args += ["--clean", "--if-exists"]
    _run([*args, "--dbname", env["PGDATABASE"], str(source)], env=env)


def _dump_sqlite(connection, target: Path) -> tuple[str, list]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        return sqlite3.sqlite_version, _referenced_files(copy.cursor())
    finally:
        copy.close()


def _load_sqlite(connection, source: Path) -> None:
    target = connection.settings_dict["NAME"]
    connection.close()
    backup, live = sqlite3.connect(source), sqlite3.connect(target)
    try:
        backup.backup(live)  # every page of the target replaced, in one step
    finally:
        backup.close()
        live.close()


def database_dump(connection, target: Path) -> tuple[str, list[tuple[int, str, str]]]:
    """Dump the database to `target`; returns the dumping tool's version and the documents
    with a file in that same snapshot."""
    if vendor_of(connection) == "postgresql":
        return _dump_postgresql(connection, target)
    return _dump_sqlite(connection, target)


def database_load(connection, source: Path, *, replace: bool, dumped_by: str) -> None:
    """Load a dump of this vendor; `replace` drops the objects it contains first (PostgreSQL;
    SQLite's backup API always replaces the whole file)."""
    if vendor_of(connection) == "postgresql":
        _load_postgresql(connection, source, replace=replace, dumped_by=dumped_by)
    else:
        _load_sqlite(connection, source)
