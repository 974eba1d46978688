from django.db import models


def formfield_callback(db_field: models.Field, **kwargs):
    """ModelForm fields as usual, but web addresses typed without a scheme become https://."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
