"""The sign-up form (allauth's, completed by participants.forms.signup): the person's name and
the acknowledgement of the privacy notice, in Turkish."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import SIGNUP


def test_signup_creates_unverified_user_and_sends_turkish_verification_mail(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ayse@example.org")
    assert user.full_name == "Ayşe Yılmaz"
    assert user.language == "tr"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[Genç İşi] E-posta adresinizi doğrulayın"
    assert mail.outbox[0].body.startswith("Sayın Ayşe Yılmaz,\n\nGenç İşi Kooperatif eğitim ")


def test_signup_with_a_weak_password_explains_in_turkish(client, db):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": "123456", "password2": "123456"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bu parola çok kısa" in html
    assert 'value="ayse@example.org"' in html
    assert not User.objects.exists()


def test_signup_with_a_one_word_name_asks_for_full_name(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "full_name": "A"})
    assert "Lütfen adınızı ve soyadınızı yazın." in response.content.decode()


def test_verification_link_logs_the_user_in(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    link = re.search(r"https?://[^\s]+/hesap/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ayse@example.org").verified
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_signup_requires_and_records_the_privacy_notice_acknowledgement(client, db):
    from participants import privacy
    from participants.models import ConsentRecord

    data = {key: value for key, value in SIGNUP.items() if key != "privacy_acknowledged"}
    response = client.post(reverse("account_signup"), data)
    html = response.content.decode()
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in html
    assert reverse("participants:privacy_notice") in html
    assert not User.objects.exists()
    client.post(reverse("account_signup"), SIGNUP)
    record = ConsentRecord.objects.get(user__email="ayse@example.org")
    assert (record.kind, record.granted, record.notice_version) == (
        "privacy_notice",
        True,
        privacy.VERSION,
    )


def test_the_privacy_checkbox_names_its_help_and_its_error(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Ayşe Yılmaz",
            "email": "ayse@example.org",
            "password1": "uzun-ve-guclu-parola-42",
            "password2": "uzun-ve-guclu-parola-42",
        },
    )
    html = response.content.decode()
    assert (
        'aria-invalid="true" aria-describedby="id_privacy_acknowledged_helptext '
        'id_privacy_acknowledged_error"'
    ) in html
    assert '<span class="helptext" id="id_privacy_acknowledged_helptext">' in html
    assert '<ul class="errorlist" id="id_privacy_acknowledged_error">' in html
