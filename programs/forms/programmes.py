"""Forms of the console for a programme, its objectives and its modules."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.forms import formfield_callback
from programs.models import Module, Objective, Program


class ProgramForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield_callback
        model = Program
        fields = [
            "title",
            "title_en",
            "slug",
            "summary",
            "summary_en",
            "description",
            "description_en",
            "audience",
            "audience_en",
            "organizer_description",
            "organizer_description_en",
        ]
        help_texts = {
            "slug": _(
                "Leave empty to make it from the title, e.g. sosyal-kooperatifcilik-egitimi."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


# Every certificate prints all the objectives: ten of this length fit on its page.
OBJECTIVE_MAX_LENGTH = 300


OBJECTIVE_MAX_COUNT = 10


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["text", "text_en"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "text_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, program: Program | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.program = program  # given when an objective is added: its count is checked
        for name in ("text", "text_en"):
            field = self.fields[name]
            field.max_length = OBJECTIVE_MAX_LENGTH
            field.validators.append(MaxLengthValidator(OBJECTIVE_MAX_LENGTH))
            field.widget.attrs["maxlength"] = str(OBJECTIVE_MAX_LENGTH)
        self.fields["text"].help_text = _(
            "Printed on every certificate of the programme: at most %(count)s characters."
        ) % {"count": OBJECTIVE_MAX_LENGTH}

    def clean(self):
        cleaned = super().clean()
        if self.program is not None and self.program.objectives.count() >= OBJECTIVE_MAX_COUNT:
            raise forms.ValidationError(
                _(
                    "A programme has at most %(count)s objectives: every certificate prints "
                    "all of them."
                ),
                params={"count": OBJECTIVE_MAX_COUNT},
            )
        return cleaned


class ModuleForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield_callback
        model = Module
        fields = [
            "title",
            "title_en",
            "method",
            "duration_minutes",
            "description",
            "description_en",
            "objectives",
        ]
        widgets = {"objectives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, program: Program, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = program.objectives.all()
        self.fields["duration_minutes"].min_value = 5
        self.fields["duration_minutes"].widget.attrs["min"] = 5
