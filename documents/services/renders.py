"""Writes of the document pipeline, rendering: claim a task's batch, render it, store it and
mark it ready all at once (the body of the render task)."""

import dataclasses
import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.background import DATABASE_ERRORS
from core.db import update_rows
from documents import registry, signals
from documents.models import Document
from documents.storage import AtomicFileSystemStorage

logger = logging.getLogger(__name__)

# Errors worth another try later (database or disk hiccups); anything else fails the document.
TRANSIENT_ERRORS = (*DATABASE_ERRORS, OSError)
MAX_ATTEMPTS = 5


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
        )
        .order_by()  # returned in the given order: the model's order only costs
        .prefetch_related("owner")
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


def _write_all(files: list[tuple[Document, bytes, str]]) -> list[str]:
    """Write the files of a batch (document, bytes, name); returns the names the storage gave
    them. If one fails, the others are deleted and its error raised.

    On the local disk (AtomicFileSystemStorage) they are written at the same time, each in a
    thread of its own: each file is flushed to disk before it is renamed into place, and those
    flushes overlap (one after the other, a flush to a virtual machine's disk costs about a
    quarter of a certificate's render). The first is written alone, so that its folder exists
    before the others are written into it. Any other storage (an object storage's client per
    thread would cost more than it saves) writes them one after the other."""
    names = []
    try:
        if not files:
            return names
        names.append(_write(*files[0]))
        if not isinstance(files[0][0].file.storage, AtomicFileSystemStorage):
            for file in files[1:]:
                names.append(_write(*file))  # noqa: PERF401 — each name kept as soon as written
            return names
        with ThreadPoolExecutor(max_workers=max(len(files) - 1, 1)) as pool:
            futures = [pool.submit(_write, *file) for file in files[1:]]
        error = None
        for future in futures:
            try:
                names.append(future.result())
            except Exception as exc:
                error = error or exc
        if error is not None:
            raise error
    except BaseException:
        storage = files[0][0].file.storage
        for name in names:
            storage.delete(name)
        raise
    return names


def _fail(document: Document, *, error: str, final: bool) -> None:
    """Record an error of a claimed document (a claim taken over since is left alone): failed
    for good, or back in the queue."""
    now = timezone.now()
    Document.objects.filter(
        pk=document.pk, status=Document.Status.RENDERING, started_at=document.started_at
    ).update(
        status=Document.Status.FAILED if final else Document.Status.QUEUED,
        error=error[:4000],
        finished_at=now if final else None,
        updated_at=now,
    )


@dataclasses.dataclass(frozen=True)
class Rendered:
    """A claimed document and its file, rendered but not stored yet."""

    document: Document
    spec: registry.Kind
    data: object
    content: bytes


def _failed(documents: list[Document], exc: Exception) -> None:
    """Record an error of claimed `documents`. A transient one (database, disk) puts them back
    in the queue and is raised, so that the task is retried, until their last attempt;
    anything else fails them for good."""
    transient, retry = isinstance(exc, TRANSIENT_ERRORS), False
    for document in documents:
        final = not transient or document.attempts >= MAX_ATTEMPTS
        retry = retry or not final
        _fail(document, error=f"{type(exc).__name__}: {exc}", final=final)
    if retry:
        raise exc


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


def _render_one(document: Document) -> Rendered | None:
    """Render a claimed document (not stored yet); None if it failed for good. A transient
    error (database, disk) puts it back in the queue and is raised, until the last attempt."""
    try:
        spec = registry.get(document.kind)
        owner = document.owner
        if owner is None:
            raise LookupError("the document's owner no longer exists")
        data = spec.build_data(owner)
        if isinstance(spec, registry.SpreadsheetKind):
            content = spec.render_table(owner, progress=_progress_recorder(document))
        else:
            content = spec.render(data)
        return Rendered(document=document, spec=spec, data=data, content=content)
    except SoftTimeLimitExceeded:
        raise  # the task ends; the claim stays and is taken again (or given up) later
    except Exception as exc:
        if isinstance(exc, TRANSIENT_ERRORS):
            logger.warning("document %s: transient render error: %s", document.pk, exc)
        else:
            logger.exception("document %s: render failed", document.pk)
        _failed([document], exc)
        return None


def _still_claimed(rendered: list[Rendered]) -> list[Rendered]:
    """The ones among `rendered` whose claim still holds (not taken over by a redelivered or
    requeued message, not replaced by a newer version), their rows locked until the
    transaction ends: one query."""
    claims = dict(
        Document.objects.select_for_update()
        .filter(
            pk__in=[item.document.pk for item in rendered],
            status=Document.Status.RENDERING,
            superseded_by__isnull=True,
        )
        .order_by("pk")  # one order of locking for every task (not the model's: cheaper)
        .values_list("pk", "started_at")
    )
    return [item for item in rendered if claims.get(item.document.pk) == item.document.started_at]


def _store(rendered: list[Rendered]) -> list[Document]:
    """Write the files of `rendered` and mark their documents ready, in one transaction and
    only while this call's claim holds and no newer version has replaced them (their rows are
    locked first: a claim taken over by another task writes nothing, so each version's file is
    written once); readers see the rows ready only after commit, when the files are in place.
    The files go through the storage API only (any storage, local or remote).
    `documents_ready` is sent once for all of them in the same transaction: a document never
    turns ready without what it triggers (e.g. its e-mail), even when the worker dies right
    after. Two queries and the receivers', whatever their number. Returns them."""
    if not rendered:
        return []
    written = []
    try:
        with transaction.atomic():
            ours = _still_claimed(rendered)
            now = timezone.now()
            hashes = [hashlib.sha256(item.content).hexdigest() for item in ours]
            written = _write_all(
                [
                    (
                        item.document,
                        item.content,
                        _file_name(item.document, sha256, item.spec.suffix),
                    )
                    for item, sha256 in zip(ours, hashes, strict=True)
                ]
            )
            ready = {
                "status": Document.Status.READY,
                "error": "",
                "finished_at": now,
                "updated_at": now,
            }
            changes = {}
            for item, sha256, name in zip(ours, hashes, written, strict=True):
                document, spec = item.document, item.spec
                changes[document.pk] = {
                    "file": name,  # the storage may have chosen another name (rare)
                    "file_sha256": sha256,
                    "inputs_hash": inputs_hash(kind=spec, data=item.data),
                    "filename": spec.filename(item.data),
                }
                for field, value in (*changes[document.pk].items(), *ready.items()):
                    setattr(document, field, value)
            update_rows(Document, changes=changes, same=ready)  # one UPDATE (bulk_update: 25 ms)
            documents = [item.document for item in ours]
            if documents:
                signals.documents_ready.send(sender=Document, documents=documents)
    except BaseException:
        storage = rendered[0].document.file.storage
        for name in written:  # no row names them: do not leave them behind
            storage.delete(name)
        raise
    for item in ours:
        if not item.spec.keeps_old_files:
            _delete_older_files(item.document)
    return documents


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
    """Render the documents one after the other, then store them and mark them ready all at
    once (the body of the render task: a task's documents cost a fixed number of queries, one
    commit and one `documents_ready` signal, whatever their number); returns the ones that
    turned ready. Idempotent: ready, failed and superseded documents are passed over, so a
    redelivered task redoes only what is left.

    A transient error on one document does not hold up the others: it is raised at the end, so
    that the task is retried."""
    rendered, transient = [], None
    for document in _claim(document_ids):
        try:
            item = _render_one(document)
        except TRANSIENT_ERRORS as exc:
            transient = transient or exc
            continue
        if item is not None:
            rendered.append(item)
    try:
        ready = _store(rendered)
    except SoftTimeLimitExceeded:
        raise
    except Exception as exc:
        pks = [item.document.pk for item in rendered]
        logger.warning("documents %s: storing failed: %s", pks, exc, exc_info=True)
        _failed([item.document for item in rendered], exc)
        ready = []
    if transient is not None:
        raise transient
    return ready
