from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleChoiceField, formfield_callback
from library import selectors
from library.models import CollaborationBasis, CollaborationType, LegalReference, StepTemplate


def _reference_choice_label(reference: LegalReference) -> str:
    if reference.is_active:
        return reference.label
    return _("%(label)s (retired)") % {"label": reference.label}


class ReferenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LegalReference) -> str:
        return _reference_choice_label(obj)


class ReferenceMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: LegalReference) -> str:
        return _reference_choice_label(obj)


class LegalReferenceForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield_callback
        model = LegalReference
        fields = [
            "kind",
            "law_number",
            "law_name",
            "article_number",
            "article_heading",
            "domain",
            "summary",
            "summary_en",
            "review_notes",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "summary_en": forms.Textarea(attrs={"rows": 4}),
            "review_notes": forms.Textarea(attrs={"rows": 4}),
            "law_number": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def clean_law_number(self) -> str:
        return self.cleaned_data["law_number"].strip()

    def clean_article_number(self) -> str:
        article = self.cleaned_data["article_number"].strip()
        for prefix in ("madde", "md.", "m."):
            if article.lower().startswith(prefix):
                article = article[len(prefix) :].strip()
        if not article:
            raise forms.ValidationError(_("Enter the article number, for example 14."))
        return article

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        law_number = cleaned.get("law_number", "")
        if kind == LegalReference.Kind.LAW and "law_number" in cleaned and not law_number:
            self.add_error("law_number", _("A law needs its number, for example 5393."))
        article = cleaned.get("article_number")
        law_name = cleaned.get("law_name")
        if article and (law_number or law_name) and not self.has_error("law_number"):
            duplicates = LegalReference.objects.filter(article_number=article).exclude(
                pk=self.instance.pk
            )
            duplicates = (
                duplicates.filter(law_number=law_number)
                if law_number
                else duplicates.filter(law_number="", law_name=law_name)
            )
            if duplicates.exists():
                self.add_error(
                    "article_number",
                    _("This article of this law is already in the library."),
                )
        return cleaned


class ReviewForm(forms.Form):
    notes = forms.CharField(
        label=_("Review notes and open questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you checked against the official text, and what is still open."),
    )


class CollaborationTypeForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield_callback
        model = CollaborationType
        fields = ["name", "name_en", "description", "description_en", "position"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }


class CollaborationBasisForm(forms.ModelForm):
    reference = ReferenceChoiceField(
        label=_("Legal reference"), queryset=selectors.references_for_choice()
    )

    class Meta:
        formfield_callback = formfield_callback
        model = CollaborationBasis
        fields = [
            "reference",
            "side",
            "effect",
            "explanation",
            "explanation_en",
            "conditions",
            "conditions_en",
            "open_questions",
            "open_questions_en",
            "position",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in (
                "explanation",
                "explanation_en",
                "conditions",
                "conditions_en",
                "open_questions",
                "open_questions_en",
            )
        }

    def __init__(self, *args, collaboration_type: CollaborationType, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.collaboration_type = collaboration_type
        self.instance.collaboration_type = collaboration_type

    def clean(self) -> dict:
        cleaned = super().clean()
        reference = cleaned.get("reference")
        if (
            reference
            and self.collaboration_type.bases.filter(reference=reference)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "reference",
                _("This reference is already a basis of this collaboration type."),
            )
        return cleaned


class StepTemplateForm(forms.ModelForm):
    references = ReferenceMultipleChoiceField(
        label=_("Legal references it relies on"),
        queryset=selectors.references_for_choice(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        formfield_callback = formfield_callback
        model = StepTemplate
        fields = [
            "description",
            "description_en",
            "responsible_role",
            "responsible_role_en",
            "offset_days",
            "references",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
