from celery import shared_task

from core.background import ReliableTask
from documents import services


@shared_task(
    base=ReliableTask,
    name="documents.render_documents",
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=services.MAX_ATTEMPTS - 1,
)
def render_documents(*, document_ids: list[int]) -> None:
    services.documents_render(document_ids=document_ids)


@shared_task(base=ReliableTask, name="documents.requeue_stuck_documents")
def requeue_stuck_documents() -> None:
    services.documents_requeue_stuck()
