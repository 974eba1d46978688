"""Messages to a cohort: personal texts for the chosen recipients, queued as one e-mail row each
(`notifications.Notification` about the `CohortMessage`, dedupe key message + recipient) and
sent in the background in batches at a rate (COHORT_MESSAGE_BATCH_SIZE e-mails every
COHORT_MESSAGE_BATCH_SIZE × 60 / COHORT_MESSAGES_PER_MINUTE seconds).

The task `participants.send_cohort_message` sends the next batch and enqueues itself again for
the one after. Each row is claimed before its SMTP conversation (notifications' rule), so a
task delivered twice — a worker killed mid-batch — never sends a row twice; each row also has
the moment its batch is due plus notifications' grace as `next_attempt_at`, so the sweeper
sends what a lost task would have sent.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.background import enqueue_on_commit
from core.i18n import Localized
from core.links import absolute_url
from notifications.models import Notification
from notifications.selectors import notifications_about
from notifications.services import (
    UNSENT_AFTER,
    NotificationRequest,
    notification_preview,
    notifications_queue,
    notifications_requeue_failed,
    notifications_send,
)
from participants import placeholders
from participants.models import CohortMessage, Registration
from participants.selectors.messages import MESSAGE_KIND, message_recipients, next_session


@dataclass(frozen=True)
class MessageDraft:
    """What the compose form gives: the texts and the chosen recipient filters."""

    subject: str
    body: str
    subject_en: str = ""
    body_en: str = ""
    filters: dict | None = None
    audience: str = ""  # the chosen recipients as the page says them, in Turkish
    audience_en: str = ""  # and in English

    display_audience = Localized("audience")

    @property
    def has_english(self) -> bool:
        return bool(self.subject_en and self.body_en)


def batch_interval() -> float:
    """Seconds between two batches of one message."""
    return settings.COHORT_MESSAGE_BATCH_SIZE * 60 / settings.COHORT_MESSAGES_PER_MINUTE


def _language(draft, person) -> str:
    """The recipient's language when the writer gave the English text too; Turkish otherwise."""
    if draft.has_english and person.language == "en":
        return "en"
    return settings.LANGUAGE_CODE


def _personal_values(*, registration: Registration, session) -> dict[str, str]:
    """The personal fields' values for one registration, in the active language."""
    cohort = registration.cohort
    if session is None:
        next_text = _("no session is planned")
    else:
        starts = timezone.localtime(session.starts_at)
        next_text = (
            f"{date_filter(starts, 'DATE_FORMAT')} {date_filter(starts, 'H:i')}, {session.title}"
        )
    return {
        "ad": registration.participant.full_name,
        "dönem": cohort.title,
        "program": str(cohort.program.display_title),
        "sonraki_oturum": next_text,
        "kayıtlarım": absolute_url(reverse("participants:my_registrations")),
        "anket": absolute_url(reverse("participants:survey", kwargs={"cohort_pk": cohort.pk})),
    }


def _request(
    *, draft, registration: Registration, session, about, dedupe_key: str, send_at=None
) -> NotificationRequest:
    person = registration.participant
    language = _language(draft, person)
    english = language == "en"
    with translation.override(language):
        values = _personal_values(registration=registration, session=session)
    return NotificationRequest(
        recipient=person,
        kind=MESSAGE_KIND,
        about=about,
        dedupe_key=dedupe_key,
        language=language,
        send_at=send_at,
        context={
            "cohort": registration.cohort,
            "my_registrations_url": values["kayıtlarım"],
            "message_subject": placeholders.fill(
                draft.subject_en if english else draft.subject, values
            ),
            "message_body": placeholders.fill(draft.body_en if english else draft.body, values),
        },
    )


def cohort_message_preview(*, draft: MessageDraft, registration: Registration) -> Notification:
    """The e-mail one recipient would get, exactly as it would be sent (not saved)."""
    return notification_preview(
        request=_request(
            draft=draft,
            registration=registration,
            session=next_session(cohort=registration.cohort),
            about=None,
            dedupe_key="preview",
        )
    )


def cohort_message_send(*, cohort, sent_by, draft: MessageDraft) -> CohortMessage:
    """Write the message and queue one e-mail to each recipient the filters choose now, in one
    transaction and a fixed number of queries whatever their number; the first batch is sent
    right after commit, the others at the configured rate."""
    with transaction.atomic():
        registrations = list(message_recipients(cohort=cohort, values=draft.filters or {}))
        for registration in registrations:
            registration.cohort = cohort
        message = CohortMessage.objects.create(
            cohort=cohort,
            sent_by=sent_by,
            subject=draft.subject,
            body=draft.body,
            subject_en=draft.subject_en if draft.has_english else "",
            body_en=draft.body_en if draft.has_english else "",
            filters=draft.filters or {},
            audience=draft.audience[:500],
            audience_en=draft.audience_en[:500],
            recipient_count=len(registrations),
        )
        session = next_session(cohort=cohort)
        now, size, interval = timezone.now(), settings.COHORT_MESSAGE_BATCH_SIZE, batch_interval()
        notifications_queue(
            requests=[
                _request(
                    draft=draft,
                    registration=registration,
                    session=session,
                    about=message,
                    dedupe_key=f"cohort-message:{message.pk}:{registration.participant_id}",
                    send_at=now + UNSENT_AFTER + dt.timedelta(seconds=interval * (index // size)),
                )
                for index, registration in enumerate(registrations)
            ]
        )
        _enqueue_batch(message.pk)
    return message


def _enqueue_batch(message_id: int, *, countdown: float | None = None) -> None:
    from participants.tasks import send_cohort_message

    enqueue_on_commit(send_cohort_message, {"message_id": message_id}, countdown=countdown)


def _waiting(message: CohortMessage):
    """The message's e-mails that wait for their first try: the batches' work. (A row that was
    tried and failed for a while is the sweeper's, with notifications' backoff.)"""
    return notifications_about(about=message).filter(status=Notification.Status.QUEUED, attempts=0)


def cohort_message_send_batch(*, message_id: int) -> int:
    """Send the next batch of a message's e-mails (each claimed before it is sent, so that no
    row is sent twice) and enqueue the next batch after the interval. Returns how many were
    tried. Idempotent: run again, it goes on with what is still waiting."""
    message = CohortMessage.objects.filter(pk=message_id).first()
    if message is None:
        return 0
    batch = list(
        _waiting(message)
        .order_by("pk")
        .values_list("pk", flat=True)[: settings.COHORT_MESSAGE_BATCH_SIZE]
    )
    notifications_send(notification_ids=batch)
    if batch and _waiting(message).exists():
        _enqueue_batch(message.pk, countdown=batch_interval())
    return len(batch)


def cohort_message_retry_failed(*, message: CohortMessage) -> int:
    """Queue the message's failed e-mails again with fresh tries, in batches. Returns how many."""
    with transaction.atomic():
        retried = notifications_requeue_failed(about=message, send_at=timezone.now() + UNSENT_AFTER)
        if retried:
            _enqueue_batch(message.pk)
    return len(retried)
