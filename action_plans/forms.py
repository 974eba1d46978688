"""Forms for work groups, action plans and their steps. Every edit form of a plan carries the
plan's `version` (optimistic locking, checked by the service)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from action_plans.models import MUNICIPAL_KINDS, ActionPlan, ActionStep, WorkGroup
from core.db import turkish_collate
from core.forms import ModelMultipleChoiceField, capfirst_lazy, formfield_callback
from library.forms import ReferenceMultipleChoiceField
from library.models import SDG, LegalReference
from library.selectors import REFERENCE_ORDER
from participants.models import Organization


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def member_label(*, full_name: str, email: str, organization: str | None) -> str:
    """A candidate member as the form lists them: name (or e-mail) — organisation."""
    name = full_name or email
    return f"{name} — {organization}" if organization is not None else name


def registration_label(registration) -> str:
    profile = getattr(registration.participant, "participant_profile", None)
    return member_label(
        full_name=registration.participant.full_name,
        email=registration.participant.email,
        organization=profile.organization.name if profile else None,
    )


class MemberChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return registration_label(obj)


class FacilitatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name or obj.email


def _theme_choices() -> list[tuple[str, str]]:
    return [(value, capfirst_lazy(label)) for value, label in WorkGroup.Theme.choices]


class WorkGroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=120)
    theme = forms.ChoiceField(label=_("Theme / sector"), choices=_theme_choices)
    facilitator = FacilitatorChoiceField(
        label=_("Facilitator"), queryset=None, required=False, empty_label=_("— none —")
    )
    members = MemberChoiceField(
        label=_("Members"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Confirmed participants of this cohort who are in no other group."),
    )

    def __init__(self, *args, cohort, candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = cohort.facilitators.order_by(
            turkish_collate("full_name")
        )
        self.fields["members"].queryset = candidates

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def member_options(self) -> list[tuple[str, str, bool]]:
        """The members' checkboxes as (value, label, checked), for a plain loop in the
        template: a cohort has hundreds of candidates, and a widget template per option took
        120 ms for 464 of them. Only the four columns a label needs are read (no model
        instances: four per candidate cost about 20 ms for 464)."""
        chosen = {str(value) for value in (self["members"].value() or [])}
        candidates = self.fields["members"].queryset.values_list(
            "pk",
            "participant__full_name",
            "participant__email",
            "participant__participant_profile__organization__name",
        )
        return [
            (
                str(pk),
                member_label(full_name=full_name, email=email, organization=organization),
                str(pk) in chosen,
            )
            for pk, full_name, email, organization in candidates
        ]


class VersionForm(forms.Form):
    """Only the plan's version: submit, delete a step, move a step."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.province})"


class OrganizationMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.province})"


class SDGMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: SDG) -> str:
        return f"{obj.number}. {obj.display_name}"


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    municipality = OrganizationChoiceField(
        label=_("Municipality"),
        queryset=Organization.objects.filter(kind__in=MUNICIPAL_KINDS)
        .select_related("province")
        .order_by(turkish_collate("name")),
        required=False,
    )
    cooperatives = OrganizationMultipleChoiceField(
        label=_("Cooperatives"),
        queryset=Organization.objects.filter(kind=Organization.Kind.COOPERATIVE)
        .select_related("province")
        .order_by(turkish_collate("name")),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose more than one."),
    )
    sdgs = SDGMultipleChoiceField(
        label=_("Sustainable development goals"),
        queryset=SDG.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        formfield_callback = formfield_callback
        model = ActionPlan
        fields = [
            "title",
            "problem",
            "goal",
            "collaboration_type",
            "municipality",
            "cooperatives",
            "starts_on",
            "sdgs",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "goal": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DateInput(),
        }


class StepForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    references = ReferenceMultipleChoiceField(
        label=_("Legal references it relies on"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose more than one."),
    )

    class Meta:
        formfield_callback = formfield_callback
        model = ActionStep
        fields = ["description", "responsible", "due_on", "references", "status", "note"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "due_on": DateInput(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["references"].queryset = LegalReference.objects.filter(is_active=True).order_by(
            *REFERENCE_ORDER
        )


class StepStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStep.Status.choices)


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    comment = forms.CharField(
        label=_("Comment for the group"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you return the plan: say what should change."),
    )


class WizardStartForm(forms.Form):
    """Step 3 of the wizard: whose plan, its title and start date."""

    owner = forms.ChoiceField(label=_("Whose plan is it?"))
    title = forms.CharField(label=_("Title of the plan"), max_length=200)
    starts_on = forms.DateField(
        label=_("Start date"),
        widget=DateInput(),
        help_text=_("Each step's due date is this date plus its suggested number of days."),
    )

    def __init__(self, *args, owner_choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owner_choices


class WizardStepForm(forms.Form):
    """One step template, editable before the plan is created."""

    include = forms.BooleanField(label=_("Include"), required=False)
    description = forms.CharField(
        label=_("Step"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    responsible = forms.CharField(label=_("Responsible"), max_length=200, required=False)
    offset_days = forms.IntegerField(label=_("Days after the start"), min_value=0, max_value=3650)
    template_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("include") and not (cleaned.get("description") or "").strip():
            self.add_error("description", _("Describe the step or leave it out."))
        return cleaned


WizardStepFormSet = forms.formset_factory(WizardStepForm, extra=0, max_num=60)
