"""The e-mails about registrations, registered as kinds (notifications.registry) in
ParticipantsConfig.ready. Their texts: templates/participants/email/<kind>{_subject,}.txt.
A message to a cohort (`cohort_message`) carries the text its writer gave
(participants/services/messages.py)."""

import datetime as dt
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from accounts.emails import account_reason
from core.links import absolute_url
from core.models import Province
from notifications import registry
from participants.models import Registration
from participants.selectors.calendar import MeetingLink, meeting_links
from programs.models import Cohort, Program, Session

# The waiting-list place the preview of "put on the waiting list" shows.
PREVIEW_WAITLIST_POSITION = 3
# The meeting link the previews of the e-mails that carry links show (an invented address).
PREVIEW_MEETING_URL = "https://toplanti.example.org/ornek-donemi"


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


def pending_digest_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because you coordinate cohorts on the training platform of "
        "Genç İşi Kooperatif."
    )


def _pending_digest_preview() -> dict:
    cohort = preview_registration().cohort
    cohort.pending = 4
    cohort.waiting_since = timezone.localdate() - dt.timedelta(days=2)
    cohort.review_url = absolute_url(reverse("participants:console"))
    return {**pending_digest_context(None), "cohorts": [cohort], "total": cohort.pending}


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
        context = registration_context(preview_registration(status))
        if status == Registration.Status.CONFIRMED:
            context["meeting_links"] = [MeetingLink(url=PREVIEW_MEETING_URL)]
        return {**context, **extra}

    return preview


def _reminder_preview() -> dict:
    registration = preview_registration()
    starts_at = dt.datetime.combine(
        registration.cohort.starts_on, dt.time(10), tzinfo=timezone.get_current_timezone()
    )
    session = Session(cohort=registration.cohort, title="Açılış", starts_at=starts_at, room="A1")
    return {
        **registration_context(registration),
        "day": registration.cohort.starts_on,
        "first_day": True,
        "day_sessions": [session],
        "first_session": session,
        "meeting_links": [MeetingLink(url=PREVIEW_MEETING_URL)],
    }


def _survey_preview() -> dict:
    registration = preview_registration()
    registration.cohort.survey_closes_on = registration.cohort.ends_on + dt.timedelta(days=14)
    return {
        **registration_context(registration),
        "survey_url": absolute_url(reverse("participants:survey", kwargs={"cohort_pk": 1})),
    }


PREVIEWS = {
    RegistrationEmail.RECEIVED: _preview(Registration.Status.PENDING),
    RegistrationEmail.WAITLISTED: _preview(
        Registration.Status.WAITLISTED, position=PREVIEW_WAITLIST_POSITION
    ),
    RegistrationEmail.REJECTED: _preview(Registration.Status.REJECTED),
    RegistrationEmail.CANCELLED: _preview(Registration.Status.CANCELLED),
    RegistrationEmail.REMINDER: _reminder_preview,
    RegistrationEmail.COHORT_CANCELLED: _preview(Registration.Status.CANCELLED),
    RegistrationEmail.SURVEY_OPEN: _survey_preview,
    RegistrationEmail.SURVEY_CLOSING: _survey_preview,
    RegistrationEmail.ATTENDANCE_BELOW: _preview(
        rate=Decimal("62.5"), reachable=Decimal("83.33"), can_still_reach=True
    ),
}


def _cohort_message_preview() -> dict:
    """A coordinator's message as it reaches a person in their language (the coordinator
    writes both texts; the preview page shows each)."""
    registration = preview_registration()
    if get_language() == "en":
        subject, body = (
            "The session room has changed",
            (
                "Dear Ayşe Yılmaz,\n\nTomorrow's session is in room B2. The link for joining "
                "online has not changed.\n\nSee you there."
            ),
        )
    else:
        subject, body = (
            "Oturum salonu değişti",
            (
                "Sayın Ayşe Yılmaz,\n\nYarınki oturum B2 salonunda yapılacak. Çevrim içi "
                "katılım bağlantısı değişmedi.\n\nGörüşmek üzere."
            ),
        )
    return {**registration_context(registration), "message_subject": subject, "message_body": body}


# A person an import created: their registration and the link that sets a password.
INVITATION = "import_invitation"
# How many days the preview of the invitation says its link is valid.
PREVIEW_INVITATION_DAYS = 30


def _invitation_preview() -> dict:
    return {
        **registration_context(preview_registration()),
        "invitation_url": absolute_url("/davet/ornek-baglanti/"),
        "invitation_days": PREVIEW_INVITATION_DAYS,
    }


def register_kinds() -> None:
    registry.register(
        registry.NotificationKind(
            name=PENDING_DIGEST_EMAIL,
            label=_("daily digest of registrations awaiting approval"),
            template=f"participants/email/{PENDING_DIGEST_EMAIL}",
            context=pending_digest_context,
            reason=pending_digest_reason,
            preview=_pending_digest_preview,
        )
    )
    registry.register(
        registry.NotificationKind(
            name="cohort_message",
            label=_("message to a cohort"),
            template="participants/email/cohort_message",
            reason=registration_reason,
            preview=_cohort_message_preview,
        )
    )
    registry.register(
        registry.NotificationKind(
            name=INVITATION,
            label=_("invitation of an imported participant"),
            template=f"participants/email/{INVITATION}",
            context=registration_context,
            reason=registration_reason,
            preview=_invitation_preview,
            keep_text=False,  # its link sets the password: emptied once sent, as allauth's
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
                reason=registration_reason,
                preview=PREVIEWS.get(name, _preview()),
            )
        )
