import asyncio
import datetime as dt
import os
import signal
import threading
import time
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.db import transaction

from notifications.models import Notification
from participants.emails import RegistrationEmail
from participants.imports.reading import read_upload
from participants.models import ImportBatch, Registration
from participants.services.imports import import_batch_confirm, import_batch_create
from participants.tasks import send_session_reminders
from tests.conftest import ScriptedSMTPHandler, wait_for
from tests.factories import CohortFactory, RegistrationFactory, SessionFactory, UserFactory
from tests.participants.imports.spreadsheets import people, upload, xlsx_bytes

pytestmark = pytest.mark.django_db
ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


def test_reminder_beat_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["participants-session-reminders"]
    assert entry["task"] == "participants.send_session_reminders"
    assert entry["schedule"].hour == {9}


def test_reminders_go_the_day_before_the_first_session_once(django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2026, 12, 1, 8, 0, tzinfo=ISTANBUL), tick=False):
        cohort = CohortFactory(
            starts_on=dt.date(2026, 12, 3),
            ends_on=dt.date(2026, 12, 4),
            registration_opens_at=dt.datetime(2026, 11, 1, tzinfo=ISTANBUL),
            registration_closes_at=dt.datetime(2026, 11, 30, tzinfo=ISTANBUL),
        )
        SessionFactory(
            cohort=cohort,
            title="Açılış",
            starts_at=dt.datetime(2026, 12, 3, 10, 0, tzinfo=ISTANBUL),
            ends_at=dt.datetime(2026, 12, 3, 12, 0, tzinfo=ISTANBUL),
        )
        confirmed = RegistrationFactory(cohort=cohort)
        RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
        RegistrationFactory(
            cohort=cohort, participant=UserFactory(is_active=False), status="confirmed"
        )
        with django_capture_on_commit_callbacks(execute=True):
            send_session_reminders.delay()
        assert Notification.objects.count() == 0

    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=ISTANBUL), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            send_session_reminders.delay()
            send_session_reminders.delay()
        reminder = Notification.objects.get()
        assert reminder.about == confirmed
        assert reminder.kind == RegistrationEmail.REMINDER
        assert reminder.status == Notification.Status.SENT
        assert len(mail.outbox) == 1
        assert mail.outbox[0].subject == f"[Genç İşi] Yarın: {cohort.title}"
        assert "İlk oturum: Açılış, saat 10:00." in mail.outbox[0].body


def test_reminders_for_many_people_take_the_same_number_of_queries(django_assert_num_queries):
    from participants.services.reminders import session_reminders_send

    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=ISTANBUL), tick=False):
        cohort = CohortFactory(starts_on=dt.date(2026, 12, 3), ends_on=dt.date(2026, 12, 3))
        SessionFactory(cohort=cohort)
        RegistrationFactory(cohort=cohort)
        with django_assert_num_queries(6):
            assert session_reminders_send() == 1
        RegistrationFactory.create_batch(3, cohort=cohort)
        with django_assert_num_queries(6):
            assert session_reminders_send() == 3


class _HoldOneData(ScriptedSMTPHandler):
    """Accepts every message but the `hold_at`-th: its DATA waits until `release` is set
    (the test kills the sender meanwhile), then is refused with 451 — the server never took
    it, as a real one does not when the sender is gone before the reply."""

    def __init__(self, hold_at: int) -> None:
        super().__init__()
        self.hold_at, self.data_count = hold_at, 0
        self.holding_now, self.release = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.data_count += 1
        if self.data_count != self.hold_at:
            return await super().handle_DATA(server, session, envelope)
        self.holding_now.set()
        while not self.release.is_set():
            await asyncio.sleep(0.05)
        return "451 4.3.0 Sender went away"


def _pool_children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_message_reaches_each_recipient_once_though_the_worker_is_killed_mid_batch(
    celery_worker, smtp_server
):
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from notifications.services import notifications_send_due
    from participants.models import Registration
    from participants.services.messages import MessageDraft, cohort_message_send

    people = 60
    handler = _HoldOneData(hold_at=25)
    smtp_server.handler = handler
    cohort = CohortFactory(capacity=people)
    users = User.objects.bulk_create(
        User(email=f"alici{number}@example.org", full_name=f"Alıcı {number:02}")
        for number in range(people)
    )
    Registration.objects.bulk_create(
        Registration(cohort=cohort, participant=user, status="confirmed") for user in users
    )
    worker = celery_worker(
        env={
            **smtp_server.env,
            "COHORT_MESSAGE_BATCH_SIZE": "20",
            "COHORT_MESSAGES_PER_MINUTE": "2400",  # a batch every 0.5 s
        }
    )
    draft = MessageDraft(subject="Duyuru", body="Merhaba {ad}")
    with transaction.atomic():
        message = cohort_message_send(cohort=cohort, sent_by=None, draft=draft)

    assert handler.holding_now.wait(timeout=60), "the 25th e-mail never reached DATA"
    (pool,) = _pool_children(worker.pid)
    os.kill(pool, signal.SIGKILL)
    handler.release.set()

    sent = Notification.objects.filter(kind="cohort_message", status="sent")
    wait_for(lambda: sent.count() == people - 1, timeout=60, what="the other 59 e-mails")
    interrupted = Notification.objects.get(kind="cohort_message", status="sending")
    # Ten minutes later the sweeper takes the interrupted try back (its outcome was unknown).
    Notification.objects.filter(pk=interrupted.pk).update(next_attempt_at=timezone.now())
    assert notifications_send_due() == 1
    wait_for(lambda: sent.count() == people, timeout=30, what="the interrupted e-mail")

    time.sleep(1)  # nothing more arrives
    delivered = handler.delivered_to()
    assert len(delivered) == len(set(delivered)) == people
    assert sent.filter(about_id=message.pk).count() == people
    interrupted.refresh_from_db()
    assert interrupted.attempts == 2


@pytest.mark.worker
def test_a_confirmed_import_of_1000_rows_runs_in_a_real_worker_with_progress(
    celery_worker_process,
):
    """Confirm → after commit → broker → a real worker; the progress counter moves in steps."""
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    cohort = CohortFactory(capacity=990, requires_approval=False)
    table = read_upload(upload(xlsx_bytes(people(1000))))
    batch = import_batch_create(cohort=cohort, table=table, filename="liste.xlsx", by=coordinator)
    with transaction.atomic():
        import_batch_confirm(batch=batch)
        assert ImportBatch.objects.get(pk=batch.pk).status == "queued"
    seen = set()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        seen.add(batch.processed)
        if batch.status == "done":
            break
        time.sleep(0.05)
    assert batch.status == "done"
    assert (batch.processed, batch.registered, batch.waitlisted) == (1000, 990, 10)
    assert {value for value in seen if 0 < value < 1000}, seen  # progress was visible on the way
    assert seen <= set(range(0, 1001, 100))
    assert Registration.objects.filter(cohort=cohort, status="waitlisted").count() == 10


def test_unconfirmed_import_previews_are_deleted_every_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["participants-expire-import-previews"]
    assert entry["task"] == "participants.expire_import_previews"
    assert (entry["schedule"].hour, entry["schedule"].minute) == (set(range(24)), {25})


def test_accounts_never_confirmed_are_deleted_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["participants-delete-unverified-accounts"]
    assert entry["task"] == "participants.delete_unverified_accounts"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({3}, {40})
