"""KVKK (law 6698) statements of a person: acknowledgements of the privacy notice and the
optional consents, recorded append-only. Registering, signing up and the profile record them;
erasure (services/privacy.py) cancels registrations, so this module sits below both."""

from participants import privacy
from participants.models import ConsentRecord
from participants.selectors.privacy import consent_state


def privacy_notice_acknowledge(*, user) -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user,
        kind=ConsentRecord.Kind.PRIVACY_NOTICE,
        granted=True,
        notice_version=privacy.VERSION,
    )


def consents_update(
    *, user, choices: dict[str, bool], current: dict[str, bool] | None = None
) -> list[ConsentRecord]:
    """Record the optional consents that changed (append-only history). `current`: the
    person's `consent_state` when the caller has read it already."""
    if current is None:
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
