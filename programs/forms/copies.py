"""The console's forms to copy a cohort or a programme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programs.forms.cohorts import DATE_WIDGET


class CohortCopyForm(forms.Form):
    first_day = forms.DateField(
        label=_("First day of the new cohort"),
        widget=DATE_WIDGET,
        help_text=_(
            "Sessions keep their weekdays and times: the first day moves to the first date on or "
            "after this one with the same weekday as the copied cohort's first day, and every "
            "session moves by the same number of weeks."
        ),
    )
    title = forms.CharField(label=_("Title of the new cohort"), max_length=200)
