import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection, transaction

from core.models import BackgroundJob
from documents import services
from documents.models import Document
from tests.conftest import database_url_for_subprocess, skip_or_fail

ROOT = Path(__file__).resolve().parents[4]


@dataclass
class Site:
    """An installation of this code on its own database and MEDIA_ROOT, driven by `manage.py`
    subprocesses (as an operator would)."""

    database_url: str
    media_root: Path

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "gencisi.settings.test",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def visit(self) -> dict:
        """What restored_site.py saw: each certificate's verification and each document."""
        completed = subprocess.run(
            [sys.executable, "-m", "tests.documents.management.commands.restored_site"],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return json.loads(completed.stdout)

    def table_count(self) -> int:
        completed = self.manage(
            "shell",
            "--verbosity=0",
            "-c",
            "from django.db import connection; print(len(connection.introspection.table_names()))",
        )
        return int(completed.stdout)


@pytest.fixture
def fresh_site(transactional_db, tmp_path):
    """A new, empty database of the test database's vendor (a PostgreSQL database created here
    and dropped afterwards, or a new SQLite file) and an empty MEDIA_ROOT."""
    media_root = tmp_path / "restored-media"
    if connection.vendor == "sqlite":
        yield Site(f"sqlite:///{tmp_path / 'restored.sqlite3'}", media_root)
        return
    for tool in ("pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            skip_or_fail(f"{tool} is not installed (apt-get install postgresql-client)")
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Site(database_url_for_subprocess().rsplit("/", 1)[0] + f"/{name}", media_root)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def ready_documents(transactional_db, coordinator):
    """make(n) → n ready test certificates (owned by BackgroundJobs), rendered on commit."""

    def make(count: int) -> list[Document]:
        jobs = [
            BackgroundJob.objects.create(
                kind=BackgroundJob.Kind.WORKER_CHECK,
                requested_by=coordinator,
                result={"name": f"Katılımcı {n}"},
            )
            for n in range(count)
        ]
        with transaction.atomic():
            documents = services.documents_request(kind="test_certificate", owners=jobs)
        ready = list(Document.objects.filter(pk__in=[d.pk for d in documents]).order_by("pk"))
        assert {document.status for document in ready} == {Document.Status.READY}
        return ready

    return make
