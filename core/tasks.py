from celery import shared_task

from core import services


@shared_task(name="core.run_worker_check")
def run_worker_check(*, job_id: int) -> None:
    services.worker_check_run(job_id=job_id)
