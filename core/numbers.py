"""How numbers people read are rounded and written: one rule for pages, charts, PDFs and files.

- Percentages: at most one decimal, rounded **down** (never overstated: 79.99 % is "%79,9", below
  an 80 % threshold, as the eligibility rule decides), a trailing ",0" dropped: "%40,9", "%100".
- Hours: at most one decimal (rounded by `participants.selectors.attendance.hours_for_minutes`),
  a trailing ",0" dropped: "9,5", "12".
- Other decimals (e.g. a mean score, two decimals) are written with the digits they carry.
- The decimal separator follows the language: Turkish "4,22", English "4.22". Turkish writes
  the percent sign first ("%40,9"), English last ("40.9%"). No thousands separator in decimals.
- Counts shown as figures (stat cards, progress bars) are grouped by thousands with the
  language's separator: Turkish "20.000", English "20,000"; below 1,000 as they are. Counts in
  tables and files are not grouped (a spreadsheet reads "2500" as a number).
- CSV files always use the Turkish comma, whatever the page language (core.exports): they are
  ";"-separated for Excel with Turkish regional settings, which reads "4,22" as a number.
"""

from decimal import ROUND_DOWN, Decimal

from django.utils.formats import get_format
from django.utils.translation import get_language

_TENTH = Decimal("0.1")


def plain(value: Decimal) -> Decimal:
    """Without trailing zeros and never in exponent form: 12.0 → 12, 40.90 → 40.9, 100 → 100."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def percent_of(part, whole) -> Decimal | None:
    """part ÷ whole as an unrounded percentage (the one rounding is percent_value's, when it is
    shown); None when there is no whole."""
    if not whole:
        return None
    return Decimal(100) * Decimal(part) / Decimal(whole)


def percent_value(value) -> Decimal:
    """A percentage as it is shown: one decimal at most, rounded down (40.96 → 40.9)."""
    return plain(Decimal(value).quantize(_TENTH, rounding=ROUND_DOWN))


def hours_value(value) -> Decimal:
    """Hours as they are shown: 9.5 → 9.5, 12.0 → 12 (rounding is hours_for_minutes')."""
    return plain(Decimal(value))


def _language(language: str | None) -> str:
    return (language or get_language() or "tr")[:2]


def format_decimal(value, *, language: str | None = None) -> str:
    """A number with the language's decimal separator, with exactly its own digits:
    Decimal("4.20") → "4,20" in Turkish, "4.20" in English; 7 → "7"."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", get_format("DECIMAL_SEPARATOR", _language(language)))


def format_count(value, *, language: str | None = None) -> str:
    """A whole number grouped by thousands: 2500 → "2.500" in Turkish, "2,500" in English;
    None → "—"."""
    if value is None or value == "":
        return "—"
    grouped = f"{int(value):,}"
    return grouped.replace(",", get_format("THOUSAND_SEPARATOR", _language(language)))


def format_percent(value, *, language: str | None = None) -> str:
    """ "%40,9" in Turkish, "40.9%" in English; None → "—"."""
    if value is None or value == "":
        return "—"
    language = _language(language)
    number = format_decimal(percent_value(value), language=language)
    return f"{number}%" if language == "en" else f"%{number}"


def format_hours(value, *, language: str | None = None) -> str:
    """ "9,5" / "12" in Turkish, "9.5" in English."""
    return format_decimal(hours_value(value), language=language)
