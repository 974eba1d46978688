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
