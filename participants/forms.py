from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import formfield_callback
from core.selectors import provinces_by_name
from core.text import turkish_fold
from participants.models import Organization, Registration, SurveyQuestion
from participants.phone import normalize_phone

ERASE_PHRASE = "SİL"


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


SCALE_LABELS = {
    1: _("1 — strongly disagree"),
    2: _("2 — disagree"),
    3: _("3 — undecided"),
    4: _("4 — agree"),
    5: _("5 — strongly agree"),
}


class SurveyForm(forms.Form):
    """One field per question of the programme's survey, in order."""

    def __init__(self, *args, questions: list[SurveyQuestion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[self.field_name(question)] = self._field(question)

    @staticmethod
    def field_name(question: SurveyQuestion) -> str:
        return f"q{question.pk}"

    @staticmethod
    def _field(question: SurveyQuestion) -> forms.Field:
        label = question.display_text
        if question.kind == SurveyQuestion.Kind.SCALE:
            return forms.TypedChoiceField(
                label=label,
                required=question.required,
                choices=list(SCALE_LABELS.items()),
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                error_messages={
                    "required": _("Please choose a score from 1 to 5."),
                    "invalid_choice": _("Please choose a score from 1 to 5."),
                },
            )
        if question.kind == SurveyQuestion.Kind.CHOICE:
            return forms.ChoiceField(
                label=label,
                required=question.required,
                choices=list(zip(question.choice_list, question.display_choice_list, strict=False)),
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose one answer.")},
            )
        return forms.CharField(
            label=label,
            required=question.required,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def answers(self) -> dict[int, dict]:
        """question id → the answer fields of a SurveyAnswer, skipping empty optional ones."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if value in (None, ""):
                continue
            if question.kind == SurveyQuestion.Kind.SCALE:
                result[question.pk] = {"scale": value}
            elif question.kind == SurveyQuestion.Kind.CHOICE:
                result[question.pk] = {"choice": value}
            else:
                result[question.pk] = {"text": value.strip()}
        return result


class SurveyQuestionForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield_callback
        model = SurveyQuestion
        fields = ["text", "text_en", "kind", "choices", "choices_en", "required"]
        widgets = {
            "choices": forms.Textarea(attrs={"rows": 3}),
            "choices_en": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict:
        data = super().clean()
        choices = [line for line in (data.get("choices") or "").splitlines() if line.strip()]
        english = [line for line in (data.get("choices_en") or "").splitlines() if line.strip()]
        if data.get("kind") == SurveyQuestion.Kind.CHOICE and len(choices) < 2:
            self.add_error("choices", _("A single-choice question needs at least two choices."))
        if english and len(english) != len(choices):
            self.add_error(
                "choices_en", _("Give as many English choices as Turkish ones, in the same order.")
            )
        return data


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
