"""Revoking and verifying a certificate."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the record; the verification page only says that it was revoked."),
        error_messages={"required": _("Please write why the certificate is revoked.")},
    )


class CertificateVerifyForm(forms.Form):
    kod = forms.CharField(
        label=_("Certificate code"),
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        help_text=_("As printed under the QR code, e.g. ABCD-EFGH-JKMN-PQRS-TUVW."),
    )
