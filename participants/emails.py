"""The e-mails about registrations, registered as kinds (notifications.registry) in
ParticipantsConfig.ready. Their texts: templates/participants/email/<kind>{_subject,}.txt."""

import datetime as dt

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.emails import account_reason
from core.links import absolute_url
from core.models import Province
from notifications import registry
from participants.models import Registration
from programs.models import Cohort, Program, Session

# The waiting-list place the preview of "put on the waiting list" shows.
PREVIEW_WAITLIST_POSITION = 3


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


def registration_reason(context: dict) -> str:
    """The footer of every e-mail about a registration (other apps' kinds use it too)."""
    cohort = context.get("cohort")
    if cohort is None:
        return account_reason(context)
    return gettext(
        "You receive this e-mail because you registered for “%(program)s — %(cohort)s” on "
        "the training platform of Genç İşi Kooperatif."
    ) % {"program": cohort.program.display_title, "cohort": cohort.title}


def preview_registration(status: str = Registration.Status.CONFIRMED) -> Registration:
    """An unsaved registration in an invented cohort, for the e-mail previews (no query)."""
    starts_on = timezone.localdate() + dt.timedelta(days=14)
    program = Program(
        title="Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        title_en="Social Cooperativism Training for Municipalities",
    )
    cohort = Cohort(
        program=program,
        title="Örnek dönemi",
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=1),
        venue="Kültür Merkezi",
        province=Province(name="İzmir"),
    )
    return Registration(cohort=cohort, status=status)


def _preview(status: str = Registration.Status.CONFIRMED, **extra):
    def preview() -> dict:
        return {**registration_context(preview_registration(status)), **extra}

    return preview


def _reminder_preview() -> dict:
    registration = preview_registration()
    starts_at = dt.datetime.combine(
        registration.cohort.starts_on, dt.time(10), tzinfo=timezone.get_current_timezone()
    )
    session = Session(cohort=registration.cohort, title="Açılış", starts_at=starts_at, room="A1")
    return {**registration_context(registration), "first_session": session}


PREVIEWS = {
    RegistrationEmail.RECEIVED: _preview(Registration.Status.PENDING),
    RegistrationEmail.WAITLISTED: _preview(
        Registration.Status.WAITLISTED, position=PREVIEW_WAITLIST_POSITION
    ),
    RegistrationEmail.REJECTED: _preview(Registration.Status.REJECTED),
    RegistrationEmail.CANCELLED: _preview(Registration.Status.CANCELLED),
    RegistrationEmail.REMINDER: _reminder_preview,
    RegistrationEmail.COHORT_CANCELLED: _preview(Registration.Status.CANCELLED),
}


def register_kinds() -> None:
    for name, label in RegistrationEmail.choices:
        registry.register(
            registry.NotificationKind(
                name=name,
                label=label,
                template=f"participants/email/{name}",
                context=registration_context,
                reason=registration_reason,
                preview=PREVIEWS.get(name, _preview()),
            )
        )
