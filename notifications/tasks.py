from celery import shared_task

from core.background import ReliableTask
from notifications.services import notifications_send, notifications_send_due


@shared_task(base=ReliableTask, name="notifications.send_notifications")
def send_notifications(*, notification_ids: list[int]) -> None:
    notifications_send(notification_ids=notification_ids)


@shared_task(base=ReliableTask, name="notifications.send_due_notifications")
def send_due_notifications() -> None:
    notifications_send_due()
