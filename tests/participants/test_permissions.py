import pytest

from participants import permissions
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_facilitators_see_only_the_lists_of_cohorts_they_facilitate(facilitator, coordinator):
    mine, other = CohortFactory(), CohortFactory()
    mine.facilitators.add(facilitator)
    assert permissions.can_view_cohort_registrations(facilitator, mine)
    assert not permissions.can_view_cohort_registrations(facilitator, other)
    assert permissions.can_view_cohort_registrations(coordinator, other)
    assert not permissions.can_manage_registrations(facilitator)
    assert permissions.can_manage_registrations(coordinator)


def test_participants_register_only_with_a_verified_address(participant):
    assert permissions.can_register(participant)
    assert not permissions.can_register(UserFactory(verified=False))
    assert not permissions.can_view_registrations_console(participant)
    assert not permissions.can_merge_organizations(participant)
