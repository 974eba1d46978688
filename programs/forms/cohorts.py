"""Forms of the console for a cohort, its sessions and the quick schedule."""

import datetime as dt
import itertools
import re

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import formfield_callback
from core.selectors import provinces_by_name
from programs import selectors, services
from programs.models import Cohort, Session


def _short(value) -> str:
    """26.11.2026 in Turkish, 26/11/2026 in English."""
    return date_format(value, "SHORT_DATE_FORMAT")


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# The reminders' switches and text, shown in a section of their own.
REMINDER_FIELDS = (
    "remind_sessions",
    "remind_survey",
    "remind_attendance",
    "remind_pending",
    "remind_plans",
    "reminder_note",
    "reminder_note_en",
)


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        formfield_callback = formfield_callback
        fields = [
            "title",
            "starts_on",
            "ends_on",
            "province",
            "district",
            "venue",
            "address",
            "online_url",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "requires_approval",
            "attendance_threshold",
            "certificate_requires_evaluation",
            "certificate_requires_plan",
            "survey_anonymous",
            "survey_closes_on",
            "facilitators",
            *REMINDER_FIELDS,
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "survey_closes_on": DATE_WIDGET,
            "reminder_note": forms.Textarea(attrs={"rows": 3}),
            "reminder_note_en": forms.Textarea(attrs={"rows": 3}),
            "registration_opens_at": DATETIME_WIDGET,
            "registration_closes_at": DATETIME_WIDGET,
            "address": forms.Textarea(attrs={"rows": 2}),
            "facilitators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_by_name()
        self.fields["facilitators"].queryset = selectors.facilitator_choices()
        self.fields["facilitators"].label_from_instance = lambda user: user.full_name or user.email
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        self.fields["attendance_threshold"].max_value = 100
        self.fields["attendance_threshold"].widget.attrs.update({"min": 0, "max": 100})

    def main_fields(self) -> list:
        return [field for field in self.visible_fields() if field.name not in REMINDER_FIELDS]

    def reminder_fields(self) -> list:
        return [self[name] for name in REMINDER_FIELDS]

    def clean_attendance_threshold(self) -> int:
        value = self.cleaned_data["attendance_threshold"]
        if value > 100:
            raise forms.ValidationError(_("A percentage cannot be more than 100."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        if starts_on and closes:
            first_morning = timezone.make_aware(dt.datetime.combine(starts_on, dt.time.min))
            if closes > first_morning:
                self.add_error(
                    "registration_closes_at",
                    _("Registration must close before the cohort starts (%(day)s).")
                    % {"day": _short(starts_on)},
                )
        closes_on = data.get("survey_closes_on")
        if closes_on and ends_on and closes_on < ends_on:
            self.add_error(
                "survey_closes_on",
                _("The survey cannot close before the cohort's last day (%(day)s).")
                % {"day": _short(ends_on)},
            )
        if not data.get("province") and not data.get("online_url"):
            self.add_error(
                "province", _("Give the province of the venue, or an online meeting link.")
            )
        self._check_capacity(data)
        self._check_existing_sessions(starts_on, ends_on)
        return data

    def _check_capacity(self, data: dict) -> None:
        capacity = data.get("capacity")
        if not self.instance.pk or capacity is None:
            return
        taken = selectors.cohort_seats_taken(cohort=self.instance)
        if capacity < taken:
            self.add_error(
                "capacity",
                _(
                    "%(taken)d seats are already taken (confirmed or awaiting approval); the "
                    "capacity cannot be lower."
                )
                % {"taken": taken},
            )

    def _check_existing_sessions(self, starts_on, ends_on) -> None:
        if not self.instance.pk or not starts_on or not ends_on:
            return
        outside = [
            session
            for session in self.instance.sessions.all()
            if not starts_on <= timezone.localtime(session.starts_at).date() <= ends_on
        ]
        if outside:
            self.add_error(
                None,
                _("%(count)d session(s) would fall outside the new dates; move them first.")
                % {"count": len(outside)},
            )


def _overlapping(cohort: Cohort, start: dt.datetime, end: dt.datetime, exclude_pk=None):
    return (
        cohort.sessions.filter(Q(starts_at__lt=end) & Q(ends_at__gt=start))
        .exclude(pk=exclude_pk)
        .order_by("starts_at")
        .first()
    )


class SessionForm(forms.ModelForm):
    day = forms.DateField(label=_("Day"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)

    class Meta:
        model = Session
        formfield_callback = formfield_callback
        fields = ["title", "room", "online_url", "modules"]
        widgets = {"modules": forms.CheckboxSelectMultiple}

    field_order = ["title", "day", "start_time", "end_time", "room", "online_url", "modules"]

    def __init__(self, *args, cohort: Cohort, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.fields["modules"].queryset = cohort.program.modules.all()
        if self.instance.pk:
            start = timezone.localtime(self.instance.starts_at)
            end = timezone.localtime(self.instance.ends_at)
            self.initial.update(
                {"day": start.date(), "start_time": start.time(), "end_time": end.time()}
            )
        else:
            self.initial.setdefault("day", cohort.starts_on)

    def clean(self) -> dict:
        data = super().clean()
        day, start_time, end_time = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and not self.cohort.starts_on <= day <= self.cohort.ends_on:
            self.add_error(
                "day",
                _("The day must be within the cohort's dates (%(start)s – %(end)s).")
                % {
                    "start": _short(self.cohort.starts_on),
                    "end": _short(self.cohort.ends_on),
                },
            )
        if start_time and end_time and end_time <= start_time:
            self.add_error("end_time", _("A session must end after it starts."))
        if day and start_time and end_time and end_time > start_time:
            start = timezone.make_aware(dt.datetime.combine(day, start_time))
            end = timezone.make_aware(dt.datetime.combine(day, end_time))
            clash = _overlapping(self.cohort, start, end, exclude_pk=self.instance.pk)
            if clash:
                self.add_error(
                    "start_time",
                    _("This overlaps “%(title)s” (%(start)s–%(end)s).")
                    % {
                        "title": clash.title,
                        "start": timezone.localtime(clash.starts_at).strftime("%H:%M"),
                        "end": timezone.localtime(clash.ends_at).strftime("%H:%M"),
                    },
                )
            data["starts_at"], data["ends_at"] = start, end
        return data

    def save(self, commit: bool = True) -> Session:
        session = super().save(commit=False)
        session.cohort = self.cohort
        session.starts_at = self.cleaned_data["starts_at"]
        session.ends_at = self.cleaned_data["ends_at"]
        if commit:
            services.session_save(session=session, modules=self.cleaned_data["modules"])
        return session


_BLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")


class ScheduleForm(forms.Form):
    """Quick add of a multi-day schedule: the same daily blocks over consecutive days."""

    title = forms.CharField(label=_("Session title"), initial=_("Session"), max_length=180)
    first_day = forms.DateField(label=_("First day"), widget=DATE_WIDGET)
    days = forms.IntegerField(label=_("Number of days"), min_value=1, max_value=31, initial=1)
    blocks = forms.CharField(
        label=_("Daily blocks"),
        widget=forms.Textarea(attrs={"rows": 3}),
        initial="10:00-12:00\n13:30-15:30",
        help_text=_("One block per line, e.g. 10:00-12:00."),
    )
    room = forms.CharField(label=_("Room"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, cohort: Cohort, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.initial.setdefault("first_day", cohort.starts_on)

    def clean_blocks(self) -> list[tuple[dt.time, dt.time]]:
        blocks = []
        for line in filter(None, (raw.strip() for raw in self.cleaned_data["blocks"].splitlines())):
            match = _BLOCK.match(line)
            try:
                start = dt.time(int(match[1]), int(match[2])) if match else None
                end = dt.time(int(match[3]), int(match[4])) if match else None
            except ValueError:
                start = end = None
            if start is None or end is None:
                raise forms.ValidationError(
                    _("“%(line)s” is not a block like 10:00-12:00.") % {"line": line}
                )
            if end <= start:
                raise forms.ValidationError(
                    _("In “%(line)s” the end is not after the start.") % {"line": line}
                )
            blocks.append((start, end))
        if not blocks:
            raise forms.ValidationError(_("Give at least one block, e.g. 10:00-12:00."))
        blocks.sort()
        for (_start, previous_end), (next_start, _end) in itertools.pairwise(blocks):
            if next_start < previous_end:
                raise forms.ValidationError(_("Two blocks of the same day overlap."))
        return blocks

    def clean(self) -> dict:
        data = super().clean()
        first_day, days, blocks = data.get("first_day"), data.get("days"), data.get("blocks")
        if not (first_day and days and blocks):
            return data
        last_day = first_day + dt.timedelta(days=days - 1)
        if first_day < self.cohort.starts_on or last_day > self.cohort.ends_on:
            self.add_error(
                "days",
                _(
                    "The schedule (%(start)s – %(end)s) must be within the cohort's dates "
                    "(%(cohort_start)s – %(cohort_end)s)."
                )
                % {
                    "start": _short(first_day),
                    "end": _short(last_day),
                    "cohort_start": _short(self.cohort.starts_on),
                    "cohort_end": _short(self.cohort.ends_on),
                },
            )
            return data
        # The cohort's sessions, read once (the view prefetches them): not one query per block.
        existing = sorted(self.cohort.sessions.all(), key=lambda session: session.starts_at)
        for start, end in services.schedule_blocks(first_day=first_day, days=days, blocks=blocks):
            clash = next((s for s in existing if s.starts_at < end and s.ends_at > start), None)
            if clash:
                self.add_error(
                    "blocks",
                    _("The block on %(day)s overlaps the existing session “%(title)s”.")
                    % {"day": _short(timezone.localtime(start).date()), "title": clash.title},
                )
                break
        return data
