import logging
import signal
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.urls import reverse

from core import background
from core.background import ReliableTask, enqueue_on_commit
from core.models import BackgroundJob
from core.tasks import run_worker_check
from gencisi.celery import app
from tests.conftest import spare_port


def test_every_task_of_the_project_retries_when_its_database_connection_is_lost():
    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert sorted(task.name for task in ours) == [
        "action_plans.send_plan_reminders",
        "core.run_worker_check",
        "documents.render_documents",
        "documents.requeue_stuck_documents",
        "notifications.send_due_notifications",
        "notifications.send_notifications",
        "participants.delete_unverified_accounts",
        "participants.expire_import_previews",
        "participants.import_participants",
        "participants.send_attendance_warnings",
        "participants.send_cohort_message",
        "participants.send_pending_digests",
        "participants.send_session_reminders",
        "participants.send_survey_reminders",
    ]
    for task in ours:
        assert isinstance(task, ReliableTask), task.name
        assert {OperationalError, InterfaceError} <= set(task.autoretry_for), task.name
        assert task.retry_backoff, task.name


def test_around_a_worker_task_the_connection_is_checked_as_around_a_request(monkeypatch):
    checked = []
    monkeypatch.setattr(background, "close_old_connections", lambda: checked.append("checked"))

    background.reuse_database_connection(sender=SimpleNamespace(request=SimpleNamespace()))
    # An eager task runs inside its caller's transaction: its connection is left alone.
    background.reuse_database_connection(
        sender=SimpleNamespace(request=SimpleNamespace(is_eager=True))
    )

    assert checked == ["checked"]
    assert settings.CELERY_DB_REUSE_MAX == 1000  # Celery's fix-up closes it only that rarely


def test_a_pool_process_freezes_what_it_loaded_before_its_first_task_only(monkeypatch):
    frozen = []
    monkeypatch.setattr(background, "_frozen", False)
    monkeypatch.setattr(background, "process_freeze", lambda: frozen.append("frozen"))
    eager = SimpleNamespace(request=SimpleNamespace(is_eager=True))
    in_a_worker = SimpleNamespace(request=SimpleNamespace())

    background.freeze_before_the_first_task(sender=eager)  # the caller's process: never
    assert frozen == []
    background.freeze_before_the_first_task(sender=in_a_worker)
    background.freeze_before_the_first_task(sender=in_a_worker)

    assert frozen == ["frozen"]


def test_the_freeze_is_connected_to_every_tasks_start():
    from celery.signals import task_prerun

    assert background.freeze_before_the_first_task in task_prerun._live_receivers(None)


def test_beat_runs_both_sweepers_every_minute():
    schedule = {
        entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert schedule["documents.requeue_stuck_documents"] == 60.0
    assert schedule["notifications.send_due_notifications"] == 60.0


@pytest.fixture
def queue_name():
    return f"test-{spare_port()}"


@pytest.mark.django_db(transaction=True)
def test_a_refused_broker_is_logged_and_the_rest_is_not_tried(
    publish_to, queue_name, caplog, monkeypatch
):
    publish_to(
        f"redis://127.0.0.1:{spare_port()}/0", settings.REDIS_BROKER_TRANSPORT_OPTIONS, queue_name
    )
    tried = []
    real = run_worker_check.apply_async
    monkeypatch.setattr(
        run_worker_check, "apply_async", lambda **kwargs: (tried.append(kwargs), real(**kwargs))
    )
    caplog.set_level(logging.WARNING, logger="core.background")
    started = time.monotonic()
    enqueue_on_commit(run_worker_check, {"job_id": 1}, {"job_id": 2}, {"job_id": 3})
    assert time.monotonic() - started < 2
    assert tried == [{"kwargs": {"job_id": 1}}]
    (record,) = caplog.records
    assert record.getMessage().startswith(
        "broker unavailable: core.run_worker_check not enqueued (3 of 3 calls); the sweeper will "
        "enqueue it again: "
    )


@pytest.mark.django_db(transaction=True)
def test_a_broker_that_does_not_answer_holds_a_request_for_seconds_not_minutes(
    publish_to, queue_name, redis_server, client, coordinator
):
    publish_to(redis_server.url, settings.REDIS_BROKER_TRANSPORT_OPTIONS, queue_name)
    redis_server.process.send_signal(signal.SIGSTOP)  # accepts connections, never answers
    try:
        client.force_login(coordinator)
        started = time.monotonic()
        response = client.post(reverse("site:worker_check"))
        took = time.monotonic() - started
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    assert response.status_code == 302
    assert took < 10
    assert BackgroundJob.objects.get().status == BackgroundJob.Status.QUEUED
