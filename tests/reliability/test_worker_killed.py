import os
import signal
import time
from pathlib import Path

import pytest
from django.db import transaction

from certificates.models import Certificate
from certificates.services import certificates_issue
from documents.models import Document
from notifications.models import Notification
from tests.conftest import wait_for

PEOPLE = 100


@pytest.fixture
def hundred_eligible(certificate_cohort, enrol):
    for number in range(PEOPLE):
        enrol(f"Katılımcı {number:03}")
    return certificate_cohort


@pytest.fixture
def blockable_worker(worker_media, smtp_server, celery_worker, tmp_path):
    """Two worker processes rendering real certificates, one of which a test can stop in the
    middle of a render (see tests/documents/kinds.py), e-mailing the test's SMTP server."""
    flags = tmp_path / "block"
    flags.mkdir()
    worker = celery_worker(
        env={**smtp_server.env, "TEST_RENDER_BLOCK_DIR": str(flags)}, concurrency=2
    )
    return worker, flags


@pytest.mark.worker
def test_a_worker_killed_in_the_middle_of_a_bulk_issue_leaves_every_certificate_ready_once(
    blockable_worker, smtp_server, hundred_eligible, coordinator, settings
):
    worker, flags = blockable_worker
    started = time.monotonic()
    with transaction.atomic():
        assert certificates_issue(cohort=hundred_eligible, issued_by=coordinator).issued == PEOPLE
    wait_for(
        lambda: Document.objects.filter(status="ready").count() >= 30,
        timeout=60,
        what="the first 30 PDFs",
    )
    (flags / "block").touch()
    pid = int(wait_for(lambda: _read(flags / "started"), timeout=30, what="a blocked render"))
    assert pid != worker.pid
    assert Document.objects.filter(status="rendering").exists()
    os.kill(pid, signal.SIGKILL)

    wait_for(
        lambda: Notification.objects.filter(status="sent").count() == PEOPLE,
        timeout=80 - (time.monotonic() - started),
        what="every PDF and its e-mail",
    )
    documents = list(Document.objects.all())
    assert len(documents) == PEOPLE
    assert {(document.status, document.version) for document in documents} == {("ready", 1)}
    assert any(document.attempts == 2 for document in documents)  # the killed batch, again
    assert Certificate.objects.count() == PEOPLE
    assert Certificate.objects.filter(status="valid", version=1).count() == PEOPLE
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(path.relative_to(media))
        for path in media.rglob("*.pdf")
        if not path.name.startswith(".")
    }
    assert files == {document.file.name for document in documents}
    assert Notification.objects.filter(kind="certificate_ready", attempts=1).count() == PEOPLE
    time.sleep(1)  # nothing more arrives
    delivered = smtp_server.handler.delivered_to()
    assert len(delivered) == len(set(delivered)) == PEOPLE


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""
