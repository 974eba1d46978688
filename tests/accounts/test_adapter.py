"""allauth through our adapter: logging in and its Turkish errors, its rate limits count per
account and per client address (the same address as our own limits), a refusal is our Turkish
429 page, each role lands on its own starting page after logging in, sign-up and password
reset answer alike for every address, and account e-mails are in the recipient's language."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import adapter
from accounts.models import User
from accounts.roles import COORDINATOR, FACILITATOR
from notifications.models import Notification
from tests.factories import SIGNUP, ParticipantProfileFactory, UserFactory

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


MAIN_MENU = "includes/nav_menu.html"


def _answer(client, url: str, data: dict) -> tuple:
    """What the visitor sees: the answer to the POST and the page it leads to, with the
    per-request CSRF tokens and the address the visitor typed (which the page repeats) left
    out, and the main menu's template from the list (rendered once per language, roles and
    page, then kept: gencisi/templatetags/navigation.py; its HTML is in the page)."""
    response = client.post(url, data)
    page = client.get(response["Location"])
    html = page.content.decode().replace(data["email"], "<typed address>")
    html = re.sub(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', r"\1…", html)
    return (
        response.status_code,
        response["Location"],
        page.status_code,
        [template.name for template in page.templates if template.name != MAIN_MENU],
        html,
    )


def test_signup_answers_alike_for_a_new_and_a_taken_address_and_mails_the_owner(
    db, django_capture_on_commit_callbacks
):
    """Enumeration: the page never tells whether an address has an account; only its owner
    learns it, by e-mail (queued and sent after commit like every e-mail), in Turkish."""
    owner = UserFactory(email="ayse@example.org", full_name="Ayşe Yılmaz")
    with django_capture_on_commit_callbacks(execute=True):
        taken = _answer(Client(), reverse("account_signup"), SIGNUP)
        new = _answer(Client(), reverse("account_signup"), {**SIGNUP, "email": "yeni@example.org"})
    assert taken == new
    assert taken[:3] == (302, reverse("account_email_verification_sent"), 200)
    assert "<h1>\n        E-postanıza bakın\n    </h1>" in taken[4]
    assert "<typed address> adresine bir e-posta gönderdik." in taken[4]
    assert list(User.objects.order_by("email").values_list("email", "full_name")) == [
        ("ayse@example.org", "Ayşe Yılmaz"),
        ("yeni@example.org", "Ayşe Yılmaz"),
    ]
    owner.refresh_from_db()
    assert owner.check_password("correct-horse-battery")
    assert [message.to for message in mail.outbox] == [["ayse@example.org"], ["yeni@example.org"]]
    already = mail.outbox[0]
    assert already.subject == "[Genç İşi] Bu adresle zaten bir hesabınız var"
    assert already.body == (
        "Sayın Ayşe Yılmaz,\n\n"
        "Birisi, belki de siz, Genç İşi Kooperatif'in eğitim platformuna bu e-posta adresiyle "
        "kayıt olmaya çalıştı: ayse@example.org. Bu adresle açılmış bir hesap zaten var; bu "
        "yüzden yeni hesap açılmadı.\n\n"
        "Siz iseniz parolanızla giriş yapın. Parolanızı unuttuysanız buradan yeni bir parola "
        "belirleyin:\n"
        "http://testserver/hesap/password/reset/\n\n"
        "Siz değilseniz bu e-postayı yok sayabilirsiniz: hesabınızda hiçbir şey değişmedi.\n\n"
        "Genç İşi Kooperatif\n"
        "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi · http://127.0.0.1:8000\n\n"
        "Bu e-postayı, Genç İşi Kooperatif eğitim platformunda hesabı olan bu adresle yeniden "
        "hesap açılmak istendiği için alıyorsunuz.\n"
    )
    assert already.alternatives[0].mimetype == "text/html"


def test_wrong_login_keeps_email_and_explains(client, db):
    UserFactory(email="ayse@example.org")
    response = client.post(
        reverse("account_login"), {"login": "ayse@example.org", "password": "yanlis-parola"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Girdiğiniz e-posta adresi ya da parola doğru değil." in html
    assert 'value="ayse@example.org"' in html
    assert "yanlis-parola" not in html


def test_unverified_user_cannot_log_in_before_confirming(client, db):
    UserFactory(email="yeni@example.org", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "yeni@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_login_with_upper_case_email_works(client, db):
    UserFactory(email="ayse@example.org")
    response = client.post(
        reverse("account_login"), {"login": "AYSE@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response.url == reverse("participants:my_registrations")


def test_password_reset_answers_alike_for_a_known_and_an_unknown_address(
    db, django_capture_on_commit_callbacks
):
    UserFactory(email="ayse@example.org")
    url = reverse("account_reset_password")
    with django_capture_on_commit_callbacks(execute=True):
        known = _answer(Client(), url, {"email": "ayse@example.org"})
        unknown = _answer(Client(), url, {"email": "kimse@example.org"})
    assert known == unknown
    assert known[:3] == (302, reverse("account_reset_password_done"), 200)
    assert [message.to for message in mail.outbox] == [["ayse@example.org"], ["kimse@example.org"]]
    reset, no_account = mail.outbox
    assert "/hesap/password/reset/key/" in reset.body
    assert no_account.subject == "[Genç İşi] Bu adresle açılmış bir hesap yok"
    assert "/hesap/password/reset/key/" not in no_account.body
    assert no_account.body == (
        "Merhaba,\n\n"
        "Birisi, belki de siz, Genç İşi Kooperatif'in eğitim platformunda bu e-posta adresi "
        "için yeni parola istedi: kimse@example.org. Bu adresi kullanan bir hesap yok; bu "
        "yüzden sıfırlanacak bir parola da yok.\n\n"
        "Siz iseniz belki başka bir adresle kayıt oldunuz: onu deneyin. Ya da buradan kayıt "
        "olun:\n"
        "http://testserver/hesap/signup/\n\n"
        "Siz değilseniz bu e-postayı yok sayabilirsiniz.\n\n"
        "Genç İşi Kooperatif\n"
        "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi · http://127.0.0.1:8000\n\n"
        "Bu e-postayı, Genç İşi Kooperatif eğitim platformunda bu adres için yeni parola "
        "istendiği için alıyorsunuz.\n"
    )
    # An address without an account: the row has no recipient, only the address.
    assert Notification.objects.get(address="kimse@example.org").recipient is None


def test_account_mail_is_written_in_the_recipients_language(
    client, db, django_capture_on_commit_callbacks
):
    UserFactory(email="jane@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "jane@example.org"})
    assert mail.outbox[0].subject == "[Genç İşi] Set a new password"
