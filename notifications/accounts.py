"""allauth's e-mails as kinds of e-mail: accounts lists them (accounts.emails.ACCOUNT_EMAILS:
texts, reasons, previews) but sits below this app, so NotificationsConfig.ready registers them
here and registers the sender its adapter hands them to. Each is then a Notification row like
every other e-mail: the one layout, sent by the workers after commit, retried.

Each send is its own e-mail (a fresh dedupe key): allauth's rate limits decide how often one
may be asked for. The kinds that hold a secret link or code keep their texts only until sent
(`keep_text`)."""

import uuid

from accounts import emails
from notifications import registry
from notifications.services import NotificationRequest, notifications_queue


def account_email_queue(*, kind: str, recipient, address: str, language: str, context: dict):
    """Queue one of allauth's e-mails (accounts.emails.send calls it)."""
    return notifications_queue(
        requests=[
            NotificationRequest(
                recipient=recipient,
                kind=kind,
                dedupe_key=f"{kind}:{uuid.uuid4().hex}",
                context=context,
                address=address,
                language=language,
            )
        ]
    )[0]


def register_kinds() -> None:
    for email in emails.ACCOUNT_EMAILS:
        registry.register(
            registry.NotificationKind(
                name=email.kind,
                label=email.label,
                template=f"accounts/email/{email.name}",
                reason=email.reason,
                preview=email.preview,
                keep_text=email.keep_text,
            )
        )
    emails.register_sender(account_email_queue)
