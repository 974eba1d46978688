import pytest

from action_plans.selectors.dashboard import plans_by_type
from tests.factories import ActionPlanFactory, CohortFactory, ProgramFactory, WorkGroupFactory


@pytest.fixture
def program(db):
    program = ProgramFactory()
    CohortFactory(program=program)
    return program


def test_overview_counts_the_programmes_plans_by_type(program):
    cohort = program.cohorts.get()
    plan = ActionPlanFactory(work_group=WorkGroupFactory(cohort=cohort))
    ActionPlanFactory()  # another programme's plan
    rows = {row.label: row.count for row in plans_by_type(program=program)}
    assert rows[plan.collaboration_type.display_name] == 1
    assert sum(rows.values()) == 1
