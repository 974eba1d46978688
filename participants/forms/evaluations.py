"""The evaluation survey and its questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import formfield_callback
from participants.models import SurveyQuestion

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
