"""allauth's e-mails in our own words: which ones exist (every template prefix allauth sends,
`ACCOUNT_EMAILS`), their texts (templates/accounts/email/<name>{_subject,}.txt), the footer
that says why the address gets each one, demo context for the preview page, and how they
leave.

accounts sits below notifications, so it cannot queue an e-mail itself: notifications
registers these as kinds of e-mail and registers the sender (`register_sender`) in its
AppConfig.ready (notifications/accounts.py). The adapter hands every allauth e-mail to
`send`, which queues it as a Notification row: sent by the workers in the one layout, with
retries, like every other e-mail."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account import app_settings
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.links import absolute_url

PREVIEW_ADDRESS = "ayse.yilmaz@example.org"
PREVIEW_NEW_ADDRESS = "ayse@belediye.example"


def account_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because you have an account on the training platform of "
        "Genç İşi Kooperatif."
    )


def _signup_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because this address was given to sign up on the training "
        "platform of Genç İşi Kooperatif."
    )


def _new_address_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because this address was added to an account on the training "
        "platform of Genç İşi Kooperatif."
    )


def _password_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because a new password was asked for this address on the "
        "training platform of Genç İşi Kooperatif."
    )


def _taken_address_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because this address was given to sign up on the training "
        "platform of Genç İşi Kooperatif, where it already has an account."
    )


def _login_code_reason(_context: dict) -> str:
    return gettext(
        "You receive this e-mail because a sign-in code was asked for this address on the "
        "training platform of Genç İşi Kooperatif."
    )


def common_context(email: str) -> dict:
    """What every account e-mail may say besides allauth's context: the address, where to
    set a new password, how long a confirmation link is valid, and after how many days an
    account nobody confirmed is deleted (participants' daily clean-up)."""
    return {
        "email": email,
        "password_reset_url": absolute_url(reverse("account_reset_password")),
        "confirmation_days": app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS,
        "unconfirmed_days": settings.UNVERIFIED_ACCOUNT_DAYS,
    }


def _preview(**extra) -> Callable[[], dict]:
    """Demo context for the preview page; callables in `extra` are called then (URLs)."""

    def preview() -> dict:
        values = {name: value() if callable(value) else value for name, value in extra.items()}
        return {**common_context(values.pop("email", PREVIEW_ADDRESS)), **values}

    return preview


def _change_preview(**extra) -> Callable[[], dict]:
    """Demo context of allauth's notices of a change (when and from which address)."""
    return _preview(timestamp=timezone.now, ip="192.0.2.10", **extra)


def _confirm_link() -> str:
    return absolute_url(reverse("account_confirm_email", kwargs={"key": "ornek-anahtar"}))


def _reset_link() -> str:
    return absolute_url(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "ornek"})
    )


def _signup_link() -> str:
    return absolute_url(reverse("account_signup"))


@dataclass(frozen=True)
class AccountEmail:
    """One of allauth's e-mails: `name` is its template prefix without "account/email/"."""

    name: str
    label: Any
    preview: Callable[[], dict]
    reason: Callable[[dict], str] = account_reason
    keep_text: bool = True  # False: it holds a secret link or code

    @property
    def kind(self) -> str:
        """The name of its kind of e-mail (notifications.registry)."""
        return f"account_{self.name}"


ACCOUNT_EMAILS = (
    AccountEmail(
        "email_confirmation_signup",
        _("sign-up: confirm the e-mail address"),
        preview=_preview(activate_url=_confirm_link),
        reason=_signup_reason,
        keep_text=False,
    ),
    AccountEmail(
        "email_confirmation",
        _("confirm a new e-mail address"),
        preview=_preview(email=PREVIEW_NEW_ADDRESS, activate_url=_confirm_link),
        reason=_new_address_reason,
        keep_text=False,
    ),
    AccountEmail(
        "password_reset_key",
        _("link to set a new password"),
        preview=_preview(password_reset_url=_reset_link),
        reason=_password_reason,
        keep_text=False,
    ),
    AccountEmail(
        "password_reset_code",
        _("code to set a new password"),
        preview=_preview(code="7KQ2M9"),
        reason=_password_reason,
        keep_text=False,
    ),
    AccountEmail(
        "login_code",
        _("sign-in code"),
        preview=_preview(code="7KQ2M9"),
        reason=_login_code_reason,
        keep_text=False,
    ),
    AccountEmail(
        "account_already_exists",
        _("sign-up with an address that has an account"),
        preview=_preview(signup_url=_signup_link),
        reason=_taken_address_reason,
    ),
    AccountEmail(
        "unknown_account",
        _("new password asked for an address without an account"),
        preview=_preview(signup_url=_signup_link),
        reason=_password_reason,
    ),
    AccountEmail("password_changed", _("password changed"), preview=_change_preview()),
    AccountEmail("password_set", _("password set"), preview=_change_preview()),
    AccountEmail("password_reset", _("password reset"), preview=_change_preview()),
    AccountEmail(
        "email_changed",
        _("e-mail address changed"),
        preview=_change_preview(from_email=PREVIEW_ADDRESS, to_email=PREVIEW_NEW_ADDRESS),
    ),
    AccountEmail("email_confirm", _("e-mail address verified"), preview=_change_preview()),
    AccountEmail(
        "email_deleted",
        _("e-mail address removed"),
        preview=_change_preview(deleted_email=PREVIEW_NEW_ADDRESS),
    ),
)
PREFIX = "account/email/"

_senders: list[Callable[..., Any]] = []


def register_sender(sender: Callable[..., Any]) -> None:
    """notifications queues account e-mails: `sender(name=, recipient=, address=, language=,
    context=)`."""
    _senders[:] = [sender]


def send(*, template_prefix: str, recipient, address: str, language: str, context: dict) -> None:
    """Hand one of allauth's e-mails (`template_prefix`: "account/email/<name>") over to the
    registered sender."""
    if not _senders:
        raise LookupError("no sender of account e-mails is registered (notifications)")
    name = template_prefix.removeprefix(PREFIX)
    _senders[0](
        kind=f"account_{name}",
        recipient=recipient,
        address=address,
        language=language,
        context={**common_context(address), **context},
    )
