import os
import threading
import time
import uuid

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from core.models import BackgroundJob
from core.services import worker_check_request
from documents import services
from documents.models import Document
from notifications.models import Notification
from notifications.services import notification_queue, notifications_send_due
from participants.emails import RegistrationEmail
from tests.conftest import wait_for
from tests.factories import RegistrationFactory
from tests.reliability.conftest import terminate_backends


def _get(path: str) -> int:
    """A request through Django's real WSGI handler (the test client skips the connection
    checks that run when a request starts). The page is signed in as nobody but asked with a
    query the public pages' cache has never seen, so that it is rendered from the database."""
    statuses = []
    path = f"{path}?tazele={uuid.uuid4().hex}"

    def start_response(status, _headers):
        statuses.append(status)

    WSGIHandler()(RequestFactory().get(path).environ, start_response)
    return int(statuses[0].split()[0])


@pytest.mark.usefixtures("postgresql")
def test_a_request_after_the_database_dropped_the_connection_succeeds():
    assert _get(reverse("programs:program_list")) == 200
    # This process's connection, kept for reuse (and any an earlier test's thread left open).
    assert terminate_backends(keep_mine=False) >= 1
    assert _get(reverse("programs:program_list")) == 200  # CONN_HEALTH_CHECKS replaced it


@pytest.mark.usefixtures("postgresql")
def test_without_health_checks_the_first_request_after_the_drop_would_fail(settings):
    connection.close()
    connection.settings_dict["CONN_HEALTH_CHECKS"] = False
    try:
        assert _get(reverse("programs:program_list")) == 200
        terminate_backends(keep_mine=False)
        assert _get(reverse("programs:program_list")) == 500
    finally:
        connection.settings_dict["CONN_HEALTH_CHECKS"] = True
        connection.close()


@pytest.fixture
def flags(tmp_path):
    folder = tmp_path / "flags"
    folder.mkdir()
    return folder


@pytest.mark.worker
@pytest.mark.usefixtures("postgresql", "worker_media")
def test_a_task_whose_connection_is_killed_is_retried_and_succeeds(celery_worker, flags):
    celery_worker()
    job = BackgroundJob.objects.create(
        kind=BackgroundJob.Kind.WORKER_CHECK,
        result={"flag_dir": str(flags), "test_pid": os.getpid(), "name": "İnci Işık"},
    )
    with transaction.atomic():
        document = services.document_request(kind="test_paused_certificate", owner=job)
    wait_for(lambda: list(flags.glob("paused-*")), timeout=60, what="the render to start")
    assert terminate_backends(keep_mine=True) >= 1  # the worker's, in the middle of its task
    (flags / "resume").touch()
    done = wait_for(
        lambda: Document.objects.filter(pk=document.pk, status__in=["ready", "failed"]).first(),
        timeout=60,
        what="the retried render",
    )
    assert (done.status, done.attempts, done.error) == ("ready", 2, "")

    terminate_backends(keep_mine=True)  # between two tasks
    with transaction.atomic():
        check = worker_check_request(requested_by=None)
    finished = wait_for(
        lambda: BackgroundJob.objects.filter(pk=check.pk, status="done").first(),
        timeout=60,
        what="the next task",
    )
    assert finished.attempts == 1


def _other_backends() -> set[int]:
    """The test database's connections other than this process's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.worker
@pytest.mark.usefixtures("postgresql")
def test_a_worker_keeps_its_database_connection_from_one_task_to_the_next(celery_worker):
    celery_worker()
    connection.close()  # this test's own connection is opened again below, not counted
    after = []
    for _ in range(2):
        with transaction.atomic():
            check = worker_check_request(requested_by=None)
        wait_for(
            lambda check=check: BackgroundJob.objects.filter(pk=check.pk, status="done").first(),
            timeout=60,
            what="the check",
        )
        time.sleep(0.5)  # past the task's end, where Celery's fix-up used to close it
        after.append(_other_backends())
    first, second = after
    assert len(first) == 1  # kept after the task (one pool process)
    assert second == first  # and used again by the next task


@pytest.mark.worker
@pytest.mark.usefixtures("postgresql")
def test_a_connection_killed_while_an_email_is_being_sent_does_not_send_it_twice(
    celery_worker, smtp_server
):
    celery_worker(env=smtp_server.env)
    handler = smtp_server.handler
    handler.hold = threading.Event()
    registration = RegistrationFactory(participant__email="ayse@belediye.gov.tr")
    with transaction.atomic():
        notification = notification_queue(
            recipient=registration.participant,
            kind=RegistrationEmail.CONFIRMED,
            about=registration,
            dedupe_key="confirmed:killed",
        )
    assert handler.holding.wait(timeout=60), "the worker never reached DATA"
    assert Notification.objects.get(pk=notification.pk).status == Notification.Status.SENDING
    assert terminate_backends(keep_mine=True) >= 1  # the worker's, during the conversation
    handler.hold.set()
    sent = wait_for(
        lambda: Notification.objects.filter(pk=notification.pk, status="sent").first(),
        timeout=30,
        what="the outcome to be written on a new connection",
    )
    assert (sent.attempts, sent.error) == (1, "")
    notifications_send_due()
    time.sleep(1)
    assert handler.delivered_to() == ["ayse@belediye.gov.tr"]
