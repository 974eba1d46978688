from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.text import turkish_capfirst

# Choice labels are lower case so that they read well inside sentences; a form shows them as
# options, where each starts with a capital letter ("yaygın eğitim" → "Yaygın eğitim").
capfirst_lazy = lazy(lambda text: turkish_capfirst(str(text)), str)


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


class ComponentGalleryForm(forms.Form):
    """A sample form for the component gallery: one field of each kind the site's forms use,
    rendered through templates/includes/field.html like every other form."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should appear on your certificate."),
    )
    email = forms.EmailField(label=capfirst_lazy(_("e-mail address")))
    language = forms.ChoiceField(
        label=capfirst_lazy(_("preferred language")), choices=[("", "—"), *settings.LANGUAGES]
    )
    starts_on = forms.DateField(label=_("Start date"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("End date"), widget=DATE_INPUT)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea)
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("on_site", _("On site")), ("remote", _("Remote"))],
        widget=forms.RadioSelect,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=[("procurement", _("Procurement")), ("partnership", _("Partnership"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    acknowledged = forms.BooleanField(label=_("I have read the privacy notice."))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            raise forms.ValidationError(_("The end date is before the start date."))
        return cleaned
