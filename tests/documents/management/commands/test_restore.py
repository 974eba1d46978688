import io
import json
import tarfile
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from accounts.models import User
from action_plans.models import PLAN_DOCUMENT_KIND as PLAN_KIND
from action_plans.models import ActionPlan
from certificates.models import Certificate
from certificates.services import certificate_bundle_request, certificates_issue
from documents.backup import archive as backup_archive
from documents.models import Document
from documents.services import document_request
from programs.models import Cohort

pytestmark = pytest.mark.django_db(transaction=True)


def _issue_demo_documents() -> None:
    """The demo's finished cohort with its certificates issued, their ZIP and a plan's PDF,
    all rendered (tasks run on commit, in-process)."""
    cohort = Cohort.objects.get(title="Ankara dönemi")
    coordinator = User.objects.get(email="koordinator@gencisi.local")
    with transaction.atomic():
        certificates_issue(cohort=cohort, issued_by=coordinator)
    with transaction.atomic():
        document_request(
            kind=PLAN_KIND,
            owner=ActionPlan.objects.filter(cohort=cohort).order_by("pk").first(),
            requested_by=coordinator,
        )
    with transaction.atomic():
        certificate_bundle_request(cohort=cohort, requested_by=coordinator)


def _archive_of(path: Path, *, vendor: str, documents: list) -> Path:
    """A tar holding only a manifest (as a hand-made or tampered backup would)."""
    manifest = {
        "format": "gencisi-backup",
        "version": 1,
        "database": {"vendor": vendor},
        "documents": documents,
        "deleted_during_backup": [],
    }
    encoded = json.dumps(manifest).encode()
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(encoded)
        archive.addfile(info, io.BytesIO(encoded))
    return path


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", output=path, stdout=out)
    return out.getvalue()


def test_a_restored_backup_verifies_every_certificate_and_downloads_every_document(
    demo_data, fresh_site, tmp_path
):
    _issue_demo_documents()
    documents = Document.objects.order_by("pk")
    assert Counter(documents.values_list("kind", flat=True)) == {
        "certificate": Certificate.objects.count(),
        "action_plan": 1,
        "certificate_bundle": 1,
    }
    assert set(documents.values_list("status", flat=True)) == {"ready"}
    codes = list(Certificate.objects.order_by("pk").values_list("code", flat=True))
    files = {str(pk): sha256 for pk, sha256 in documents.values_list("pk", "file_sha256")}

    _backup(tmp_path / "backup.tar")
    restored = fresh_site.manage("restore", "--input", str(tmp_path / "backup.tar"))

    assert restored.returncode == 0, restored.stderr
    assert f"{len(files)} files match the SHA-256 of their rows" in restored.stdout
    site = fresh_site.visit()
    assert site["certificates"] == {code: {"status": 200, "valid": True} for code in codes}
    assert {pk: (row["download"], row["sha256"]) for pk, row in site["documents"].items()} == {
        pk: (200, sha256) for pk, sha256 in files.items()
    }


def test_a_zip_the_platform_deleted_during_the_backup_is_built_again_after_restore(
    ready_documents, fresh_site, tmp_path, monkeypatch, settings
):
    """Between the snapshot and the file copy a newer ZIP turns ready and the platform deletes
    the older one's file: the restore empties that row's file, as the platform did, and queues
    the ZIP (current in the snapshot) to be built again."""
    (member,) = ready_documents(1)
    job = member.owner
    job.result = {"title": "Sertifikalar", "document_ids": [member.pk]}
    job.save()
    with transaction.atomic():
        bundle = document_request(kind="test_bundle", owner=job)
    bundle.refresh_from_db()
    real_dump = backup_archive.database_dump

    def dump_then_delete(db, target):
        dumped = real_dump(db, target)
        (Path(settings.MEDIA_ROOT) / bundle.file.name).unlink()
        Document.objects.filter(pk=bundle.pk).update(file="")
        return dumped

    monkeypatch.setattr(backup_archive, "database_dump", dump_then_delete)
    assert "Older ZIPs deleted during the backup: 1" in _backup(tmp_path / "backup.tar")
    restored = fresh_site.manage("restore", "--input", str(tmp_path / "backup.tar"))

    assert restored.returncode == 0, restored.stderr
    rows = fresh_site.visit()["documents"]
    assert rows[str(bundle.pk)] == {"kind": "test_bundle", "status": "queued", "file": ""}
    assert rows[str(member.pk)]["sha256"] == member.file_sha256


def test_restore_refuses_a_database_that_has_tables(ready_documents, tmp_path):
    ready_documents(1)
    _backup(tmp_path / "backup.tar")
    Document.objects.all().delete()

    with pytest.raises(CommandError, match=r"pass --force to overwrite it") as refused:
        call_command("restore", input=tmp_path / "backup.tar", stdout=io.StringIO())

    assert str(refused.value).startswith("Veritabanı boş değil (")
    assert Document.objects.count() == 0


def test_restore_refuses_a_media_root_that_has_files(ready_documents, fresh_site, tmp_path):
    ready_documents(1)
    _backup(tmp_path / "backup.tar")
    fresh_site.media_root.mkdir()
    (fresh_site.media_root / "başka.pdf").write_bytes(b"%PDF-")

    restored = fresh_site.manage("restore", "--input", str(tmp_path / "backup.tar"))

    assert restored.returncode == 1
    assert f"{fresh_site.media_root} is not empty; pass --force to write into it" in (
        restored.stderr
    )
    assert fresh_site.table_count() == 0


def test_restore_rejects_a_damaged_backup_before_writing_anything(
    ready_documents, fresh_site, tmp_path
):
    (document,) = ready_documents(1)
    _backup(tmp_path / "backup.tar")
    data = bytearray((tmp_path / "backup.tar").read_bytes())
    pdf = bytes(Path(document.file.path).read_bytes())
    at = data.index(pdf) + len(pdf) // 2
    data[at] ^= 0xFF
    (tmp_path / "damaged.tar").write_bytes(bytes(data))

    restored = fresh_site.manage("restore", "--input", str(tmp_path / "damaged.tar"))

    assert restored.returncode == 1
    assert f"The backup is damaged: media/{document.file.name} fails its SHA-256" in (
        restored.stderr
    )
    assert fresh_site.table_count() == 0
    assert not fresh_site.media_root.exists()


def test_restore_refuses_a_backup_of_the_other_database_vendor(db, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    _archive_of(tmp_path / "other.tar", vendor=other, documents=[])
    names = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}

    with pytest.raises(CommandError) as refused:
        call_command("restore", input=tmp_path / "other.tar")

    assert str(refused.value) == (
        f"Bu yedek {names[other]} için, veritabanı {names[connection.vendor]} / "
        f"This backup is of {names[other]}, the database is {names[connection.vendor]}"
    )


def test_restore_says_when_the_file_is_not_a_backup(db, tmp_path):
    (tmp_path / "notes.txt").write_text("yedek değil")

    with pytest.raises(CommandError) as refused:
        call_command("restore", input=tmp_path / "notes.txt")

    assert str(refused.value) == (
        f"{tmp_path / 'notes.txt'} okunamadı / Cannot read {tmp_path / 'notes.txt'}"
    )


def test_restore_refuses_a_manifest_that_writes_outside_media_root(db, tmp_path):
    _archive_of(
        tmp_path / "hostile.tar",
        vendor=connection.vendor,
        documents=[{"id": 1, "path": "../../.bashrc", "sha256": "0" * 64}],
    )

    with pytest.raises(CommandError) as refused:
        call_command("restore", input=tmp_path / "hostile.tar")

    assert str(refused.value) == (
        "Geçersiz dosya adı: '../../.bashrc' / Invalid file name: '../../.bashrc'"
    )
