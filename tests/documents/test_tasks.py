import os
import signal
import time
from pathlib import Path

import pytest
from django.db import transaction

from core.models import BackgroundJob
from documents import services
from documents.models import Document


@pytest.fixture
def worker_media(monkeypatch, settings):
    """The worker started next writes its files where this test looks for them."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


def _wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def _ready(document_id: int) -> Document | None:
    document = Document.objects.get(pk=document_id)
    return document if document.status in {"ready", "failed"} else None


def _request(kind: str, **inputs) -> Document:
    job = BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK, result=inputs)
    with transaction.atomic():
        document = services.document_request(kind=kind, owner=job)
        assert document.status == Document.Status.QUEUED
    return document


@pytest.mark.worker
def test_a_certificate_renders_in_a_real_worker(worker_media, celery_worker_process, settings):
    document = _request("test_certificate", name="İnci Işık")
    done = _wait_for(lambda: _ready(document.pk), timeout=60, what="the render")
    assert done.status == Document.Status.READY
    assert done.attempts == 1
    assert (Path(settings.MEDIA_ROOT) / done.file.name).read_bytes()[:5] == b"%PDF-"


@pytest.mark.worker
def test_a_worker_killed_mid_render_still_delivers_the_document(
    worker_media, celery_worker_process, settings, tmp_path
):
    flags = tmp_path / "flags"
    flags.mkdir()
    document = _request("test_waiting_certificate", flag_dir=str(flags), test_pid=os.getpid())
    started = _wait_for(lambda: list(flags.glob("started-*")), timeout=60, what="the render")
    child_pid = int(started[0].name.removeprefix("started-"))
    assert child_pid != celery_worker_process.pid
    assert Document.objects.get(pk=document.pk).status == Document.Status.RENDERING
    os.kill(child_pid, signal.SIGKILL)
    done = _wait_for(lambda: _ready(document.pk), timeout=90, what="the redelivered render")
    assert done.status == Document.Status.READY
    assert done.attempts == 2
    assert (Path(settings.MEDIA_ROOT) / done.file.name).read_bytes()[:5] == b"%PDF-"


@pytest.mark.worker
def test_a_worker_killed_in_the_middle_of_a_batch_still_delivers_every_document(
    worker_media, celery_worker_process, tmp_path
):
    flags = tmp_path / "flags"
    flags.mkdir()
    jobs = [
        BackgroundJob.objects.create(
            kind=BackgroundJob.Kind.WORKER_CHECK,
            result={
                "flag_dir": str(flags),
                "test_pid": os.getpid(),
                "name": f"Kişi {n}",
                "block": n == 1,
            },
        )
        for n in range(3)
    ]
    with transaction.atomic():
        documents = services.documents_request(kind="test_waiting_certificate", owners=jobs)
    started = _wait_for(lambda: list(flags.glob("started-*")), timeout=60, what="the 2nd render")
    # The first one is rendered, but a batch turns ready only as a whole, at its end.
    statuses = dict(Document.objects.values_list("pk", "status"))
    assert [statuses[document.pk] for document in documents] == ["rendering"] * 3
    os.kill(int(started[0].name.removeprefix("started-")), signal.SIGKILL)
    done = [
        _wait_for(lambda pk=document.pk: _ready(pk), timeout=90, what="the redelivered batch")
        for document in documents
    ]
    assert [(document.status, document.attempts) for document in done] == [("ready", 2)] * 3
