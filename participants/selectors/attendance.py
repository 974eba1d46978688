"""Reads for attendance: the sessions a person takes attendance for, the grid, the rates.

Attendance rate rule (read by certificates): present and late count as attended, absent and
unmarked do not. The rate is attended session minutes ÷ the minutes of all the cohort's
sessions, as a percentage rounded down to two decimals (so it never overstates: 79.999 % is
79.99 %, below an 80 % threshold). A cohort without sessions gives 0. Minutes, not a count of
sessions, because sessions differ in length and certificates state total hours.
Only confirmed registrations have rates.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual

from accounts.permissions import is_coordinator
from core.db import turkish_collate
from participants.models import Attendance, Registration
from programs.models import Cohort, Session

_CENT = Decimal("0.01")


def attendance_percent(*, attended_minutes: int, total_minutes: int) -> Decimal:
    if total_minutes <= 0:
        return Decimal("0.00")
    return (Decimal(attended_minutes) * 100 / Decimal(total_minutes)).quantize(
        _CENT, rounding=ROUND_DOWN
    )


def hours_for_minutes(minutes: int) -> Decimal:
    """Minutes as hours to one decimal, half rounded up: what pages and certificates print."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _session_minutes(*, cohort_id: int) -> dict[int, int]:
    sessions = Session.objects.filter(cohort_id=cohort_id).only("pk", "starts_at", "ends_at")
    return {session.pk: session.duration_minutes for session in sessions}


def meets_threshold(*, rate: Decimal, cohort: Cohort) -> bool:
    """The certificate's attendance rule: the rate reaches the cohort's threshold (80.00 % meets
    80 %, 79.99 % does not)."""
    return rate >= cohort.attendance_threshold


class SessionMinutes(Func):
    """A session's whole minutes in SQL, as `Session.duration_minutes` counts them:
    `SessionMinutes("starts_at", "ends_at")`."""

    arity = 2
    output_field = IntegerField()

    def _columns(self, compiler) -> tuple[str, str, tuple]:
        (starts, starts_params), (ends, ends_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return starts, ends, (*ends_params, *starts_params)

    def as_sql(self, compiler, connection, **extra_context):  # noqa: ARG002 — Func's signature
        starts, ends, params = self._columns(compiler)
        return f"CAST(FLOOR(EXTRACT(EPOCH FROM ({ends} - {starts})) / 60) AS integer)", params

    def as_sqlite(self, compiler, connection, **extra_context):  # noqa: ARG002
        # Whole seconds between the two, then whole minutes (integer division).
        starts, ends, params = self._columns(compiler)
        seconds = f"CAST(ROUND((julianday({ends}) - julianday({starts})) * 86400) AS integer)"
        return f"({seconds} / 60)", params


def meets_threshold_condition(*, cohort: Cohort) -> Q:
    """`meets_threshold` as a condition on the cohort's registrations (one query selects them):
    confirmed, and attended minutes × 100 ≥ the threshold × all the cohort's minutes (the same
    as the rate rounded down reaching a whole-percent threshold); no sessions is a rate of 0.
    The people who reach it are found by one grouped read of the cohort's attendance (not a
    sum per registration: issue 15, 557 of them took 10 ms); with a threshold of 0 everyone
    confirmed does."""
    condition = Q(status=Registration.Status.CONFIRMED)
    if cohort.attendance_threshold == 0:
        return condition
    total = (
        Session.objects.filter(cohort_id=cohort.pk)
        .order_by()
        .values("cohort")
        .annotate(minutes=Sum(SessionMinutes("starts_at", "ends_at")))
        .values("minutes")
    )
    total_minutes = Coalesce(Subquery(total, output_field=IntegerField()), 0)
    reaching = (
        # The cohort's sessions only, as attendance_for_cohort counts.
        Attendance.objects.filter(session__cohort_id=cohort.pk, status__in=Attendance.ATTENDED)
        .order_by()
        .values("registration")
        .alias(minutes=Sum(SessionMinutes("session__starts_at", "session__ends_at")))
        .filter(GreaterThanOrEqual(F("minutes") * 100, total_minutes * cohort.attendance_threshold))
        .values("registration")
    )
    return condition & Q(pk__in=reaching) & Q(GreaterThan(total_minutes, 0))


@dataclass(frozen=True)
class PersonAttendance:
    attended_minutes: int
    rate: Decimal

    @property
    def attended_hours(self) -> Decimal:
        return hours_for_minutes(self.attended_minutes)


def attendance_for_cohort(
    *, cohort: Cohort, registration_ids: list[int] | None = None
) -> dict[int, PersonAttendance]:
    """Registration id → attended minutes and rate (percent) for every confirmed registration
    (three queries), or for `registration_ids`, confirmed registrations of the cohort the
    caller chose (a page of people: two queries). However many people."""
    minutes = _session_minutes(cohort_id=cohort.pk)
    total = sum(minutes.values())
    marks = Attendance.objects.filter(
        session__cohort=cohort,
        registration__status=Registration.Status.CONFIRMED,
        status__in=Attendance.ATTENDED,
    )
    if registration_ids is None:
        confirmed = Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
        registration_ids = list(confirmed.values_list("pk", flat=True))
    else:
        marks = marks.filter(registration_id__in=registration_ids)
    attended = Counter()
    for registration_id, session_id in marks.values_list("registration_id", "session_id"):
        attended[registration_id] += minutes[session_id]
    return {
        pk: PersonAttendance(
            attended_minutes=attended[pk],
            rate=attendance_percent(attended_minutes=attended[pk], total_minutes=total),
        )
        for pk in registration_ids
    }


def attendance_rate(*, registration: Registration) -> Decimal:
    """The attendance rate (percent) of one registration; two queries."""
    minutes = _session_minutes(cohort_id=registration.cohort_id)
    attended_ids = Attendance.objects.filter(
        registration=registration, status__in=Attendance.ATTENDED
    ).values_list("session_id", flat=True)
    return attendance_percent(
        attended_minutes=sum(minutes.get(pk, 0) for pk in attended_ids),
        total_minutes=sum(minutes.values()),
    )


def attendance_sessions_for(*, user) -> QuerySet[Session]:
    """Sessions of the cohorts the user facilitates (every cohort for coordinators), with how
    many confirmed participants each cohort has and how many attended each session."""
    confirmed = (
        Registration.objects.filter(
            cohort_id=OuterRef("cohort_id"), status=Registration.Status.CONFIRMED
        )
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    sessions = (
        Session.objects.exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort__program")
        .annotate(
            confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0),
            attended_count=Count(
                "attendances",
                filter=Q(
                    attendances__status__in=Attendance.ATTENDED,
                    attendances__registration__status=Registration.Status.CONFIRMED,
                ),
            ),
        )
        .order_by("-cohort__starts_on", "cohort_id", "starts_at", "pk")
    )
    if is_coordinator(user):
        return sessions
    return sessions.filter(cohort__facilitators=user)


def session_get(*, session_id: int) -> Session | None:
    return Session.objects.select_related("cohort__program").filter(pk=session_id).first()


def _attendance_status(session: Session) -> Subquery:
    """The row's mark for `session`: at most one (a unique constraint), read through that
    constraint's index, without the model's ordering (which joined the session and the
    registration again for each row, and sorted)."""
    return Subquery(
        Attendance.objects.filter(session=session, registration=OuterRef("pk"))
        .order_by()
        .values("status")[:1]
    )


def grid_rows_qs(*, session: Session) -> QuerySet[Registration]:
    """Confirmed registrations of the session's cohort, Turkish-sorted by name, each with
    `attendance_status` (None when unmarked). One query (paginate it: a cohort has hundreds)."""
    return (
        Registration.objects.filter(
            cohort_id=session.cohort_id, status=Registration.Status.CONFIRMED
        )
        .select_related("participant")
        .only("participant__full_name")  # all a row shows of its person
        .annotate(attendance_status=_attendance_status(session))
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def grid_row_get(*, session: Session, registration_id: int) -> Registration | None:
    """One row of the grid (the one a click changed)."""
    return grid_rows_qs(session=session).filter(pk=registration_id).first()


def sign_in_sheet_rows(*, session: Session) -> list[tuple[str, str]]:
    """(name, organisation) of the confirmed participants of the session's cohort, in Turkish
    alphabetical order: the rows of its sign-in sheet. One query."""
    return [
        (name or email, organisation or "")
        for name, email, organisation in Registration.objects.filter(
            cohort_id=session.cohort_id, status=Registration.Status.CONFIRMED
        )
        .order_by(turkish_collate("participant__full_name"), "pk")
        .values_list(
            "participant__full_name",
            "participant__email",
            "participant__participant_profile__organization__name",
        )
    ]


def grid_counts(*, session: Session) -> dict[str, int]:
    """Present / late / absent / unmarked counts of the session's grid (everyone, whatever
    page is shown): one query."""
    counts = (
        Registration.objects.filter(
            cohort_id=session.cohort_id, status=Registration.Status.CONFIRMED
        )
        .annotate(mark=_attendance_status(session))
        .aggregate(
            total=Count("pk"),
            present=Count("pk", filter=Q(mark=Attendance.Status.PRESENT)),
            late=Count("pk", filter=Q(mark=Attendance.Status.LATE)),
            absent=Count("pk", filter=Q(mark=Attendance.Status.ABSENT)),
        )
    )
    return {
        "present": counts["present"],
        "late": counts["late"],
        "absent": counts["absent"],
        "unmarked": counts["total"] - counts["present"] - counts["late"] - counts["absent"],
        "total": counts["total"],
    }


def session_registration_get(*, session: Session, registration_id: int) -> Registration | None:
    """A registration (of any status) of the session's cohort."""
    return (
        Registration.objects.select_related("participant")
        .filter(cohort_id=session.cohort_id, pk=registration_id)
        .first()
    )


@dataclass(frozen=True)
class OverviewRow:
    registration: Registration
    statuses: list[str | None]  # one per session, in session order
    attended_minutes: int
    rate: Decimal
    meets_threshold: bool

    @property
    def attended_hours(self) -> Decimal:
        return hours_for_minutes(self.attended_minutes)


@dataclass(frozen=True)
class CohortOverview:
    sessions: list[Session]
    rows: list[OverviewRow]  # everyone, or the page of people asked for
    attended_per_session: list[int]  # of everyone
    total_minutes: int
    people: int  # confirmed participants, everyone

    @property
    def total_hours(self) -> Decimal:
        return hours_for_minutes(self.total_minutes)


def cohort_attendance_registrations(*, cohort: Cohort) -> QuerySet[Registration]:
    """The people of the attendance table: confirmed, Turkish-sorted by name."""
    return (
        Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
        .select_related("participant__participant_profile__organization")
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def overview_rows(*, cohort, sessions, registrations, marks) -> list[OverviewRow]:
    cells = {
        (registration_id, session_id): status
        for registration_id, session_id, status in marks.values_list(
            "registration_id", "session_id", "status"
        )
    }
    total = sum(session.duration_minutes for session in sessions)
    rows = []
    for registration in registrations:
        statuses = [cells.get((registration.pk, session.pk)) for session in sessions]
        attended = sum(
            session.duration_minutes
            for session, status in zip(sessions, statuses, strict=True)
            if status in Attendance.ATTENDED
        )
        rate = attendance_percent(attended_minutes=attended, total_minutes=total)
        rows.append(
            OverviewRow(
                registration=registration,
                statuses=statuses,
                attended_minutes=attended,
                rate=rate,
                meets_threshold=meets_threshold(rate=rate, cohort=cohort),
            )
        )
    return rows


def cohort_attendance_overview(*, cohort: Cohort) -> CohortOverview:
    """Sessions × confirmed participants with each cell's status, each person's rate and
    each session's attended count. Three queries, whatever the size of the cohort."""
    sessions = list(Session.objects.filter(cohort=cohort).order_by("starts_at", "pk"))
    rows = overview_rows(
        cohort=cohort,
        sessions=sessions,
        registrations=list(cohort_attendance_registrations(cohort=cohort)),
        marks=Attendance.objects.filter(session__cohort=cohort, registration__status="confirmed"),
    )
    return CohortOverview(
        sessions=sessions,
        rows=rows,
        attended_per_session=[
            sum(1 for row in rows if row.statuses[index] in Attendance.ATTENDED)
            for index in range(len(sessions))
        ],
        total_minutes=sum(session.duration_minutes for session in sessions),
        people=len(rows),
    )


def attended_count(*, session: Session) -> int:
    """How many confirmed participants attended (present or late) the session so far."""
    return Attendance.objects.filter(
        session=session,
        status__in=Attendance.ATTENDED,
        registration__status=Registration.Status.CONFIRMED,
    ).count()


def has_attended(*, session: Session, participant) -> bool:
    return Attendance.objects.filter(
        session=session,
        registration__participant=participant,
        status__in=Attendance.ATTENDED,
    ).exists()


def attendance_rates_for_registrations(registrations: list[Registration]) -> dict[int, Decimal]:
    """Registration id → attendance rate for a person's registrations in one query; their
    cohorts' sessions must be prefetched (registrations_of_participant does)."""
    minutes = {
        session.pk: session.duration_minutes
        for registration in registrations
        for session in registration.cohort.sessions.all()
    }
    attended = Counter()
    for registration_id, session_id in Attendance.objects.filter(
        registration__in=registrations, status__in=Attendance.ATTENDED
    ).values_list("registration_id", "session_id"):
        attended[registration_id] += minutes.get(session_id, 0)
    return {
        registration.pk: attendance_percent(
            attended_minutes=attended[registration.pk],
            total_minutes=sum(
                session.duration_minutes for session in registration.cohort.sessions.all()
            ),
        )
        for registration in registrations
        if registration.status == Registration.Status.CONFIRMED
    }
