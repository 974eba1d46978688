from accounts.permissions import is_coordinator, is_facilitator, is_participant
from participants.models import ParticipantProfile


def needs_participant_profile(*, user) -> bool:
    """A participant (not staff of the programme) who has not filled the profile yet."""
    return (
        is_participant(user)
        and not is_coordinator(user)
        and not is_facilitator(user)
        and not ParticipantProfile.objects.filter(user=user).exists()
    )
