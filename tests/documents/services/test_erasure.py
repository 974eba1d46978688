import datetime as dt
from pathlib import Path

from django.db import transaction

from documents import services
from documents.models import Document
from documents.services import renders

ZERO = dt.timedelta(0)


def _request(job, django_capture_on_commit_callbacks) -> Document:
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_request(kind="test_certificate", owner=job)
    document.refresh_from_db()
    return document


def test_erasing_deletes_the_file_after_the_commit_and_keeps_the_row_marked(
    owner_job, django_capture_on_commit_callbacks, django_assert_num_queries, settings
):
    document = _request(owner_job(name="İnci Işık"), django_capture_on_commit_callbacks)
    path = Path(settings.MEDIA_ROOT) / document.file.name
    assert path.read_bytes()[:5] == b"%PDF-"
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(2):
        erased = services.documents_erase(documents=Document.objects.filter(pk=document.pk))
    assert erased == 1
    assert path.exists()  # not before the commit
    for callback in callbacks:
        callback()
    assert not path.exists()
    document.refresh_from_db()
    assert (
        document.status,
        document.file.name,
        document.filename,
        document.file_sha256,
        document.inputs_hash,
        document.is_ready,
        document.is_erased,
    ) == ("erased", "", "", "", "", False, True)


def test_an_erasure_rolled_back_keeps_the_file(
    owner_job, django_capture_on_commit_callbacks, settings
):
    document = _request(owner_job(name="İnci Işık"), django_capture_on_commit_callbacks)
    path = Path(settings.MEDIA_ROOT) / document.file.name
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        services.documents_erase(documents=Document.objects.filter(pk=document.pk))
        transaction.set_rollback(True)
    assert callbacks == []
    document.refresh_from_db()
    assert (document.status, path.exists()) == ("ready", True)


def test_erasing_again_or_nothing_writes_nothing(
    owner_job, django_capture_on_commit_callbacks, django_assert_num_queries
):
    document = _request(owner_job(name="İnci Işık"), django_capture_on_commit_callbacks)
    documents = Document.objects.filter(pk=document.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.documents_erase(documents=documents) == 1
    with django_assert_num_queries(1):
        assert services.documents_erase(documents=documents) == 0
    assert services.documents_erase(documents=Document.objects.none()) == 0


def test_a_render_on_its_way_stores_nothing_once_erased(
    owner_job, django_capture_on_commit_callbacks, settings
):
    """The worker claimed it and rendered it with the name; the erasure came before it stored
    the file: no file is written and the row stays erased."""
    job = owner_job(name="İnci Işık")
    with django_capture_on_commit_callbacks(execute=False):
        document = services.document_request(kind="test_certificate", owner=job)
    claimed = renders._claim([document.pk])
    rendered = [renders._render_one(claimed[0])]
    with django_capture_on_commit_callbacks(execute=True):
        services.documents_erase(documents=Document.objects.filter(pk=document.pk))
    assert renders._store(rendered) == []
    document.refresh_from_db()
    assert (document.status, document.file.name) == ("erased", "")
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []


def test_an_erased_document_is_never_retried_requeued_or_reused(
    owner_job, django_capture_on_commit_callbacks
):
    job = owner_job(name="İnci Işık")
    document = _request(job, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.documents_erase(documents=Document.objects.filter(pk=document.pk))
    assert services.documents_retry(document_ids=[document.pk]) == []
    assert services.documents_requeue_stuck(unclaimed_after=ZERO, stuck_after=ZERO) == 0
    again = _request(job, django_capture_on_commit_callbacks)
    assert (again.version, again.status) == (2, "ready")
    document.refresh_from_db()
    assert (document.status, document.superseded_by_id) == ("erased", again.pk)
