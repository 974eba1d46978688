"""The documents' files go through Django's storage API only: the local storage writes them
whole or not at all, and the whole pipeline (render, store, supersede, bundle, download) runs
unchanged on a storage that has no local path at all (Django's InMemoryStorage standing in for
an object storage such as S3)."""

import hashlib
import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage, storages
from django.urls import reverse
from django.utils._os import safe_join

from documents import services, storage
from documents.models import Document
from documents.services import renders
from documents.storage import AtomicFileSystemStorage


def test_the_local_storage_renames_a_whole_file_into_place(tmp_path):
    local = AtomicFileSystemStorage(location=tmp_path)
    name = local.save("documents/a/1.pdf", ContentFile(b"%PDF-1.7 whole"))
    assert name == "documents/a/1.pdf"
    assert (tmp_path / "documents" / "a" / "1.pdf").read_bytes() == b"%PDF-1.7 whole"
    assert [p.name for p in (tmp_path / "documents" / "a").iterdir()] == ["1.pdf"]
    # A name taken gets a free one, as with FileSystemStorage.
    other = local.save("documents/a/1.pdf", ContentFile(b"second"))
    assert other != name
    with local.open(other) as stream:
        assert stream.read() == b"second"


def test_a_write_that_fails_leaves_nothing_under_any_name(tmp_path, monkeypatch):
    def broken_fsync(fd):
        raise OSError("no space left on device")

    monkeypatch.setattr(storage.os, "fsync", broken_fsync)
    local = AtomicFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError, match="no space left"):
        local.save("documents/a/1.pdf", ContentFile(b"%PDF-1.7"))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_the_default_storage_is_the_atomic_one():
    assert isinstance(storages["default"], AtomicFileSystemStorage)


class NoLocalPathStorage(InMemoryStorage):
    """Django's InMemoryStorage, whose `path()` (which would name a file that is not there)
    raises, as an object storage's does: any use of a local path fails the test."""

    def path(self, name):
        raise NotImplementedError(f"no local path for {name}")

    def _relative_path(self, name):  # InMemoryStorage's own use of path()
        return os.path.relpath(safe_join(self.location, name), self.location)


@pytest.fixture
def in_memory_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.NoLocalPathStorage"},
    }
    return default_storage


def _request(kind: str, owner, django_capture_on_commit_callbacks) -> Document:
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_request(kind=kind, owner=owner)
    document.refresh_from_db()
    return document


def test_the_render_pipeline_runs_on_a_storage_without_a_local_path(  # noqa: PLR0917
    in_memory_storage, owner_job, participant, client, django_capture_on_commit_callbacks, settings
):
    first = _request(
        "test_certificate", owner_job(name="İnci Işık"), django_capture_on_commit_callbacks
    )
    assert isinstance(first.file.storage._wrapped, NoLocalPathStorage)
    with pytest.raises(NotImplementedError):
        first.file.storage.path(first.file.name)
    assert first.status == Document.Status.READY
    with first.file.open("rb") as stream:
        pdf = stream.read()
    assert pdf[:5] == b"%PDF-"
    assert hashlib.sha256(pdf).hexdigest() == first.file_sha256
    assert in_memory_storage.size(first.file.name) == len(pdf)
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))  # nothing on the local disk

    second = _request(
        "test_certificate", owner_job(name="Ali Veli"), django_capture_on_commit_callbacks
    )
    job = owner_job(document_ids=[first.pk, second.pk], title="Sertifikalar")
    bundle = _request("test_bundle", job, django_capture_on_commit_callbacks)
    assert bundle.status == Document.Status.READY
    with bundle.file.open("rb") as stream:
        names = zipfile.ZipFile(io.BytesIO(stream.read())).namelist()
    assert names == ["Katılım sertifikası - İnci Işık.pdf", "Katılım sertifikası - Ali Veli.pdf"]

    # A newer bundle replaces the older one's file (deleted through the storage too).
    third = _request(
        "test_certificate", owner_job(name="Ece Su"), django_capture_on_commit_callbacks
    )
    job.result = {"document_ids": [first.pk, second.pk, third.pk], "title": "Sertifikalar"}
    job.save()
    newer = _request("test_bundle", job, django_capture_on_commit_callbacks)
    bundle.refresh_from_db()
    assert newer.pk != bundle.pk
    assert not bundle.file
    assert sorted(in_memory_storage.listdir("documents/test_bundle")[1]) == [
        Path(newer.file.name).name
    ]

    # Downloads stream from the storage (last: closing the response ends the request).
    client.force_login(participant)
    response = client.get(reverse("documents:download", kwargs={"document_id": first.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    response.close()


def test_a_batch_on_a_storage_without_a_local_path_is_written_in_one_thread(
    in_memory_storage, owner_job, django_capture_on_commit_callbacks, monkeypatch
):
    threads, real = [], renders._write

    def recording(document, pdf, name):
        threads.append(threading.get_ident())
        return real(document, pdf, name)

    monkeypatch.setattr(renders, "_write", recording)
    with django_capture_on_commit_callbacks(execute=True):
        documents = services.documents_request(
            kind="test_certificate", owners=[owner_job(name=f"Kişi {n}") for n in range(3)]
        )
    ready = Document.objects.filter(pk__in=[document.pk for document in documents])
    assert set(ready.values_list("status", flat=True)) == {"ready"}
    assert threads == [threading.get_ident()] * 3
    assert sorted(in_memory_storage.listdir("documents/test_certificate")[1]) == sorted(
        Path(document.file.name).name for document in ready
    )


def test_a_batch_on_the_local_disk_writes_its_files_at_the_same_time(
    owner_job, django_capture_on_commit_callbacks, monkeypatch
):
    threads, real = [], renders._write

    def recording(document, pdf, name):
        threads.append(threading.get_ident())
        return real(document, pdf, name)

    monkeypatch.setattr(renders, "_write", recording)
    with django_capture_on_commit_callbacks(execute=True):
        documents = services.documents_request(
            kind="test_certificate", owners=[owner_job(name=f"Kişi {n}") for n in range(3)]
        )
    ready = Document.objects.filter(pk__in=[document.pk for document in documents])
    assert set(ready.values_list("status", flat=True)) == {"ready"}
    assert threads[0] == threading.get_ident()  # the first alone: its folder exists after it
    assert threading.get_ident() not in threads[1:]
    assert all(default_storage.exists(document.file.name) for document in ready)
