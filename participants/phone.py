"""Phone numbers: Turkish (0532 123 45 67, +90 532 123 45 67, 532 123 45 67) or international
(+<country code><number>), stored normalised as E.164 ("+905321234567")."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s().\-/]")
_E164 = re.compile(r"\+[1-9]\d{7,14}")
_TURKISH_NATIONAL = re.compile(r"[2-5]\d{9}")


def normalize_phone(raw: str) -> str:
    """Return the E.164 form of `raw`, or raise ValidationError with a Turkish message."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+90"):
        national = digits[3:]
    elif digits.startswith("+"):
        if _E164.fullmatch(digits):
            return digits
        raise ValidationError(_invalid(), code="invalid_phone")
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    if _TURKISH_NATIONAL.fullmatch(national):
        return "+90" + national
    raise ValidationError(_invalid(), code="invalid_phone")


def _invalid():
    return _(
        "Enter a phone number such as 0532 123 45 67 or +90 532 123 45 67; "
        "numbers abroad start with + and the country code."
    )


def format_phone(e164: str) -> str:
    """Show a Turkish number the familiar way: "+90 532 123 45 67"."""
    if e164.startswith("+90") and len(e164) == 13:
        n = e164[3:]
        return f"+90 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
    return e164
