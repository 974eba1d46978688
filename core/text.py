"""Turkish-correct text handling: casing, sorting keys and ASCII slugs.

Python's str.upper()/lower() know nothing of the dotted and dotless i: "inci".upper() gives
"INCI" where Turkish needs "İNCİ", and "I".lower() gives "i" where Turkish needs "ı".
"""

import unicodedata

from django.utils.text import slugify
from django.utils.translation import get_language

_UPPER_SPECIAL = str.maketrans({"i": "İ", "ı": "I"})
# The letters Python's lower() and the databases get wrong, and the folding of Turkish letters to
# ASCII; core.db applies the same two tables in SQL.
LOWER_SPECIAL = {"İ": "i", "I": "ı"}
FOLD_TO_ASCII = {
    "ç": "c",
    "Ç": "c",
    "ğ": "g",
    "Ğ": "g",
    "ı": "i",
    "İ": "i",
    "I": "i",
    "ö": "o",
    "Ö": "o",
    "ş": "s",
    "Ş": "s",
    "ü": "u",
    "Ü": "u",
}
_LOWER_SPECIAL = str.maketrans(LOWER_SPECIAL)
_ASCII = str.maketrans(FOLD_TO_ASCII)
_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TURKISH_LETTERS = frozenset(_ALPHABET)


def turkish_upper(text: str) -> str:
    """Upper-case the Turkish way: "İnci Işık" → "İNCİ IŞIK"."""
    return text.translate(_UPPER_SPECIAL).upper()


def turkish_lower(text: str) -> str:
    """Lower-case the Turkish way: "IŞIK İZMİR" → "ışık izmir"."""
    return text.translate(_LOWER_SPECIAL).lower()


def turkish_capfirst(text: str) -> str:
    """Capitalise the first letter the Turkish way: "iptal edildi" → "İptal edildi"."""
    return turkish_upper(text[:1]) + text[1:]


def capfirst(text: str) -> str:
    """Capitalise the first letter of a label by the active language's rules: the Turkish way
    in Turkish ("iptal edildi" → "İptal edildi"), the plain way in English ("issued" →
    "Issued", never "İssued")."""
    if (get_language() or "tr")[:2] == "tr":
        return turkish_capfirst(text)
    return text[:1].upper() + text[1:]


def turkish_fold(text: str) -> str:
    """A search key that ignores case and Turkish diacritics: "İzmir" and "izmir" → "izmir"."""
    return turkish_lower(text).translate(_ASCII)


def turkish_slugify(text: str) -> str:
    """A readable ASCII slug.

    "Sosyal Kooperatifçilik Eğitimi" → "sosyal-kooperatifcilik-egitimi".
    """
    return slugify(text.translate(_ASCII))


def _strip_foreign_accents(char: str) -> str:
    if char in _TURKISH_LETTERS:
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def turkish_sort_key(text: str) -> tuple:
    """Order like a Turkish dictionary: C < Ç < D, I < İ, S < Ş; case breaks ties only."""
    primary = []
    for char in turkish_lower(text or ""):
        base = _strip_foreign_accents(char)
        if base in _RANK:
            primary.append((2, _RANK[base]))
        elif base.isdigit():
            primary.append((1, ord(base)))
        else:
            primary.append((0, ord(base)))
    return (tuple(primary), text or "")
