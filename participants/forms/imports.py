"""Importing participants: the upload (read and checked by content in `clean_file`) and the
invited person's form (privacy notice, then a password)."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from participants.imports.reading import ImportFileError, read_upload


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_("At most %(mb)s MB and %(rows)s rows."),
        error_messages={
            "required": _("Choose a file to upload."),
            "empty": _("The file is empty."),
            "invalid": _("No file was sent. Choose a file and try again."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def __init__(self, *args, limits: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % limits

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.cleaned_data["table"] = read_upload(upload)
        except ImportFileError as error:
            raise forms.ValidationError(error.message, code="unreadable") from error
        return upload


class InvitationForm(SetPasswordForm):
    """An invited person acknowledges the privacy notice and chooses a password."""

    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the privacy notice (aydınlatma metni)."),
        required=True,
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )

    field_order = ["privacy_acknowledged", "new_password1", "new_password2"]
