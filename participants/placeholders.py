"""The personal fields of a message to a cohort: `{ad}` in a subject or body becomes each
recipient's name, and so on. A field is written in braces; its name is matched ignoring case
and Turkish letters ({dönem} = {DONEM}). Any other word in braces is refused by the form, so a
typo never reaches a mailbox as "{dnem}".
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.text import turkish_fold

PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: object  # a (lazy) translated text for the compose form


PLACEHOLDERS = [
    Placeholder("ad", _("the recipient's full name")),
    Placeholder("dönem", _("the cohort's title")),
    Placeholder("program", _("the programme's title")),
    Placeholder("sonraki_oturum", _("the next session: day, time and title")),
    Placeholder("kayıtlarım", _('the link to the recipient\'s "My registrations" page')),
    Placeholder("anket", _("the link to the cohort's evaluation survey")),
]
_BY_KEY = {turkish_fold(placeholder.name): placeholder.name for placeholder in PLACEHOLDERS}


def unknown_placeholders(text: str) -> list[str]:
    """The words in braces that name no personal field, in order of appearance, once each."""
    unknown = []
    for match in PLACEHOLDER.finditer(text):
        if turkish_fold(match.group(1)) not in _BY_KEY and match.group(0) not in unknown:
            unknown.append(match.group(0))
    return unknown


def used_placeholders(text: str) -> set[str]:
    """The personal fields `text` uses, by their names ({ANKET} is "anket")."""
    return {
        _BY_KEY[key]
        for match in PLACEHOLDER.finditer(text)
        if (key := turkish_fold(match.group(1))) in _BY_KEY
    }


def fill(text: str, values: dict[str, str]) -> str:
    """The text with each personal field replaced by its value (`values` by field name)."""

    def replace(match: re.Match) -> str:
        name = _BY_KEY.get(turkish_fold(match.group(1)))
        return values[name] if name is not None else match.group(0)

    return PLACEHOLDER.sub(replace, text)
