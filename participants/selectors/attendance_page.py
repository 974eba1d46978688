"""The cohort's attendance page: a page of people, and the figures of everyone in SQL (issue 15:
the cohort of 600 no longer reads every person's marks to show 50)."""

from django.db.models import Count, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.db import count_of, turkish_collate
from participants.models import Attendance, Registration
from participants.selectors.attendance import CohortOverview, overview_rows
from programs.models import Cohort, Session


def _confirmed_marks() -> QuerySet[Attendance]:
    return Attendance.objects.filter(registration__status=Registration.Status.CONFIRMED)


def cohort_attendance_sessions(*, cohort: Cohort) -> tuple[list[Session], int]:
    """The cohort's sessions in order, each with `attended` (confirmed people present or late),
    and the number of confirmed people: one query (no sessions: no people to show).

    The cohort's confirmed registrations are a subquery of their own, not correlated with the
    session (a mark is of a registration of the session's cohort, services.attendance): read
    once, hashed, where checking each mark's registration cost an index probe a mark (issue 15:
    3,000 probes for 6 sessions of 600 people)."""
    confirmed = Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
    people = Subquery(
        confirmed.order_by().values("cohort").annotate(count=Count("pk")).values("count"),
        output_field=IntegerField(),
    )
    marks = Attendance.objects.filter(
        status__in=Attendance.ATTENDED, registration__in=confirmed.values("pk")
    )
    sessions = list(
        Session.objects.filter(cohort=cohort)
        .annotate(attended=count_of(marks, outer="session"), people=Coalesce(people, 0))
        .order_by("starts_at", "pk")
    )
    return sessions, sessions[0].people if sessions else 0


def cohort_attendance_people(*, cohort: Cohort) -> QuerySet[Registration]:
    """The rows of the attendance page (`cohort_attendance_registrations`' people and order):
    only what the page shows of them, the name, without the profile and organization joins that
    the export needs."""
    return (
        Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
        .select_related("participant")
        .only("pk", "participant__full_name")
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def cohort_attendance_page(
    *, cohort: Cohort, sessions: list[Session], people: int, registrations: list[Registration]
) -> CohortOverview:
    """`cohort_attendance_overview` for a page of people (`registrations`, a page of
    `cohort_attendance_registrations`), with the sessions and count of
    `cohort_attendance_sessions`: one query, for the page's marks."""
    return CohortOverview(
        sessions=sessions,
        rows=overview_rows(
            cohort=cohort,
            sessions=sessions,
            registrations=registrations,
            marks=_confirmed_marks()
            .filter(session__cohort=cohort, registration__in=[r.pk for r in registrations])
            .order_by(),  # read into a dict: no sort (the model's order joins the sessions)
        ),
        attended_per_session=[session.attended for session in sessions],
        total_minutes=sum(session.duration_minutes for session in sessions),
        people=people,
    )
