"""Writes of the document pipeline: requests (documents_request, retries, the sweeper),
renders (the render task's body) and erasure (KVKK)."""

from documents.services.erasure import documents_erase
from documents.services.renders import (
    MAX_ATTEMPTS,
    TRANSIENT_ERRORS,
    documents_render,
    inputs_hash,
)
from documents.services.requests import (
    RENDER_BATCH_SIZE,
    STUCK_AFTER,
    UNCLAIMED_AFTER,
    document_request,
    document_retry,
    documents_request,
    documents_requeue_stuck,
    documents_retry,
)

__all__ = [
    "MAX_ATTEMPTS",
    "RENDER_BATCH_SIZE",
    "STUCK_AFTER",
    "TRANSIENT_ERRORS",
    "UNCLAIMED_AFTER",
    "document_request",
    "document_retry",
    "documents_erase",
    "documents_render",
    "documents_request",
    "documents_requeue_stuck",
    "documents_retry",
    "inputs_hash",
]
