from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy

from core.text import capfirst

# Choice labels are lower case so that they read well inside sentences; a form shows them as
# options, where each starts with a capital letter ("yaygın eğitim" → "Yaygın eğitim").
capfirst_lazy = lazy(lambda text: capfirst(str(text)), str)


# The range of a database integer (SQLite's INTEGER, PostgreSQL's bigint).
_INTEGER_RANGE = range(-(2**63), 2**63)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, but a posted number that no database integer can hold is an invalid choice:
    SQLite raises OverflowError for it in the `pk__in` query instead of finding nothing."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django reports it as not a valid value
            if number not in _INTEGER_RANGE:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


def formfield_callback(db_field: models.Field, **kwargs):
    """ModelForm fields as usual, but web addresses typed without a scheme become https://,
    the options of a field with choices start with a capital letter, and many-to-many fields
    refuse numbers the database cannot hold (`ModelMultipleChoiceField`)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    field = db_field.formfield(**kwargs)
    if db_field.choices and field is not None:
        field.choices = [(value, capfirst_lazy(label)) for value, label in field.choices]
    return field


URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
