from celery import shared_task

from core.background import ReliableTask
from participants.services.messages import cohort_message_send_batch
from participants.services.reminders import session_reminders_send


@shared_task(base=ReliableTask, name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()


@shared_task(base=ReliableTask, name="participants.send_cohort_message")
def send_cohort_message(*, message_id: int) -> None:
    cohort_message_send_batch(message_id=message_id)
