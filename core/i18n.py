"""Content in two languages: Turkish is required, English is optional and falls back."""

from django.utils.translation import get_language


def english_is_active() -> bool:
    return (get_language() or "tr").startswith("en")


class Localized:
    """A read-only attribute that returns `<field>_en` when English is active and filled in,
    otherwise the Turkish `<field>`: `display_title = Localized("title")`."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if english_is_active():
            english = getattr(instance, f"{self.field}_en", "")
            if english:
                return english
        return getattr(instance, self.field)
