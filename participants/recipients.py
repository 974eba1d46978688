"""Who a message to a cohort goes to: the recipient filters, a registry.

Each filter is a form field on the compose page and a condition on the cohort's registrations
(a `Q`, usually an `Exists`), so that choosing the recipients is one query whatever is chosen.
participants registers its own (registration status, attended a session, survey answered) in
its AppConfig.ready; the apps above register theirs in theirs (action_plans: the work group;
certificates: eligible for a certificate), so participants imports none of them. Filters
appear in the order they are registered (INSTALLED_APPS).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"


@dataclass(frozen=True)
class RecipientFilter:
    name: str  # the form field's name and the key in CohortMessage.filters
    # The cohort → the form field (not required; its empty value means "everyone").
    field: Callable[[Any], forms.Field]
    # The cohort and the field's cleaned value (never empty) → a condition on Registration.
    condition: Callable[[Any, Any], Q]


_filters: dict[str, RecipientFilter] = {}


def register(recipient_filter: RecipientFilter) -> RecipientFilter:
    _filters[recipient_filter.name] = recipient_filter
    return recipient_filter


def filters() -> list[RecipientFilter]:
    return list(_filters.values())


def conditions(*, cohort, values: dict) -> Q:
    """The condition on the cohort's registrations for the chosen values (empty: no limit)."""
    condition = Q()
    for recipient_filter in filters():
        value = values.get(recipient_filter.name)
        if value not in (None, "", [], ()):
            condition &= recipient_filter.condition(cohort, value)
    return condition


def yes_no_filter(
    *, name: str, label, yes_label, no_label, yes: Callable[[Any], Q]
) -> RecipientFilter:
    """A filter with "any / yes / no", where `yes(cohort)` is the condition of "yes"."""

    def field(_cohort) -> forms.Field:
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[("", _("Anyone")), (YES, yes_label), (NO, no_label)],
        )

    def condition(cohort, value: str) -> Q:
        return yes(cohort) if value == YES else ~yes(cohort)

    return RecipientFilter(name=name, field=field, condition=condition)


def register_own_filters() -> None:
    """participants' filters: registration status, attended a session, survey answered."""
    from participants.models import Attendance, Registration, SurveySubmission

    register(
        RecipientFilter(
            name="status",
            field=lambda _cohort: forms.MultipleChoiceField(
                label=_("Registration status"),
                required=False,
                choices=Registration.Status.choices,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("None ticked: every status."),
            ),
            condition=lambda _cohort, values: Q(status__in=values),
        )
    )
    register(
        yes_no_filter(
            name="attended",
            label=_("Attended a session"),
            yes_label=_("attended at least one session"),
            no_label=_("attended no session"),
            yes=lambda _cohort: Q(
                Exists(
                    Attendance.objects.filter(
                        registration=OuterRef("pk"), status__in=Attendance.ATTENDED
                    )
                )
            ),
        )
    )
    register(
        yes_no_filter(
            name="survey",
            label=_("Evaluation survey"),
            yes_label=_("has answered the survey"),
            no_label=_("has not answered the survey"),
            yes=lambda _cohort: Q(
                Exists(SurveySubmission.objects.filter(registration=OuterRef("pk")))
            ),
        )
    )
