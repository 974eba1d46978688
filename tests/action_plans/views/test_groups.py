import re

import pytest
from django.urls import reverse

from action_plans.forms import member_label
from action_plans.models import WorkGroup
from action_plans.views import groups
from core import pagination
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationAnswerFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_facilitator():
    cohort = CohortFactory()
    facilitator = UserFactory(roles=["facilitator"], full_name="Emre Işık")
    cohort.facilitators.add(facilitator)
    return cohort, facilitator


def test_facilitator_forms_a_group_from_confirmed_participants(client, cohort_facilitator):
    cohort, facilitator = cohort_facilitator
    confirmed = RegistrationFactory.create_batch(2, cohort=cohort)
    pending = RegistrationFactory(cohort=cohort, status="pending")
    client.force_login(facilitator)
    url = reverse("plans:group_create", kwargs={"cohort_id": cohort.pk})

    form_html = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": "Bakım  hizmetleri",
            "theme": "care",
            "facilitator": facilitator.pk,
            "members": [registration.pk for registration in confirmed],
        },
    )

    offered = re.findall(r'name="members" value="(\d+)"', form_html)
    assert sorted(offered) == sorted(str(registration.pk) for registration in confirmed)
    assert str(pending.pk) not in offered
    assert response.url == reverse("plans:groups", kwargs={"cohort_id": cohort.pk})
    group = WorkGroup.objects.get()
    assert (group.name, group.facilitator) == ("Bakım hizmetleri", facilitator)
    assert group.members.count() == 2


def test_a_member_of_another_group_is_refused_with_a_message(client, cohort_facilitator):
    cohort, facilitator = cohort_facilitator
    taken = WorkGroupMemberFactory(group__cohort=cohort).registration
    client.force_login(facilitator)

    response = client.post(
        reverse("plans:group_create", kwargs={"cohort_id": cohort.pk}),
        {"name": "İkinci", "theme": "women", "members": [taken.pk]},
    )

    assert response.status_code == 200
    assert 'value="İkinci"' in response.content.decode()
    assert WorkGroup.objects.count() == 1


def test_facilitator_of_another_cohort_gets_404(client, cohort_facilitator):
    cohort, _facilitator = cohort_facilitator
    client.force_login(UserFactory(roles=["facilitator"]))

    assert client.get(reverse("plans:groups", kwargs={"cohort_id": cohort.pk})).status_code == 404


def _group_with_members(cohort):
    group = WorkGroupFactory(cohort=cohort)
    for _ in range(2):
        member = WorkGroupMemberFactory(group=group)
        ParticipantProfileFactory(user=member.registration.participant)


def test_group_list_in_constant_queries(client, cohort_facilitator, django_assert_num_queries):
    cohort, facilitator = cohort_facilitator
    _group_with_members(cohort)
    RegistrationFactory(cohort=cohort)  # in no group
    client.force_login(facilitator)
    url = reverse("plans:groups", kwargs={"cohort_id": cohort.pk})
    client.get(url)
    with django_assert_num_queries(10):
        client.get(url)
    _group_with_members(cohort)
    _group_with_members(cohort)
    RegistrationFactory(cohort=cohort)
    with django_assert_num_queries(10):
        html = client.get(url).content.decode()
    assert html.count('class="panel group-card"') == 3


def test_group_screen_shows_answers_that_help_but_never_sensitive_ones(
    client, cohort_facilitator, coordinator, django_assert_num_queries
):
    cohort, facilitator = cohort_facilitator
    sector = RegistrationQuestionFactory(
        cohort=cohort, position=1, text="Sektör", kind="single", options="Kamu\nKooperatif"
    )
    needs = RegistrationQuestionFactory(cohort=cohort, position=2, text="Erişim", sensitive=True)
    member = WorkGroupMemberFactory(group=WorkGroupFactory(cohort=cohort))
    alone = RegistrationFactory(cohort=cohort)
    for registration, value in [(member.registration, "Kamu"), (alone, "Kooperatif")]:
        RegistrationAnswerFactory(registration=registration, question=sector, value=value)
        RegistrationAnswerFactory(registration=registration, question=needs, value="İşitme cihazı")
    url = reverse("plans:groups", kwargs={"cohort_id": cohort.pk})
    for user in (facilitator, coordinator):
        client.force_login(user)
        with django_assert_num_queries(11 if user == facilitator else 10):
            html = client.get(url).content.decode()
        assert "Sektör: Kamu" in html
        assert "Sektör: Kooperatif" in html
        assert "İşitme" not in html
        assert "Erişim" not in html


def test_the_groups_and_the_people_in_no_group_are_paginated_apart(
    client, cohort_facilitator, monkeypatch
):
    monkeypatch.setattr(groups, "GROUPS_PER_PAGE", 2)
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    cohort, facilitator = cohort_facilitator
    for name in ("A grubu", "B grubu", "C grubu"):
        WorkGroupFactory(cohort=cohort, name=name)
    for name in ("Ayşe", "Bora", "Cem"):
        RegistrationFactory(cohort=cohort, participant__full_name=name)
    client.force_login(facilitator)
    url = reverse("plans:groups", kwargs={"cohort_id": cohort.pk})
    response = client.get(url, {"kisi_sayfa": 2})
    assert [group.name for group in response.context["groups"]] == ["A grubu", "B grubu"]
    assert [r.participant.full_name for r in response.context["unassigned"]] == ["Cem"]
    html = response.content.decode()
    assert 'href="?kisi_sayfa=2&amp;sayfa=2"' in html
    assert 'href="?kisi_sayfa=1"' in html
    response = client.get(url, {"sayfa": 2, "kisi_sayfa": 2})
    assert [group.name for group in response.context["groups"]] == ["C grubu"]


def test_the_edit_form_ticks_the_members_and_keeps_what_was_ticked_on_an_error(
    client, cohort_facilitator
):
    """Turkish order: "Ilgın" before "İnci"."""
    cohort, facilitator = cohort_facilitator
    group = WorkGroupFactory(cohort=cohort, name="Bakım")
    member = WorkGroupMemberFactory(
        group=group,
        registration=RegistrationFactory(
            cohort=cohort, participant=UserFactory(full_name="İnci Işık")
        ),
    ).registration
    ParticipantProfileFactory(user=member.participant, organization__name="Konak Belediyesi")
    candidate = RegistrationFactory(cohort=cohort, participant=UserFactory(full_name="Ilgın Öz"))
    client.force_login(facilitator)
    url = reverse("plans:group_edit", kwargs={"group_id": group.pk})

    html = client.get(url).content.decode()
    assert (
        f'<input type="checkbox" name="members" value="{member.pk}" id="id_members_1" checked>'
        " İnci Işık — Konak Belediyesi</label>"
    ) in html
    assert (
        f'<input type="checkbox" name="members" value="{candidate.pk}" id="id_members_0">'
        " Ilgın Öz</label>"
    ) in html

    refused = client.post(url, {"name": "", "theme": "care", "members": [candidate.pk]})
    kept = refused.content.decode()
    assert f'value="{candidate.pk}" id="id_members_0" checked>' in kept
    assert f'value="{member.pk}" id="id_members_1">' in kept


def test_a_candidate_is_listed_by_name_or_e_mail_and_organisation():
    assert member_label(full_name="Ilgın Öz", email="i@x.tr", organization=None) == "Ilgın Öz"
    assert member_label(full_name="", email="i@x.tr", organization="Konak") == "i@x.tr — Konak"
