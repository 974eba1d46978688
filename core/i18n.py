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


def choice_label(choices, value) -> str:
    """The label of `value` among `choices` (a `TextChoices`) in the active language, as
    `get_<field>_display()` gives it (the value itself when unknown), for the methods that
    replace it on the models whose labels a page shows per row: Django's builds and hashes
    the whole list of choices on every call, each label translated to be hashed (issue 15: 100
    of them cost 3 ms on a page of 50 registrations)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value
