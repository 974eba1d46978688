import os
import time

import pytest
from django.db import transaction

from core.models import BackgroundJob
from core.services import worker_check_request


def _wait_until_finished(job_id: int, *, timeout: float = 60.0) -> BackgroundJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = BackgroundJob.objects.get(pk=job_id)
        if job.is_finished:
            return job
        time.sleep(0.2)
    pytest.fail(f"the worker did not finish job {job_id} within {timeout} s")


@pytest.mark.worker
def test_worker_check_runs_in_a_real_celery_worker(celery_worker_process):
    with transaction.atomic():
        job = worker_check_request(requested_by=None)
        assert BackgroundJob.objects.get(pk=job.pk).status == BackgroundJob.Status.QUEUED
    finished = _wait_until_finished(job.pk)
    assert finished.status == BackgroundJob.Status.DONE
    assert finished.result["pid"] not in {os.getpid(), celery_worker_process.pid}
    assert finished.attempts == 1
