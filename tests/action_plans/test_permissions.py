import pytest

from action_plans import permissions
from tests.factories import (
    ActionPlanFactory,
    CohortFactory,
    RegistrationFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_people(db):
    cohort = CohortFactory()
    facilitator = UserFactory(roles=["facilitator"])
    cohort.facilitators.add(facilitator)
    group = WorkGroupFactory(cohort=cohort)
    member = WorkGroupMemberFactory(group=group).registration.participant
    return {
        "plan": ActionPlanFactory(work_group=group),
        "member": member,
        "facilitator": facilitator,
        "other_facilitator": UserFactory(roles=["facilitator"]),
        "coordinator": UserFactory(roles=["coordinator"]),
        "stranger": UserFactory(),
    }


@pytest.mark.parametrize(
    ("who", "rights"),
    [
        ("member", (True, True, False, False)),
        ("facilitator", (True, True, True, True)),
        ("other_facilitator", (False, False, False, False)),
        ("coordinator", (True, True, True, True)),
        ("stranger", (False, False, False, False)),
    ],
)
def test_plan_rights_by_role(plan_people, who, rights):
    view, edit, approve_when_submitted, groups = rights
    user, plan = plan_people[who], plan_people["plan"]
    assert permissions.can_view_plan(user, plan) is view
    assert permissions.can_edit_plan(user, plan) is edit
    assert permissions.can_manage_groups(user, plan.cohort) is groups
    assert permissions.can_approve_plan(user, plan) is False
    plan.status = "submitted"
    assert permissions.can_approve_plan(user, plan) is approve_when_submitted


def test_approved_plan_is_read_only_but_its_steps_can_be_followed_up(plan_people):
    plan = plan_people["plan"]
    plan.status = "approved"
    member = plan_people["member"]

    assert permissions.can_edit_plan(member, plan) is False
    assert permissions.can_submit_plan(member, plan) is False
    assert permissions.can_update_step_progress(member, plan) is True
    assert permissions.can_update_step_progress(plan_people["stranger"], plan) is False


def test_participant_owns_only_their_personal_plan(db):
    registration = RegistrationFactory()
    plan = ActionPlanFactory(work_group=None, registration=registration)

    assert permissions.can_edit_plan(registration.participant, plan) is True
    assert permissions.can_view_plan(UserFactory(), plan) is False
    assert permissions.can_start_plan_for_registration(registration.participant, registration)
    registration.status = "waitlisted"
    assert not permissions.can_start_plan_for_registration(registration.participant, registration)
