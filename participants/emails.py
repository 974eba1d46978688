"""The e-mails about registrations, registered as kinds (notifications.registry) in
ParticipantsConfig.ready. Their texts: templates/participants/email/<kind>{_subject,}.txt."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.links import absolute_url
from notifications import registry
from participants.selectors.calendar import meeting_links


class RegistrationEmail(models.TextChoices):
    RECEIVED = "received", _("registration received")
    CONFIRMED = "confirmed", _("registration confirmed")
    WAITLISTED = "waitlisted", _("put on the waiting list")
    PROMOTED = "promoted", _("promoted from the waiting list")
    REJECTED = "rejected", _("registration rejected")
    CANCELLED = "cancelled", _("registration cancelled")
    REMINDER = "reminder", _("reminder of the first session")
    COHORT_CANCELLED = "cohort_cancelled", _("cohort cancelled")
    SURVEY_OPEN = "survey_open", _("reminder: the evaluation survey is open")
    SURVEY_CLOSING = "survey_closing", _("reminder: the evaluation survey closes soon")
    ATTENDANCE_BELOW = "attendance_below", _("warning: attendance below the certificate threshold")


# The daily digest of registrations awaiting approval, to coordinators (about no registration).
PENDING_DIGEST_EMAIL = "pending_digest"


def registration_context(registration) -> dict:
    """What every e-mail about a registration may say: the registration, its cohort and the
    link to "Kayıtlarım". The kinds of other apps about a registration use it too."""
    return {
        "registration": registration,
        "cohort": registration.cohort if registration is not None else None,
        "my_registrations_url": absolute_url(reverse("participants:my_registrations")),
    }


def registration_context_with_links(registration) -> dict:
    """`registration_context` and the meeting links, which only a confirmed registration gets
    (participants.selectors.calendar.meeting_links): the confirmation, the promotion and the
    reminders carry them."""
    return {**registration_context(registration), "meeting_links": meeting_links(registration)}


# The kinds whose texts include participants/email/meeting_links.txt.
WITH_MEETING_LINKS = {
    RegistrationEmail.CONFIRMED,
    RegistrationEmail.PROMOTED,
    RegistrationEmail.REMINDER,
}


def pending_digest_context(_about) -> dict:
    return {
        "console_url": absolute_url(reverse("participants:console")),
    }


def register_kinds() -> None:
    registry.register(
        registry.NotificationKind(
            name=PENDING_DIGEST_EMAIL,
            label=_("daily digest of registrations awaiting approval"),
            template=f"participants/email/{PENDING_DIGEST_EMAIL}",
            context=pending_digest_context,
        )
    )
    for name, label in RegistrationEmail.choices:
        registry.register(
            registry.NotificationKind(
                name=name,
                label=label,
                template=f"participants/email/{name}",
                context=registration_context_with_links
                if name in WITH_MEETING_LINKS
                else registration_context,
            )
        )
