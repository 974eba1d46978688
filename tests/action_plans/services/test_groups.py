import json

import pytest
from django.core.exceptions import ValidationError

from action_plans.models import WorkGroupMember
from action_plans.services.groups import work_group_create, work_group_delete, work_group_update
from participants.services.privacy import ERASED_NAME, personal_data_erase
from tests.factories import (
    ActionPlanFactory,
    CohortFactory,
    RegistrationFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
    admin_log_entry,
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


def test_an_erasure_rewrites_the_admin_history_of_the_persons_group_and_membership():
    admin = UserFactory(full_name="Yönetici", is_staff=True)
    cohort = CohortFactory()
    group = WorkGroupFactory(cohort=cohort, name="Bakım")
    member = WorkGroupMemberFactory(
        group=group,
        registration=RegistrationFactory(cohort=cohort, participant__full_name="İnci Çelik"),
    )
    other = WorkGroupMemberFactory(
        group=group,
        registration=RegistrationFactory(cohort=cohort, participant__full_name="Ali Yılmaz"),
    )
    about_the_group = admin_log_entry(
        admin,
        group,
        text="Bakım",
        message=[
            {"added": {"name": "work group member", "object": "Bakım — İnci Çelik"}},
            {"added": {"name": "work group member", "object": "Bakım — Ali Yılmaz"}},
        ],
    )
    about_the_membership = admin_log_entry(
        admin, member, text="Bakım — Inci Celik", message=[{"changed": {"fields": ["Grup"]}}]
    )
    about_alis_membership = admin_log_entry(
        admin, other, text="Bakım — Ali Yılmaz", message=[{"changed": {"fields": ["Grup"]}}]
    )

    personal_data_erase(user=member.registration.participant)

    for entry in (about_the_group, about_the_membership, about_alis_membership):
        entry.refresh_from_db()
    assert (about_the_group.object_repr, json.loads(about_the_group.change_message)) == (
        "Bakım",
        [
            {"added": {"name": "work group member", "object": f"Bakım — {ERASED_NAME}"}},
            {"added": {"name": "work group member", "object": "Bakım — Ali Yılmaz"}},
        ],
    )
    assert about_the_membership.object_repr == f"Bakım — {ERASED_NAME}"  # a former name too
    assert about_alis_membership.object_repr == "Bakım — Ali Yılmaz"
