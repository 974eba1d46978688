"""Reads for messages to a cohort: the recipients the filters choose, the history with delivery
counts, who got what, and a participant's own messages."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.db import turkish_collate
from notifications.models import Notification
from notifications.selectors import notifications_about
from participants import recipients
from participants.models import CohortMessage, Registration
from programs.models import Session

# The e-mail kind of a message to a cohort (participants/emails.py).
MESSAGE_KIND = "cohort_message"
# How the history counts the deliveries: what is still to go, what went, what failed.
DELIVERY_STATES = {
    "queued_count": (Notification.Status.QUEUED, Notification.Status.SENDING),
    "sent_count": (Notification.Status.SENT,),
    "failed_count": (Notification.Status.FAILED,),
}


def message_recipients(*, cohort, values: dict) -> QuerySet[Registration]:
    """The cohort's registrations the chosen filter values select, with their person, sorted
    by name (the first is the one the preview shows): one query. Closed accounts get nothing."""
    return (
        Registration.objects.filter(cohort=cohort, participant__is_active=True)
        .filter(recipients.conditions(cohort=cohort, values=values))
        .select_related("participant")
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def next_session(*, cohort) -> Session | None:
    """The cohort's next session that has not started yet."""
    return (
        Session.objects.filter(cohort=cohort, starts_at__gt=timezone.now())
        .order_by("starts_at", "pk")
        .first()
    )


def _delivery_count(statuses) -> Coalesce:
    counted = (
        Notification.objects.filter(
            about_type=ContentType.objects.get_for_model(CohortMessage),
            about_id=OuterRef("pk"),
            status__in=statuses,
        )
        .order_by()
        .values("about_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _with_counts(messages: QuerySet[CohortMessage]) -> QuerySet[CohortMessage]:
    """`queued_count`, `sent_count` and `failed_count` on each message: one subquery each."""
    return messages.annotate(
        **{name: _delivery_count(statuses) for name, statuses in DELIVERY_STATES.items()}
    )


def cohort_messages(*, cohort) -> QuerySet[CohortMessage]:
    """The history of a cohort's messages, newest first, with their delivery counts."""
    return _with_counts(
        CohortMessage.objects.filter(cohort=cohort).select_related("sent_by")
    ).order_by("-created_at", "-pk")


def cohort_message_get(*, cohort, pk: int) -> CohortMessage | None:
    return _with_counts(
        CohortMessage.objects.filter(cohort=cohort, pk=pk).select_related("sent_by")
    ).first()


def message_deliveries(*, message: CohortMessage) -> QuerySet[Notification]:
    """Who got the message: one e-mail row per recipient, sorted by name."""
    return (
        notifications_about(about=message)
        .select_related("recipient")
        .order_by(turkish_collate("recipient__full_name"), "pk")
    )


def messages_of_participant(*, participant) -> QuerySet[Notification]:
    """The messages to cohorts written to a person (their own text, in their language),
    newest first; what could not be delivered by e-mail is shown on the site all the same."""
    return Notification.objects.filter(recipient=participant, kind=MESSAGE_KIND).order_by(
        "-created_at", "-pk"
    )
