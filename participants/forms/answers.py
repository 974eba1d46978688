"""The cohort's registration questions as a form (programs.RegistrationQuestion): used by the
registration step and composable by any other registration form (one field per question,
named `question-<pk>`; `answers()` gives what the service stores)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.models.answers import NO, YES
from programs.models import RegistrationQuestion

REQUIRED_MESSAGE = _("Please answer this question.")
TEXT_LIMIT = 2000


def _field(question: RegistrationQuestion) -> forms.Field:
    common = {
        "label": question.display_text,
        "required": question.required,
        "error_messages": {"required": REQUIRED_MESSAGE},
    }
    kind = RegistrationQuestion.Kind
    if question.kind == kind.SINGLE:
        choices = [(choice, choice) for choice in question.choice_list]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == kind.MULTIPLE:
        choices = [(choice, choice) for choice in question.choice_list]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if question.kind == kind.YES_NO:
        return forms.ChoiceField(
            choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common
        )
    return forms.CharField(
        max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 3}), **common
    )


class RegistrationAnswersForm(forms.Form):
    """One field per registration question of `cohort`, in the coordinator's order."""

    def __init__(self, *args, cohort, questions=None, **kwargs) -> None:
        """`questions`: the cohort's, read by the caller already (any order)."""
        super().__init__(*args, **kwargs)
        self.questions = sorted(
            cohort.registration_questions.all() if questions is None else questions,
            key=lambda question: (question.position, question.pk),
        )
        for question in self.questions:
            self.fields[self.field_name(question)] = _field(question)

    @staticmethod
    def field_name(question: RegistrationQuestion) -> str:
        return f"question-{question.pk}"

    def answers(self) -> dict[int, str]:
        """Question id → the value stored (choices one per line); unanswered ones left out."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if isinstance(value, list):
                value = "\n".join(value)
            value = (value or "").strip()
            if value:
                answers[question.pk] = value
        return answers
