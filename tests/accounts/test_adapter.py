"""allauth through our adapter: its rate limits count per account and per client address (the
same address as our own limits), a refusal is our Turkish 429 page, and each role lands on its
own starting page after logging in."""

import pytest
from django.urls import reverse

from accounts import adapter
from accounts.roles import COORDINATOR, FACILITATOR
from tests.accounts.test_signup_and_login import SIGNUP
from tests.factories import ParticipantProfileFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"  # the factories' password
REFUSED = "Bağlantınızdan ya da bu hesap için kısa sürede çok fazla deneme yapıldı."


def _login(client, email: str, password: str, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def test_eleven_failed_logins_from_one_address_do_not_lock_out_the_next_person(client):
    """A municipality behind one NAT address: colleagues mistyping do not lock out the rest."""
    users = [UserFactory(email=f"personel{n}@belediye.example") for n in range(12)]
    for user in users[:11]:
        assert _login(client, user.email, "yanlis-parola").status_code == 200
    response = _login(client, users[11].email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(users[11].pk)


def test_six_failed_logins_lock_that_account_with_a_turkish_429_page_and_no_other(client):
    ayse = UserFactory(email="ayse@belediye.example")
    colleague = UserFactory(email="mehmet@belediye.example")
    for _ in range(5):
        response = _login(client, ayse.email, "yanlis-parola")
        assert response.status_code == 200
        assert "Girdiğiniz e-posta adresi ya da parola doğru değil." in response.content.decode()
    refused = _login(client, ayse.email, "yanlis-parola")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "<h1>Çok fazla deneme</h1>" in html
    assert REFUSED in html
    assert reverse("account_reset_password") in html
    assert '<header class="site-header">' in html  # the site's own page, not allauth's bare one
    assert _login(client, ayse.email, PASSWORD).status_code == 429  # even the right password
    assert _login(client, ayse.email, PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == 429
    assert _login(client, colleague.email, PASSWORD).status_code == 302


def test_allauths_per_address_limit_uses_the_client_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/m/ip"}
    user = UserFactory(email="ayse@belediye.example")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        _login(client, "kimse@example.org", "x", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    blocked = _login(client, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert blocked.status_code == 429
    other = _login(client, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)
    assert other.status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_reset_allauths_limit(
    client, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/m/ip"}
    user = UserFactory(email="ayse@belediye.example")
    for forged in ("203.0.113.1", "203.0.113.2"):
        _login(client, "kimse@example.org", "x", HTTP_X_FORWARDED_FOR=forged)
    response = _login(client, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.3")
    assert response.status_code == 429


def test_signing_up_with_a_taken_address_hashes_a_password_like_a_new_account(client, monkeypatch):
    """The two answers look alike and take as long: creating an account hashes its password."""
    hashed = []
    monkeypatch.setattr(adapter, "make_password", hashed.append)
    UserFactory(email=SIGNUP["email"])
    client.post(reverse("account_signup"), SIGNUP)
    assert len(hashed) == 1
    assert len(hashed[0]) == 20


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
