import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from action_plans.models import ActionPlan
from tests.factories import (
    CollaborationBasisFactory,
    LegalReferenceFactory,
    RegistrationFactory,
    StepTemplateFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    """The "ortaklık" type with one basis (1163 m.9) and two step templates."""
    reference = LegalReferenceFactory(
        law_number="1163", law_name="Kooperatifler Kanunu", article_number="9"
    )
    basis = CollaborationBasisFactory(
        collaboration_type__slug="ortaklik",
        collaboration_type__name="Ortaklık",
        reference=reference,
        side="cooperative",
        conditions="Meclis kararı gerekir.",
    )
    collaboration_type = basis.collaboration_type
    first = StepTemplateFactory(
        collaboration_type=collaboration_type,
        position=1,
        description="Hukuki dayanağın incelenmesi",
        offset_days=0,
    )
    first.references.add(reference)
    StepTemplateFactory(
        collaboration_type=collaboration_type,
        position=2,
        description="Meclis kararının alınması",
        responsible_role="Belediye meclisi",
        offset_days=35,
    )
    return collaboration_type


def _post_data(owner: str, **changes) -> dict:
    data = {
        "owner": owner,
        "title": "Kadın kooperatifine ortaklık",
        "starts_on": "2026-03-01",
        "steps-TOTAL_FORMS": 2,
        "steps-INITIAL_FORMS": 2,
        "steps-0-include": "on",
        "steps-0-description": "Hukuki dayanağın incelenmesi",
        "steps-0-responsible": "Hukuk birimi",
        "steps-0-offset_days": 0,
        "steps-0-template_id": "",
        "steps-1-include": "on",
        "steps-1-description": "Meclis kararının alınması (düzenlendi)",
        "steps-1-responsible": "Belediye meclisi",
        "steps-1-offset_days": 40,
        "steps-1-template_id": "",
    }
    data.update(changes)
    return data


def test_type_page_shows_the_legal_basis_with_its_review_badge_and_notice(client, partnership):
    client.force_login(RegistrationFactory().participant)

    html = client.get(reverse("plans:wizard_type", kwargs={"slug": "ortaklik"})).content.decode()

    assert "1163 sayılı Kooperatifler Kanunu m.9" in html
    assert "Hukuki inceleme bekliyor" in html
    assert "Meclis kararı gerekir." in html
    assert "Bu kütüphane bilgilendirme amaçlıdır, hukuki görüş değildir." in html
    assert html.count('name="steps-0-description"') == 1
    assert "Meclis kararının alınması</textarea>" in html


def test_member_creates_a_group_plan_with_the_edited_template_steps(client, partnership):
    group = WorkGroupFactory()
    member = WorkGroupMemberFactory(group=group).registration.participant
    templates = list(partnership.step_templates.order_by("position"))
    client.force_login(member)

    response = client.post(
        reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}),
        _post_data(
            f"g{group.pk}",
            **{"steps-0-template_id": templates[0].pk, "steps-1-template_id": templates[1].pk},
        ),
    )

    plan = ActionPlan.objects.get()
    assert response.url == reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    assert (plan.work_group, plan.collaboration_type, plan.status) == (group, partnership, "draft")
    steps = list(plan.steps.order_by("position"))
    assert [(s.description, s.responsible, s.due_on) for s in steps] == [
        ("Hukuki dayanağın incelenmesi", "Hukuk birimi", dt.date(2026, 3, 1)),
        ("Meclis kararının alınması (düzenlendi)", "Belediye meclisi", dt.date(2026, 4, 10)),
    ]
    assert [r.article_number for r in steps[0].references.all()] == ["9"]


def test_left_out_steps_are_not_created(client, partnership):
    registration = RegistrationFactory()
    client.force_login(registration.participant)

    client.post(
        reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}),
        _post_data(f"r{registration.pk}", **{"steps-0-include": ""}),
    )

    plan = ActionPlan.objects.get()
    assert plan.registration == registration
    assert list(plan.steps.values_list("description", flat=True)) == [
        "Meclis kararının alınması (düzenlendi)"
    ]


@pytest.mark.parametrize("status", ["pending", "waitlisted"])
def test_unconfirmed_registration_cannot_own_a_plan(client, partnership, status):
    registration = RegistrationFactory(status=status)
    client.force_login(registration.participant)

    response = client.post(
        reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}),
        _post_data(f"r{registration.pk}"),
    )

    assert response.status_code == 200
    assert not ActionPlan.objects.exists()


def test_someone_elses_group_cannot_be_chosen(client, partnership):
    group = WorkGroupFactory()
    client.force_login(UserFactory())

    client.post(
        reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}), _post_data(f"g{group.pk}")
    )

    assert not ActionPlan.objects.exists()


def test_facilitator_starts_a_plan_for_a_group_of_their_cohort(client, partnership):
    group = WorkGroupFactory()
    facilitator = UserFactory(roles=["facilitator"])
    group.cohort.facilitators.add(facilitator)
    client.force_login(facilitator)

    client.post(
        reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}), _post_data(f"g{group.pk}")
    )

    assert ActionPlan.objects.get().work_group == group


def test_without_a_confirmed_registration_or_group_the_wizard_explains_why(client, partnership):
    client.force_login(UserFactory())

    html = client.get(reverse("plans:wizard_type", kwargs={"slug": "ortaklik"})).content.decode()

    assert "Bir döneme kaydınız onaylandığında ya da bir çalışma grubuna katıldığınızda" in html
    assert 'name="steps-0-description"' not in html


def test_coordinator_is_offered_recent_groups_and_an_older_one_only_when_asked_for(
    client, partnership
):
    today = timezone.localdate()
    running = WorkGroupFactory(
        name="Güncel grup",
        cohort__starts_on=today - dt.timedelta(days=1),
        cohort__ends_on=today + dt.timedelta(days=3),
    )
    recent = WorkGroupFactory(
        name="Yakın grup",
        cohort__starts_on=today - dt.timedelta(days=61),
        cohort__ends_on=today - dt.timedelta(days=60),
    )
    old = WorkGroupFactory(
        name="Eski grup",
        cohort__starts_on=today - dt.timedelta(days=62),
        cohort__ends_on=today - dt.timedelta(days=61),
    )
    client.force_login(UserFactory(roles=["coordinator"]))
    url = reverse("plans:wizard_type", kwargs={"slug": "ortaklik"})

    html = client.get(url).content.decode()
    assert f'value="g{running.pk}"' in html
    assert f'value="g{recent.pk}"' in html
    assert f'value="g{old.pk}"' not in html

    asked = client.get(url, {"owner": f"g{old.pk}"}).content.decode()
    assert f'<option value="g{old.pk}" selected>' in asked

    client.post(url, _post_data(f"g{old.pk}"))
    assert ActionPlan.objects.get().work_group == old
