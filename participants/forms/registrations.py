"""Registering for a cohort, and the registration console's filter and bulk action."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import capfirst_lazy
from core.selectors import provinces_by_name
from participants.models import Organization, Registration
from participants.selectors.answers import answer_filter_choices


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


def _options(choices) -> list[tuple[str, str]]:
    """An option for all, then `choices`, each with a capital letter (core.forms): "İptal
    edildi" beside "Onaylandı", not beside "onaylandı"."""
    return [("", _("All")), *((value, capfirst_lazy(label)) for value, label in choices)]


class RegistrationFilterForm(forms.Form):
    """The console's filters; `questions` (those the viewer may see) add the answer filter."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_options(Registration.Status.choices)
    )
    organization_kind = forms.ChoiceField(
        label=_("Organisation kind"),
        required=False,
        choices=_options(Organization.Kind.choices),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        required=False,
        queryset=provinces_by_name(),
        empty_label=_("All"),
    )

    def __init__(self, *args, questions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = answer_filter_choices(list(questions))
        if choices:
            self.fields["answer"] = forms.ChoiceField(
                label=_("Answer"), required=False, choices=[("", _("All")), *choices]
            )

    def answer_filter(self) -> tuple[int, str] | None:
        """(question id, value) of the chosen answer filter (call after is_valid)."""
        chosen = self.cleaned_data.get("answer")
        if not chosen:
            return None
        question_id, value = chosen.split(":", 1)
        return int(question_id), value


class BulkActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("With the selected registrations"),
        choices=[
            ("approve", _("Approve")),
            ("reject", _("Reject")),
            ("cancel", pgettext_lazy("registrations, bulk action", "Cancel")),
        ],
    )
