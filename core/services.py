"""Writes for platform-wide state: background jobs."""

import csv
import os
import socket
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.background import enqueue_on_commit
from core.models import BackgroundJob, Province

PROVINCES_CSV = Path(__file__).resolve().parent / "data" / "provinces.csv"


def provinces_sync(**kwargs) -> None:  # noqa: ARG001 — also a post_migrate receiver
    """Make the province table hold exactly Turkey's 81 provinces. Idempotent."""
    with PROVINCES_CSV.open(encoding="utf-8") as handle:
        rows = {int(row["plate"]): row["name"] for row in csv.DictReader(handle)}
    existing = dict(Province.objects.values_list("plate", "name"))
    if existing == rows:
        return
    for plate, name in rows.items():
        Province.objects.update_or_create(plate=plate, defaults={"name": name})


def worker_check_request(*, requested_by) -> BackgroundJob:
    """Queue a job that proves a worker is consuming the queue; enqueued after commit."""
    from core.tasks import run_worker_check

    job = BackgroundJob.objects.create(
        kind=BackgroundJob.Kind.WORKER_CHECK, requested_by=requested_by
    )
    enqueue_on_commit(run_worker_check, {"job_id": job.pk})
    return job


def worker_check_run(*, job_id: int) -> BackgroundJob | None:
    """Mark the job done with the worker's identity. Idempotent: a finished job is left alone."""
    with transaction.atomic():
        job = BackgroundJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return job
        now = timezone.now()
        job.status = BackgroundJob.Status.DONE
        job.attempts += 1
        job.started_at = job.started_at or now
        job.finished_at = now
        job.result = {"hostname": socket.gethostname(), "pid": os.getpid()}
        job.save(update_fields=["status", "attempts", "started_at", "finished_at", "result"])
    return job
