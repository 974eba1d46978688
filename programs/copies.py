"""Copying a cohort to a new first day, and a programme, as drafts.

The rule for dates: a copy keeps every session's weekday and time of day. The new cohort's
first day is the first date on or after the chosen day that has the weekday of the copied
cohort's first day; every date of the cohort (its days, its sessions, its registration window)
moves by that same whole number of weeks, and times stay the same on the wall clock in
Europe/Istanbul. A cohort that began on a Monday, copied to a Wednesday, begins on the next
Monday; copied to a Monday, it begins on that Monday.

What is personal, or belongs to the run that took place, is never copied: registrations and
their answers, attendance, survey responses, work groups and plans, certificates, e-mails; nor
when the survey was opened or closed. The apps above programs say so in the report through
programs/extensions.py.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programs import extensions
from programs.models import (
    Cohort,
    GoodPractice,
    Module,
    Objective,
    Program,
    RegistrationQuestion,
    Session,
)
from programs.services import unique_program_slug


@dataclass
class CopyReport:
    copy: Cohort | Program
    lines: list[extensions.CopyLine] = field(default_factory=list)

    @property
    def copied(self) -> list[extensions.CopyLine]:
        return [line for line in self.lines if line.copied]

    @property
    def not_copied(self) -> list[extensions.CopyLine]:
        return [line for line in self.lines if not line.copied]

    def as_data(self) -> list[list]:
        """For the session (JSON): [label, count, copied] per line."""
        return [[line.label, line.count, line.copied] for line in self.lines]


def copy_shift(*, first_day: dt.date, new_first_day: dt.date) -> dt.timedelta:
    """The whole weeks that move `first_day` to the first date on or after `new_first_day`
    with the same weekday (see the module's rule)."""
    days = (new_first_day - first_day).days
    return dt.timedelta(days=-(-days // 7) * 7)


def shifted(moment: dt.datetime, shift: dt.timedelta) -> dt.datetime:
    """The same wall-clock time in Europe/Istanbul, `shift` (whole days) later."""
    local = timezone.localtime(moment)
    return timezone.make_aware(dt.datetime.combine(local.date() + shift, local.time()))


_COHORT_SETTINGS = (
    "province",
    "district",
    "venue",
    "address",
    "online_url",
    "capacity",
    "requires_approval",
    "attendance_threshold",
    "certificate_requires_evaluation",
    "certificate_requires_plan",
    "survey_anonymous",
)


def cohort_copy(*, source: Cohort, new_first_day: dt.date, title: str) -> CopyReport:
    """A new draft cohort of the same programme (see the module's rule for the dates)."""
    shift = copy_shift(first_day=source.starts_on, new_first_day=new_first_day)
    with transaction.atomic():
        copy = Cohort.objects.create(
            program=source.program,
            title=title,
            starts_on=source.starts_on + shift,
            ends_on=source.ends_on + shift,
            registration_opens_at=shifted(source.registration_opens_at, shift),
            registration_closes_at=shifted(source.registration_closes_at, shift),
            status=Cohort.Status.DRAFT,
            **{name: getattr(source, name) for name in _COHORT_SETTINGS},
        )
        facilitators = list(source.facilitators.all())
        copy.facilitators.set(facilitators)
        sessions = _sessions_copy(source=source, copy=copy, shift=shift)
        questions = RegistrationQuestion.objects.bulk_create(
            [
                RegistrationQuestion(
                    cohort=copy,
                    position=question.position,
                    text=question.text,
                    text_en=question.text_en,
                    kind=question.kind,
                    options=question.options,
                    required=question.required,
                    sensitive=question.sensitive,
                )
                for question in source.registration_questions.all()
            ]
        )
        report = CopyReport(
            copy=copy,
            lines=[
                extensions.CopyLine(_("Sessions"), sessions, True),
                extensions.CopyLine(_("Facilitators"), len(facilitators), True),
                extensions.CopyLine(_("Registration questions"), len(questions), True),
                extensions.CopyLine(
                    _("Place, capacity, approval, certificate rules and survey settings"),
                    None,
                    True,
                ),
            ],
        )
        for copier in extensions.cohort_copiers():
            report.lines.extend(copier(source, copy))
    return report


def _sessions_copy(*, source: Cohort, copy: Cohort, shift: dt.timedelta) -> int:
    sessions = list(source.sessions.prefetch_related("modules"))
    copies = [
        Session(
            cohort=copy,
            title=session.title,
            starts_at=shifted(session.starts_at, shift),
            ends_at=shifted(session.ends_at, shift),
            room=session.room,
            online_url=session.online_url,
        )
        for session in sessions
    ]
    Session.objects.bulk_create(copies)
    links = Session.modules.through
    links.objects.bulk_create(
        [
            links(session_id=new.pk, module_id=module.pk)
            for session, new in zip(sessions, copies, strict=True)
            for module in session.modules.all()
        ]
    )
    return len(copies)


def program_copy(*, source: Program) -> CopyReport:
    """A new draft programme with the objectives, the modules (with the objectives they serve)
    and the modules' good-practice links; no cohort."""
    with transaction.atomic():
        title = _("%(title)s (copy)") % {"title": source.title}
        copy = Program.objects.create(
            title=title[:200],
            title_en=source.title_en,
            slug=unique_program_slug(title=title),
            summary=source.summary,
            summary_en=source.summary_en,
            description=source.description,
            description_en=source.description_en,
            audience=source.audience,
            audience_en=source.audience_en,
            organizer_description=source.organizer_description,
            organizer_description_en=source.organizer_description_en,
            status=Program.Status.DRAFT,
        )
        objectives = {
            objective.pk: Objective.objects.create(
                program=copy,
                number=objective.number,
                text=objective.text,
                text_en=objective.text_en,
            )
            for objective in source.objectives.all()
        }
        links = 0
        modules = list(source.modules.prefetch_related("objectives", "good_practices"))
        for module in modules:
            new = Module.objects.create(
                program=copy,
                position=module.position,
                title=module.title,
                title_en=module.title_en,
                description=module.description,
                description_en=module.description_en,
                duration_minutes=module.duration_minutes,
                method=module.method,
            )
            new.objectives.set([objectives[objective.pk] for objective in module.objectives.all()])
            practices: list[GoodPractice] = list(module.good_practices.all())
            new.good_practices.set(practices)
            links += len(practices)
        report = CopyReport(
            copy=copy,
            lines=[
                extensions.CopyLine(_("Objectives"), len(objectives), True),
                extensions.CopyLine(_("Modules"), len(modules), True),
                extensions.CopyLine(_("Good-practice links"), links, True),
                extensions.CopyLine(_("Cohorts"), source.cohorts.count(), False),
            ],
        )
        for copier in extensions.program_copiers():
            report.lines.extend(copier(source, copy))
    return report
