import pytest
from django.db import connection
from django.urls import reverse

from core.models import Province
from participants.models import Organization
from tests.factories import OrganizationFactory, ParticipantProfileFactory
from tests.participants.conftest import IZMIR_BY_NAME, IZMIR_BY_PLACE

pytestmark = pytest.mark.django_db


def test_coordinator_corrects_an_organisation(client, coordinator):
    organization = OrganizationFactory(name="Konak Bld.")
    client.force_login(coordinator)
    response = client.post(
        reverse("participants:organization_edit", kwargs={"pk": organization.pk}),
        {
            "name": "Konak  Belediyesi",
            "kind": "district",
            "province": Province.objects.get(name="İzmir").pk,
            "district": "Konak",
        },
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Konak  Belediyesi"
    assert organization.search_name == "konak  belediyesi"


def test_cooperative_without_its_kind_is_refused_and_the_input_kept(client, coordinator):
    organization = OrganizationFactory(name="Ege Kooperatifi")
    client.force_login(coordinator)
    html = client.post(
        reverse("participants:organization_edit", kwargs={"pk": organization.pk}),
        {
            "name": "Ege Sosyal Kooperatifi",
            "kind": "cooperative",
            "province": organization.province_id,
        },
    ).content.decode()
    assert "Kooperatifin türünü seçin." in html
    assert 'value="Ege Sosyal Kooperatifi"' in html
    assert Organization.objects.get(pk=organization.pk).name == "Ege Kooperatifi"


def test_organisation_list_search_finds_all_seven_izmir_organisations(
    client, coordinator, izmir_organisations
):
    client.force_login(coordinator)
    response = client.get(reverse("participants:organizations"), {"q": "IZMIR"})

    assert [o.name for o in response.context["organizations"]] == IZMIR_BY_NAME + IZMIR_BY_PLACE
    html = response.content.decode()
    assert "7 kurum" in html
    assert "Her sözcüğü kurumun adında, ilinde ya da ilçesinde arar" in html


def test_organisation_list_says_when_nothing_matches(client, coordinator, izmir_organisations):
    client.force_login(coordinator)
    html = client.get(reverse("participants:organizations"), {"q": "Van"}).content.decode()
    assert "Eşleşen kurum yok." in html
    assert "0 kurum" in html


def test_organisation_list_is_paginated_and_its_links_keep_the_search(client, coordinator):
    van = Province.objects.get(name="Van")
    for number in range(51):
        OrganizationFactory(name=f"Van Kooperatifi {number:02}", province=van)
    OrganizationFactory(name="Konak Belediyesi")
    client.force_login(coordinator)
    url = reverse("participants:organizations")

    first = client.get(url, {"q": "van"})
    assert len(first.context["organizations"]) == 50
    html = first.content.decode()
    assert "51 kurum" in html
    assert "Sayfa 1 / 2" in html
    assert 'href="?q=van&amp;sayfa=2"' in html
    second = client.get(url, {"q": "van", "sayfa": "2"})
    assert [o.name for o in second.context["organizations"]] == ["Van Kooperatifi 50"]
    assert client.get(url, {"q": "van", "sayfa": "x"}).context["page"].number == 1


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("query", ["", "izmir"])
def test_organisation_list_query_count_does_not_grow(
    client, coordinator, count, query, django_assert_num_queries
):
    for _ in range(count):
        ParticipantProfileFactory(organization=OrganizationFactory())
    client.force_login(coordinator)
    # session, user, roles, count, page (+ the provinces a search matches, on PostgreSQL)
    searches_provinces = query and connection.vendor == "postgresql"
    with django_assert_num_queries(7 if searches_provinces else 6):
        response = client.get(reverse("participants:organizations"), {"q": query})
    assert len(response.context["organizations"]) == count


def test_admin_searches_organisations_like_the_site(client, coordinator, izmir_organisations):
    client.force_login(coordinator)
    response = client.get(reverse("admin:participants_organization_changelist"), {"q": "IZMIR"})

    assert response.status_code == 200
    assert sorted(o.name for o in response.context["cl"].result_list) == sorted(
        IZMIR_BY_NAME + IZMIR_BY_PLACE
    )


@pytest.mark.parametrize("query", ["İzmir\x00", "ş" * 30_000])
def test_organisation_list_search_survives_nul_and_endless_text(client, coordinator, query):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    client.force_login(coordinator)
    response = client.get(reverse("participants:organizations"), {"q": query})
    assert response.status_code == 200
    assert ("İzmir Büyükşehir Belediyesi" in response.content.decode()) is (len(query) < 100)
