"""Writes of the document pipeline, erasure (KVKK): the files that print a person whose data
was erased are deleted, their rows kept and marked."""

import logging

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from documents.models import Document

logger = logging.getLogger(__name__)


def _files_delete(names: list[str]) -> None:
    storage = Document._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("erased document file %s could not be deleted", name)


def documents_erase(*, documents: QuerySet[Document]) -> int:
    """The files of `documents` print personal data that was erased: each row stays (the
    version history and what points at it), marked erased, without its file, its download
    name (it may hold the person's name) and its hashes; a render on its way stores nothing
    (its claim no longer holds) and no retry, sweeper or request reuses the row. The files are
    deleted through the storage API when the transaction commits, as the older versions of a
    ZIP are (services/renders.py): the rows stop naming them first, and an erasure rolled back
    keeps them. Two queries (no savepoint: the caller's transaction is the erasure); returns
    how many rows were erased."""
    with transaction.atomic(savepoint=False):
        rows = list(
            documents.select_for_update()
            .exclude(status=Document.Status.ERASED)
            .values_list("pk", "file")
        )
        if not rows:
            return 0
        Document.objects.filter(pk__in=[pk for pk, _name in rows]).update(
            status=Document.Status.ERASED,
            file="",
            filename="",
            file_sha256="",
            inputs_hash="",
            error="",
            progress_done=0,
            progress_total=0,
            updated_at=timezone.now(),
        )
        names = [name for _pk, name in rows if name]
        if names:
            transaction.on_commit(lambda: _files_delete(names))
    return len(rows)
