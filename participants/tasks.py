from celery import shared_task

from core.background import ReliableTask
from participants.services import imports
from participants.services.reminders import session_reminders_send


@shared_task(base=ReliableTask, name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()


@shared_task(base=ReliableTask, name="participants.import_participants")
def import_participants(*, batch_id: int) -> None:
    imports.import_batch_run(batch_id=batch_id)
