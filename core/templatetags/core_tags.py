from django import template
from django.utils.translation import ngettext

from core.text import turkish_upper

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
