import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from documents import rendering, selectors, services, storage
from documents.models import Document
from documents.services import renders, requests


def _request(job, django_capture_on_commit_callbacks, kind="test_certificate") -> Document:
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_request(kind=kind, owner=job, requested_by=job.requested_by)
    document.refresh_from_db()
    return document


def test_request_renders_the_pdf_into_media_and_marks_it_ready(
    owner_job, render_calls, django_capture_on_commit_callbacks, settings
):
    job = owner_job(name="İnci Işık")
    document = _request(job, django_capture_on_commit_callbacks)
    path = Path(settings.MEDIA_ROOT) / document.file.name
    assert document.status == Document.Status.READY
    assert document.attempts == 1
    assert document.version == 1
    assert document.error == ""
    assert document.filename == "Katılım sertifikası - İnci Işık.pdf"
    assert document.file.name == (
        f"documents/test_certificate/{document.pk}-v1-{document.file_sha256[:16]}.pdf"
    )
    assert path.read_bytes()[:5] == b"%PDF-"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == document.file_sha256
    assert not list(path.parent.glob(".*.part"))
    assert render_calls == ["certificate"]


def test_two_requests_with_the_same_inputs_render_once(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    job = owner_job(name="İnci Işık")
    first = _request(job, django_capture_on_commit_callbacks)
    second = _request(job, django_capture_on_commit_callbacks)
    assert second.pk == first.pk
    assert second.file.name == first.file.name
    assert render_calls == ["certificate"]
    assert Document.objects.count() == 1


def test_changed_inputs_render_a_new_version_that_supersedes_the_old(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    job = owner_job(name="İnci Işık")
    first = _request(job, django_capture_on_commit_callbacks)
    job.result = {"name": "İnci Işık Çelik"}
    job.save()
    second = _request(job, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert second.version == 2
    assert second.status == Document.Status.READY
    assert first.superseded_by == second
    assert second.filename == "Katılım sertifikası - İnci Işık Çelik.pdf"
    assert render_calls == ["certificate", "certificate"]


def test_a_failed_render_records_the_error_and_can_be_retried(
    owner_job, monkeypatch, django_capture_on_commit_callbacks
):
    real = rendering.render_pdf

    def broken(layout, data, **kwargs):
        raise ValueError("template is broken")

    monkeypatch.setattr(rendering, "render_pdf", broken)
    document = _request(owner_job(), django_capture_on_commit_callbacks)
    assert document.status == Document.Status.FAILED
    assert document.error == "ValueError: template is broken"
    assert document.attempts == 1
    assert document.finished_at is not None
    assert not document.file
    monkeypatch.setattr(rendering, "render_pdf", real)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_retry(document=document)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.error == ""
    assert document.attempts == 1


def test_a_builder_that_fails_at_request_time_creates_no_document(owner_job):
    with pytest.raises(RuntimeError, match="the context builder broke"):
        services.document_request(kind="test_certificate", owner=owner_job(fail=True))
    assert Document.objects.count() == 0


@pytest.fixture
def eager_retries(monkeypatch):
    """Eager tasks that propagate errors never run their retries; these tests need them to."""
    from gencisi.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


def test_a_transient_error_is_retried_by_the_task(
    owner_job, monkeypatch, django_capture_on_commit_callbacks, eager_retries
):
    real = rendering.render_pdf
    outcomes = [OSError("disk busy")]

    def flaky(layout, data, **kwargs):
        if outcomes:
            raise outcomes.pop()
        return real(layout, data, **kwargs)

    monkeypatch.setattr(rendering, "render_pdf", flaky)
    document = _request(owner_job(), django_capture_on_commit_callbacks)
    assert document.status == Document.Status.READY
    assert document.attempts == 2


def test_a_write_that_breaks_halfway_leaves_no_file_and_fails_after_the_last_attempt(
    owner_job, monkeypatch, django_capture_on_commit_callbacks, settings, eager_retries
):
    def broken_fsync(fd):
        raise OSError("no space left on device")

    monkeypatch.setattr(storage.os, "fsync", broken_fsync)
    document = _request(owner_job(), django_capture_on_commit_callbacks)
    assert document.status == Document.Status.FAILED
    assert document.attempts == services.MAX_ATTEMPTS
    assert document.error == "OSError: no space left on device"
    assert not document.file
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []


def test_a_redelivered_task_for_a_ready_document_does_nothing(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    document = _request(owner_job(), django_capture_on_commit_callbacks)
    assert services.documents_render(document_ids=[document.pk]) == []
    again = Document.objects.get(pk=document.pk)
    assert again.status == Document.Status.READY
    assert again.attempts == 1
    assert render_calls == ["certificate"]


def test_sweeper_requeues_documents_stuck_longer_than_the_threshold(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        stuck = services.document_request(kind="test_certificate", owner=owner_job())
        recent = services.document_request(kind="test_action_plan", owner=owner_job())
    Document.objects.filter(pk=stuck.pk).update(
        status=Document.Status.RENDERING, updated_at=timezone.now() - dt.timedelta(minutes=16)
    )
    with django_capture_on_commit_callbacks(execute=True):
        requeued = services.documents_requeue_stuck()
    stuck.refresh_from_db()
    recent.refresh_from_db()
    assert requeued == 1
    assert stuck.status == Document.Status.READY
    assert recent.status == Document.Status.QUEUED
    assert render_calls == ["certificate"]


def test_sweeper_enqueues_documents_whose_message_was_lost_after_two_minutes(
    owner_job, sent_batches, django_capture_on_commit_callbacks
):
    lost, recent, rendering_now = (
        services.document_request(kind="test_certificate", owner=owner_job(name=name))
        for name in ("Kayıp", "Yeni", "Çizilen")
    )
    now = timezone.now()
    Document.objects.filter(pk=lost.pk).update(updated_at=now - dt.timedelta(seconds=121))
    Document.objects.filter(pk=recent.pk).update(updated_at=now - dt.timedelta(seconds=100))
    Document.objects.filter(pk=rendering_now.pk).update(
        status=Document.Status.RENDERING, updated_at=now - dt.timedelta(minutes=14)
    )
    sent_batches.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.documents_requeue_stuck() == 1
    assert sent_batches == [[lost.pk]]
    assert Document.objects.get(pk=lost.pk).updated_at >= now


def test_a_claim_taken_over_by_another_task_writes_nothing(owner_job, settings, monkeypatch):
    writes = []
    real_mkstemp = storage.tempfile.mkstemp

    def counting_mkstemp(**kwargs):
        writes.append(kwargs["dir"])
        return real_mkstemp(**kwargs)

    monkeypatch.setattr(storage.tempfile, "mkstemp", counting_mkstemp)
    (document,) = _queued(owner_job, 1)
    with time_machine.travel(timezone.now() - dt.timedelta(seconds=30), tick=False):
        (first,) = renders._claim([document.pk])
    (second,) = renders._claim([document.pk])  # a redelivered message took it over
    assert renders._store([renders._render_one(first)]) == []
    media = Path(settings.MEDIA_ROOT)
    assert [path for path in media.rglob("*") if path.is_file()] == []
    assert renders._store([renders._render_one(second)]) == [second]
    done = Document.objects.get(pk=document.pk)
    assert (done.status, done.attempts) == (Document.Status.READY, 2)
    assert [path.name for path in media.rglob("*") if path.is_file()] == [Path(done.file.name).name]
    assert len(writes) == 1


def test_superseded_documents_are_not_rendered(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    job = owner_job(name="A")
    with django_capture_on_commit_callbacks(execute=False):
        old = services.document_request(kind="test_certificate", owner=job)
        job.result = {"name": "B"}
        job.save()
        new = services.document_request(kind="test_certificate", owner=job)
    assert services.documents_render(document_ids=[old.pk]) == []
    old.refresh_from_db()
    assert old.status == Document.Status.QUEUED
    assert old.superseded_by == new
    assert render_calls == []


def test_current_document_is_the_latest_version(owner_job, django_capture_on_commit_callbacks):
    job = owner_job(name="A")
    first = _request(job, django_capture_on_commit_callbacks)
    job.result = {"name": "B"}
    job.save()
    second = _request(job, django_capture_on_commit_callbacks)
    assert first.pk != second.pk
    assert selectors.document_current(kind="test_certificate", owner=job) == second
    assert selectors.document_current(kind="test_action_plan", owner=job) is None


def test_worker_start_warms_up_the_renderer_for_every_layout(monkeypatch):
    from documents import signals
    from documents.layouts import LAYOUTS

    monkeypatch.setattr(rendering, "_engine", None)
    signals.warm_up_renderer(sender=None)
    state = rendering.engine()
    assert sorted(state.stylesheets) == sorted(layout.name for layout in LAYOUTS)
    # A sample certificate was rendered: the logo is decoded for every later render.
    assert list(state.static_images) == [rendering.STATIC_BASE_URL + "img/logo-print.jpg"]


def test_a_sample_render_that_fails_at_worker_start_is_logged_not_raised(monkeypatch, caplog):
    from documents import signals

    def broken(*args, **kwargs):
        raise OSError("no fonts")

    monkeypatch.setattr(rendering, "render_pdf", broken)
    signals.warm_up_renderer(sender=None)  # the pool process still starts
    assert [record.getMessage() for record in caplog.records] == [
        "the sample certificate could not be rendered at the process's start"
    ]


@pytest.fixture
def sent_batches(monkeypatch):
    """The id lists of the render tasks sent to the broker (instead of sending them)."""
    from documents import tasks

    batches = []
    monkeypatch.setattr(
        tasks.render_documents,
        "apply_async",
        lambda *, kwargs: batches.append(kwargs["document_ids"]),
    )
    return batches


def test_a_batch_request_writes_every_owner_in_the_same_number_of_queries(
    owner_job, django_assert_num_queries
):
    one = [owner_job(name="Ayşe Kaya")]
    three = [owner_job(name=f"Kişi {n}") for n in range(3)]
    # Two savepoints and their releases, the lock on the latest versions, one insert (the
    # content type is cached after the first request).
    services.document_request(kind="test_certificate", owner=owner_job())
    with django_assert_num_queries(6):
        services.documents_request(kind="test_certificate", owners=one)
    with django_assert_num_queries(6):
        documents = services.documents_request(kind="test_certificate", owners=three)
    assert [document.object_id for document in documents] == [job.pk for job in three]
    assert [document.filename for document in documents] == [
        "Katılım sertifikası - Kişi 0.pdf",
        "Katılım sertifikası - Kişi 1.pdf",
        "Katılım sertifikası - Kişi 2.pdf",
    ]
    assert {document.status for document in documents} == {Document.Status.QUEUED}


def test_a_batch_goes_to_the_workers_in_tasks_of_ten_after_commit(
    owner_job, sent_batches, django_capture_on_commit_callbacks
):
    owners = [owner_job(name=f"Kişi {n}") for n in range(23)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        documents = services.documents_request(kind="test_certificate", owners=owners)
    assert sent_batches == []
    for callback in callbacks:
        callback()
    ids = [document.pk for document in documents]
    assert sent_batches == [ids[:10], ids[10:20], ids[20:]]


def test_a_batch_keeps_unchanged_owners_requeues_failed_ones_and_versions_changed_ones(
    owner_job, sent_batches, django_capture_on_commit_callbacks
):
    unchanged, failed, changed, new = (owner_job(name=name) for name in "ABCD")
    with django_capture_on_commit_callbacks(execute=False):
        first = services.documents_request(
            kind="test_certificate", owners=[unchanged, failed, changed]
        )
    Document.objects.filter(pk=first[1].pk).update(status=Document.Status.FAILED, attempts=5)
    changed.result = {"name": "C2"}
    changed.save()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.documents_request(
            kind="test_certificate", owners=[unchanged, failed, changed, new]
        )
    for document in [*first, *second]:
        document.refresh_from_db()
    assert [document.pk for document in second[:2]] == [first[0].pk, first[1].pk]
    assert (second[1].status, second[1].attempts) == (Document.Status.QUEUED, 0)
    assert (second[2].version, first[2].superseded_by) == (2, second[2])
    assert second[3].version == 1
    assert sent_batches[-1] == [second[2].pk, second[3].pk, second[1].pk]


def test_a_batch_that_races_another_request_returns_the_row_that_won(
    owner_job, monkeypatch, django_capture_on_commit_callbacks
):
    raced, other = owner_job(name="A"), owner_job(name="B")
    with django_capture_on_commit_callbacks(execute=False):
        winner = services.document_request(kind="test_certificate", owner=raced)
    real = requests._latest_versions
    calls = []

    def blind_once(**kwargs):
        # The first look misses the row a concurrent request has just inserted.
        calls.append(kwargs["owner_ids"])
        latest = real(**kwargs)
        return {} if len(calls) == 1 else latest

    monkeypatch.setattr(requests, "_latest_versions", blind_once)
    with django_capture_on_commit_callbacks(execute=False):
        documents = services.documents_request(kind="test_certificate", owners=[raced, other])
    assert documents[0].pk == winner.pk
    assert (documents[1].object_id, documents[1].version) == (other.pk, 1)
    assert Document.objects.count() == 2
    assert calls == [[raced.pk, other.pk], [raced.pk], [other.pk]]


def _queued(owner_job, count: int) -> list[Document]:
    return services.documents_request(
        kind="test_certificate", owners=[owner_job(name=f"Kişi {n}") for n in range(count)]
    )


def test_a_render_task_claims_its_batch_at_once_and_marks_it_ready_at_once(
    owner_job, django_assert_num_queries
):
    one, three = _queued(owner_job, 1), _queued(owner_job, 3)
    # Claim (give up the exhausted, update, select), the owners (one query per owner model);
    # the whole batch ready in one transaction (savepoint, lock the rows still claimed, one
    # update, release).
    with django_assert_num_queries(8):
        services.documents_render(document_ids=[one[0].pk])
    with django_assert_num_queries(8):
        ready = services.documents_render(document_ids=[document.pk for document in three])
    assert [document.pk for document in ready] == [document.pk for document in three]
    assert [(document.status, document.attempts) for document in ready] == [("ready", 1)] * 3
    assert Document.objects.filter(status=Document.Status.READY).count() == 4


def test_a_transient_error_on_one_document_does_not_hold_up_the_rest_of_its_batch(
    owner_job, monkeypatch
):
    from documents import signals

    documents = _queued(owner_job, 3)
    real = rendering.render_pdf

    def flaky(layout, data, **kwargs):
        if data.participant_name == "Kişi 1":
            raise OSError("disk busy")
        return real(layout, data, **kwargs)

    monkeypatch.setattr(rendering, "render_pdf", flaky)
    sent = []
    signals.documents_ready.connect(
        lambda documents, **_: sent.append([d.pk for d in documents]),
        weak=False,
        dispatch_uid="test-batch",
    )
    try:
        with pytest.raises(OSError, match="disk busy"):
            services.documents_render(document_ids=[document.pk for document in documents])
    finally:
        signals.documents_ready.disconnect(dispatch_uid="test-batch")
    states = dict(Document.objects.values_list("pk", "status"))
    assert [states[document.pk] for document in documents] == ["ready", "queued", "ready"]
    assert sent == [[documents[0].pk, documents[2].pk]]


def test_a_document_that_never_finishes_is_given_up_after_the_last_attempt(owner_job, render_calls):
    document = _queued(owner_job, 1)[0]
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.RENDERING, attempts=services.MAX_ATTEMPTS
    )
    assert services.documents_render(document_ids=[document.pk]) == []
    document.refresh_from_db()
    assert (document.status, document.error) == (
        Document.Status.FAILED,
        f"Gave up after {services.MAX_ATTEMPTS} attempts that did not finish.",
    )
    assert render_calls == []


def test_a_render_overtaken_by_a_newer_claim_or_version_does_not_mark_it_ready(
    owner_job, monkeypatch, settings
):
    document = _queued(owner_job, 1)[0]
    real = rendering.render_pdf

    def overtaken(layout, data, **kwargs):
        # While this render runs, a redelivered task claims the document again.
        Document.objects.filter(pk=document.pk).update(started_at=timezone.now())
        return real(layout, data, **kwargs)

    monkeypatch.setattr(rendering, "render_pdf", overtaken)
    assert services.documents_render(document_ids=[document.pk]) == []
    document.refresh_from_db()
    assert (document.status, document.file.name) == (Document.Status.RENDERING, "")
    assert list(Path(settings.MEDIA_ROOT).rglob("*.pdf")) == []


def test_a_batch_whose_file_write_breaks_leaves_no_file_and_goes_back_to_the_queue(
    owner_job, monkeypatch, settings
):
    documents = _queued(owner_job, 3)
    real_fsync, calls = storage.os.fsync, []

    def second_breaks(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError("no space left on device")
        real_fsync(fd)

    monkeypatch.setattr(storage.os, "fsync", second_breaks)
    with pytest.raises(OSError, match="no space left on device"):
        services.documents_render(document_ids=[document.pk for document in documents])
    assert len(calls) == 3  # the three files were written at the same time
    rows = Document.objects.filter(pk__in=[document.pk for document in documents])
    assert set(rows.values_list("status", "attempts", "file", "error")) == {
        ("queued", 1, "", "OSError: no space left on device")
    }
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []


# --- spreadsheets (registry.SpreadsheetKind): built by the worker, rebuilt on request -------


def _workbook_rows(document: Document) -> list[tuple]:
    with document.file.open("rb") as stream:
        sheet = load_workbook(io.BytesIO(stream.read())).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_spreadsheet_is_written_by_the_worker_with_every_row(
    owner_job, django_capture_on_commit_callbacks
):
    job = owner_job(title="Yanıtlar – İzmir", rows=[["İnci Işık", 1], ["Ilgın Irmak", 2]])
    document = _request(job, django_capture_on_commit_callbacks, kind="test_spreadsheet")
    assert document.status == Document.Status.READY
    assert document.filename == "Yanıtlar – İzmir.xlsx"
    assert document.is_spreadsheet
    assert document.file.name.endswith(".xlsx")
    assert _workbook_rows(document) == [("Ad", "Sayı"), ("İnci Işık", 1), ("Ilgın Irmak", 2)]
    assert (document.progress_done, document.progress_total) == (2, 2)


def test_a_spreadsheet_requested_again_is_built_again_and_the_old_file_deleted(
    owner_job, django_capture_on_commit_callbacks
):
    job = owner_job(title="Tablo", rows=[["Ayşe", 1]])
    first = _request(job, django_capture_on_commit_callbacks, kind="test_spreadsheet")
    job.result = {"title": "Tablo", "rows": [["Ayşe", 1], ["Işıl", 2]]}
    job.save()
    second = _request(job, django_capture_on_commit_callbacks, kind="test_spreadsheet")
    first.refresh_from_db()
    assert second.version == 2
    assert first.superseded_by_id == second.pk
    assert first.file.name == ""
    assert _workbook_rows(second)[1:] == [("Ayşe", 1), ("Işıl", 2)]


def test_a_spreadsheet_still_on_its_way_is_not_asked_for_twice(owner_job):
    job = owner_job(title="Tablo", rows=[["Ayşe", 1]])
    first = services.document_request(kind="test_spreadsheet", owner=job)
    second = services.document_request(kind="test_spreadsheet", owner=job)
    assert second.pk == first.pk
    assert first.status == Document.Status.QUEUED
    assert Document.objects.count() == 1


def test_a_spreadsheet_records_its_progress_as_the_rows_go_in(
    owner_job, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(renders, "PROGRESS_EVERY", 2)
    seen = []
    real = renders._progress_recorder

    def watching(document):
        record = real(document)

        def spy(done, total):
            record(done, total)
            seen.append(
                Document.objects.values_list("progress_done", "progress_total").get(pk=document.pk)
            )

        return spy

    monkeypatch.setattr(renders, "_progress_recorder", watching)
    job = owner_job(title="Tablo", rows=[[f"Kişi {n}", n] for n in range(5)])
    _request(job, django_capture_on_commit_callbacks, kind="test_spreadsheet")
    assert seen == [(0, 5), (0, 5), (2, 5), (2, 5), (4, 5), (5, 5)]
