from celery import shared_task

from participants.services.notifications import notification_send
from participants.services.registrations import session_reminders_send


@shared_task(name="participants.send_notifications")
def send_notifications(*, notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        notification_send(notification_id=notification_id)


@shared_task(name="participants.send_session_reminders")
def send_session_reminders() -> None:
    session_reminders_send()
