"""A person's optional consents and the erasure of their data (KVKK)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import turkish_fold
from participants.forms.registrations import RegistrationForm

ERASE_PHRASE = "SİL"


class ConsentsForm(forms.Form):
    share_contact = RegistrationForm.base_fields["share_contact"]
    photos = RegistrationForm.base_fields["photos"]


class ErasureForm(forms.Form):
    phrase = forms.CharField(
        label=_("Type SİL to confirm"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_phrase(self) -> str:
        phrase = self.cleaned_data["phrase"]
        if turkish_fold(phrase.strip()) != turkish_fold(ERASE_PHRASE):
            raise forms.ValidationError(_("Type SİL exactly to confirm the erasure."))
        return phrase
