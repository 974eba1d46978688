"""Writes of the document pipeline: request a document, render it (the task body), retry a
failed one, and requeue the ones a dead worker left behind."""

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from documents import registry, signals
from documents.models import Document

logger = logging.getLogger(__name__)

# Errors worth another try later (database or disk hiccups); anything else fails the document.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)
MAX_ATTEMPTS = 5
STUCK_AFTER = dt.timedelta(minutes=15)  # above the task's hard time limit (6 minutes)


def inputs_hash(*, kind: registry.Kind, data: object) -> str:
    """A fingerprint of everything a render depends on: the kind, its layout version, the data."""
    layout, layout_version = kind.layout_key
    payload = {
        "kind": kind.name,
        "layout": layout,
        "layout_version": layout_version,
        "data": dataclasses.asdict(data),
    }
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _enqueue(document: Document) -> None:
    from documents.tasks import render_document

    document_id = document.pk
    transaction.on_commit(lambda: render_document.delay(document_id=document_id))


def document_request(*, kind: str, owner, requested_by=None) -> Document:
    """The current document of `kind` for `owner`, rendered once per distinct input.

    Same inputs as the current version → that row is returned (ready, or still on its way; a
    failed one is queued again). Changed inputs → a new version supersedes the old one.
    """
    spec = registry.get(kind)
    data = spec.build_data(owner)
    fingerprint = inputs_hash(kind=spec, data=data)
    content_type = ContentType.objects.get_for_model(owner)
    with transaction.atomic():
        current = (
            Document.objects.select_for_update()
            .filter(kind=kind, content_type=content_type, object_id=owner.pk)
            .order_by("-version")
            .first()
        )
        if current is not None and current.inputs_hash == fingerprint:
            if current.is_failed:
                return _requeue(current)
            return current
        try:
            with transaction.atomic():
                document = Document.objects.create(
                    kind=kind,
                    content_type=content_type,
                    object_id=owner.pk,
                    version=current.version + 1 if current else 1,
                    inputs_hash=fingerprint,
                    filename=spec.filename(data),
                    requested_by=requested_by,
                )
        except IntegrityError:
            # A concurrent request created this version first: that row is the answer.
            return Document.objects.get(
                kind=kind,
                content_type=content_type,
                object_id=owner.pk,
                version=current.version + 1 if current else 1,
            )
        if current is not None:
            current.superseded_by = document
            current.save(update_fields=["superseded_by", "updated_at"])
        _enqueue(document)
    return document


def _requeue(document: Document) -> Document:
    document.status = Document.Status.QUEUED
    document.attempts = 0
    document.error = ""
    document.finished_at = None
    document.save(update_fields=["status", "attempts", "error", "finished_at", "updated_at"])
    _enqueue(document)
    return document


def document_retry(*, document: Document) -> Document:
    """Queue a failed document again; any other state is left as it is."""
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if not locked.is_failed:
            return locked
        return _requeue(locked)


def _start(document_id: int) -> Document | None:
    """Claim the document for rendering; None when there is nothing to do."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if (
            document is None
            or document.status in {Document.Status.READY, Document.Status.FAILED}
            or document.superseded_by_id is not None
        ):
            return None
        document.status = Document.Status.RENDERING
        document.attempts += 1
        document.started_at = timezone.now()
        document.save(update_fields=["status", "attempts", "started_at", "updated_at"])
    return document


def _write_atomically(document: Document, pdf: bytes, sha256: str, suffix: str = ".pdf") -> str:
    """Write the bytes to a temporary file beside the target, then rename it into place: a
    reader (or a crash) never sees half a file under the final name."""
    name = f"documents/{document.kind}/{document.pk}-v{document.version}-{sha256[:16]}{suffix}"
    target = Path(document.file.storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name


def _fail(document_id: int, *, error: str, final: bool) -> None:
    Document.objects.filter(pk=document_id).update(
        status=Document.Status.FAILED if final else Document.Status.QUEUED,
        error=error[:4000],
        finished_at=timezone.now() if final else None,
        updated_at=timezone.now(),
    )


def document_render(*, document_id: int) -> Document | None:
    """Render the document and mark it ready (the body of the render task). Idempotent: a
    ready, failed or superseded document is left alone, so a redelivered task does nothing."""
    document = _start(document_id)
    if document is None:
        return Document.objects.filter(pk=document_id).first()
    try:
        spec = registry.get(document.kind)
        owner = document.owner
        if owner is None:
            raise LookupError("the document's owner no longer exists")
        data = spec.build_data(owner)
        pdf = spec.render(data)
        sha256 = hashlib.sha256(pdf).hexdigest()
        name = _write_atomically(document, pdf, sha256, spec.suffix)
    except TRANSIENT_ERRORS as exc:
        final = document.attempts >= MAX_ATTEMPTS
        logger.warning("document %s: transient render error: %s", document_id, exc)
        _fail(document_id, error=f"{type(exc).__name__}: {exc}", final=final)
        if not final:
            raise
        return Document.objects.get(pk=document_id)
    except Exception as exc:
        logger.exception("document %s: render failed", document_id)
        _fail(document_id, error=f"{type(exc).__name__}: {exc}", final=True)
        return Document.objects.get(pk=document_id)
    Document.objects.filter(pk=document_id).update(
        status=Document.Status.READY,
        file=name,
        file_sha256=sha256,
        inputs_hash=inputs_hash(kind=spec, data=data),
        filename=spec.filename(data),
        error="",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    ready = Document.objects.get(pk=document_id)
    signals.document_ready.send(sender=Document, document=ready)
    return ready


def documents_requeue_stuck(*, older_than: dt.timedelta = STUCK_AFTER) -> int:
    """Enqueue again every current document left queued or rendering for longer than
    `older_than` (a lost message or a killed worker). Returns how many were requeued."""
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        stuck = list(
            Document.objects.select_for_update(skip_locked=True).filter(
                status__in=[Document.Status.QUEUED, Document.Status.RENDERING],
                superseded_by__isnull=True,
                updated_at__lt=cutoff,
            )
        )
        for document in stuck:
            document.status = Document.Status.QUEUED
            document.save(update_fields=["status", "updated_at"])
            _enqueue(document)
    return len(stuck)
