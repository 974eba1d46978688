"""allauth's sign-up form, completed (ACCOUNT_SIGNUP_FORM_CLASS): the person's name and the
acknowledgement of the privacy notice (KVKK lives in participants, so the form does too)."""

from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from participants.services.consents import privacy_notice_acknowledge


def _privacy_notice_link() -> str:
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}</a>',
        reverse("participants:privacy_notice"),
        gettext("Read the privacy notice (KVKK)"),
    )


class SignupForm(forms.Form):
    """The fields allauth's signup form lacks: the person's name (shown on certificates)."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As it should appear on your certificate."),
    )

    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the privacy notice."),
        help_text=lazy(_privacy_notice_link, str)(),
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
        template_name="participants/forms/checkbox_field.html",
    )

    field_order = ["full_name", "email", "password1", "password2", "privacy_acknowledged"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Please enter your first and last name."))
        return name

    def signup(self, request, user) -> None:  # noqa: ARG002 — allauth's hook signature
        user.full_name = self.cleaned_data["full_name"]
        user.language = (get_language() or "tr")[:2]
        user.save(update_fields=["full_name", "language"])
        privacy_notice_acknowledge(user=user)
