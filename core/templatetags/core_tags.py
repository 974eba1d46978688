import datetime as dt
import re

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext

from core.numbers import format_count, format_decimal, format_hours, format_percent
from core.pagination import PAGE_PARAMETER
from core.text import capfirst, turkish_upper

register = template.Library()


@register.filter
def duration_minutes(minutes: int | None) -> str:
    """120 → "2 saat", 90 → "1 saat 30 dakika"."""
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)


@register.filter
def upper_tr(text: str) -> str:
    """Upper-case for display with Turkish İ/I rules (never str.upper)."""
    return turkish_upper(str(text))


_LONG_DATE_FORMATS = {"tr": "j F Y, l", "en": "l, j F Y"}


@register.filter
def long_date(value) -> str:
    """A date with its weekday: "26 Kasım 2026, Perşembe" / "Thursday, 26 November 2026"."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    language = (get_language() or "tr")[:2]
    return date_format(value, _LONG_DATE_FORMATS.get(language, _LONG_DATE_FORMATS["tr"]))


@register.filter
def capfirst_tr(text) -> str:
    """Capitalise the first letter by the page's language (core.text.capfirst): "iptal
    edildi" → "İptal edildi" in Turkish, "issued" → "Issued" in English."""
    return capfirst(str(text or ""))


@register.filter
def thousands(value) -> str:
    """A count as a figure, grouped by thousands (core.numbers.format_count)."""
    return format_count(value)


@register.filter
def percent(value) -> str:
    """A percentage by core.numbers' rule: "%40,9" in Turkish, "40.9%" in English."""
    return format_percent(value)


@register.filter
def hours(value) -> str:
    """Hours by core.numbers' rule: "9,5", "12"."""
    return "—" if value is None or value == "" else format_hours(value)


@register.filter
def decimal(value) -> str:
    """A decimal (e.g. a mean score) with the language's separator: "4,22"."""
    return "—" if value is None or value == "" else format_decimal(value)


@register.filter(needs_autoescape=True)
def paragraphs(text, autoescape=True) -> str:
    """Plain text as paragraphs; a short first line without final punctuation, followed by more
    lines, becomes the paragraph's heading ("Sosyal kooperatiflerin işlevi\\nİstisnasız…")."""
    escape_text = conditional_escape if autoescape else str
    html = []
    for block in re.split(r"\n\s*\n", str(text or "").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and len(lines[0]) <= 60 and lines[0][-1] not in ".:;!?…":
            html.append(f'<h3 class="text-heading">{escape_text(lines[0])}</h3>')
            lines = lines[1:]
        html.append("<p>" + "<br>".join(escape_text(line) for line in lines) + "</p>")
    return mark_safe("".join(html))  # noqa: S308 — every piece of text is escaped above


@register.simple_tag(takes_context=True)
def page_url(context, number: int, parameter: str = "") -> str:
    """The current address with the page parameter (`sayfa`, or the list's own when a page has
    two lists) set to `number`, the others kept."""
    parameters = context["request"].GET.copy()
    parameters[parameter or PAGE_PARAMETER] = number
    return f"?{parameters.urlencode()}"


_ADDRESS_BREAKS = re.compile(r"(?<=@)|(?=\.)")


@register.filter
def address_breaks(address) -> str:
    """An e-mail address that may wrap only where one reads it in parts: after the "@" and
    before each dot (`<wbr>`), not between any two letters: ayse<wbr>.yilmaz@<wbr>cankaya…"""
    parts = _ADDRESS_BREAKS.split(str(address or ""))
    return mark_safe("<wbr>".join(conditional_escape(part) for part in parts if part))  # noqa: S308 — each part escaped
