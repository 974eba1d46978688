"""The catalogues (locale/) translate every message of every app: it spans the whole project,
so it lives at the top of tests/."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_catalogue_exists(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.po").is_file()


def test_every_string_has_a_turkish_translation():
    catalogue = polib.pofile(str(LOCALE / "tr" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == []
    assert fuzzy == []


def test_no_turkish_translation_starts_with_a_lower_case_i():
    """Django's capfirst() upper-cases "ilçe" to "Ilçe"; such strings must start as "İlçe"."""
    catalogue = polib.pofile(str(LOCALE / "tr" / "LC_MESSAGES" / "django.po"))
    texts = [entry.msgstr for entry in catalogue] + [
        text for entry in catalogue for text in entry.msgstr_plural.values()
    ]
    assert [text for text in texts if text[:1] in {"i", "ı"}] == []
