from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import DATE_INPUT, capfirst_lazy


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
