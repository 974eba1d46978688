"""E-mails as rows: queued inside the transaction of the change they report, sent after commit
by `participants.send_notifications`, at most once (unique dedupe key, sent only while queued)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.links import absolute_url
from participants.models import Notification, Registration

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotificationRequest:
    """One e-mail to queue: its recipient, kind (the template), dedupe key and context."""

    recipient: object
    kind: str
    dedupe_key: str
    registration: Registration | None = None
    context: dict | None = None


def _render(request: NotificationRequest) -> Notification:
    from django.urls import reverse

    recipient, registration = request.recipient, request.registration
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        data = {
            "user": recipient,
            "registration": registration,
            "cohort": registration.cohort if registration else None,
            "my_registrations_url": absolute_url(reverse("participants:my_registrations")),
            **(request.context or {}),
        }
        subject = render_to_string(f"participants/email/{request.kind}_subject.txt", data)
        body = render_to_string(f"participants/email/{request.kind}.txt", data)
    return Notification(
        recipient=recipient,
        registration=registration,
        kind=request.kind,
        language=language,
        subject=" ".join(subject.split())[:250],
        body=body.strip() + "\n",
        dedupe_key=request.dedupe_key,
    )


def notifications_queue(*, requests: list[NotificationRequest]) -> list[Notification]:
    """Render each e-mail in its recipient's language and queue it, in two queries for any
    number; a key queued before returns that row and queues nothing. After commit, one task
    sends the new ones."""
    from participants.tasks import send_notifications

    existing = {
        notification.dedupe_key: notification
        for notification in Notification.objects.filter(
            dedupe_key__in=[request.dedupe_key for request in requests]
        )
    }
    created = []
    for request in requests:
        if request.dedupe_key not in existing:
            existing[request.dedupe_key] = notification = _render(request)
            created.append(notification)
    Notification.objects.bulk_create(created)
    if created:
        ids = [notification.pk for notification in created]
        transaction.on_commit(lambda: send_notifications.delay(notification_ids=ids))
    return [existing[request.dedupe_key] for request in requests]


def notification_queue(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    registration: Registration | None = None,
    context: dict | None = None,
) -> Notification:
    """Queue one e-mail (see `notifications_queue`)."""
    request = NotificationRequest(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key,
        registration=registration,
        context=context,
    )
    return notifications_queue(requests=[request])[0]


def notification_send(*, notification_id: int) -> Notification | None:
    """Send one queued e-mail. Idempotent: anything not queued any more is left alone."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.status != Notification.Status.QUEUED:
            return notification
        notification.attempts += 1
        try:
            send_mail(
                subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + notification.subject,
                message=notification.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[notification.recipient.email],
            )
        except Exception as error:  # any transport error is recorded for a retry
            logger.warning("e-mail %s failed: %s", notification.pk, error)
            notification.status = Notification.Status.FAILED
            notification.error = str(error)[:2000]
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.error = ""
        notification.save(update_fields=["status", "attempts", "error", "sent_at"])
    return notification


def notification_retry(*, notification: Notification) -> Notification:
    """Put a failed e-mail back in the queue (a coordinator pressed "retry")."""
    from participants.tasks import send_notifications

    with transaction.atomic():
        updated = Notification.objects.filter(
            pk=notification.pk, status=Notification.Status.FAILED
        ).update(status=Notification.Status.QUEUED)
        if updated:
            transaction.on_commit(
                lambda: send_notifications.delay(notification_ids=[notification.pk])
            )
    notification.refresh_from_db()
    return notification
