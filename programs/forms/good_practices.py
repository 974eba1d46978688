"""The console's form of a good practice."""

from django import forms

from core.forms import formfield_callback
from programs.models import GoodPractice, Module


class GoodPracticeForm(forms.ModelForm):
    class Meta:
        model = GoodPractice
        formfield_callback = formfield_callback
        fields = [
            "partner",
            "country",
            "country_en",
            "kind",
            "title",
            "title_en",
            "summary",
            "summary_en",
            "link",
            "modules",
            "collaboration_types",
            "is_published",
        ]
        widgets = {
            "modules": forms.CheckboxSelectMultiple,
            "collaboration_types": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["modules"].queryset = Module.objects.select_related("program").order_by(
            "program__title", "position"
        )
        self.fields["modules"].label_from_instance = lambda module: (
            f"{module.title} — {module.program.title}"
        )
