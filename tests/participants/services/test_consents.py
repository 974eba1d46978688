import pytest

from participants.models import ConsentRecord
from participants.selectors.privacy import consent_state
from participants.services.consents import consents_update
from tests.factories import ParticipantProfileFactory

pytestmark = pytest.mark.django_db


def test_consents_are_revocable_and_keep_their_history():
    user = ParticipantProfileFactory().user
    consents_update(user=user, choices={"share_contact": True, "photos": True})
    consents_update(user=user, choices={"share_contact": False, "photos": True})
    assert consent_state(user=user) == {
        "privacy_notice": False,
        "share_contact": False,
        "photos": True,
    }
    assert ConsentRecord.objects.filter(user=user).count() == 3
