"""Fault scenarios on the real services (a Redis of the test's own, PostgreSQL, a real SMTP
server, real Celery workers) that cross apps: a registration, a bulk issue of certificates, their
PDFs and their e-mails. Unit-level proofs live beside the modules they prove (tests/core/,
tests/documents/, tests/participants/, tests/certificates/, tests/notifications/)."""

import psycopg
import pytest
from django.db import connection

from tests.certificates.conftest import certificate_cohort, enrol  # noqa: F401 — fixtures
from tests.conftest import database_url_for_subprocess, skip_or_fail


@pytest.fixture
def worker_media(monkeypatch, settings):
    """The workers started next write their files where this test looks for them."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


@pytest.fixture
def postgresql(transactional_db):
    if connection.vendor != "postgresql":
        skip_or_fail("killing database connections needs PostgreSQL (DATABASE_URL)")


def terminate_backends(*, keep_mine: bool) -> int:
    """Kill the test database's connections from a connection of our own, as a restart or a
    network failure would: every one of them, or every one but this process's own Django
    connection (`keep_mine`). Returns how many were killed."""
    mine = None
    if keep_mine:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            mine = cursor.fetchone()[0]
    with psycopg.connect(database_url_for_subprocess(), autocommit=True) as admin:
        return admin.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND pid IS DISTINCT FROM %s",
            [mine],
        ).fetchone()[0]
