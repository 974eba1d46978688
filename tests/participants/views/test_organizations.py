import pytest
from django.urls import reverse

from core.models import Province
from participants.models import Organization
from tests.factories import OrganizationFactory, ParticipantProfileFactory

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


def test_organisation_list_search_is_turkish_aware(client, coordinator):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    OrganizationFactory(name="Van Belediyesi")
    client.force_login(coordinator)
    html = client.get(reverse("participants:organizations"), {"q": "IZMIR"}).content.decode()
    assert "İzmir Büyükşehir Belediyesi" in html
    assert "Van Belediyesi" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_organisation_list_query_count_does_not_grow(
    client, coordinator, count, django_assert_num_queries
):
    for _ in range(count):
        ParticipantProfileFactory(organization=OrganizationFactory())
    client.force_login(coordinator)
    with django_assert_num_queries(5):
        client.get(reverse("participants:organizations"))


@pytest.mark.parametrize("query", ["İzmir\x00", "ş" * 30_000])
def test_organisation_list_search_survives_nul_and_endless_text(client, coordinator, query):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    client.force_login(coordinator)
    response = client.get(reverse("participants:organizations"), {"q": query})
    assert response.status_code == 200
    assert ("İzmir Büyükşehir Belediyesi" in response.content.decode()) is (len(query) < 100)
