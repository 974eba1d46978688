"""E-mails as rows: queued inside the transaction of the change they report, sent after commit
by `notifications.send_notifications`, once (unique dedupe key; a row is claimed as "sending"
before the SMTP conversation, so no other task sends it, and marked sent after it).

What SMTP answers decides what happens next: 250 → sent, never again; a temporary failure (4xx,
no connection, a timeout) → queued again with exponential backoff, `next_attempt_at` on the row,
which the beat sweeper (`notifications_send_due`, every minute) honours, so a retry survives a
worker restart; a permanent refusal (5xx) or the last of EMAIL_MAX_ATTEMPTS tries → failed, with
the server's reason, on the coordinators' "failed e-mails" page. The sweeper also sends what was
queued while the broker was down."""

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import close_old_connections, transaction
from django.utils import timezone

from core.background import DATABASE_ERRORS, enqueue_on_commit
from notifications import registry
from notifications.models import Notification
from notifications.rendering import RenderedEmail, email_render
from notifications.selectors import notifications_about
from notifications.smtp import smtp_is_temporary, smtp_reply

logger = logging.getLogger(__name__)

# A queued e-mail that no task has sent by then (its message was lost: the broker was down or
# restarted empty) is sent by the sweeper.
UNSENT_AFTER = dt.timedelta(minutes=2)
# A try still "sending" after this long was interrupted (its worker died mid-conversation): the
# sweeper queues it again. Well above EMAIL_TIMEOUT × the commands of one conversation.
SENDING_STUCK_AFTER = dt.timedelta(minutes=10)
# Writes of a try's outcome before giving up (see `_record`).
RECORD_TRIES = 3
# E-mails per send task when the sweeper sends many.
SEND_BATCH_SIZE = 50


@dataclass(frozen=True)
class NotificationRequest:
    """One e-mail to queue: its recipient, kind (a registered name), dedupe key, what it is about
    (`Notification.about`: its kind turns it into the templates' context) and more context.
    `address` and `language` only when they are not the recipient's (allauth's e-mails: a new
    address to verify, an address without an account: recipient None).
    `send_at`: the caller paces the sending itself (its own task sends the row, e.g. in
    batches at a rate): the row is not enqueued now, and the sweeper sends it from that moment
    on if the caller's task has not."""

    recipient: object | None
    kind: str
    dedupe_key: str
    about: object | None = None
    context: dict | None = None
    address: str = ""
    language: str = ""
    send_at: dt.datetime | None = None
    # Rendered already (`notification_render`: before a lock, say): queued as it is.
    rendered: RenderedEmail | None = None
    # Its dedupe key was made just now (it holds the moment of the change it reports), so that
    # nothing can have been queued under it: not looked up (a query less).
    fresh_key: bool = False


def _language(request: NotificationRequest) -> str:
    recipient = request.recipient
    return request.language or getattr(recipient, "language", "") or settings.LANGUAGE_CODE


def notification_render(*, request: NotificationRequest) -> RenderedEmail:
    """Subject, text and HTML of the e-mail `request` asks for, in its recipient's language;
    `dedupe_key` is not needed yet. A caller may render before it holds what some values
    depend on (`Blank`s in `context`) and queue the result later with them filled in
    (`NotificationRequest.rendered`)."""
    kind = registry.get(request.kind)
    return email_render(
        kind=kind,
        recipient=request.recipient,
        language=_language(request),
        context={**kind.context(request.about), **(request.context or {})},
    )


def _render(request: NotificationRequest) -> Notification:
    recipient, language = request.recipient, _language(request)
    email = request.rendered or notification_render(request=request)
    return Notification(
        recipient=recipient,
        address=request.address if recipient is None or request.address != recipient.email else "",
        about=request.about,
        kind=request.kind,
        language=language,
        subject=email.subject,
        body=email.text,
        html=email.html,
        dedupe_key=request.dedupe_key,
        next_attempt_at=request.send_at or timezone.now() + UNSENT_AFTER,
    )


def notification_preview(*, request: NotificationRequest) -> Notification:
    """The e-mail the request would queue, rendered exactly as it would be sent, not saved."""
    return _render(request)


def notification_prepare(*, request: NotificationRequest) -> Notification:
    """The row `notifications_queue` would save for `request`, not saved, for a request whose
    key is fresh (`fresh_key`: nothing is looked up) and that is not paced: for a caller that
    inserts it with rows of its own in one round trip (core.compiled.insert_statement), then
    calls `notifications_enqueue` with it."""
    if not request.fresh_key or request.send_at is not None:
        raise ValueError("only a fresh, unpaced request is prepared to be inserted elsewhere")
    return _render(request)


def notifications_enqueue(*, notifications: list[Notification]) -> None:
    """The rows saved by the caller (`notification_prepare`) are sent after the commit."""
    _enqueue([notification.pk for notification in notifications])


def _enqueue(notification_ids: list[int]) -> None:
    from notifications.tasks import send_notifications

    enqueue_on_commit(
        send_notifications,
        *(
            {"notification_ids": notification_ids[start : start + SEND_BATCH_SIZE]}
            for start in range(0, len(notification_ids), SEND_BATCH_SIZE)
        ),
    )


def _queued_before(requests: list[NotificationRequest]) -> dict[str, Notification]:
    """The duplicate check, for every way of queueing: the rows queued before under the
    requests' dedupe keys (one query for any number)."""
    keys = [request.dedupe_key for request in requests if not request.fresh_key]
    if not keys:
        return {}
    return {
        notification.dedupe_key: notification
        for notification in Notification.objects.filter(dedupe_key__in=keys)
    }


def _queue(requests: list[NotificationRequest]) -> tuple[list[Notification], list[Notification]]:
    """Render and queue the requests whose key was never queued (two queries for any number);
    after commit, a task sends them (one per SEND_BATCH_SIZE). Returns (the row of each request,
    the rows created now)."""
    existing = _queued_before(requests)
    created, paced = [], set()
    for request in requests:
        if request.dedupe_key not in existing:
            existing[request.dedupe_key] = notification = _render(request)
            created.append(notification)
            if request.send_at is not None:
                paced.add(request.dedupe_key)
    Notification.objects.bulk_create(created)
    _enqueue([notification.pk for notification in created if notification.dedupe_key not in paced])
    return [existing[request.dedupe_key] for request in requests], created


def notifications_queue(*, requests: list[NotificationRequest]) -> list[Notification]:
    """Render each e-mail in its recipient's language and queue it; a key queued before returns
    that row and queues nothing. Returns the row of each request."""
    return _queue(requests)[0]


def notifications_queue_new(*, requests: list[NotificationRequest]) -> list[Notification]:
    """As `notifications_queue`, for the jobs that run again and again (reminders): returns only
    the e-mails queued now, none of those queued by an earlier run."""
    with transaction.atomic():
        return _queue(requests)[1]


def notification_queue(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    about=None,
    context: dict | None = None,
) -> Notification:
    """Queue one e-mail (see `notifications_queue`)."""
    request = NotificationRequest(
        recipient=recipient, kind=kind, dedupe_key=dedupe_key, about=about, context=context
    )
    return notifications_queue(requests=[request])[0]


def notifications_erase(*, recipient) -> None:
    """A person's data is erased (KVKK): their e-mails not sent yet are deleted, the texts of the
    sent ones are emptied (the rows stay, so that nothing is sent twice)."""
    notifications = Notification.objects.filter(recipient=recipient)
    notifications.exclude(status=Notification.Status.SENT).delete()
    notifications.update(subject="—", body="", error="")


def _queued(notification_ids: list[int]) -> list[Notification]:
    """The queued ones among `notification_ids`, with their recipients, in the given order:
    one query for a task's whole batch."""
    queued = {
        notification.pk: notification
        for notification in Notification.objects.select_related("recipient").filter(
            pk__in=notification_ids, status=Notification.Status.QUEUED
        )
    }
    return [queued[pk] for pk in notification_ids if pk in queued]


def _claim(notification: Notification) -> bool:
    """Mark a queued e-mail as being sent, one more attempt: one update, committed on its own
    before the SMTP conversation starts, so no other task sends it meanwhile. False when it is
    not as it was read any more (gone, being sent, sent, failed, or tried by another task
    since: that task's outcome decides what comes next)."""
    fields = {
        "status": Notification.Status.SENDING,
        "attempts": notification.attempts + 1,
        "next_attempt_at": timezone.now() + SENDING_STUCK_AFTER,
    }
    claimed = Notification.objects.filter(
        pk=notification.pk, status=Notification.Status.QUEUED, attempts=notification.attempts
    ).update(**fields)
    if claimed:
        for name, value in fields.items():
            setattr(notification, name, value)
    return bool(claimed)


def _deliver(notification: Notification) -> None:
    """One SMTP conversation; raises unless the server accepted the message. Closing the
    connection afterwards can fail without undoing the delivery, so it is not an error."""
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + notification.subject,
        body=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.to_address],
    )
    if notification.html:  # rows queued before the layout have their text only
        message.attach_alternative(notification.html, "text/html")
    connection = get_connection()
    connection.open()
    try:
        connection.send_messages([message])
    finally:
        try:
            connection.close()
        except Exception as error:  # the message was accepted (or refused) already
            logger.info("e-mail %s: closing the SMTP connection failed: %s", notification.pk, error)


def retry_delay(*, attempts: int) -> dt.timedelta:
    """The wait before the next try after `attempts` tries: EMAIL_RETRY_BASE_SECONDS, doubled
    after each try (1, 2, 4, 8 minutes by default)."""
    return dt.timedelta(seconds=settings.EMAIL_RETRY_BASE_SECONDS * 2 ** (attempts - 1))


def _record(notification: Notification, **fields) -> None:
    """Write the outcome of a try. The SMTP server's answer exists only in this process: a lost
    database connection is replaced and the write tried again (three times over about three
    seconds), so that an accepted e-mail is never left to be sent a second time."""
    for attempt in range(1, RECORD_TRIES + 1):
        try:
            Notification.objects.filter(
                pk=notification.pk, status=Notification.Status.SENDING
            ).update(**fields)
        except DATABASE_ERRORS:
            if attempt == RECORD_TRIES:
                raise
            close_old_connections()
            time.sleep(attempt)
        else:
            break
    for name, value in fields.items():
        setattr(notification, name, value)


def _try(notification: Notification) -> None:
    """One try of a claimed e-mail, its outcome recorded (see the module's docstring)."""
    try:
        _deliver(notification)
    except Exception as error:  # every failure is recorded on the row, none is raised
        temporary = smtp_is_temporary(error)
        final = not temporary or notification.attempts >= settings.EMAIL_MAX_ATTEMPTS
        logger.warning(
            "e-mail %s, attempt %s: %s%s",
            notification.pk,
            notification.attempts,
            smtp_reply(error),
            " (failed)" if final else " (will be tried again)",
        )
        if final:
            _record(notification, status=Notification.Status.FAILED, error=smtp_reply(error))
        else:
            _record(
                notification,
                status=Notification.Status.QUEUED,
                error=smtp_reply(error),
                next_attempt_at=timezone.now() + retry_delay(attempts=notification.attempts),
            )
    else:
        sent = {"status": Notification.Status.SENT, "sent_at": timezone.now(), "error": ""}
        kind = registry.find(notification.kind)
        if kind is not None and not kind.keep_text:
            sent.update(body="", html="")  # it held a secret link: the mailbox has it now
        _record(notification, **sent)


def notifications_send(*, notification_ids: list[int]) -> list[Notification]:
    """Send the queued e-mails among `notification_ids`, one after the other, each claimed on
    its own before its SMTP conversation and its outcome recorded right after it (a worker
    killed mid-batch leaves at most one e-mail in doubt): one query for the batch, then two
    per e-mail. Idempotent: anything not queued any more is left alone. Returns the rows
    tried, as they are afterwards."""
    tried = []
    for notification in _queued(notification_ids):
        if _claim(notification):
            _try(notification)
            tried.append(notification)
    return tried


def notification_send(*, notification_id: int) -> Notification | None:
    """Send one queued e-mail (see `notifications_send`); returns the row as it is afterwards."""
    tried = notifications_send(notification_ids=[notification_id])
    return tried[0] if tried else Notification.objects.filter(pk=notification_id).first()


def notifications_send_due() -> int:
    """The sweeper (beat, every minute): a try interrupted by a dead worker is queued again
    (or failed, after the last try); every queued e-mail that is due — its message was lost, or
    its backoff is over — is enqueued, in tasks of SEND_BATCH_SIZE. Returns how many."""
    now = timezone.now()
    with transaction.atomic():
        interrupted = Notification.objects.filter(
            status=Notification.Status.SENDING, next_attempt_at__lte=now
        )
        reason = "The try was interrupted (the worker stopped); the e-mail may have arrived."
        interrupted.filter(attempts__gte=settings.EMAIL_MAX_ATTEMPTS).update(
            status=Notification.Status.FAILED, error=reason
        )
        interrupted.update(status=Notification.Status.QUEUED, error=reason)
        due = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(status=Notification.Status.QUEUED, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=due).update(next_attempt_at=now + UNSENT_AFTER)
        _enqueue(due)
    return len(due)


def notifications_requeue_failed(*, about, send_at: dt.datetime) -> list[int]:
    """Put every failed e-mail about `about` back in the queue with fresh tries, paced by the
    caller (not enqueued now; see `NotificationRequest.send_at`). Returns their ids."""
    with transaction.atomic():
        failed = list(
            notifications_about(about=about)
            .select_for_update()
            .filter(status=Notification.Status.FAILED)
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=failed).update(
            status=Notification.Status.QUEUED, attempts=0, next_attempt_at=send_at
        )
    return failed


def notification_retry(*, notification: Notification) -> Notification:
    """Put a failed e-mail back in the queue with fresh tries (a coordinator pressed "retry")."""
    with transaction.atomic():
        updated = Notification.objects.filter(
            pk=notification.pk, status=Notification.Status.FAILED
        ).update(
            status=Notification.Status.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now() + UNSENT_AFTER,
        )
        if updated:
            _enqueue([notification.pk])
    notification.refresh_from_db()
    return notification
