from django.db import models
from django.utils.functional import lazy

from core.text import turkish_capfirst

# Choice labels are lower case so that they read well inside sentences; a form shows them as
# options, where each starts with a capital letter ("yaygın eğitim" → "Yaygın eğitim").
capfirst_lazy = lazy(lambda text: turkish_capfirst(str(text)), str)


def formfield_callback(db_field: models.Field, **kwargs):
    """ModelForm fields as usual, but web addresses typed without a scheme become https://, and
    the options of a field with choices start with a capital letter."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    field = db_field.formfield(**kwargs)
    if db_field.choices and field is not None:
        field.choices = [(value, capfirst_lazy(label)) for value, label in field.choices]
    return field


URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
