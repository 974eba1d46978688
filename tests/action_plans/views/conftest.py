import pytest

from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)


@pytest.fixture
def member_plan():
    """A group plan, one member of its group (logged in by the tests) and three steps."""
    group = WorkGroupFactory()
    member = WorkGroupMemberFactory(group=group).registration.participant
    plan = ActionPlanFactory(work_group=group, title="Kent bostanı")
    for position in (1, 2, 3):
        ActionStepFactory(plan=plan, position=position, description=f"Adım {position}")
    return plan, member
