import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import SIGNUP


def test_profile_shows_roles_and_saves_name_and_language(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Koordinatör" in html
    response = client.post(
        reverse("accounts:profile"), {"full_name": "Zeynep  Aydın Kaya", "language": "en"}
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.full_name == "Zeynep Aydın Kaya"
    assert coordinator.language == "en"
    assert response.cookies["django_language"].value == "en"


def test_profile_rejects_a_blank_name_and_keeps_the_choice(client, participant):
    client.force_login(participant)
    response = client.post(reverse("accounts:profile"), {"full_name": " ", "language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bu alan zorunludur." in html
    assert User.objects.get(pk=participant.pk).full_name == "Ali Veli Katılımcı"


def _signed_up_link(client, capture) -> str:
    """Sign up in `client` and return the path of the verification link it was mailed."""
    with capture(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    return re.search(r"/hesap/confirm-email/\S+/", mail.outbox[-1].body).group(0)


def test_a_verification_link_opened_in_another_browser_verifies_and_logs_in(
    db, django_capture_on_commit_callbacks
):
    """Sign up on the computer, open the link on the phone: one click on the confirmation
    page verifies the address and the phone is logged in, without asking for the password."""
    computer, phone = Client(), Client()
    path = _signed_up_link(computer, django_capture_on_commit_callbacks)
    page = phone.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert re.search(r"<h1>\s*E-posta adresinizi doğrulayın\s*</h1>", html)
    assert "adresinin Ayşe Yılmaz hesabına ait olduğunu onaylayın." in html
    assert "_auth_user_id" not in phone.session
    response = phone.post(path)
    user = User.objects.get(email=SIGNUP["email"])
    assert response.status_code == 302
    assert response.url == reverse("participants:my_registrations")
    assert phone.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in computer.session


def test_a_used_verification_link_logs_nobody_in(db, django_capture_on_commit_callbacks):
    """Only the click that verifies logs in: a leaked link opens nothing afterwards."""
    computer, phone, stranger = Client(), Client(), Client()
    path = _signed_up_link(computer, django_capture_on_commit_callbacks)
    assert phone.post(path).status_code == 302
    assert stranger.get(path).status_code == 200  # "expired or invalid", nothing confirmed
    assert stranger.post(path).status_code == 404
    assert "_auth_user_id" not in stranger.session


def test_the_signup_browser_is_still_logged_in_by_its_own_link(
    db, django_capture_on_commit_callbacks
):
    computer = Client()
    path = _signed_up_link(computer, django_capture_on_commit_callbacks)
    response = computer.post(path)
    assert response.status_code == 302
    assert response.url == reverse("participants:my_registrations")
    assert computer.session["_auth_user_id"] == str(User.objects.get(email=SIGNUP["email"]).pk)


def test_the_verification_page_confirms_nothing_on_get(db, django_capture_on_commit_callbacks):
    """Mail scanners open every link: a GET only shows the page."""
    path = _signed_up_link(Client(), django_capture_on_commit_callbacks)
    Client().get(path)
    assert not EmailAddress.objects.get(email=SIGNUP["email"]).verified
