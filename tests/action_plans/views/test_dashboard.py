import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from action_plans.selectors import dashboard
from action_plans.services.plans import steps_progress_update
from library.models import SDG
from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    CollaborationTypeFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("plans:dashboard")


def _plan(collaboration_type, *, sdg_numbers=(5,)):
    municipality = OrganizationFactory(kind="district")
    cooperative = OrganizationFactory(kind="cooperative", cooperative_kind="women")
    plan = ActionPlanFactory(collaboration_type=collaboration_type, municipality=municipality)
    plan.cooperatives.add(cooperative)
    plan.sdgs.set(SDG.objects.filter(number__in=sdg_numbers))
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ActionStepFactory(plan=plan, status="done", due_on=yesterday)
    ActionStepFactory(plan=plan, status="in_progress", due_on=yesterday)
    return plan


def test_figures_group_plans_and_count_done_and_overdue_steps():
    partnership = CollaborationTypeFactory(name="Ortaklık", position=1)
    CollaborationTypeFactory(name="Bağış", position=2)
    _plan(partnership, sdg_numbers=(5, 8))
    _plan(partnership)

    assert [(row.label, row.count) for row in dashboard.plans_by_type()] == [
        ("Ortaklık", 2),
        ("Bağış", 0),
    ]
    assert [row.count for row in dashboard.plans_by_sdg()] == [2, 1]
    assert [(row.label, row.count) for row in dashboard.plans_by_province()] == [("İzmir", 2)]
    assert [(row.label, row.count) for row in dashboard.plans_by_organization_kind()] == [
        ("İlçe belediyesi", 2),
        ("Kadın kooperatifi", 2),
    ]
    assert dashboard.step_figures() == dashboard.StepFigures(total=4, done=2, overdue=2, blocked=0)


def test_dashboard_shows_charts_beside_tables_in_constant_queries(
    client, coordinator, django_assert_num_queries
):
    collaboration_type = CollaborationTypeFactory(name="Ortaklık")
    _plan(collaboration_type)
    client.force_login(coordinator)
    with django_assert_num_queries(9):
        client.get(URL)
    _plan(collaboration_type, sdg_numbers=(2,))
    _plan(CollaborationTypeFactory(name="Eşgüdüm"))
    with django_assert_num_queries(9):
        html = client.get(URL).content.decode()
    assert html.count('<svg class="chart" role="img"') == 4
    assert html.count('class="table-wrap"') == 4
    assert "İşbirliği türüne göre planlar" in html


def test_a_second_visit_reads_the_figures_from_the_cache_until_a_step_changes(
    client, coordinator, django_assert_num_queries
):
    plan = _plan(CollaborationTypeFactory(name="Ortaklık"))
    client.force_login(coordinator)
    first = client.get(URL).content.decode()
    assert "1 / 2" in first
    with django_assert_num_queries(2):  # the page around the figures: session, user with roles
        second = client.get(URL).content.decode()
    assert second.split('<main id="main"', 1)[1] == first.split('<main id="main"', 1)[1]
    step = plan.steps.get(status="in_progress")
    # bulk_update sends no signal: the plan's version bump is what tells the cache
    steps_progress_update(plan_id=plan.pk, version=plan.version, updates={step.pk: ("done", None)})
    assert "2 / 2" in client.get(URL).content.decode()


def test_the_figures_are_kept_per_language(client, coordinator):
    _plan(CollaborationTypeFactory(name="Ortaklık"))
    client.force_login(coordinator)
    assert "İşbirliği türüne göre planlar" in client.get(URL).content.decode()
    client.cookies["django_language"] = "en"
    assert "Plans by collaboration type" in client.get(URL).content.decode()
    del client.cookies["django_language"]
    assert "İşbirliği türüne göre planlar" in client.get(URL).content.decode()
