import datetime as dt
import io
import json
import stat
import tarfile
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection

from documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def _manifest(path: Path) -> dict:
    with tarfile.open(path) as archive:
        return json.load(archive.extractfile("manifest.json"))


def test_backup_holds_the_database_and_every_document_file_with_its_sha256(
    ready_documents, tmp_path
):
    documents = ready_documents(2)
    out = io.StringIO()

    call_command("backup", output=tmp_path / "yedek.tar", stdout=out)

    with tarfile.open(tmp_path / "yedek.tar") as archive:
        names = archive.getnames()
    files = [f"media/{document.file.name}" for document in documents]
    assert names == [DATABASE_MEMBER[connection.vendor], *files, "manifest.json"]
    manifest = _manifest(tmp_path / "yedek.tar")
    assert manifest["database"]["vendor"] == connection.vendor
    assert [(entry["id"], entry["path"], entry["sha256"]) for entry in manifest["documents"]] == [
        (document.pk, document.file.name, document.file_sha256) for document in documents
    ]
    assert manifest["deleted_during_backup"] == []
    assert stat.S_IMODE((tmp_path / "yedek.tar").stat().st_mode) == 0o600
    assert out.getvalue().splitlines()[:2] == [
        "Yedek yazıldı / Backup written",
        f"  {tmp_path / 'yedek.tar'}",
    ]
    assert out.getvalue().splitlines()[3].startswith("  Belgeler / Documents: 2 dosya / files, ")


def test_backup_into_a_folder_names_the_file_by_its_local_time(db, tmp_path):
    with time_machine.travel(dt.datetime(2026, 11, 26, 6, 30, 5, tzinfo=dt.UTC), tick=False):
        call_command("backup", output=tmp_path, stdout=io.StringIO())

    assert [path.name for path in tmp_path.iterdir()] == ["gencisi-backup-20261126-093005.tar"]


def test_backup_never_overwrites_a_file(db, tmp_path):
    (tmp_path / "yedek.tar").write_bytes(b"eski")

    with pytest.raises(CommandError) as refused:
        call_command("backup", output=tmp_path / "yedek.tar")

    assert str(refused.value) == (
        f"{tmp_path / 'yedek.tar'} zaten var / {tmp_path / 'yedek.tar'} already exists"
    )
    assert (tmp_path / "yedek.tar").read_bytes() == b"eski"


def test_a_missing_file_fails_the_backup_loudly_but_the_database_is_kept(ready_documents, tmp_path):
    kept, lost = ready_documents(2)
    Path(lost.file.path).unlink()
    err = io.StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("backup", output=tmp_path / "yedek.tar", stdout=io.StringIO(), stderr=err)

    assert str(failed.value) == (
        "Yedek yazıldı, ama 1 belgenin dosyasında sorun var / "
        "The backup was written, but 1 documents' files have problems"
    )
    assert err.getvalue() == (
        f"  Belge {lost.pk}: {lost.file.name} bulunamadı / "
        f"Document {lost.pk}: {lost.file.name} is missing\n"
    )
    assert [entry["id"] for entry in _manifest(tmp_path / "yedek.tar")["documents"]] == [kept.pk]


def test_a_file_that_differs_from_its_row_fails_the_backup(ready_documents, tmp_path):
    (document,) = ready_documents(1)
    Document.objects.filter(pk=document.pk).update(file_sha256="0" * 64)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("backup", output=tmp_path / "yedek.tar", stdout=io.StringIO(), stderr=err)

    assert err.getvalue() == (
        f"  Belge {document.pk}: {document.file.name} kaydındaki SHA-256 ile uyuşmuyor / "
        f"Document {document.pk}: {document.file.name} does not match the SHA-256 of its row\n"
    )
    assert (tmp_path / "yedek.tar").exists()
