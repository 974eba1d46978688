import pytest
from django.core import mail

from participants.models import Notification
from participants.services.notifications import (
    notification_queue,
    notification_retry,
    notification_send,
)
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_same_dedupe_key_queues_one_row_and_sends_once(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = notification_queue(
            recipient=registration.participant,
            kind=Notification.Kind.CONFIRMED,
            registration=registration,
            dedupe_key="confirmed:test",
        )
        second = notification_queue(
            recipient=registration.participant,
            kind=Notification.Kind.CONFIRMED,
            registration=registration,
            dedupe_key="confirmed:test",
        )
    assert first.pk == second.pk
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    notification_send(notification_id=first.pk)
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert (first.status, first.attempts) == (Notification.Status.SENT, 1)


def test_email_is_written_in_the_recipients_language():
    user = UserFactory(language="en", full_name="Jane Doe")
    registration = RegistrationFactory(participant=user)
    notification = notification_queue(
        recipient=user,
        kind=Notification.Kind.CONFIRMED,
        registration=registration,
        dedupe_key="en:test",
    )
    assert notification.language == "en"
    assert notification.subject == f"Registration confirmed: {registration.cohort.title}"
    assert notification.body.startswith("Dear Jane Doe,")


def test_failed_send_is_recorded_and_a_retry_sends_it(
    monkeypatch, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()
    notification = notification_queue(
        recipient=registration.participant,
        kind=Notification.Kind.CANCELLED,
        registration=registration,
        dedupe_key="cancelled:test",
    )

    def broken(**kwargs):
        raise OSError("SMTP sunucusu yanıt vermiyor")

    monkeypatch.setattr("participants.services.notifications.send_mail", broken)
    notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.error == "SMTP sunucusu yanıt vermiyor"
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        notification_retry(notification=notification)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2
    assert notification.error == ""


def test_a_batch_is_queued_in_two_queries_and_sent_by_one_task(
    monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from participants import tasks
    from participants.services.notifications import NotificationRequest, notifications_queue

    sent = []
    monkeypatch.setattr(
        tasks.send_notifications, "delay", lambda *, notification_ids: sent.append(notification_ids)
    )
    registrations = RegistrationFactory.create_batch(3)
    requests = [
        NotificationRequest(
            recipient=registration.participant,
            kind=Notification.Kind.CONFIRMED,
            dedupe_key=f"confirmed:{registration.pk}",
            registration=registration,
        )
        for registration in registrations
    ]
    with django_capture_on_commit_callbacks(execute=True):
        first = notifications_queue(requests=requests[:1])
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(2):
        batch = notifications_queue(requests=requests)
    assert batch[0].pk == first[0].pk
    assert [notification.dedupe_key for notification in batch] == [
        f"confirmed:{registration.pk}" for registration in registrations
    ]
    assert sent == [[first[0].pk], [batch[1].pk, batch[2].pk]]
    assert Notification.objects.count() == 3
