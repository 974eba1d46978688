from django.contrib.auth.models import Group

from accounts import permissions
from accounts.roles import COORDINATOR, FACILITATOR
from accounts.selectors import user_with_roles_get
from tests.factories import UserFactory


def test_user_comes_with_its_roles_in_one_query(db, django_assert_num_queries):
    person = UserFactory(roles=[COORDINATOR, FACILITATOR])
    Group.objects.get_or_create(name="kütüphane")[0].user_set.add(person)
    with django_assert_num_queries(1):
        user = user_with_roles_get(pk=person.pk)
        assert permissions.role_names(user) == [COORDINATOR, FACILITATOR, "participant"]
    assert user == person


def test_unverified_user_without_groups_holds_no_role(db, django_assert_num_queries):
    person = UserFactory(verified=False)
    with django_assert_num_queries(1):
        assert permissions.role_names(user_with_roles_get(pk=person.pk)) == []


def test_unknown_user_is_none(db):
    assert user_with_roles_get(pk=0) is None


def test_each_role_alone_is_told_apart(db):
    coordinator = UserFactory(roles=[COORDINATOR], verified=False)
    facilitator = UserFactory(roles=[FACILITATOR])
    assert permissions.role_names(user_with_roles_get(pk=coordinator.pk)) == [COORDINATOR]
    assert permissions.role_names(user_with_roles_get(pk=facilitator.pk)) == [
        FACILITATOR,
        "participant",
    ]
