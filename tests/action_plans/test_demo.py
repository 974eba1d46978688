"""The demo work groups and plans of a finished cohort (`load_demo_action_plans`)."""

import io

import pytest
from django.core.management import call_command

from action_plans.demo import load_demo_action_plans
from action_plans.models import ActionPlan, WorkGroup, WorkGroupMember
from library.demo import load_demo_legal_library
from programs.models import Cohort
from tests.factories import CohortFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_cohort():
    load_demo_legal_library()
    cohort = CohortFactory(title="Ankara dönemi")
    cohort.facilitators.add(UserFactory(roles=["facilitator"]))
    RegistrationFactory.create_batch(7, cohort=cohort)
    RegistrationFactory(cohort=cohort, status="cancelled")
    return cohort


def test_three_groups_with_a_plan_each_of_another_type(finished_cohort):
    plans = load_demo_action_plans(cohort=finished_cohort)

    assert [plan.collaboration_type.slug for plan in plans] == [
        "mal-ve-hizmet-alimi",
        "esgudum",
        "ortaklik",
    ]
    assert [plan.status for plan in plans] == ["approved", "submitted", "draft"]
    assert [plan.progress_counts()[0] for plan in plans] == [2, 1, 1]
    assert sorted(group.members.count() for group in WorkGroup.objects.all()) == [2, 2, 3]
    assert WorkGroupMember.objects.filter(registration__status="cancelled").count() == 0


def test_partnership_plan_cites_cooperatives_law_article_nine(finished_cohort):
    partnership = load_demo_action_plans(cohort=finished_cohort)[2]

    cited = {
        (reference.law_number, reference.article_number)
        for step in partnership.steps.all()
        for reference in step.references.all()
    }
    assert ("1163", "9") in cited


def test_loading_twice_changes_nothing(finished_cohort):
    first = load_demo_action_plans(cohort=finished_cohort)
    second = load_demo_action_plans(cohort=finished_cohort)

    assert [plan.pk for plan in first] == [plan.pk for plan in second]
    assert (WorkGroup.objects.count(), ActionPlan.objects.count()) == (3, 3)
    assert WorkGroupMember.objects.count() == 7


def test_load_demo_adds_the_plans_once_ankara_has_six_confirmed_registrations(demo_data):
    ankara = Cohort.objects.get(title="Ankara dönemi")
    had_enough = ankara.registrations.filter(status="confirmed").count() >= 6
    assert WorkGroup.objects.filter(cohort=ankara).exists() is had_enough
    confirmed = ankara.registrations.filter(status="confirmed").count()
    RegistrationFactory.create_batch(max(0, 6 - confirmed), cohort=ankara)

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    assert WorkGroup.objects.filter(cohort=ankara).count() == 3
    assert ActionPlan.objects.filter(cohort=ankara).count() == 3
