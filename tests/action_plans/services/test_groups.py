import pytest
from django.core.exceptions import ValidationError

from action_plans.models import WorkGroupMember
from action_plans.services.groups import work_group_create, work_group_delete, work_group_update
from tests.factories import (
    ActionPlanFactory,
    CohortFactory,
    RegistrationFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


def test_group_is_created_with_confirmed_members_and_the_cohorts_facilitator():
    facilitator = UserFactory(roles=["facilitator"])
    cohort = CohortFactory()
    cohort.facilitators.add(facilitator)
    members = RegistrationFactory.create_batch(2, cohort=cohort)

    group = work_group_create(
        cohort=cohort, name="Bakım", theme="care", facilitator=facilitator, registrations=members
    )

    assert group.facilitator == facilitator
    assert sorted(group.members.values_list("registration_id", flat=True)) == sorted(
        member.pk for member in members
    )


def test_registration_cannot_join_a_second_group_of_its_cohort():
    member = WorkGroupMemberFactory()

    with pytest.raises(ValidationError) as error:
        work_group_create(
            cohort=member.group.cohort,
            name="İkinci grup",
            theme="women",
            facilitator=None,
            registrations=[member.registration],
        )

    assert error.value.message_dict == {
        "members": ["Bir katılımcı, bir dönemde yalnızca bir çalışma grubunda olabilir."]
    }
    assert WorkGroupMember.objects.count() == 1


@pytest.mark.parametrize("status", ["pending", "waitlisted", "cancelled"])
def test_only_confirmed_registrations_of_the_cohort_can_be_members(status):
    cohort = CohortFactory()
    other = RegistrationFactory()
    unconfirmed = RegistrationFactory(cohort=cohort, status=status)

    for registration in (other, unconfirmed):
        with pytest.raises(ValidationError):
            work_group_create(
                cohort=cohort,
                name=f"Grup {registration.pk}",
                theme="care",
                facilitator=None,
                registrations=[registration],
            )


def test_facilitator_must_facilitate_the_cohort():
    with pytest.raises(ValidationError) as error:
        work_group_create(
            cohort=CohortFactory(),
            name="Grup",
            theme="care",
            facilitator=UserFactory(roles=["facilitator"]),
            registrations=[],
        )

    assert list(error.value.message_dict) == ["facilitator"]


def test_update_replaces_members_and_keeps_the_group():
    member = WorkGroupMemberFactory()
    newcomer = RegistrationFactory(cohort=member.group.cohort)

    work_group_update(
        group_id=member.group.pk,
        name="Yeni ad",
        theme="agriculture",
        facilitator=None,
        registrations=[newcomer],
    )

    member.group.refresh_from_db()
    assert (member.group.name, member.group.theme) == ("Yeni ad", "agriculture")
    assert list(member.group.members.values_list("registration_id", flat=True)) == [newcomer.pk]


def test_group_with_a_plan_is_not_deleted():
    plan = ActionPlanFactory()

    with pytest.raises(ValidationError):
        work_group_delete(group_id=plan.work_group_id)

    empty = WorkGroupFactory()
    work_group_delete(group_id=empty.pk)
    assert not type(empty).objects.filter(pk=empty.pk).exists()
