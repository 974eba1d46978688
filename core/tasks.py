from celery import shared_task

from core import services
from core.background import ReliableTask


@shared_task(base=ReliableTask, name="core.run_worker_check")
def run_worker_check(*, job_id: int) -> None:
    services.worker_check_run(job_id=job_id)
