import time

import pytest
from django.db import transaction

from notifications.models import Notification
from participants.models import Certificate
from participants.services.certificates import certificates_issue


@pytest.fixture
def worker_media(monkeypatch, settings):
    """The worker started next writes its files where this test looks for them."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


@pytest.mark.worker
def test_a_bulk_issue_is_rendered_by_a_real_worker(
    worker_media, certificate_cohort, enrol, coordinator, celery_worker_process
):
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    with transaction.atomic():
        assert certificates_issue(cohort=certificate_cohort, issued_by=coordinator).issued == 2
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        statuses = set(Certificate.objects.values_list("document__status", flat=True))
        if statuses == {"ready"} and Notification.objects.filter(status="sent").count() == 2:
            break
        time.sleep(0.2)
    assert set(Certificate.objects.values_list("document__status", flat=True)) == {"ready"}
    assert set(Notification.objects.values_list("kind", "status")) == {
        ("certificate_ready", "sent")
    }
