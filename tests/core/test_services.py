from django.utils import timezone

from core.models import BackgroundJob
from core.services import worker_check_run


def test_worker_check_run_is_idempotent(db):
    finished = timezone.now()
    job = BackgroundJob.objects.create(
        kind=BackgroundJob.Kind.WORKER_CHECK,
        status=BackgroundJob.Status.DONE,
        attempts=1,
        finished_at=finished,
    )
    worker_check_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.attempts == 1
    assert job.finished_at == finished


def test_worker_check_run_records_the_worker(db):
    job = BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK)
    worker_check_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    assert job.attempts == 1
    assert set(job.result) == {"hostname", "pid"}


def test_worker_check_run_ignores_a_deleted_job(db):
    assert worker_check_run(job_id=12345) is None
