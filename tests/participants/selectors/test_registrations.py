import pytest

from participants.models import ImportInvitation, Registration
from participants.selectors.registrations import (
    cohort_for_registration,
    cohort_to_register,
    participant_start_facts,
    registrations_of_participant,
)
from tests.factories import (
    CalendarFeedFactory,
    CohortFactory,
    ParticipantProfileFactory,
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


def test_start_facts_of_a_new_account_in_one_query(django_assert_num_queries):
    person = UserFactory()
    with django_assert_num_queries(1):
        facts = participant_start_facts(user=person)
    assert (facts.invitation_open, facts.has_profile, facts.calendar_token) == (False, False, None)


def test_start_facts_see_an_open_invitation_the_profile_and_the_calendar_feed():
    profile = ParticipantProfileFactory()
    person = profile.user
    invitation = ImportInvitation.objects.create(user=person)
    feed = CalendarFeedFactory(user=person)
    facts = participant_start_facts(user=person)
    assert (facts.invitation_open, facts.has_profile, facts.calendar_token) == (
        True,
        True,
        feed.token,
    )
    invitation.accepted_at = invitation.created_at
    invitation.save()
    assert participant_start_facts(user=person).invitation_open is False
