import pytest

from participants import privacy
from participants.models import ConsentRecord
from participants.selectors.privacy import (
    consent_state,
    consents_get,
    notice_acknowledgement_get,
)
from participants.services.consents import consents_update, privacy_notice_acknowledge
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


def test_consents_get_gives_the_acknowledgement_and_the_state_in_one_query(
    django_assert_num_queries, monkeypatch
):
    user = ParticipantProfileFactory().user
    with django_assert_num_queries(1):
        assert consents_get(user=user).acknowledgement is None
    current = privacy_notice_acknowledge(user=user)
    consents_update(user=user, choices={"photos": True})
    monkeypatch.setattr(privacy, "VERSION", "a newer one")
    privacy_notice_acknowledge(user=user)  # of the newer version
    consents_update(user=user, choices={"photos": False, "share_contact": True})
    monkeypatch.setattr(privacy, "VERSION", current.notice_version)
    with django_assert_num_queries(1):
        consents = consents_get(user=user)
    assert consents.acknowledgement == notice_acknowledgement_get(user=user) == current
    assert consents.state == consent_state(user=user)
    assert consents.state == {"privacy_notice": True, "share_contact": True, "photos": False}
