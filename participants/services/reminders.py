"""The e-mail reminder the day before a cohort's first day (beat, daily)."""

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone

from notifications.services import (
    NotificationRequest,
    notifications_queue_new,
)
from participants.emails import RegistrationEmail
from participants.models import Registration
from programs.models import Cohort, Session


def session_reminders_send(*, today: dt.date | None = None) -> int:
    """Queue a reminder for everyone confirmed in a cohort starting tomorrow. Idempotent: the
    dedupe key names the registration and the first day, so a second run queues nothing."""
    today = today or timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    registrations = (
        Registration.objects.select_related("participant", "cohort__program", "cohort__province")
        .prefetch_related(
            Prefetch("cohort__sessions", queryset=Session.objects.order_by("starts_at", "pk"))
        )
        .filter(
            cohort__starts_on=tomorrow,
            cohort__status=Cohort.Status.PUBLISHED,
            status=Registration.Status.CONFIRMED,
            participant__is_active=True,
        )
    )
    requests = [
        NotificationRequest(
            recipient=registration.participant,
            kind=RegistrationEmail.REMINDER,
            about=registration,
            dedupe_key=f"reminder:{registration.pk}:{registration.cohort.starts_on.isoformat()}",
            context={"first_session": next(iter(registration.cohort.sessions.all()), None)},
        )
        for registration in registrations
    ]
    return len(notifications_queue_new(requests=requests))
