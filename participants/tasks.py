from celery import shared_task

from core.background import ReliableTask
from participants.services import imports, privacy
from participants.services.messages import cohort_message_send_batch
from participants.services.reminders import (
    attendance_warnings_send,
    pending_digests_send,
    session_reminders_send,
    survey_reminders_send,
)


@shared_task(base=ReliableTask, name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()


@shared_task(base=ReliableTask, name="participants.send_survey_reminders")
def send_survey_reminders() -> None:
    survey_reminders_send()


@shared_task(base=ReliableTask, name="participants.send_attendance_warnings")
def send_attendance_warnings() -> None:
    attendance_warnings_send()


@shared_task(base=ReliableTask, name="participants.send_pending_digests")
def send_pending_digests() -> None:
    pending_digests_send()


@shared_task(base=ReliableTask, name="participants.send_cohort_message")
def send_cohort_message(*, message_id: int) -> None:
    cohort_message_send_batch(message_id=message_id)


@shared_task(base=ReliableTask, name="participants.import_participants")
def import_participants(*, batch_id: int) -> None:
    imports.import_batch_run(batch_id=batch_id)


@shared_task(base=ReliableTask, name="participants.expire_import_previews")
def expire_import_previews() -> None:
    imports.import_previews_expire()


@shared_task(base=ReliableTask, name="participants.delete_unverified_accounts")
def delete_unverified_accounts() -> None:
    privacy.unverified_accounts_delete()
