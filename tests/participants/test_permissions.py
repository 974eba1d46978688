import pytest

from participants import permissions
from participants.permissions import (
    can_take_attendance,
    can_take_attendance_somewhere,
    can_view_cohort_attendance,
)
from tests.factories import CohortFactory, SessionFactory, UserFactory

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


def test_facilitator_of_the_cohort_and_coordinators_take_attendance(facilitator, coordinator):
    session = SessionFactory()
    session.cohort.facilitators.add(facilitator)
    assert can_take_attendance(facilitator, session)
    assert can_take_attendance(coordinator, session)
    assert can_view_cohort_attendance(facilitator, session.cohort)


def test_facilitator_of_another_cohort_does_not(facilitator):
    session = SessionFactory()
    SessionFactory().cohort.facilitators.add(facilitator)
    assert not can_take_attendance(facilitator, session)
    assert not can_view_cohort_attendance(facilitator, session.cohort)


def test_listed_facilitator_without_the_role_does_not(participant):
    session = SessionFactory()
    session.cohort.facilitators.add(participant)
    assert not can_take_attendance(participant, session)


def test_entry_point_is_for_facilitators_and_coordinators(facilitator, coordinator, participant):
    assert can_take_attendance_somewhere(facilitator)
    assert can_take_attendance_somewhere(coordinator)
    assert not can_take_attendance_somewhere(participant)
    assert not can_take_attendance_somewhere(UserFactory(roles=["facilitator"], is_active=False))
