"""Organisations in the console: correcting one, merging duplicates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import formfield_callback
from core.selectors import provinces_by_name
from participants.models import Organization


class OrganizationMergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplicate (will be deleted)"), queryset=Organization.objects.none()
    )
    keep = forms.ModelChoiceField(
        label=_("Organisation to keep"), queryset=Organization.objects.none()
    )

    def __init__(self, *args, organizations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("duplicate", "keep"):
            self.fields[name].queryset = organizations
            self.fields[name].label_from_instance = lambda org: (
                f"{org.name} — {org.province} ({org.kind_label}, {org.profile_count})"
            )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("duplicate") and data.get("duplicate") == data.get("keep"):
            self.add_error("keep", _("Choose two different organisations."))
        return data


class OrganizationForm(forms.ModelForm):
    """A coordinator corrects an organisation's details (participants pick or add them)."""

    class Meta:
        model = Organization
        fields = ["name", "kind", "cooperative_kind", "province", "district", "website"]
        formfield_callback = formfield_callback

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_by_name()

    def clean(self) -> dict:
        data = super().clean()
        kind, cooperative_kind = data.get("kind"), data.get("cooperative_kind")
        if kind == Organization.Kind.COOPERATIVE and not cooperative_kind:
            self.add_error("cooperative_kind", _("Choose what kind of cooperative it is."))
        if kind and kind != Organization.Kind.COOPERATIVE and cooperative_kind:
            self.add_error(
                "cooperative_kind",
                _("Only a cooperative has a kind of cooperative; leave it empty."),
            )
        return data
