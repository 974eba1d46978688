"""Writes of the document pipeline: request documents (one, or many in a few queries), render
them (the task body), retry a failed one, and requeue the ones a dead worker left behind."""

import dataclasses
import datetime as dt
import hashlib
import json
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from core.background import DATABASE_ERRORS, enqueue_on_commit
from documents import registry, signals
from documents.models import Document

logger = logging.getLogger(__name__)

# Errors worth another try later (database or disk hiccups); anything else fails the document.
TRANSIENT_ERRORS = (*DATABASE_ERRORS, OSError)
MAX_ATTEMPTS = 5
# The sweeper enqueues again a document queued for longer than this without a worker taking it
# (its message was lost: the broker was down or restarted empty) …
UNCLAIMED_AFTER = dt.timedelta(minutes=2)
# … and one left rendering for longer than this (above the task's hard time limit, 6 minutes).
STUCK_AFTER = dt.timedelta(minutes=15)


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


# Documents per render task: a bulk request (a cohort's certificates) becomes a few dozen tasks
# instead of hundreds, so the broker round trips are shared while both worker processes stay busy
# and the progress bar still moves document by document.
RENDER_BATCH_SIZE = 10


def _enqueue(documents: list[Document]) -> None:
    from documents.tasks import render_documents

    ids = [document.pk for document in documents]
    enqueue_on_commit(
        render_documents,
        *(
            {"document_ids": ids[start : start + RENDER_BATCH_SIZE]}
            for start in range(0, len(ids), RENDER_BATCH_SIZE)
        ),
    )


def _latest_versions(*, kind: str, content_type: ContentType, owner_ids: list) -> dict:
    """Owner id → its latest document of `kind`, locked until the transaction ends."""
    latest = {}
    for document in (
        Document.objects.select_for_update()
        .filter(kind=kind, content_type=content_type, object_id__in=owner_ids)
        .order_by("object_id", "version")
    ):
        latest[document.object_id] = document
    return latest


def _mark_queued(documents: list[Document]) -> None:
    """Failed documents back in the queue with fresh attempts: one update for all of them."""
    fields = {
        "status": Document.Status.QUEUED,
        "attempts": 0,
        "error": "",
        "finished_at": None,
        "updated_at": timezone.now(),
    }
    Document.objects.filter(pk__in=[document.pk for document in documents]).update(**fields)
    for document in documents:
        for name, value in fields.items():
            setattr(document, name, value)


def documents_request(*, kind: str, owners: list, requested_by=None) -> list[Document]:
    """The current document of `kind` for each of `owners` (objects of one model), in their
    order, each rendered once per distinct input: a few queries for any number of owners.

    Same inputs as an owner's current version → that row (ready, or still on its way; a failed
    one is queued again). Changed inputs → a new version that supersedes the old one.
    """
    spec = registry.get(kind)
    prepared = []
    for owner in owners:  # built before anything is written: a builder error creates nothing
        data = spec.build_data(owner)
        prepared.append((owner, data, inputs_hash(kind=spec, data=data)))
    if not prepared:
        return []
    content_type = ContentType.objects.get_for_model(owners[0])
    with transaction.atomic():
        latest = _latest_versions(
            kind=kind, content_type=content_type, owner_ids=[owner.pk for owner in owners]
        )
        results, created, superseded, failed = [], [], [], []
        for owner, data, fingerprint in prepared:
            current = latest.get(owner.pk)
            # A kind that rebuilds (a spreadsheet) reuses only a version still on its way.
            reuse = current is not None and (
                current.is_pending if spec.rebuilds else current.inputs_hash == fingerprint
            )
            if reuse:
                results.append(current)
                if current.is_failed:
                    failed.append(current)
                continue
            document = Document(
                kind=kind,
                content_type=content_type,
                object_id=owner.pk,
                version=current.version + 1 if current else 1,
                inputs_hash=fingerprint,
                filename=spec.filename(data),
                requested_by=requested_by,
            )
            results.append(document)
            created.append(document)
            if current is not None:
                current.superseded_by = document
                superseded.append(current)
        try:
            with transaction.atomic():
                Document.objects.bulk_create(created)
        except IntegrityError:
            # A concurrent request created one of these versions first: owner by owner, that
            # row is the answer.
            if len(owners) == 1:
                document = created[0]
                return [
                    Document.objects.get(
                        kind=kind,
                        content_type=content_type,
                        object_id=document.object_id,
                        version=document.version,
                    )
                ]
            return [
                documents_request(kind=kind, owners=[owner], requested_by=requested_by)[0]
                for owner in owners
            ]
        now = timezone.now()
        for document in superseded:
            document.superseded_by_id = document.superseded_by.pk
            document.updated_at = now
        Document.objects.bulk_update(superseded, ["superseded_by", "updated_at"])
        _mark_queued(failed)
        _enqueue(created + failed)
    return results


def document_request(*, kind: str, owner, requested_by=None) -> Document:
    """The current document of `kind` for `owner` (see `documents_request`)."""
    return documents_request(kind=kind, owners=[owner], requested_by=requested_by)[0]


def documents_retry(*, document_ids: list[int]) -> list[Document]:
    """Queue again the failed ones among `document_ids` (any other state is left as it is), in
    tasks of ten; returns them."""
    with transaction.atomic():
        failed = list(
            Document.objects.select_for_update().filter(
                pk__in=document_ids, status=Document.Status.FAILED
            )
        )
        _mark_queued(failed)
        _enqueue(failed)
    return failed


def document_retry(*, document: Document) -> Document:
    """Queue a failed document again (see `documents_retry`)."""
    documents_retry(document_ids=[document.pk])
    return Document.objects.get(pk=document.pk)


def _claim(document_ids: list[int]) -> list[Document]:
    """Mark the renderable ones among `document_ids` (not ready, failed or superseded) as
    rendering, one more attempt each, and return them with their owners, in the given order:
    three queries and one per owner model. A document left rendering by a killed worker is
    claimed again, up to MAX_ATTEMPTS claims: one that keeps killing its worker (or running out
    of time) fails for good instead of looping. The claim time tells this call's rows from a
    concurrent claim's."""
    now = timezone.now()
    renderable = Document.objects.filter(
        pk__in=document_ids,
        status__in=[Document.Status.QUEUED, Document.Status.RENDERING],
        superseded_by__isnull=True,
    )
    renderable.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=Document.Status.FAILED,
        error=f"Gave up after {MAX_ATTEMPTS} attempts that did not finish.",
        finished_at=now,
        updated_at=now,
    )
    renderable.filter(attempts__lt=MAX_ATTEMPTS).update(
        status=Document.Status.RENDERING,
        attempts=F("attempts") + 1,
        started_at=now,
        updated_at=now,
    )
    claimed = {
        document.pk: document
        for document in Document.objects.filter(
            pk__in=document_ids, status=Document.Status.RENDERING, started_at=now
        ).prefetch_related("owner")
    }
    return [claimed[pk] for pk in document_ids if pk in claimed]


def _file_name(document: Document, sha256: str, suffix: str) -> str:
    return f"documents/{document.kind}/{document.pk}-v{document.version}-{sha256[:16]}{suffix}"


def _write(document: Document, pdf: bytes, name: str) -> str:
    """Write the bytes under `name` through the storage API (documents.storage: locally a
    temporary file renamed into place, so a reader never sees half a file; an object storage
    shows an object only once uploaded). A file already there under this name was left by an
    attempt that died before its row turned ready: same name, same bytes (the name holds the
    SHA-256), replaced. Returns the name the storage gave the file."""
    storage = document.file.storage
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(pdf, name=name))


def _fail(document_id: int, *, error: str, final: bool) -> None:
    Document.objects.filter(pk=document_id).update(
        status=Document.Status.FAILED if final else Document.Status.QUEUED,
        error=error[:4000],
        finished_at=timezone.now() if final else None,
        updated_at=timezone.now(),
    )


PROGRESS_EVERY = 250  # steps (a spreadsheet's rows) between two progress writes


def _progress_recorder(document: Document):
    """`record(done, total)`: the progress of a long render, written at once (the polling page
    sees it) at the start, every PROGRESS_EVERY steps and at the end, while the claim holds."""
    claim = Document.objects.filter(
        pk=document.pk, status=Document.Status.RENDERING, started_at=document.started_at
    )

    def record(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == total:
            claim.update(progress_done=done, progress_total=total)

    return record


def _render_one(document: Document) -> bool:
    """Render a claimed document and mark it ready; False if it failed for good or is not this
    call's any more. A transient error (database, disk) puts it back in the queue and is raised,
    until the last attempt."""
    try:
        spec = registry.get(document.kind)
        owner = document.owner
        if owner is None:
            raise LookupError("the document's owner no longer exists")
        data = spec.build_data(owner)
        if isinstance(spec, registry.SpreadsheetKind):
            pdf = spec.render_table(owner, progress=_progress_recorder(document))
        else:
            pdf = spec.render(data)
        return _store(document, spec=spec, data=data, pdf=pdf)
    except SoftTimeLimitExceeded:
        raise  # the task ends; the claim stays and is taken again (or given up) later
    except TRANSIENT_ERRORS as exc:
        final = document.attempts >= MAX_ATTEMPTS
        logger.warning("document %s: transient render error: %s", document.pk, exc)
        _fail(document.pk, error=f"{type(exc).__name__}: {exc}", final=final)
        if not final:
            raise
        return False
    except Exception as exc:
        logger.exception("document %s: render failed", document.pk)
        _fail(document.pk, error=f"{type(exc).__name__}: {exc}", final=True)
        return False


def _store(document: Document, *, spec: registry.Kind, data, pdf: bytes) -> bool:
    """Mark the document ready and write its file, in one transaction and only while this
    call's claim holds and no newer version has replaced it. The update locks the row first: a claim
    taken over by another task (a redelivered or requeued message) writes nothing, so each
    version's file is written once; readers see the row ready only after commit, when the file
    is in place. The file goes through the storage API only (any storage, local or remote).
    `documents_ready` is sent in the same transaction: a document never turns ready without
    what it triggers (e.g. its e-mail), even when the worker dies right after."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    name = _file_name(document, sha256, spec.suffix)
    now = timezone.now()
    ready = {
        "status": Document.Status.READY,
        "file": name,
        "file_sha256": sha256,
        "inputs_hash": inputs_hash(kind=spec, data=data),
        "filename": spec.filename(data),
        "error": "",
        "finished_at": now,
        "updated_at": now,
    }
    written = None
    try:
        with transaction.atomic():
            marked = Document.objects.filter(
                pk=document.pk,
                status=Document.Status.RENDERING,
                started_at=document.started_at,
                superseded_by__isnull=True,
            ).update(**ready)
            if not marked:
                return False
            written = _write(document, pdf, name)
            if written != name:  # the storage chose another name (the row lock keeps it rare)
                ready["file"] = written
                Document.objects.filter(pk=document.pk).update(file=written)
            for field_name, value in ready.items():
                setattr(document, field_name, value)
            signals.documents_ready.send(sender=Document, documents=[document])
    except BaseException:
        if written is not None:  # no row names it: do not leave it behind
            document.file.storage.delete(written)
        raise
    if not spec.keeps_old_files:
        _delete_older_files(document)
    return True


def _delete_older_files(document: Document) -> None:
    """Delete the files of the earlier versions of `document` (their rows stay, file-less)."""
    older = Document.objects.filter(
        kind=document.kind,
        content_type_id=document.content_type_id,
        object_id=document.object_id,
        version__lt=document.version,
    ).exclude(file="")
    for old in older:
        old.file.delete(save=False)
    older.update(file="", updated_at=timezone.now())


def documents_render(*, document_ids: list[int]) -> list[Document]:
    """Render the documents one after the other and mark each ready as soon as it is (the body
    of the render task); returns the ones that turned ready. Idempotent: ready, failed and
    superseded documents are passed over, so a redelivered task redoes only what is left.

    A transient error on one document does not hold up the others: it is raised at the end, so
    that the task is retried. `documents_ready` is sent for each document in the transaction
    that marks it ready."""
    ready, transient = [], None
    for document in _claim(document_ids):
        try:
            if _render_one(document):
                ready.append(document)
        except TRANSIENT_ERRORS as exc:
            transient = transient or exc
    if transient is not None:
        raise transient
    return ready


def documents_requeue_stuck(
    *, unclaimed_after: dt.timedelta = UNCLAIMED_AFTER, stuck_after: dt.timedelta = STUCK_AFTER
) -> int:
    """The sweeper (beat, every minute): enqueue again every current document left queued for
    longer than `unclaimed_after` (its message was lost: the broker was down or restarted
    empty) or rendering for longer than `stuck_after` (a killed worker whose message is gone
    too). A duplicate message is harmless: a claim is taken once, a file written once. Returns
    how many were enqueued."""
    now = timezone.now()
    with transaction.atomic():
        stuck = list(
            Document.objects.select_for_update(skip_locked=True).filter(
                Q(status=Document.Status.QUEUED, updated_at__lt=now - unclaimed_after)
                | Q(status=Document.Status.RENDERING, updated_at__lt=now - stuck_after),
                superseded_by__isnull=True,
            )
        )
        Document.objects.filter(pk__in=[document.pk for document in stuck]).update(
            status=Document.Status.QUEUED, updated_at=now
        )
        _enqueue(stuck)
    return len(stuck)
