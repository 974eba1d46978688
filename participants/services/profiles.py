"""The participant profile: organisation, title, phone; name and language on the user."""

from django.db import transaction

from participants.models import Organization, ParticipantProfile
from participants.services.consents import privacy_notice_acknowledge


def participant_profile_save(
    *,
    user,
    full_name: str,
    language: str,
    organization: Organization,
    title: str,
    phone: str,
    privacy_acknowledged: bool = False,
) -> ParticipantProfile:
    with transaction.atomic():
        user.full_name = full_name
        user.language = language
        user.save(update_fields=["full_name", "language"])
        profile, _created = ParticipantProfile.objects.update_or_create(
            user=user,
            defaults={"organization": organization, "title": title, "phone": phone},
        )
        if privacy_acknowledged:
            privacy_notice_acknowledge(user=user)
    return profile
