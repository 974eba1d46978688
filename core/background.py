"""Background work: the base of every task, and the one way to enqueue a task after commit.

Work is recorded in our own tables before it is enqueued (a document row, an e-mail row, a
background job), so the broker only carries "go and look at row N". When the broker is down the
request still succeeds: the message is not sent, the failure is logged, and the row stays queued
until a beat sweeper (`documents.requeue_stuck_documents`, `notifications.send_due_notifications`)
sends it again.
"""

import logging

from celery import Task
from django.db import InterfaceError, OperationalError, close_old_connections, transaction
from django.urls import get_resolver
from kombu.exceptions import KombuError

from core.memory import process_freeze

logger = logging.getLogger(__name__)

# A lost or killed database connection: the task is run again, on a new connection.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# What publishing raises when the broker cannot be reached (refused, timed out: kombu wraps the
# transport's errors). Errors of an eagerly run task (debugging) are not caught.
BROKER_ERRORS = (KombuError,)


class ReliableTask(Task):
    """Base of every task of the project (`@shared_task(base=ReliableTask, name=…)`).

    A database error — the connection was killed, PostgreSQL restarted — retries the task with
    exponential backoff (2, 4, 8 … s, at most a minute, with jitter). Around every task the
    connection is closed if it broke (`reuse_database_connection`), so the retry runs on a new
    one. Every task is idempotent (its state lives in our tables), so a retry never does work
    twice.
    """

    abstract = True
    autoretry_for = DATABASE_ERRORS
    retry_backoff = 2
    retry_backoff_max = 60
    retry_jitter = True
    max_retries = 6


def reuse_database_connection(sender=None, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """Before and after each task (`task_prerun`, `task_postrun`), what Django does around a web
    request: the connection is closed if an error left it unusable or it outlived CONN_MAX_AGE,
    else kept (CONN_HEALTH_CHECKS tests it before the next task's first query). Opening one per
    task, as Celery's fix-up does by default (see CELERY_DB_REUSE_MAX), costs a connection and a
    PostgreSQL backend process per task. A task run eagerly (tests, debugging) is left alone:
    its caller owns the connection."""
    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()


_frozen = False  # in this process: see freeze_before_the_first_task


def freeze_before_the_first_task(sender=None, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """Before a pool process's first task (`task_prerun`; after every `worker_process_init`
    warm-up — the renderer's fonts and stylesheets, the QR codes' bit effects — has run, in
    whatever order the apps connected them): freeze what the process has loaded
    (core.memory.process_freeze), so that the garbage collector's full collections during
    renders no longer look at it. Once per process; never in a process that runs a task
    eagerly (tests, debugging: the caller's process)."""
    global _frozen  # noqa: PLW0603 — once per process
    if _frozen or getattr(getattr(sender, "request", None), "is_eager", False):
        return
    _frozen = True
    process_freeze()


def load_url_configuration(**kwargs) -> None:  # noqa: ARG001 — signal signature
    """At worker start (`worker_init`, in the main process, before the pool processes are
    forked): import the URL configuration once for all of them — every view module, about half
    a second of CPU — instead of in each pool process's first task that builds a link."""
    get_resolver().reverse_dict  # noqa: B018 — reading it imports and indexes the patterns


def enqueue_on_commit(task: Task, *calls: dict, countdown: float | None = None) -> None:
    """Send `task` once per keyword-argument dict in `calls`, after the current transaction
    commits (at once outside a transaction), to run `countdown` seconds later when given (a
    paced job's next step). Never raises because of the broker: if it cannot
    be reached, the rest is not tried (it would only wait as long again), the failure is
    logged, and the rows the work is recorded in stay queued for the sweepers."""
    if not calls:
        return
    timing = {} if countdown is None else {"countdown": countdown}

    def send() -> None:
        for sent, kwargs in enumerate(calls):
            try:
                task.apply_async(kwargs=kwargs, **timing)
            except BROKER_ERRORS as error:
                logger.warning(
                    "broker unavailable: %s not enqueued (%d of %d calls); the sweeper will "
                    "enqueue it again: %s",
                    task.name,
                    len(calls) - sent,
                    len(calls),
                    error,
                )
                return

    transaction.on_commit(send)
