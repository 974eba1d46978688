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
from core.admin_history import admin_history_erase
from documents.models import Document
from documents.services import documents_erase
from notifications.services import notifications_erase
from participants.documents import SIGN_IN_SHEET_KIND, SURVEY_RESPONSES_KIND
from participants.models import (
    Attendance,
    AuditEntry,
    CalendarFeed,
    ConsentRecord,
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


def _own_rows(*, user, email_address_ids: list[int]) -> dict:
    """The person's own rows that Django's admin can change and whose texts (`str`) name them,
    read with what those texts print; their e-mail addresses (deleted by then) as former keys."""
    return {
        User: User.objects.filter(pk=user.pk),
        ParticipantProfile: ParticipantProfile.objects.filter(user=user).select_related("user"),
        Registration: Registration.objects.filter(participant=user).select_related(
            "participant", "cohort__program"
        ),
        Attendance: Attendance.objects.filter(registration__participant=user).select_related(
            "registration__participant", "session__cohort__program"
        ),
        ConsentRecord: ConsentRecord.objects.filter(user=user).select_related("user"),
        EmailAddress: email_address_ids,
    }


def personal_data_erase(*, user) -> None:
    """Anonymise a person (KVKK art. 7 and 11): name, e-mail, profile, the answers to
    registration questions (sensitive ones included) and e-mail texts go;
    registrations stay, anonymous, so the cohorts' counts do not change; active registrations
    are cancelled (which may promote the next person); the account is deactivated; requests of
    the one-step registration (what it asked, awaiting the e-mail link or done) are deleted;
    the documents of this app that print the name (sign-in sheets, survey responses) are
    deleted; Django admin's history no longer names them (core.admin_history). The apps
    above remove what they keep of the person (their certificates' name and
    PDFs, plan PDFs) in the same transaction (`personal_data_erased`)."""
    with transaction.atomic():
        former_name, former_email = user.full_name, user.email
        email_address_ids = list(
            EmailAddress.objects.filter(user=user).values_list("pk", flat=True)
        )
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
        admin_history_erase(  # their address names no one else: wherever an entry holds it
            named=_own_rows(user=user, email_address_ids=email_address_ids),
            texts=[former_name, former_email],
            replacement=ERASED_NAME,
            also=Q(object_repr__contains=former_email) | Q(change_message__contains=former_email),
        )
        personal_data_erased.send(
            sender=User, user=user, former_name=former_name, former_email=former_email
        )
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
