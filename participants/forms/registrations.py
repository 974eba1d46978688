"""Registering for a cohort, and the registration console's filter and bulk action."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.selectors import provinces_by_name
from participants.models import Organization, Registration


class RegistrationForm(forms.Form):
    """The registration: the privacy notice only when the person has not acknowledged its
    current version yet (`needs_acknowledgement`), and the optional consents."""

    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the privacy notice (aydınlatma metni)."),
        required=True,
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )
    share_contact = forms.BooleanField(
        label=_(
            "Optional: my name, organisation and e-mail may be shared with the other "
            "participants of this cohort."
        ),
        required=False,
    )
    photos = forms.BooleanField(
        label=_("Optional: photos in which I appear may be taken and published."),
        required=False,
    )

    def __init__(self, *args, needs_acknowledgement: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not needs_acknowledgement:
            del self.fields["privacy_acknowledged"]


class RegistrationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Registration.Status.choices]
    )
    organization_kind = forms.ChoiceField(
        label=_("Organisation kind"),
        required=False,
        choices=[("", _("All")), *Organization.Kind.choices],
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        required=False,
        queryset=provinces_by_name(),
        empty_label=_("All"),
    )


class BulkActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("With the selected registrations"),
        choices=[
            ("approve", _("Approve")),
            ("reject", _("Reject")),
            ("cancel", pgettext_lazy("registrations, bulk action", "Cancel")),
        ],
    )
