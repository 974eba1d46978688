"""Reads about a person's data: their consents and the export of everything we hold."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from core.compiled import CompiledQuery
from notifications.models import Notification
from participants import privacy
from participants.models import (
    ConsentRecord,
    ParticipantProfile,
    Registration,
    RegistrationAnswer,
)


def _state(newest_first: Iterable[tuple[str, bool]]) -> dict[str, bool]:
    """(kind, granted) of a person's records, newest first → the current answer per kind (the
    latest record wins; no record means no)."""
    state = dict.fromkeys(ConsentRecord.Kind.values, False)
    seen = set()
    for kind, granted in newest_first:
        if kind not in seen:
            seen.add(kind)
            state[kind] = granted
    return state


def _acknowledges_current_notice(record: ConsentRecord) -> bool:
    return (
        record.kind == ConsentRecord.Kind.PRIVACY_NOTICE
        and record.granted
        and record.notice_version == privacy.VERSION
    )


def consent_state(*, user) -> dict[str, bool]:
    """The current answer per kind (the latest record wins; no record means no)."""
    return _state(ConsentRecord.objects.filter(user=user).values_list("kind", "granted"))


def notice_acknowledgement_get(*, user) -> ConsentRecord | None:
    """The person's latest acknowledgement of the current version of the privacy notice (at
    sign-up, on the profile or at a registration), or None: then it must be asked for."""
    return (
        ConsentRecord.objects.filter(
            user=user,
            kind=ConsentRecord.Kind.PRIVACY_NOTICE,
            granted=True,
            notice_version=privacy.VERSION,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


# Every registration POST reads them (consents_get): the SQL built once (core.compiled).
_CONSENTS = CompiledQuery(
    lambda *, user: ConsentRecord.objects.filter(user_id=user).order_by("-created_at", "-pk"),
    user=-7_362_915_301,
)


@dataclass(frozen=True)
class Consents:
    acknowledgement: ConsentRecord | None  # as `notice_acknowledgement_get`
    state: dict[str, bool]  # as `consent_state`


def consents_get(*, user) -> Consents:
    """`notice_acknowledgement_get` and `consent_state` in one query (a registration needs
    both): every record of the person, newest first (a few)."""
    records = _CONSENTS.objects(user=user.pk)
    return Consents(
        acknowledgement=next(
            (record for record in records if _acknowledges_current_notice(record)), None
        ),
        state=_state((record.kind, record.granted) for record in records),
    )


def has_acknowledged_current_notice(*, user) -> bool:
    return notice_acknowledgement_get(user=user) is not None


def personal_data_export(*, user) -> dict:
    """Everything the platform holds about `user`, as JSON-ready data (KVKK art. 11)."""
    profile = (
        ParticipantProfile.objects.select_related("organization__province")
        .filter(user=user)
        .first()
    )
    registrations = (
        Registration.objects.filter(participant=user)
        .select_related("cohort__program")
        .prefetch_related(
            Prefetch("answers", RegistrationAnswer.objects.select_related("question"))
        )
    )
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": profile
        and {
            "organization": profile.organization.name,
            "organization_kind": profile.organization.kind,
            "province": profile.organization.province.name,
            "title": profile.title,
            "phone": profile.phone,
        },
        "registrations": [
            {
                "programme": registration.cohort.program.title,
                "cohort": registration.cohort.title,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "privacy_notice_version": registration.privacy_notice_version,
                "answers": [
                    {"question": answer.question.text, "answer": answer.display_value}
                    for answer in registration.answers.all()
                ],
            }
            for registration in registrations
        ],
        "consents": [
            {
                "kind": record.kind,
                "given": record.granted,
                "notice_version": record.notice_version,
                "recorded_at": record.created_at.isoformat(),
            }
            for record in ConsentRecord.objects.filter(user=user)
        ],
        "emails": [
            {
                "kind": item.kind,
                "subject": item.subject,
                "status": item.status,
                "created_at": item.created_at.isoformat(),
            }
            for item in Notification.objects.filter(recipient=user)
        ],
    }
