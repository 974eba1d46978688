import datetime as dt
import email
from email.policy import default

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from accounts.models import User
from notifications.models import Notification
from participants.models import CohortMessage, Registration
from participants.services import messages as services
from participants.services.messages import MessageDraft
from participants.tasks import send_cohort_message
from tests.factories import CohortFactory, SessionFactory

pytestmark = pytest.mark.django_db

DRAFT = MessageDraft(
    subject="{dönem}: anket hatırlatması",
    body="Merhaba {ad},\n\nSonraki oturum: {sonraki_oturum}.\nAnket: {anket}\n{kayıtlarım}",
    subject_en="{dönem}: survey reminder",
    body_en="Dear {ad},\n\nNext session: {sonraki_oturum}.",
    filters={"status": ["confirmed"]},
    audience="onaylı",
)


@pytest.fixture
def paced(monkeypatch, settings):
    """Batches of 20 at 600 a minute (2 s apart); each enqueued batch is recorded, not run."""
    settings.COHORT_MESSAGE_BATCH_SIZE = 20
    settings.COHORT_MESSAGES_PER_MINUTE = 600
    calls = []
    monkeypatch.setattr(send_cohort_message, "apply_async", lambda **options: calls.append(options))
    return calls


def _cohort_of(size: int):
    cohort = CohortFactory(capacity=size)
    users = User.objects.bulk_create(
        User(email=f"alici{number}@example.org", full_name=f"Alıcı {number:03}")
        for number in range(size)
    )
    Registration.objects.bulk_create(
        Registration(cohort=cohort, participant=user, status="confirmed") for user in users
    )
    return cohort


@pytest.mark.parametrize("size", [3, 500])
def test_a_message_is_queued_in_a_fixed_number_of_queries(
    size, paced, django_assert_num_queries, django_capture_on_commit_callbacks
):
    cohort = _cohort_of(size)
    ContentType.objects.get_for_model(CohortMessage)  # cached for the process, as in a server
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(7):
        message = services.cohort_message_send(cohort=cohort, sent_by=None, draft=DRAFT)
    assert message.recipient_count == size
    assert Notification.objects.filter(kind="cohort_message", status="queued").count() == size
    assert paced == [{"kwargs": {"message_id": message.pk}}]


def test_five_hundred_recipients_are_sent_in_batches_at_the_rate(
    paced, django_capture_on_commit_callbacks
):
    cohort = _cohort_of(500)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.cohort_message_send(cohort=cohort, sent_by=None, draft=DRAFT)
    assert len(mail.outbox) == 0
    rows = list(Notification.objects.filter(kind="cohort_message").order_by("pk"))
    # Each batch is due 2 s after the one before (plus notifications' grace for the sweeper).
    assert rows[20].next_attempt_at - rows[0].next_attempt_at == dt.timedelta(seconds=2)
    assert rows[19].next_attempt_at == rows[0].next_attempt_at
    sizes = []
    while paced:
        paced.pop(0)
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            send_cohort_message(message_id=message.pk)
        sizes.append(len(mail.outbox) - before)
        assert paced in ([], [{"kwargs": {"message_id": message.pk}, "countdown": 2.0}])
    assert sizes == [20] * 25
    assert len(mail.outbox) == 500
    assert len({email.to[0] for email in mail.outbox}) == 500
    assert Notification.objects.filter(kind="cohort_message", status="sent").count() == 500


def test_each_recipient_gets_their_own_text_in_their_language(
    message_cohort, django_capture_on_commit_callbacks
):
    cohort = message_cohort.cohort
    start = timezone.make_aware(dt.datetime(2030, 1, 15, 10, 0))
    SessionFactory(
        cohort=cohort, title="Kapanış", starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        message = services.cohort_message_send(cohort=cohort, sent_by=None, draft=DRAFT)
    assert message.recipient_count == 4
    by_name = {email.to[0]: email for email in mail.outbox}
    ayse = by_name[message_cohort.people["Ayşe Kaya"].participant.email]
    assert ayse.subject == "[Genç İşi] Ankara dönemi: anket hatırlatması"
    assert ayse.body.startswith(
        "Merhaba Ayşe Kaya,\n\nSonraki oturum: 15 Ocak 2030 10:00, Kapanış.\n"
        f"Anket: http://127.0.0.1:8000/donemler/{cohort.pk}/degerlendirme/\n"
        "http://127.0.0.1:8000/kayitlarim/\n"
    )
    cigdem = by_name[message_cohort.people["Çiğdem Öz"].participant.email]
    assert cigdem.subject == "[Genç İşi] Ankara dönemi: survey reminder"
    assert cigdem.body.startswith(
        "Dear Çiğdem Öz,\n\nNext session: 15 January 2030 10:00, Kapanış."
    )
    assert "You receive this e-mail because you registered for" in cigdem.body


def test_without_english_everyone_gets_the_turkish_text(
    message_cohort, django_capture_on_commit_callbacks
):
    draft = MessageDraft(subject="Duyuru", body="Merhaba {ad}", filters={"status": ["confirmed"]})
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_message_send(cohort=message_cohort.cohort, sent_by=None, draft=draft)
    cigdem = message_cohort.people["Çiğdem Öz"].participant
    row = Notification.objects.get(recipient=cigdem)
    assert (row.language, row.subject, row.body.splitlines()[0]) == (
        "tr",
        "Duyuru",
        "Merhaba Çiğdem Öz",
    )
    assert "için kayıt yaptırdığınız için alıyorsunuz" in row.body


def test_the_preview_is_the_email_that_is_sent(message_cohort, django_capture_on_commit_callbacks):
    first = message_cohort.people["Ayşe Kaya"]
    preview = services.cohort_message_preview(draft=DRAFT, registration=first)
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_message_send(cohort=message_cohort.cohort, sent_by=None, draft=DRAFT)
    sent = Notification.objects.get(recipient=first.participant)
    assert (preview.subject, preview.body, preview.language) == (sent.subject, sent.body, "tr")
    assert preview.pk is None


def test_retry_queues_the_failed_ones_again(
    message_cohort, paced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.cohort_message_send(
            cohort=message_cohort.cohort, sent_by=None, draft=DRAFT
        )
    failed = Notification.objects.filter(kind="cohort_message").first()
    Notification.objects.filter(pk=failed.pk).update(status="failed", attempts=5, error="SMTP 550")
    paced.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cohort_message_retry_failed(message=message) == 1
        assert services.cohort_message_retry_failed(message=message) == 0
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("queued", 0)
    assert paced == [{"kwargs": {"message_id": message.pk}}]


def test_a_batch_for_a_deleted_message_does_nothing():
    assert send_cohort_message(message_id=999_999) is None


def test_an_smtp_server_receives_each_recipients_own_email(
    message_cohort, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_message_send(cohort=message_cohort.cohort, sent_by=None, draft=DRAFT)
    people = message_cohort.people
    assert smtp_server.handler.delivered_to() == sorted(
        people[name].participant.email
        for name in ("Ayşe Kaya", "Burak Demir", "Cem Şahin", "Çiğdem Öz")
    )
    received = {to[0]: message for to, message in smtp_server.handler.delivered}
    ayse = received[people["Ayşe Kaya"].participant.email]
    subject = email.message_from_string(ayse, policy=default)["Subject"].strip()
    assert subject == "[Genç İşi] Ankara dönemi: anket hatırlatması"
    assert "\r\n\r\nMerhaba Ayşe Kaya,\r\n\r\nSonraki oturum: planlanmış oturum yok.\r\n" in ayse
    cigdem = received[people["Çiğdem Öz"].participant.email]
    assert "\r\n\r\nDear Çiğdem Öz,\r\n" in cigdem
    assert Notification.objects.filter(kind="cohort_message", status="sent").count() == 4
