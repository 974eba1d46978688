from django.contrib.auth.models import AnonymousUser

from accounts import permissions
from tests.factories import UserFactory


def test_anonymous_has_no_role():
    anonymous = AnonymousUser()
    assert not permissions.is_coordinator(anonymous)
    assert not permissions.is_facilitator(anonymous)
    assert not permissions.is_participant(anonymous)
    assert permissions.role_names(anonymous) == []


def test_verified_user_is_a_participant_only(participant):
    assert permissions.role_names(participant) == ["participant"]


def test_unverified_user_is_not_a_participant(db):
    assert not permissions.is_participant(UserFactory(verified=False))


def test_coordinator_and_facilitator_roles(coordinator, facilitator):
    assert permissions.role_names(coordinator) == ["coordinator", "participant"]
    assert permissions.role_names(facilitator) == ["facilitator", "participant"]
    assert permissions.can_use_console(coordinator)
    assert not permissions.can_use_console(facilitator)


def test_superuser_counts_as_coordinator(db):
    assert permissions.is_coordinator(UserFactory(is_superuser=True))


def test_inactive_coordinator_has_no_role(db):
    assert not permissions.is_coordinator(UserFactory(roles=["coordinator"], is_active=False))


def test_role_answers_are_cached_per_user_object(coordinator, django_assert_num_queries):
    with django_assert_num_queries(2):
        for _ in range(3):
            permissions.role_names(coordinator)
