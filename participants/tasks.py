from celery import shared_task

from core.background import ReliableTask
from participants.services.notifications import notification_send, notifications_send_due
from participants.services.registrations import session_reminders_send


@shared_task(base=ReliableTask, name="participants.send_notifications")
def send_notifications(*, notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        notification_send(notification_id=notification_id)


@shared_task(base=ReliableTask, name="participants.send_due_notifications")
def send_due_notifications() -> None:
    notifications_send_due()


@shared_task(base=ReliableTask, name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()
