"""KVKK (law 6698): acknowledgements of the privacy notice, optional consents, erasure."""

import uuid

from allauth.account.models import EmailAddress
from django.db import transaction

from participants import privacy
from participants.models import (
    AuditEntry,
    ConsentRecord,
    Notification,
    ParticipantProfile,
    Registration,
)
from participants.selectors.privacy import consent_state
from participants.services.audit import audit_log

ERASED_NAME = "Silinmiş katılımcı"


def privacy_notice_acknowledge(*, user) -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user,
        kind=ConsentRecord.Kind.PRIVACY_NOTICE,
        granted=True,
        notice_version=privacy.VERSION,
    )


def consents_update(*, user, choices: dict[str, bool]) -> list[ConsentRecord]:
    """Record the optional consents that changed (append-only history)."""
    current = consent_state(user=user)
    records = []
    for kind in ConsentRecord.OPTIONAL:
        wanted = bool(choices.get(kind, False))
        if wanted != current[kind]:
            records.append(
                ConsentRecord.objects.create(
                    user=user, kind=kind, granted=wanted, notice_version=privacy.VERSION
                )
            )
    return records


def personal_data_erase(*, user) -> None:
    """Anonymise a person (KVKK art. 7 and 11): name, e-mail, profile and e-mail texts go;
    registrations stay, anonymous, so the cohorts' counts do not change; active registrations
    are cancelled (which may promote the next person); the account is deactivated."""
    from participants.services.registrations import registration_cancel

    with transaction.atomic():
        for registration in list(user.registrations.filter(status__in=Registration.ACTIVE)):
            registration_cancel(registration=registration, by=user, notify=False)
        user.full_name = ERASED_NAME
        user.email = f"silinmis-{uuid.uuid4().hex[:12]}@anonim.invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.filter(user=user).delete()
        ParticipantProfile.objects.filter(user=user).update(title="", phone="")
        notifications = Notification.objects.filter(recipient=user)
        notifications.exclude(status=Notification.Status.SENT).delete()
        notifications.update(subject="—", body="", error="")
        audit_log(actor=None, action=AuditEntry.Action.DATA_ERASED, detail=f"#{user.pk}")
