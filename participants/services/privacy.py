"""KVKK (law 6698): erasure of a person's data (their consents: services/consents.py)."""

import uuid

from allauth.account.models import EmailAddress
from django.db import transaction

from notifications.services import notifications_erase
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

ERASED_NAME = "Silinmiş katılımcı"


def personal_data_erase(*, user) -> None:
    """Anonymise a person (KVKK art. 7 and 11): name, e-mail, profile, the answers to
    registration questions (sensitive ones included) and e-mail texts go;
    registrations stay, anonymous, so the cohorts' counts do not change; active registrations
    are cancelled (which may promote the next person); the account is deactivated; requests of
    the one-step registration (what it asked, awaiting the e-mail link or done) are deleted."""
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
        audit_log(actor=None, action=AuditEntry.Action.DATA_ERASED, detail=f"#{user.pk}")
