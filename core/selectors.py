from core.db import turkish_collate
from core.models import BackgroundJob, Province


def background_job_get(*, job_id: int) -> BackgroundJob | None:
    return BackgroundJob.objects.filter(pk=job_id).first()


def recent_background_jobs(*, limit: int = 10) -> list[BackgroundJob]:
    return list(BackgroundJob.objects.select_related("requested_by")[:limit])


def provinces_by_name():
    return Province.objects.order_by(turkish_collate("name"))
