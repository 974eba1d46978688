"""allauth's e-mails are our kinds: every e-mail allauth can send has one, they are queued as
rows and sent by the worker in the one layout, and those with a secret link keep it only until
the mailbox has it."""

import email
import re
from email.policy import default
from pathlib import Path

from allauth import __file__ as allauth_file
from django.test import Client
from django.urls import reverse

from accounts.emails import ACCOUNT_EMAILS
from notifications import registry
from notifications.models import Notification
from tests.factories import SIGNUP

ALLAUTH_EMAILS = Path(allauth_file).parent / "templates/account/email"


def _received(smtp_server) -> email.message.EmailMessage:
    """The first message the server accepted, parsed as the bytes it received (8-bit UTF-8)."""
    return email.message_from_bytes(smtp_server.handler.delivered[0][1].encode(), policy=default)


def test_every_email_allauth_can_send_is_a_kind_of_ours():
    allauth_prefixes = {
        path.name.removesuffix("_subject.txt") for path in ALLAUTH_EMAILS.glob("*_subject.txt")
    }
    assert {account_email.name for account_email in ACCOUNT_EMAILS} == allauth_prefixes
    for account_email in ACCOUNT_EMAILS:
        kind = registry.get(f"account_{account_email.name}")
        assert kind.template == f"accounts/email/{account_email.name}"
        assert kind.preview is not None


def test_sign_up_mails_the_verification_through_the_queue_and_the_smtp_server(
    db, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = Client().post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert len([c for c in callbacks if c.__module__ == "core.background"]) == 1  # the send task
    row = Notification.objects.get()
    assert (row.kind, row.recipient.email, row.address, row.status) == (
        "account_email_confirmation_signup",
        SIGNUP["email"],
        "",
        Notification.Status.SENT,
    )
    assert (row.body, row.html) == ("", "")  # the link lived until the mailbox had it
    assert smtp_server.handler.delivered_to() == [SIGNUP["email"]]
    message = _received(smtp_server)
    assert message["Subject"].strip() == "[Genç İşi] E-posta adresinizi doğrulayın"
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")
    link = re.search(r"http://testserver/hesap/confirm-email/\S+/", text).group(0)
    assert text.startswith(
        "Sayın Ayşe Yılmaz,\n\n"
        "Genç İşi Kooperatif eğitim platformunda hesap açtığınız için teşekkür ederiz. Hesabınızı "
        "kullanmaya başlamak için e-posta adresinizi bu bağlantıyla doğrulayın:\n"
        f"{link}\n\n"
        "Bağlantı 3 gün geçerlidir. Herhangi bir tarayıcıda açmanız yeterlidir.\n\n"
        "Hesabı siz açmadıysanız bu e-postayı yok sayabilirsiniz: adres doğrulanmadan hesap "
        "kullanılamaz ve 14 gün sonra içindeki her şeyle birlikte silinir.\n"
    )
    assert text.endswith(
        "Bu e-postayı, Genç İşi Kooperatif eğitim platformunda hesap açmak için bu adres "
        "yazıldığı için alıyorsunuz.\n"
    )
    assert f'<a href="{link}"' in html
