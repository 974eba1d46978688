import datetime as dt
import email
import itertools
from email.policy import default

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from notifications.services import (
    UNSENT_AFTER,
    notification_queue,
    notification_retry,
    notification_send,
    notifications_send_due,
    retry_delay,
)
from participants.emails import RegistrationEmail
from tests.conftest import spare_port, wait_for
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_same_dedupe_key_queues_one_row_and_sends_once(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = notification_queue(
            recipient=registration.participant,
            kind=RegistrationEmail.CONFIRMED,
            about=registration,
            dedupe_key="confirmed:test",
        )
        second = notification_queue(
            recipient=registration.participant,
            kind=RegistrationEmail.CONFIRMED,
            about=registration,
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
        kind=RegistrationEmail.CONFIRMED,
        about=registration,
        dedupe_key="en:test",
    )
    assert notification.language == "en"
    assert notification.subject == f"Registration confirmed: {registration.cohort.title}"
    assert notification.body.startswith("Dear Jane Doe,")


def _queue(kind=RegistrationEmail.CANCELLED, *, email="ayse@belediye.gov.tr", key="test"):
    registration = RegistrationFactory(participant=UserFactory(email=email))
    return notification_queue(
        recipient=registration.participant,
        kind=kind,
        about=registration,
        dedupe_key=f"{kind}:{key}",
    )


def test_a_queued_email_is_due_for_the_sweeper_only_after_two_minutes():
    before = timezone.now()
    notification = _queue()
    assert notification.status == Notification.Status.QUEUED
    assert before + UNSENT_AFTER <= notification.next_attempt_at <= timezone.now() + UNSENT_AFTER


def test_an_accepted_email_is_sent_once_and_never_again(smtp_server):
    notification = _queue()
    sent = notification_send(notification_id=notification.pk)
    assert (sent.status, sent.attempts, sent.error) == (Notification.Status.SENT, 1, "")
    assert smtp_server.handler.delivered_to() == ["ayse@belediye.gov.tr"]
    message = email.message_from_string(smtp_server.handler.delivered[0][1], policy=default)
    assert message["Subject"].strip() == f"[Genç İşi] {notification.subject}"
    again = notification_send(notification_id=notification.pk)
    assert (again.status, again.attempts) == (Notification.Status.SENT, 1)
    assert len(smtp_server.handler.delivered) == 1


@pytest.mark.parametrize("command", ["RCPT", "DATA"])
def test_a_temporary_refusal_queues_the_email_again_with_backoff(smtp_server, settings, command):
    settings.EMAIL_RETRY_BASE_SECONDS = 60
    smtp_server.handler.replies[command] = ["451 4.3.0 Geçici bir sorun var"]
    notification = _queue()
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        tried = notification_send(notification_id=notification.pk)
    tried.refresh_from_db()
    assert (tried.status, tried.attempts) == (Notification.Status.QUEUED, 1)
    assert tried.error == "SMTP 451 4.3.0 Geçici bir sorun var"
    assert tried.next_attempt_at == dt.datetime(2026, 12, 1, 9, 1, tzinfo=dt.UTC)
    assert smtp_server.handler.delivered == []
    sent = notification_send(notification_id=notification.pk)
    assert (sent.status, sent.attempts, sent.error) == (Notification.Status.SENT, 2, "")
    assert smtp_server.handler.delivered_to() == ["ayse@belediye.gov.tr"]


def test_the_wait_doubles_after_each_try(settings):
    settings.EMAIL_RETRY_BASE_SECONDS = 60
    assert [retry_delay(attempts=n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_a_permanent_refusal_fails_at_once_with_the_servers_reason(smtp_server):
    smtp_server.handler.refuse["yok@belediye.gov.tr"] = "550 5.1.1 Böyle bir posta kutusu yok"
    notification = _queue(email="yok@belediye.gov.tr")
    failed = notification_send(notification_id=notification.pk)
    assert (failed.status, failed.attempts) == (Notification.Status.FAILED, 1)
    assert failed.error == "SMTP 550 5.1.1 Böyle bir posta kutusu yok"
    assert notification_send(notification_id=notification.pk).attempts == 1
    assert smtp_server.handler.log == [("RCPT", "550 5.1.1 Böyle bir posta kutusu yok")]


def test_a_server_that_stays_unavailable_fails_the_email_after_the_last_try(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", spare_port()  # nobody listens
    settings.EMAIL_MAX_ATTEMPTS = 3
    notification = _queue()
    for attempt in (1, 2):
        tried = notification_send(notification_id=notification.pk)
        assert (tried.status, tried.attempts) == (Notification.Status.QUEUED, attempt)
    failed = notification_send(notification_id=notification.pk)
    assert (failed.status, failed.attempts) == (Notification.Status.FAILED, 3)
    assert failed.error == "ConnectionRefusedError: [Errno 111] Connection refused"


def test_a_message_that_cannot_be_built_fails_at_once(smtp_server):
    notification = _queue(email="bozuk\nadres@belediye.gov.tr")
    failed = notification_send(notification_id=notification.pk)
    assert (failed.status, failed.attempts) == (Notification.Status.FAILED, 1)
    assert failed.error.startswith("ValueError: ")
    assert smtp_server.handler.delivered == []


def test_a_failed_email_is_retried_by_a_coordinator_with_fresh_tries(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.handler.replies["RCPT"] = ["550 5.7.1 Geçici olarak reddedildi"]
    notification = _queue()
    assert notification_send(notification_id=notification.pk).status == "failed"
    with django_capture_on_commit_callbacks(execute=True):
        notification_retry(notification=notification)
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Notification.Status.SENT, 1)
    assert notification.error == ""
    assert smtp_server.handler.delivered_to() == ["ayse@belediye.gov.tr"]


def test_the_sweeper_sends_what_is_due_and_leaves_the_rest(
    smtp_server, django_capture_on_commit_callbacks
):
    lost = _queue(key="lost", email="lost@belediye.gov.tr")
    waiting = _queue(key="waiting", email="waiting@belediye.gov.tr")
    backoff = _queue(key="backoff", email="backoff@belediye.gov.tr")
    interrupted = _queue(key="interrupted", email="interrupted@belediye.gov.tr")
    now = timezone.now()
    Notification.objects.filter(pk=lost.pk).update(next_attempt_at=now - dt.timedelta(seconds=1))
    Notification.objects.filter(pk=backoff.pk).update(
        attempts=2, next_attempt_at=now + dt.timedelta(minutes=3), error="SMTP 421 meşgul"
    )
    Notification.objects.filter(pk=interrupted.pk).update(
        status=Notification.Status.SENDING, attempts=1, next_attempt_at=now
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_send_due() == 2
    statuses = dict(Notification.objects.values_list("pk", "status"))
    assert statuses == {
        lost.pk: "sent",
        waiting.pk: "queued",
        backoff.pk: "queued",
        interrupted.pk: "sent",
    }
    assert smtp_server.handler.delivered_to() == [
        "interrupted@belediye.gov.tr",
        "lost@belediye.gov.tr",
    ]
    assert Notification.objects.get(pk=interrupted.pk).attempts == 2


def test_an_interrupted_last_try_fails_and_says_it_may_have_arrived(settings):
    settings.EMAIL_MAX_ATTEMPTS = 2
    notification = _queue()
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.SENDING, attempts=2, next_attempt_at=timezone.now()
    )
    assert notifications_send_due() == 0
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.error == (
        "The try was interrupted (the worker stopped); the e-mail may have arrived."
    )


def test_a_batch_is_queued_in_two_queries_and_sent_by_one_task(
    monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from notifications import tasks
    from notifications.services import NotificationRequest, notifications_queue

    sent = []
    monkeypatch.setattr(
        tasks.send_notifications,
        "apply_async",
        lambda *, kwargs: sent.append(kwargs["notification_ids"]),
    )
    # "received" reads nothing beyond its registration ("confirmed" also reads the cohort's
    # sessions for their meeting links): the count is the queueing's own.
    registrations = RegistrationFactory.create_batch(3, status="pending")
    requests = [
        NotificationRequest(
            recipient=registration.participant,
            kind=RegistrationEmail.RECEIVED,
            dedupe_key=f"confirmed:{registration.pk}",
            about=registration,
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


@pytest.fixture
def flaky_mail_worker(smtp_server, celery_worker):
    """A real worker that sends to the test's SMTP server, retries after 1, 2 … s and gives up
    after three tries."""
    celery_worker(
        env={**smtp_server.env, "EMAIL_RETRY_BASE_SECONDS": "1", "EMAIL_MAX_ATTEMPTS": "3"}
    )
    return smtp_server.handler


@pytest.mark.worker
def test_a_real_worker_retries_with_backoff_sends_once_and_reports_what_failed(
    flaky_mail_worker, client, coordinator
):
    handler = flaky_mail_worker
    handler.replies["DATA"] = ["451 4.3.0 Geçici hata", "421 4.7.0 Çok fazla bağlantı"]
    handler.refuse["yok@belediye.gov.tr"] = "550 5.1.1 Böyle bir posta kutusu yok"
    handler.refuse["dolu@belediye.gov.tr"] = "452 4.2.2 Posta kutusu dolu"
    with transaction.atomic():
        accepted = _queue(key="accepted", email="ayse@belediye.gov.tr")
        refused = _queue(key="refused", email="yok@belediye.gov.tr")
        full = _queue(key="full", email="dolu@belediye.gov.tr")

    def settled():
        notifications_send_due()  # what beat runs every minute
        return not Notification.objects.exclude(status__in=["sent", "failed"]).exists()

    wait_for(settled, timeout=60, what="every e-mail to be sent or failed")
    rows = {row.pk: row for row in Notification.objects.all()}
    assert (rows[accepted.pk].status, rows[accepted.pk].attempts) == ("sent", 3)
    assert (rows[refused.pk].status, rows[refused.pk].attempts) == ("failed", 1)
    assert rows[refused.pk].error == "SMTP 550 5.1.1 Böyle bir posta kutusu yok"
    assert (rows[full.pk].status, rows[full.pk].attempts) == ("failed", 3)
    assert rows[full.pk].error == "SMTP 452 4.2.2 Posta kutusu dolu"
    assert handler.delivered_to() == ["ayse@belediye.gov.tr"]
    entries = zip(handler.log, handler.times, strict=True)
    data_times = [when for (command, _reply), when in entries if command == "DATA"]
    waits = [later - earlier for earlier, later in itertools.pairwise(data_times)]
    assert len(waits) == 2
    assert 1 <= waits[0] < waits[1]
    assert waits[1] >= 2

    client.force_login(coordinator)
    html = client.get(reverse("participants:failed_emails")).content.decode()
    assert "SMTP 550 5.1.1 Böyle bir posta kutusu yok" in html
    assert "SMTP 452 4.2.2 Posta kutusu dolu" in html
    assert '<td class="num">3</td>' in html
    assert '<td class="num">1</td>' in html
    assert "ayse@belediye.gov.tr" not in html


def _received(smtp_server) -> email.message.EmailMessage:
    """The first message the server accepted, parsed as the bytes it received (8-bit UTF-8)."""
    return email.message_from_bytes(smtp_server.handler.delivered[0][1].encode(), policy=default)


def test_the_smtp_server_receives_text_and_html_with_the_links(smtp_server):
    """multipart/alternative: the kind's text in the layout, and the same as HTML, whose
    link lines are buttons with the address under them."""
    notification = _queue(RegistrationEmail.CONFIRMED)
    notification_send(notification_id=notification.pk)
    message = _received(smtp_server)
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")
    link = "http://127.0.0.1:8000" + reverse("participants:my_registrations")
    assert text == notification.body
    assert f"\n{link}\n" in text
    cohort = notification.about.cohort
    assert text.endswith(
        "Bu e-postayı, Genç İşi Kooperatif eğitim platformunda "
        f"“{cohort.program.title} — {cohort.title}” için kayıt yaptırdığınız için alıyorsunuz.\n"
    )
    assert html == notification.html
    assert html.count(f'<a href="{link}"') == 2  # the button and the address under it
    assert ">Bağlantıyı aç</a>" in html
    assert "background:#0e5a57" in html


def test_a_row_queued_before_the_layout_is_sent_as_text_only(smtp_server):
    notification = _queue()
    Notification.objects.filter(pk=notification.pk).update(html="")
    notification_send(notification_id=notification.pk)
    message = _received(smtp_server)
    assert message.get_content_type() == "text/plain"
