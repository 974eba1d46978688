from celery import shared_task

from core.background import ReliableTask
from participants.services.reminders import session_reminders_send


@shared_task(base=ReliableTask, name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()
