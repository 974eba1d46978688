"""KVKK (law 6698): erasure of a person's data (their consents: services/consents.py), and
accounts that were never used deleted."""

import logging
import uuid
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from accounts.models import User
from documents.models import Document
from documents.services import documents_erase
from notifications.services import notifications_erase
from participants.documents import SIGN_IN_SHEET_KIND, SURVEY_RESPONSES_KIND
from participants.models import (
    AuditEntry,
    CalendarFeed,
    ParticipantProfile,
    Registration,
    RegistrationRequest,
)
from participants.services.answers import registration_answers_erase
from participants.services.audit import audit_log
from participants.services.registrations import registration_cancel
from participants.signals import personal_data_erased
from programs.models import Cohort, Program, Session

logger = logging.getLogger(__name__)
ERASED_NAME = "Silinmiş katılımcı"


def _documents_erase(*, user) -> int:
    """The documents of this app that may print the person: the sign-in sheets of the sessions
    of their cohorts and the survey responses (XLSX) of those cohorts and their programmes.
    They are built again, without the person, when someone asks for them next."""
    cohorts = Cohort.objects.filter(registrations__participant=user)
    types = ContentType.objects.get_for_models(Session, Cohort, Program)
    return documents_erase(
        documents=Document.objects.filter(
            Q(
                kind=SIGN_IN_SHEET_KIND,
                content_type=types[Session],
                object_id__in=Session.objects.filter(cohort__in=cohorts).values("pk"),
            )
            | Q(
                kind=SURVEY_RESPONSES_KIND,
                content_type=types[Cohort],
                object_id__in=cohorts.values("pk"),
            )
            | Q(
                kind=SURVEY_RESPONSES_KIND,
                content_type=types[Program],
                object_id__in=cohorts.values("program_id"),
            )
        )
    )


def personal_data_erase(*, user) -> None:
    """Anonymise a person (KVKK art. 7 and 11): name, e-mail, profile, the answers to
    registration questions (sensitive ones included) and e-mail texts go;
    registrations stay, anonymous, so the cohorts' counts do not change; active registrations
    are cancelled (which may promote the next person); the account is deactivated; requests of
    the one-step registration (what it asked, awaiting the e-mail link or done) are deleted;
    the documents of this app that print the name (sign-in sheets, survey responses) are
    deleted. The apps above remove what they keep of the person (their certificates' name and
    PDFs, plan PDFs) in the same transaction (`personal_data_erased`)."""
    with transaction.atomic():
        for registration in list(user.registrations.filter(status__in=Registration.ACTIVE)):
            registration_cancel(registration=registration, by=user, notify=False)
        user.full_name = ERASED_NAME
        user.email = f"silinmis-{uuid.uuid4().hex[:12]}@anonim.invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.filter(user=user).delete()
        CalendarFeed.objects.filter(user=user).delete()
        RegistrationRequest.objects.filter(user=user).delete()
        ParticipantProfile.objects.filter(user=user).update(title="", phone="")
        registration_answers_erase(user=user)
        notifications_erase(recipient=user)
        _documents_erase(user=user)
        personal_data_erased.send(sender=User, user=user)
        audit_log(actor=None, action=AuditEntry.Action.DATA_ERASED, detail=f"#{user.pk}")


def unverified_accounts_delete() -> int:
    """Delete the accounts that nobody ever confirmed: signed up (or through the one-step
    registration form) more than `UNVERIFIED_ACCOUNT_DAYS` ago, no verified e-mail address,
    never logged in, no role, no registration and no import invitation. What the one-step form
    kept for them (their registration requests) goes with them. Returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.UNVERIFIED_ACCOUNT_DAYS)
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    unused = (
        User.objects.filter(
            date_joined__lt=cutoff,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
            registrations__isnull=True,
            import_invitation__isnull=True,
        )
        .exclude(Exists(verified))
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        ids = list(unused)
        if ids:
            User.objects.filter(pk__in=ids).delete()
    if ids:
        logger.info("deleted %d accounts never confirmed", len(ids))
    return len(ids)
