import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

SIGNUP = {
    "full_name": "Ayşe Yılmaz",
    "email": "ayse@example.org",
    "password1": "uzun-ve-guclu-parola-42",
    "password2": "uzun-ve-guclu-parola-42",
    "privacy_acknowledged": "on",
}


def test_signup_creates_unverified_user_and_sends_turkish_verification_mail(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ayse@example.org")
    assert user.full_name == "Ayşe Yılmaz"
    assert user.language == "tr"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "E-posta" in mail.outbox[0].subject or "e-posta" in mail.outbox[0].body


def _answer(client, url: str, data: dict) -> tuple:
    """What the visitor sees: the answer to the POST and the page it leads to, with the
    per-request CSRF tokens and the address the visitor typed (which the page repeats) left
    out."""
    response = client.post(url, data)
    page = client.get(response["Location"])
    html = page.content.decode().replace(data["email"], "<typed address>")
    html = re.sub(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', r"\1…", html)
    return (
        response.status_code,
        response["Location"],
        page.status_code,
        [template.name for template in page.templates],
        html,
    )


def test_signup_answers_alike_for_a_new_and_a_taken_address_and_mails_the_owner(db):
    """Enumeration: the page never tells whether an address has an account; only its owner
    learns it, by e-mail, in Turkish."""
    owner = UserFactory(email="ayse@example.org", full_name="Ayşe Yılmaz")
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
        "Merhaba,\n\n"
        "Birisi, belki de siz, Genç İşi Kooperatif'in eğitim platformuna bu e-posta adresiyle "
        "kayıt olmaya çalıştı: ayse@example.org. Bu adresle açılmış bir hesap zaten var; bu "
        "yüzden yeni hesap açılmadı.\n\n"
        "Siz iseniz parolanızla giriş yapın. Parolanızı unuttuysanız buradan yeni bir parola "
        "belirleyin:\n"
        "http://testserver/hesap/password/reset/\n\n"
        "Siz değilseniz bu e-postayı yok sayabilirsiniz: hesabınızda hiçbir şey değişmedi.\n\n"
        "Genç İşi Kooperatif"
    )


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


def test_verification_link_logs_the_user_in(client, db):
    client.post(reverse("account_signup"), SIGNUP)
    link = re.search(r"https?://[^\s]+/hesap/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ayse@example.org").verified
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_login_with_upper_case_email_works(client, db):
    UserFactory(email="ayse@example.org")
    response = client.post(
        reverse("account_login"), {"login": "AYSE@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response.url == reverse("participants:my_registrations")


def test_password_reset_answers_alike_for_a_known_and_an_unknown_address(db):
    UserFactory(email="ayse@example.org")
    url = reverse("account_reset_password")
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
        "Genç İşi Kooperatif"
    )


def test_account_mail_is_written_in_the_recipients_language(client, db):
    UserFactory(email="jane@example.org", language="en")
    client.post(reverse("account_reset_password"), {"email": "jane@example.org"})
    assert "Password Reset" in mail.outbox[0].subject


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
