import datetime as dt

import pytest
from django.urls import reverse

from action_plans.models import ActionPlan
from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    CohortFactory,
    RegistrationFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


CONFLICT = "Bu plan siz düzenlerken başka biri tarafından değiştirildi."


def _descriptions(plan) -> list[str]:
    return list(plan.steps.order_by("position").values_list("description", flat=True))


def test_member_sees_their_group_plan_and_a_stranger_gets_404(client, member_plan):
    plan, member = member_plan
    url = reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Kent bostanı" in html
    assert html.count('class="step-item card"') == 3


def test_plain_text_is_escaped_and_keeps_its_line_breaks(client, member_plan):
    plan, member = member_plan
    plan.problem = "<b>Sorun</b>\nİkinci satır"
    plan.save()
    client.force_login(member)

    html = client.get(reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})).content.decode()

    assert "&lt;b&gt;Sorun&lt;/b&gt;<br>İkinci satır" in html


def test_edit_with_a_stale_version_keeps_the_input_and_shows_current_values(client, member_plan):
    plan, member = member_plan
    client.force_login(member)
    url = reverse("plans:plan_edit", kwargs={"plan_id": plan.pk})
    ActionPlan.objects.filter(pk=plan.pk).update(title="Başkasının başlığı", version=2)

    response = client.post(
        url,
        {
            "version": 1,
            "title": "Benim başlığım",
            "problem": "Benim sorunum",
            "goal": "",
            "collaboration_type": plan.collaboration_type_id,
            "starts_on": "2026-03-01",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT in html
    assert 'value="Benim başlığım"' in html
    assert "<dd>Başkasının başlığı</dd>" in html
    assert 'name="version" value="2"' in html
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Başkasının başlığı", 2)


def test_edit_with_the_current_version_saves(client, member_plan):
    plan, member = member_plan
    client.force_login(member)

    response = client.post(
        reverse("plans:plan_edit", kwargs={"plan_id": plan.pk}),
        {
            "version": 1,
            "title": "Yeni başlık",
            "problem": "Satır 1\nSatır 2",
            "goal": "Hedef",
            "collaboration_type": plan.collaboration_type_id,
            "starts_on": "2026-03-01",
        },
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.problem, plan.version) == ("Yeni başlık", "Satır 1\nSatır 2", 2)


def test_member_submits_and_facilitator_approves(client, member_plan):
    plan, member = member_plan
    facilitator = UserFactory(roles=["facilitator"])
    plan.cohort.facilitators.add(facilitator)

    client.force_login(member)
    client.post(reverse("plans:plan_submit", kwargs={"plan_id": plan.pk}), {"version": 1})
    assert (
        client.post(
            reverse("plans:plan_review", kwargs={"plan_id": plan.pk}),
            {"version": 2, "decision": "approve"},
        ).status_code
        == 404
    )

    client.force_login(facilitator)
    client.post(
        reverse("plans:plan_review", kwargs={"plan_id": plan.pk}),
        {"version": 2, "decision": "approve", "comment": ""},
    )

    plan.refresh_from_db()
    assert (plan.status, plan.reviewed_by) == ("approved", facilitator)


def test_the_submit_text_fits_the_reader_a_member_or_the_facilitator(client, member_plan):
    plan, member = member_plan
    facilitator = UserFactory(roles=["facilitator"])
    plan.cohort.facilitators.add(facilitator)
    url = reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    to_facilitator = "Plan hazır olduğunda onay için kolaylaştırıcıya gönderin."
    to_self = (
        "Plan hazır olduğunda onaya gönderin; ardından burada onaylayabilir ya da yorumla geri "
        "gönderebilirsiniz."
    )
    client.force_login(member)
    html = client.get(url).content.decode()
    assert (to_facilitator in html, to_self in html) == (True, False)
    client.force_login(facilitator)
    html = client.get(url).content.decode()
    assert (to_facilitator in html, to_self in html) == (False, True)
    response = client.post(
        reverse("plans:plan_submit", kwargs={"plan_id": plan.pk}), {"version": 1}, follow=True
    )
    html = response.content.decode()
    assert "Plan onaya gönderildi; şimdi onaylayabilir ya da geri gönderebilirsiniz." in html
    assert "kolaylaştırıcıya" not in html


def test_returning_a_plan_needs_a_comment(client, member_plan):
    plan, _member = member_plan
    ActionPlan.objects.filter(pk=plan.pk).update(status="submitted")
    client.force_login(UserFactory(roles=["coordinator"]))

    response = client.post(
        reverse("plans:plan_review", kwargs={"plan_id": plan.pk}),
        {"version": 1, "decision": "return", "comment": "  "},
    )

    assert "Planı geri göndermeden önce neyin değişmesi gerektiğini yazın." in (
        response.content.decode()
    )
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_approved_plan_cannot_be_edited_but_step_status_can_change(client, member_plan):
    plan, member = member_plan
    ActionPlan.objects.filter(pk=plan.pk).update(status="approved")
    step = plan.steps.order_by("position").first()
    client.force_login(member)

    assert client.get(reverse("plans:plan_edit", kwargs={"plan_id": plan.pk})).status_code == 404
    assert client.get(reverse("plans:step_edit", kwargs={"step_id": step.pk})).status_code == 404
    response = client.post(
        reverse("plans:step_status", kwargs={"step_id": step.pk}),
        {"version": 1, "status": "done"},
        headers={"HX-Request": "true"},
    )

    assert "Adımın durumu kaydedildi." in response.content.decode()
    step.refresh_from_db()
    assert step.status == "done"


def _plans_for(user, count: int):
    for _ in range(count):
        group = WorkGroupFactory()
        WorkGroupMemberFactory(group=group, registration__participant=user)
        ActionStepFactory(plan=ActionPlanFactory(work_group=group), status="done")


def test_my_plans_lists_group_and_own_plans_in_constant_queries(client, django_assert_num_queries):
    user = UserFactory()
    ActionPlanFactory()
    _plans_for(user, 1)
    client.force_login(user)
    client.get(reverse("plans:my_plans"))
    with django_assert_num_queries(4):
        client.get(reverse("plans:my_plans"))
    _plans_for(user, 1)
    ActionPlanFactory(work_group=None, registration=RegistrationFactory(participant=user))
    with django_assert_num_queries(4):
        html = client.get(reverse("plans:my_plans")).content.decode()
    assert html.count("<progress") == 3


def test_cohort_plans_list_in_constant_queries(client, coordinator, django_assert_num_queries):
    cohort = CohortFactory()
    ActionPlanFactory(work_group__cohort=cohort)
    client.force_login(coordinator)
    url = reverse("plans:cohort_plans", kwargs={"cohort_id": cohort.pk})
    client.get(url)
    with django_assert_num_queries(4):
        client.get(url)
    ActionPlanFactory.create_batch(2, work_group__cohort=cohort)
    with django_assert_num_queries(4):
        html = client.get(url).content.decode()
    assert html.count("<progress") == 3


def test_coordinators_cohorts_are_counted_one_by_one_and_25_a_page(
    client, coordinator, django_assert_num_queries
):
    busy = CohortFactory(title="Kalabalık dönem", starts_on=dt.date(2027, 6, 1))
    first, second = WorkGroupFactory.create_batch(2, cohort=busy)
    ActionPlanFactory.create_batch(2, work_group=first)
    ActionPlanFactory(work_group=second)
    ActionPlanFactory(work_group=None, registration=RegistrationFactory(cohort=busy))
    client.force_login(coordinator)
    url = reverse("plans:my_plans")
    client.get(url)
    with django_assert_num_queries(5):
        html = client.get(url).content.decode()
    assert "Kalabalık dönem" in html
    assert "2 grup" in html
    assert "4 plan" in html  # one subquery per relation: groups do not multiply plans
    CohortFactory.create_batch(2)
    with django_assert_num_queries(5):
        client.get(url)
    CohortFactory.create_batch(27, starts_on=dt.date(2026, 1, 5))
    first_page = client.get(url).content.decode()
    assert "Kalabalık dönem" in first_page
    assert "Sayfa 1 / 2" in first_page
    second_page = client.get(url, {"sayfa": 2}).content.decode()
    assert second_page.count('href="/eylem-planlari/donem/') == 2 * (30 - 25)
