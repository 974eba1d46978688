"""The participant profile: organisation (picked or added), title, phone, and the privacy notice."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.selectors import provinces_by_name
from participants.models import Organization
from participants.phone import normalize_phone


class ParticipantProfileForm(forms.Form):
    """Name and language (on the user), organisation (picked or new), title and phone."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As it should appear on your certificate."),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.all(),
        required=False,
        widget=forms.HiddenInput,
    )
    organization_query = forms.CharField(
        label=_("Search for your organisation"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}),
        help_text=_(
            "Type at least two letters of its name, province or district, e.g. “izmir” or "
            "“kadın kooperatifi”."
        ),
    )
    new_organization_name = forms.CharField(
        label=_("Name of the organisation"), required=False, max_length=200
    )
    new_organization_kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", "—"), *Organization.Kind.choices]
    )
    new_organization_cooperative_kind = forms.ChoiceField(
        label=_("Kind of cooperative"),
        required=False,
        choices=[("", "—"), *Organization.CooperativeKind.choices],
        help_text=_("Only for cooperatives."),
    )
    new_organization_province = forms.ModelChoiceField(
        label=_("Province"), required=False, queryset=provinces_by_name()
    )
    new_organization_district = forms.CharField(label=_("District"), required=False, max_length=100)
    new_organization_website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https"
    )
    title = forms.CharField(
        label=_("Title / department"),
        required=False,
        max_length=200,
        help_text=_("E.g. Strategy Development Department, social policy expert."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("E.g. 0532 123 45 67 or +90 532 123 45 67."),
    )
    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the privacy notice."), required=False
    )

    def __init__(self, *args, needs_acknowledgement: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.needs_acknowledgement = needs_acknowledgement
        if not needs_acknowledgement:
            del self.fields["privacy_acknowledged"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Please enter your first and last name."))
        return name

    def clean_phone(self) -> str:
        return normalize_phone(self.cleaned_data["phone"])

    def clean_privacy_acknowledged(self) -> bool:
        if not self.cleaned_data.get("privacy_acknowledged"):
            raise forms.ValidationError(_("Please confirm that you have read the privacy notice."))
        return True

    def clean(self) -> dict:
        data = super().clean()
        if data.get("organization") or self.has_error("organization"):
            return data
        name = " ".join((data.get("new_organization_name") or "").split())
        if not name:
            self.add_error(
                "organization_query",
                _("Choose your organisation from the list or add a new one below."),
            )
            return data
        kind = data.get("new_organization_kind")
        if not kind:
            self.add_error("new_organization_kind", _("Choose the kind of organisation."))
        if not data.get("new_organization_province"):
            self.add_error("new_organization_province", _("Choose the province."))
        cooperative_kind = data.get("new_organization_cooperative_kind")
        if kind == Organization.Kind.COOPERATIVE and not cooperative_kind:
            self.add_error(
                "new_organization_cooperative_kind", _("Choose the kind of cooperative.")
            )
        if kind and kind != Organization.Kind.COOPERATIVE and cooperative_kind:
            self.add_error(
                "new_organization_cooperative_kind",
                _("A kind of cooperative can only be given for a cooperative."),
            )
        data["new_organization_name"] = name
        return data
