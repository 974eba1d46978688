import datetime as dt

import pytest

from participants.models import Registration
from participants.selectors.attendance import (
    cohort_attendance_overview,
    cohort_attendance_registrations,
)
from participants.selectors.attendance_page import (
    cohort_attendance_page,
    cohort_attendance_people,
    cohort_attendance_sessions,
)
from tests.factories import AttendanceFactory, CohortFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _session(cohort, day: int, minutes: int):
    starts = dt.datetime(2026, 12, day, 7, 0, tzinfo=dt.UTC)
    return SessionFactory(
        cohort=cohort, starts_at=starts, ends_at=starts + dt.timedelta(minutes=minutes)
    )


@pytest.fixture
def cohort(db):
    """Sessions of 90, 120 and 60 minutes; Ayşe present, late; Burak at all three; Cem absent,
    then present; Deniz nothing; Ece pending but marked present (counts nowhere)."""
    cohort = CohortFactory(attendance_threshold=75)
    first, second, third = (_session(cohort, day, m) for day, m in ((1, 90), (2, 120), (3, 60)))
    people = {
        name: RegistrationFactory(cohort=cohort, participant__full_name=name)
        for name in ("Ayşe Kara", "Burak Er", "Cem Su", "Deniz Ak")
    }
    pending = RegistrationFactory(
        cohort=cohort, participant__full_name="Ece Tan", status=Registration.Status.PENDING
    )
    for name, session, status in (
        ("Ayşe Kara", first, "present"),
        ("Ayşe Kara", second, "late"),
        ("Burak Er", first, "present"),
        ("Burak Er", second, "present"),
        ("Burak Er", third, "present"),
        ("Cem Su", first, "absent"),
        ("Cem Su", third, "present"),
    ):
        AttendanceFactory(session=session, registration=people[name], status=status)
    AttendanceFactory(session=first, registration=pending, status="present")
    return cohort


def test_a_page_of_people_shows_their_rows_and_everyones_figures(cohort, django_assert_num_queries):
    everyone = cohort_attendance_overview(cohort=cohort)
    with django_assert_num_queries(1):
        sessions, people = cohort_attendance_sessions(cohort=cohort)
    page = list(cohort_attendance_registrations(cohort=cohort)[1:3])
    with django_assert_num_queries(1):
        overview = cohort_attendance_page(
            cohort=cohort, sessions=sessions, people=people, registrations=page
        )
    assert people == everyone.people == 4
    assert overview.attended_per_session == everyone.attended_per_session == [2, 2, 2]
    assert overview.total_minutes == everyone.total_minutes == 270
    assert overview.rows == everyone.rows[1:3]
    assert [row.registration.participant.full_name for row in overview.rows] == [
        "Burak Er",
        "Cem Su",
    ]


def test_the_pages_people_are_the_exports_with_their_names_alone(cohort, django_assert_num_queries):
    with django_assert_num_queries(1):
        people = list(cohort_attendance_people(cohort=cohort)[1:3])
    with django_assert_num_queries(0):
        names = [registration.participant.full_name for registration in people]
    assert names == ["Burak Er", "Cem Su"]
    assert [registration.pk for registration in people] == [
        registration.pk for registration in cohort_attendance_registrations(cohort=cohort)[1:3]
    ]
    assert "participant_id" not in people[0].get_deferred_fields()
    assert "status" in people[0].get_deferred_fields()


def test_a_cohort_without_sessions_has_no_one_to_show(db):
    cohort = CohortFactory()
    RegistrationFactory(cohort=cohort)
    assert cohort_attendance_sessions(cohort=cohort) == ([], 0)
