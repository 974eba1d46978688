"""The e-mails about registrations, registered as kinds (notifications.registry) in
ParticipantsConfig.ready. Their texts: templates/participants/email/<kind>{_subject,}.txt."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.links import absolute_url
from notifications import registry


class RegistrationEmail(models.TextChoices):
    RECEIVED = "received", _("registration received")
    CONFIRMED = "confirmed", _("registration confirmed")
    WAITLISTED = "waitlisted", _("put on the waiting list")
    PROMOTED = "promoted", _("promoted from the waiting list")
    REJECTED = "rejected", _("registration rejected")
    CANCELLED = "cancelled", _("registration cancelled")
    REMINDER = "reminder", _("reminder of the first session")
    COHORT_CANCELLED = "cohort_cancelled", _("cohort cancelled")


def registration_context(registration) -> dict:
    """What every e-mail about a registration may say: the registration, its cohort and the
    link to "Kayıtlarım". The kinds of other apps about a registration use it too."""
    return {
        "registration": registration,
        "cohort": registration.cohort if registration is not None else None,
        "my_registrations_url": absolute_url(reverse("participants:my_registrations")),
    }


# A person an import created: their registration and the link that sets a password.
INVITATION = "import_invitation"


def register_kinds() -> None:
    registry.register(
        registry.NotificationKind(
            name=INVITATION,
            label=_("invitation of an imported participant"),
            template=f"participants/email/{INVITATION}",
            context=registration_context,
        )
    )
    for name, label in RegistrationEmail.choices:
        registry.register(
            registry.NotificationKind(
                name=name,
                label=label,
                template=f"participants/email/{name}",
                context=registration_context,
            )
        )
