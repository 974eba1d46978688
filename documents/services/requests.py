"""Writes of the document pipeline, requests: request documents (one, or many in a few
queries), retry failed ones, and requeue the ones a dead worker left behind."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.background import enqueue_on_commit
from documents import registry
from documents.models import Document
from documents.services.renders import inputs_hash

# The sweeper enqueues again a document queued for longer than this without a worker taking it
# (its message was lost: the broker was down or restarted empty) …
UNCLAIMED_AFTER = dt.timedelta(minutes=2)
# … and one left rendering for longer than this (above the task's hard time limit, 6 minutes).
STUCK_AFTER = dt.timedelta(minutes=15)
# Documents per render task: a bulk request (a cohort's certificates) becomes a few dozen tasks
# instead of hundreds, so the broker round trips, the commit that marks them ready and the e-mails
# they trigger are shared, while both worker processes stay busy and the progress bar still
# moves in small steps.
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
