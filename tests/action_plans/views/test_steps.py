import pytest
from django.urls import reverse

from action_plans.models import ActionPlan
from tests.factories import (
    LegalReferenceFactory,
)

pytestmark = pytest.mark.django_db

CONFLICT = "Bu plan siz düzenlerken başka biri tarafından değiştirildi."


def _descriptions(plan) -> list[str]:
    return list(plan.steps.order_by("position").values_list("description", flat=True))


def test_step_edit_conflict_shows_the_current_step(client, member_plan):
    plan, member = member_plan
    step = plan.steps.order_by("position").first()
    client.force_login(member)
    ActionPlan.objects.filter(pk=plan.pk).update(version=4)

    response = client.post(
        reverse("plans:step_edit", kwargs={"step_id": step.pk}),
        {"version": 1, "description": "Benim adımım", "status": "done"},
    )

    html = response.content.decode()
    assert CONFLICT in html
    assert "Benim adımım</textarea>" in html
    assert "<dd>Adım 1</dd>" in html
    step.refresh_from_db()
    assert (step.description, step.status) == ("Adım 1", "not_started")


def test_htmx_move_swaps_the_steps_in_place(client, member_plan):
    plan, member = member_plan
    last = plan.steps.order_by("position").last()
    client.force_login(member)

    response = client.post(
        reverse("plans:step_move", kwargs={"step_id": last.pk}),
        {"version": 1, "direction": "up"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('\n<section id="plan-workspace"')
    assert "<html" not in html
    assert 'name="version" value="2"' in html
    assert _descriptions(plan) == ["Adım 1", "Adım 3", "Adım 2"]


def test_plain_post_move_redirects_back_to_the_plan(client, member_plan):
    plan, member = member_plan
    first = plan.steps.order_by("position").first()
    client.force_login(member)

    response = client.post(
        reverse("plans:step_move", kwargs={"step_id": first.pk}),
        {"version": 1, "direction": "down"},
    )

    assert response.url == reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    assert _descriptions(plan) == ["Adım 2", "Adım 1", "Adım 3"]


def test_htmx_move_with_a_stale_version_says_so_and_changes_nothing(client, member_plan):
    plan, member = member_plan
    last = plan.steps.order_by("position").last()
    client.force_login(member)
    ActionPlan.objects.filter(pk=plan.pk).update(version=3)

    response = client.post(
        reverse("plans:step_move", kwargs={"step_id": last.pk}),
        {"version": 1, "direction": "up"},
        headers={"HX-Request": "true"},
    )

    assert CONFLICT in response.content.decode()
    assert _descriptions(plan) == ["Adım 1", "Adım 2", "Adım 3"]


def test_step_added_cites_a_legal_reference(client, member_plan):
    plan, member = member_plan
    reference = LegalReferenceFactory(law_number="1163", article_number="9")
    client.force_login(member)

    client.post(
        reverse("plans:step_create", kwargs={"plan_id": plan.pk}),
        {
            "version": 1,
            "description": "Ortaklık başvurusu",
            "references": [reference.pk],
            "status": "not_started",
        },
    )

    step = plan.steps.order_by("position").last()
    assert (step.position, step.description) == (4, "Ortaklık başvurusu")
    assert list(step.references.all()) == [reference]
