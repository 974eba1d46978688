"""Which kinds of e-mail exist: each app registers its kinds (in its AppConfig.ready), as it
registers its document kinds with documents.registry.

A kind names its two templates (`<template>_subject.txt` and `<template>.txt`, rendered in the
recipient's language) and how the thing an e-mail is about (`Notification.about`: a
registration, …) becomes their context. Every e-mail is then wrapped in the one layout
(notifications.rendering: plain text and HTML, the site's name and colours, a footer with
`reason`, why the person gets it). `preview` gives the console's preview page
(/konsol/e-posta-onizlemeleri/) demo context, so a new kind shows up there by itself. Adding a
kind needs no migration: `Notification.kind` is a plain name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from accounts.emails import account_reason


def _no_context(_about) -> dict:
    return {}


@dataclass(frozen=True)
class NotificationKind:
    name: str
    label: Any  # a (lazy) translated text: the admin's and the preview page's name for it
    template: str  # "participants/email/confirmed" → …_subject.txt and ….txt
    # What the e-mail is about → the templates' context (besides `user`, the recipient, and
    # what the request adds).
    context: Callable[[Any], dict] = _no_context
    # The templates' context → the footer's sentence saying why the person gets the e-mail,
    # called in the recipient's language (by default: they have an account).
    reason: Callable[[dict], str] = account_reason
    # → demo context for the preview page (unsaved instances, no query): what `context` and
    # the request would give. None: the preview page says the kind has none (a test fails).
    preview: Callable[[], dict] | None = None
    # False: the texts are emptied once the e-mail is sent (they hold a secret link: sign-up
    # verification, password reset), so that the database never keeps a usable one.
    keep_text: bool = True

    @property
    def subject_template(self) -> str:
        return f"{self.template}_subject.txt"

    @property
    def body_template(self) -> str:
        return f"{self.template}.txt"


_kinds: dict[str, NotificationKind] = {}


def register(kind: NotificationKind) -> NotificationKind:
    _kinds[kind.name] = kind
    return kind


def find(name: str) -> NotificationKind | None:
    return _kinds.get(name)


def get(name: str) -> NotificationKind:
    kind = _kinds.get(name)
    if kind is None:
        raise LookupError(f"no e-mail kind {name!r} is registered")
    return kind


def kinds() -> list[NotificationKind]:
    """Every registered kind, in the order of registration."""
    return list(_kinds.values())


def choices() -> list[tuple[str, Any]]:
    """(name, label) of every registered kind, for filters."""
    return [(kind.name, kind.label) for kind in _kinds.values()]
