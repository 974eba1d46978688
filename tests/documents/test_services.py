import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.utils import timezone

from documents import rendering, selectors, services
from documents.models import Document


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

    monkeypatch.setattr(services.os, "fsync", broken_fsync)
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
    again = services.document_render(document_id=document.pk)
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


def test_superseded_documents_are_not_rendered(
    owner_job, render_calls, django_capture_on_commit_callbacks
):
    job = owner_job(name="A")
    with django_capture_on_commit_callbacks(execute=False):
        old = services.document_request(kind="test_certificate", owner=job)
        job.result = {"name": "B"}
        job.save()
        new = services.document_request(kind="test_certificate", owner=job)
    services.document_render(document_id=old.pk)
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
