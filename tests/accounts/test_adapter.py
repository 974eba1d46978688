import pytest
from django.urls import reverse

from accounts.roles import COORDINATOR, FACILITATOR
from tests.factories import ParticipantProfileFactory, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("account_login")


def _log_in(client, user, **extra):
    return client.post(LOGIN, {"login": user.email, "password": "correct-horse-battery", **extra})


@pytest.mark.parametrize(
    ("roles", "landing"),
    [
        ([COORDINATOR], "programs:console_dashboard"),
        ([COORDINATOR, FACILITATOR], "programs:console_dashboard"),
        ([FACILITATOR], "programs:my_cohorts"),
        ([], "participants:my_registrations"),
    ],
)
def test_each_role_lands_on_its_own_start_page_after_login(client, roles, landing):
    user = UserFactory(roles=roles)
    ParticipantProfileFactory(user=user)
    response = _log_in(client, user)
    assert response.status_code == 302
    assert response.url == reverse(landing)
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("roles", [[COORDINATOR], [FACILITATOR], []])
def test_next_on_this_site_wins_over_the_start_page(client, roles):
    user = UserFactory(roles=roles)
    response = _log_in(client, user, next="/programlar/?sayfa=2")
    assert response.url == "/programlar/?sayfa=2"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_next_to_another_site_is_ignored(client, target):
    user = UserFactory(roles=[FACILITATOR])
    response = _log_in(client, user, next=target)
    assert response.url == reverse("programs:my_cohorts")
    response = client.get(LOGIN, {"next": target})  # already logged in: sent on, not away
    assert response.url == reverse("programs:my_cohorts")
