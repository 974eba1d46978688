"""Celery worker start-up (build the renderer's per-process state in each pool child) and the
documents app's own signals."""

import logging

from celery.signals import worker_process_init
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent by the worker with `documents` (a list) inside the transaction that marks them ready:
# apps hook e-mails on it, and those are queued if and only if the document turned ready.
documents_ready = Signal()


@worker_process_init.connect(dispatch_uid="documents.warm_up_renderer")
def warm_up_renderer(**kwargs) -> None:  # noqa: ARG001 — Celery's signal signature
    """Build the renderer's state, then render a sample certificate and throw it away: the
    first render of a process also loads the fonts' faces, decodes the static images and
    compiles the template (about 100 ms more than the next ones), which would otherwise fall
    on the process's first task. A failure there is logged, not raised: the process still
    starts and does its other work (e-mails), and the real render reports its own error."""
    from documents.layouts import CERTIFICATE, LAYOUTS
    from documents.rendering import render_pdf, warm_up
    from documents.samples import certificate_data

    warm_up(LAYOUTS)
    try:
        render_pdf(CERTIFICATE, certificate_data({}))
    except Exception:
        logger.exception("the sample certificate could not be rendered at the process's start")
