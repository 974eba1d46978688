"""Celery worker start-up (build the renderer's per-process state in each pool child) and the
documents app's own signals."""

from celery.signals import worker_process_init
from django.dispatch import Signal

# Sent by the worker with `documents` (a list) inside the transaction that marks them ready:
# apps hook e-mails on it, and those are queued if and only if the document turned ready.
documents_ready = Signal()


@worker_process_init.connect(dispatch_uid="documents.warm_up_renderer")
def warm_up_renderer(**kwargs) -> None:  # noqa: ARG001 — Celery's signal signature
    from documents.layouts import LAYOUTS
    from documents.rendering import warm_up

    warm_up(LAYOUTS)
