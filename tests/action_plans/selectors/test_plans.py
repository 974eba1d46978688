import pytest

from action_plans.selectors.plans import (
    cohort_groups,
    people_shown,
    unassigned_people,
    unassigned_registrations,
)
from tests.factories import (
    ActionPlanFactory,
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


def _shown(registration) -> tuple:
    """What the work groups page writes of a person (no query once read)."""
    person = registration.participant
    profile = person.participant_profile if hasattr(person, "participant_profile") else None
    return person.full_name, person.email, profile.organization.name if profile else None


@pytest.fixture
def cohort():
    """Zeynep in group "Bakım" (with a profile); Çağrı, with a profile, and Ali, without, in
    no group; Deniz pending."""
    cohort = CohortFactory()
    group = WorkGroupFactory(
        cohort=cohort, name="Bakım", facilitator=UserFactory(full_name="Emre Işık")
    )
    ActionPlanFactory(work_group=group)
    member = WorkGroupMemberFactory(
        group=group, registration__cohort=cohort, registration__participant__full_name="Zeynep"
    )
    ParticipantProfileFactory(
        user=member.registration.participant, organization__name="Bornova Belediyesi"
    )
    ParticipantProfileFactory(
        user=RegistrationFactory(cohort=cohort, participant__full_name="Çağrı").participant,
        organization__name="Kuşadası Belediyesi",
    )
    RegistrationFactory(cohort=cohort, participant__full_name="Ali", participant__email="a@x.tr")
    RegistrationFactory(cohort=cohort, status="pending")
    return cohort


def test_a_page_of_the_people_in_no_group_is_read_with_what_the_page_shows(
    cohort, django_assert_num_queries
):
    with django_assert_num_queries(1):
        people = people_shown(page=unassigned_people(cohort=cohort)[0:2])
    with django_assert_num_queries(0):
        shown = [_shown(registration) for registration in people]
    assert shown == [
        ("Ali", "a@x.tr", None),
        ("Çağrı", people[1].participant.email, "Kuşadası Belediyesi"),
    ]
    assert people == list(unassigned_registrations(cohort=cohort))
    assert "status" in people[0].get_deferred_fields()
    assert people_shown(page=unassigned_people(cohort=cohort)[1:2]) == people[1:]


def test_the_groups_are_read_with_their_members_and_plan_count(cohort, django_assert_num_queries):
    with django_assert_num_queries(2):
        groups = list(cohort_groups(cohort=cohort))
    with django_assert_num_queries(0):
        cards = [
            (
                group.name,
                group.get_theme_display(),
                group.facilitator.full_name,
                group.plan_count,
                [_shown(member.registration) for member in group.members.all()],
            )
            for group in groups
        ]
    member = groups[0].members.all()[0]
    assert cards == [
        (
            "Bakım",
            groups[0].get_theme_display(),
            "Emre Işık",
            1,
            [("Zeynep", member.registration.participant.email, "Bornova Belediyesi")],
        )
    ]
    assert "created_at" in groups[0].get_deferred_fields()
    assert "status" in member.registration.get_deferred_fields()
