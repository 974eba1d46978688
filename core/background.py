"""Background work: the base of every task, and the one way to enqueue a task after commit.

Work is recorded in our own tables before it is enqueued (a document row, an e-mail row, a
background job), so the broker only carries "go and look at row N". When the broker is down the
request still succeeds: the message is not sent, the failure is logged, and the row stays queued
until a beat sweeper (`documents.requeue_stuck_documents`, `notifications.send_due_notifications`)
sends it again.
"""

import logging

from celery import Task
from django.db import InterfaceError, OperationalError, transaction
from kombu.exceptions import KombuError

logger = logging.getLogger(__name__)

# A lost or killed database connection: the task is run again, on a new connection.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# What publishing raises when the broker cannot be reached (refused, timed out: kombu wraps the
# transport's errors). Errors of an eagerly run task (debugging) are not caught.
BROKER_ERRORS = (KombuError,)


class ReliableTask(Task):
    """Base of every task of the project (`@shared_task(base=ReliableTask, name=…)`).

    A database error — the connection was killed, PostgreSQL restarted — retries the task with
    exponential backoff (2, 4, 8 … s, at most a minute, with jitter). Celery's Django fix-up
    closes the connection before and after every task, so the retry runs on a new connection.
    Every task is idempotent (its state lives in our tables), so a retry never does work twice.
    """

    abstract = True
    autoretry_for = DATABASE_ERRORS
    retry_backoff = 2
    retry_backoff_max = 60
    retry_jitter = True
    max_retries = 6


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
