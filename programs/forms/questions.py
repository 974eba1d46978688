"""The console's form for a cohort's registration questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import formfield_callback
from programs.models import RegistrationQuestion


class RegistrationQuestionForm(forms.ModelForm):
    class Meta:
        model = RegistrationQuestion
        formfield_callback = formfield_callback
        fields = ["text", "text_en", "kind", "options", "required", "sensitive"]
        widgets = {"options": forms.Textarea(attrs={"rows": 4})}

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind in RegistrationQuestion.CHOICE_KINDS:
            question = RegistrationQuestion(kind=kind, options=data.get("options", ""))
            if len(question.choice_list) < 2:
                self.add_error("options", _("Give at least two choices, one per line."))
            else:
                data["options"] = "\n".join(question.choice_list)
        elif kind:
            data["options"] = ""
        return data
