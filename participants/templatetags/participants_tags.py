from django import template

from core.text import turkish_upper

register = template.Library()


@register.filter
def capfirst_tr(text) -> str:
    """Capitalise the first letter the Turkish way: "iptal edildi" → "İptal edildi"."""
    text = str(text or "")
    return turkish_upper(text[:1]) + text[1:]
