import pytest
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    SessionFactory,
)


@pytest.mark.parametrize("count", [1, 3, 30])
def test_my_cohorts_query_count_does_not_grow(
    client, facilitator, count, django_assert_num_queries
):
    for _ in range(count):
        cohort = CohortFactory()
        cohort.facilitators.add(facilitator)
        SessionFactory(cohort=cohort)
    CohortFactory()  # someone else's cohort
    client.force_login(facilitator)
    with django_assert_num_queries(4):
        response = client.get(reverse("programs:my_cohorts"))
    assert len(response.context["cohorts"]) == count
