"""The programme overview: registrations, attendance, survey and who took part, where from;
the apps above add columns and sections to it (participants/extensions.py)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, QuerySet, Sum

from core.db import count_of
from core.numbers import percent_of, percent_value
from participants import extensions
from participants.models import Attendance, Organization, Registration, SurveyResponse
from programs.models import Cohort, Program, Session
from programs.selectors import with_seat_counts

_DURATION = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
_ATTENDED_DURATION = ExpressionWrapper(
    F("session__ends_at") - F("session__starts_at"), output_field=DurationField()
)


@dataclass
class CohortRow:
    cohort: Cohort
    attendance_rate: Decimal | None
    figures: list = field(default_factory=list)  # the registered columns' values, in order

    @property
    def response_rate(self) -> Decimal | None:
        return percent_of(self.cohort.response_count, self.cohort.confirmed_count)


@dataclass
class ProgramOverview:
    program: Program
    cohorts: list[CohortRow]
    status_counts: dict[str, int]
    participants: int
    attendance_rate: Decimal | None
    by_province: list[tuple[int, str, int]]  # plate, name, people
    by_kind: list[tuple[str, str, int]]  # kind, label, people
    figure_labels: list = field(default_factory=list)  # the registered columns' headers

    @property
    def figure_totals(self) -> list[tuple]:
        """(label, total over the cohorts) of each registered column: the figure cards."""
        return [
            (label, sum(row.figures[index] for row in self.cohorts))
            for index, label in enumerate(self.figure_labels)
        ]


def _percent(part, whole) -> Decimal | None:
    rate = percent_of(part, whole)
    return None if rate is None else percent_value(rate)


def _cohorts(program: Program) -> QuerySet[Cohort]:
    return (
        with_seat_counts(Cohort.objects.filter(program=program))
        .annotate(
            # One subquery per relation (never COUNT(DISTINCT) over chained joins).
            confirmed_count=count_of(
                Registration.objects.filter(status="confirmed"), outer="cohort"
            ),
            response_count=count_of(SurveyResponse.objects.all(), outer="cohort"),
            **{figure.name: figure.annotation() for figure in extensions.cohort_figures()},
        )
        .select_related("province")
        .order_by("starts_on", "pk")
    )


def program_overview(*, program: Program) -> ProgramOverview:
    """Everything in a fixed number of queries, however many cohorts and people."""
    cohorts = list(_cohorts(program))
    figures = extensions.cohort_figures()
    session_time = {
        row["cohort_id"]: row["total"]
        for row in Session.objects.filter(cohort__program=program)
        .values("cohort_id")
        .annotate(total=Sum(_DURATION))
    }
    attended_time = {
        row["session__cohort_id"]: row["total"]
        for row in Attendance.objects.filter(
            session__cohort__program=program,
            status__in=Attendance.ATTENDED,
            registration__status="confirmed",
        )
        .values("session__cohort_id")
        .annotate(total=Sum(_ATTENDED_DURATION))
    }
    rows, attended_all, possible_all = [], 0.0, 0.0
    for cohort in cohorts:
        total = session_time.get(cohort.pk)
        attended = attended_time.get(cohort.pk)
        possible = total.total_seconds() * cohort.confirmed_count if total else 0
        done = attended.total_seconds() if attended else 0
        # No attendance recorded yet shows as "—", not as 0 %.
        rows.append(
            CohortRow(
                cohort=cohort,
                attendance_rate=_percent(done, possible) if done else None,
                figures=[getattr(cohort, figure.name) for figure in figures],
            )
        )
        if done:
            attended_all += done
            possible_all += possible
    confirmed = Registration.objects.filter(cohort__program=program, status="confirmed")
    status_counts = dict(
        Registration.objects.filter(cohort__program=program)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_province = [
        (row["plate"], row["name"], row["n"])
        for row in confirmed.filter(participant__participant_profile__isnull=False)
        .values(
            plate=F("participant__participant_profile__organization__province__plate"),
            name=F("participant__participant_profile__organization__province__name"),
        )
        .annotate(n=Count("participant", distinct=True))
        .order_by("-n", "plate")
    ]
    kind_labels = dict(Organization.Kind.choices)
    by_kind = [
        (row["kind"], str(kind_labels.get(row["kind"], row["kind"])), row["n"])
        for row in confirmed.filter(participant__participant_profile__isnull=False)
        .values(kind=F("participant__participant_profile__organization__kind"))
        .annotate(n=Count("participant", distinct=True))
        .order_by("-n", "kind")
    ]
    return ProgramOverview(
        program=program,
        cohorts=rows,
        status_counts=status_counts,
        participants=confirmed.values("participant").distinct().count(),
        attendance_rate=_percent(attended_all, possible_all),
        by_province=by_province,
        by_kind=by_kind,
        figure_labels=[figure.label for figure in figures],
    )
