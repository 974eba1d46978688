"""The compose form of a message to a cohort: the recipient filters (participants/recipients.py)
and the texts with their personal fields (participants/placeholders.py)."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participants import placeholders, recipients
from participants.models import Registration
from participants.services.messages import MessageDraft

TEXT_FIELDS = ("subject", "body", "subject_en", "body_en")


class CohortMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10_000, widget=forms.Textarea)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Message (English)"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Optional. Recipients whose language is English get this text when both the "
            "English subject and message are written; everyone else gets the Turkish text."
        ),
    )

    def __init__(self, *args, cohort, **kwargs):
        kwargs.setdefault("initial", {"status": [Registration.Status.CONFIRMED]})
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.filter_names = []
        for recipient_filter in recipients.filters():
            self.fields[recipient_filter.name] = recipient_filter.field(cohort)
            self.filter_names.append(recipient_filter.name)

    @property
    def filter_fields(self) -> list:
        return [self[name] for name in self.filter_names]

    @property
    def text_fields(self) -> list:
        return [self[name] for name in TEXT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        known = ", ".join(f"{{{placeholder.name}}}" for placeholder in placeholders.PLACEHOLDERS)
        for name in TEXT_FIELDS:
            unknown = placeholders.unknown_placeholders(cleaned.get(name) or "")
            if unknown:
                self.add_error(
                    name,
                    gettext("Unknown personal field: %(fields)s. You can use %(known)s.")
                    % {"fields": ", ".join(unknown), "known": known},
                )
        self._survey_link_only_to_confirmed(cleaned)
        subject_en, body_en = cleaned.get("subject_en"), cleaned.get("body_en")
        if subject_en and not body_en and "body_en" not in self.errors:
            self.add_error("body_en", gettext("Write the English message too, or no English."))
        if body_en and not subject_en and "subject_en" not in self.errors:
            self.add_error("subject_en", gettext("Write the English subject too, or no English."))
        return cleaned

    def _survey_link_only_to_confirmed(self, cleaned: dict) -> None:
        """{anket} opens the survey for a confirmed participant only (the others get "not
        found"): a message that uses it goes to confirmed participants alone."""
        statuses = set(cleaned.get("status") or [])
        if statuses == {Registration.Status.CONFIRMED} or "status" in self.errors:
            return
        for name in TEXT_FIELDS:
            if "anket" in placeholders.used_placeholders(cleaned.get(name) or ""):
                self.add_error(
                    name,
                    gettext(
                        "{anket} is the survey link, which only confirmed participants can "
                        'open: choose only the status "confirmed" under the recipients, or '
                        "leave {anket} out."
                    ),
                )

    def filter_values(self) -> dict:
        """The chosen filters (JSON-safe), the empty ones left out."""
        return {
            name: self.cleaned_data[name]
            for name in self.filter_names
            if self.cleaned_data.get(name) not in (None, "", [])
        }

    def audience(self) -> str:
        """The chosen filters as the page says them, in the active language: "confirmed · has
        not answered the survey"."""
        parts = []
        for name, value in self.filter_values().items():
            labels = dict(self.fields[name].choices)
            values = value if isinstance(value, list) else [value]
            parts.append(", ".join(str(labels.get(item, item)) for item in values))
        return " · ".join(parts) if parts else gettext("everyone registered")

    def draft(self) -> MessageDraft:
        data = self.cleaned_data
        # Both languages, so that the message's history reads in the reader's language.
        with translation.override("tr"):
            audience = self.audience()
        with translation.override("en"):
            audience_en = self.audience()
        return MessageDraft(
            subject=data["subject"],
            body=data["body"],
            subject_en=data.get("subject_en", ""),
            body_en=data.get("body_en", ""),
            filters=self.filter_values(),
            audience=audience,
            audience_en=audience_en,
        )
