from celery import shared_task

from action_plans.services.reminders import plan_reminders_send
from core.background import ReliableTask


@shared_task(base=ReliableTask, name="action_plans.send_plan_reminders")
def send_plan_reminders() -> None:
    plan_reminders_send()
