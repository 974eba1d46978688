"""Which kinds of e-mail exist: each app registers its kinds (in its AppConfig.ready), as it
registers its document kinds with documents.registry.

A kind names its two templates (`<template>_subject.txt` and `<template>.txt`, rendered in the
recipient's language) and how the thing an e-mail is about (`Notification.about`: a
registration, …) becomes their context. Adding a kind needs no migration: `Notification.kind` is
a plain name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _no_context(_about) -> dict:
    return {}


@dataclass(frozen=True)
class NotificationKind:
    name: str
    label: Any  # a (lazy) translated text: the admin's name for it
    template: str  # "participants/email/confirmed" → …_subject.txt and ….txt
    # What the e-mail is about → the templates' context (besides `user`, the recipient, and
    # what the request adds).
    context: Callable[[Any], dict] = _no_context

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


def choices() -> list[tuple[str, Any]]:
    """(name, label) of every registered kind, for filters."""
    return [(kind.name, kind.label) for kind in _kinds.values()]
