import pytest

from participants.models import Registration
from participants.selectors.registrations import (
    cohort_for_registration,
    cohort_to_register,
    registrations_of_participant,
)
from tests.factories import (
    CohortFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_waitlist_positions_count_only_people_still_waiting():
    cohort = CohortFactory()
    user = UserFactory()
    RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    RegistrationFactory(cohort=cohort, status="cancelled")
    RegistrationFactory(cohort=cohort, participant=user, status="waitlisted", waitlist_order=3)
    mine = registrations_of_participant(participant=user).get()
    assert mine.position == 2


def test_only_published_cohorts_of_published_programmes_take_registrations():
    published = CohortFactory()
    assert cohort_for_registration(cohort_pk=published.pk) == published
    draft_programme = CohortFactory(program=ProgramFactory(status="draft"))
    assert cohort_for_registration(cohort_pk=draft_programme.pk) is None
    assert cohort_for_registration(cohort_pk=CohortFactory(status="cancelled").pk) is None
    assert Registration.objects.count() == 0


def test_the_cohort_to_register_is_the_same_cohort_in_one_query(django_assert_num_queries):
    published = CohortFactory()
    with django_assert_num_queries(1):
        cohort = cohort_to_register(cohort_pk=published.pk)
        assert (cohort, cohort.program.pk, cohort.province) == (
            published,
            published.program.pk,
            published.province,
        )
    draft_programme = CohortFactory(program=ProgramFactory(status="draft"))
    assert cohort_to_register(cohort_pk=draft_programme.pk) is None
    assert cohort_to_register(cohort_pk=CohortFactory(status="cancelled").pk) is None
