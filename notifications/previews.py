"""The console's preview of every registered kind of e-mail (/konsol/e-posta-onizlemeleri/),
in each language of the site, rendered exactly as it is sent (notifications.rendering) from
the demo context each kind registers (`NotificationKind.preview`: unsaved instances, no
query). A kind registered later shows up by itself; one without a preview says so."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import override

from notifications import registry
from notifications.rendering import RenderedEmail, email_render

PREVIEW_NAME = "Ayşe Yılmaz"
PREVIEW_ADDRESS = "ayse.yilmaz@example.org"


@dataclass(frozen=True)
class LanguagePreview:
    language: str
    language_name: str
    email: RenderedEmail


@dataclass(frozen=True)
class KindPreview:
    kind: registry.NotificationKind
    languages: list[LanguagePreview]


def email_preview(*, kind: registry.NotificationKind, language: str) -> RenderedEmail | None:
    """The e-mail of `kind` in `language` to an invented person; None without a preview."""
    if kind.preview is None:
        return None
    recipient = get_user_model()(full_name=PREVIEW_NAME, email=PREVIEW_ADDRESS, language=language)
    with override(language):
        context = kind.preview()
    return email_render(kind=kind, recipient=recipient, language=language, context=context)


def email_previews() -> list[KindPreview]:
    """Every registered kind in every language of the site, in the order of registration."""
    previews = []
    for kind in registry.kinds():
        languages = []
        for code, name in settings.LANGUAGES:
            email = email_preview(kind=kind, language=code)
            if email is not None:
                languages.append(LanguagePreview(code, name, email))
        previews.append(KindPreview(kind, languages))
    return previews
