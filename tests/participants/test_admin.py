from django.urls import reverse

from tests.participants.conftest import IZMIR_BY_NAME, IZMIR_BY_PLACE


def test_admin_searches_organisations_like_the_site(client, coordinator, izmir_organisations):
    client.force_login(coordinator)
    response = client.get(reverse("admin:participants_organization_changelist"), {"q": "IZMIR"})

    assert response.status_code == 200
    assert sorted(o.name for o in response.context["cl"].result_list) == sorted(
        IZMIR_BY_NAME + IZMIR_BY_PLACE
    )
