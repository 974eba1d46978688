import pytest

from participants.models import Registration
from participants.selectors.registrations import (
    cohort_for_registration,
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
