import datetime as dt

import pytest
from django.utils import timezone

from programs.selectors import published_programs
from tests.factories import CohortFactory, ObjectiveFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def test_published_programmes_count_open_cohorts_and_objectives_each_once():
    """Three objectives and three cohorts (two open): counted on their own, not multiplied."""
    program = ProgramFactory(status="published")
    ObjectiveFactory.create_batch(3, program=program)
    today = timezone.localdate()
    CohortFactory(program=program, starts_on=today + dt.timedelta(days=10))
    CohortFactory(program=program, starts_on=today + dt.timedelta(days=40))
    CohortFactory(
        program=program,
        starts_on=today - dt.timedelta(days=20),
        ends_on=today - dt.timedelta(days=19),
    )
    (listed,) = published_programs()
    assert (listed.open_cohort_count, listed.objective_count) == (2, 3)
    assert listed.next_cohort_starts_on == today + dt.timedelta(days=10)
