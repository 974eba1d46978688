import datetime as dt
import time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from core.models import BackgroundJob
from core.services import worker_check_request
from documents.models import Document
from documents.tasks import requeue_stuck_documents
from notifications.models import Notification
from notifications.tasks import send_due_notifications
from participants.models import Registration
from tests.conftest import wait_for
from tests.factories import CohortFactory, ParticipantProfileFactory


def _worker_is_consuming() -> None:
    job = worker_check_request(requested_by=None)
    wait_for(
        lambda: BackgroundJob.objects.get(pk=job.pk).is_finished, timeout=60, what="the worker"
    )


@pytest.fixture
def three_eligible(certificate_cohort, enrol):
    for name in ("İnci Çelik", "Ali Yılmaz", "Ömer Işık"):
        enrol(name)
    return certificate_cohort


@pytest.fixture
def own_redis(worker_media, redis_server, smtp_server, celery_worker):
    """A worker (sending to the test's SMTP server) and the web side on a Redis of their own."""
    celery_worker(broker_url=redis_server.url, env=smtp_server.env)
    _worker_is_consuming()
    return redis_server


@pytest.mark.worker
def test_with_redis_down_issuing_and_registering_succeed_and_all_is_done_once_it_is_back(
    own_redis, smtp_server, client, coordinator, three_eligible
):
    redis_server = own_redis
    open_cohort = CohortFactory(requires_approval=False)
    member = ParticipantProfileFactory(user__email="uye@belediye.gov.tr").user

    redis_server.stop()
    client.force_login(coordinator)
    started = time.monotonic()
    issued = client.post(reverse("certificates:issue", kwargs={"cohort_pk": three_eligible.pk}))
    client.force_login(member)
    registered = client.post(
        reverse("participants:register", kwargs={"cohort_pk": open_cohort.pk}),
        {"privacy_acknowledged": "on"},
    )
    took = time.monotonic() - started
    assert (issued.status_code, registered.status_code) == (302, 302)
    assert registered.url == reverse("participants:my_registrations")
    assert took < 5
    assert Registration.objects.get(cohort=open_cohort).status == Registration.Status.CONFIRMED
    assert list(Document.objects.values_list("status", flat=True)) == ["queued"] * 3
    assert list(Notification.objects.values_list("kind", "status")) == [("confirmed", "queued")]

    redis_server.start()  # back, and empty: every message sent before is gone
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=3)):
        requeue_stuck_documents.apply()  # what beat runs every minute
        send_due_notifications.apply()
    wait_for(
        lambda: Notification.objects.filter(status="sent").count() == 4,
        timeout=60,
        what="the PDFs and the e-mails",
    )
    assert list(Document.objects.values_list("status", "attempts")) == [("ready", 1)] * 3
    assert Certificate.objects.count() == 3
    assert sorted(Notification.objects.values_list("kind", "status", "attempts")) == [
        ("certificate_ready", "sent", 1),
        ("certificate_ready", "sent", 1),
        ("certificate_ready", "sent", 1),
        ("confirmed", "sent", 1),
    ]
    time.sleep(1)  # nothing more arrives
    assert len(smtp_server.handler.delivered) == 4
    assert "uye@belediye.gov.tr" in smtp_server.handler.delivered_to()
