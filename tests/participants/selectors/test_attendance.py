import datetime as dt
from decimal import Decimal

import pytest

from participants.models import Registration
from participants.selectors.attendance import (
    PersonAttendance,
    attendance_for_cohort,
    attendance_percent,
    attendance_rate,
    attendance_sessions_for,
    cohort_attendance_overview,
    grid_counts,
    grid_rows_qs,
    hours_for_minutes,
    meets_threshold,
    meets_threshold_condition,
)
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


def _session(cohort, day: int, minutes: int, title: str):
    starts = dt.datetime(2026, 12, day, 7, 0, tzinfo=dt.UTC)
    return SessionFactory(
        cohort=cohort,
        title=title,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=minutes),
    )


@pytest.fixture
def cohort_with_marks(db):
    """Sessions of 90, 120 and 60 minutes (270 in all) and five registrations:

    Ayşe   present, late,   —        → 210 / 270 = 77.77 %
    Burak  present, present, present → 100 %
    Cem    absent,  —,      present  →  60 / 270 = 22.22 %
    Deniz  nothing marked            →   0 %
    Ece    pending, marked present   → no rate
    """
    cohort = CohortFactory(attendance_threshold=75)
    first, second, third = (
        _session(cohort, 1, 90, "Açılış"),
        _session(cohort, 2, 120, "Yasal dayanaklar"),
        _session(cohort, 3, 60, "Grup çalışması"),
    )
    people = {
        name: RegistrationFactory(cohort=cohort, participant__full_name=name)
        for name in ("Ayşe Kara", "Burak Er", "Cem Su", "Deniz Ak")
    }
    pending = RegistrationFactory(
        cohort=cohort, participant__full_name="Ece Tan", status=Registration.Status.PENDING
    )
    marks = [
        ("Ayşe Kara", first, "present"),
        ("Ayşe Kara", second, "late"),
        ("Burak Er", first, "present"),
        ("Burak Er", second, "present"),
        ("Burak Er", third, "present"),
        ("Cem Su", first, "absent"),
        ("Cem Su", third, "present"),
    ]
    for name, session, status in marks:
        AttendanceFactory(session=session, registration=people[name], status=status)
    AttendanceFactory(session=first, registration=pending, status="present")
    other = AttendanceFactory()  # another cohort: must not count
    return {
        "cohort": cohort,
        "sessions": [first, second, third],
        "people": people,
        "pending": pending,
        "other": other,
    }


def test_rates_are_attended_minutes_over_all_session_minutes(cohort_with_marks):
    people = cohort_with_marks["people"]
    attendance = attendance_for_cohort(cohort=cohort_with_marks["cohort"])
    assert attendance == {
        people["Ayşe Kara"].pk: PersonAttendance(attended_minutes=210, rate=Decimal("77.77")),
        people["Burak Er"].pk: PersonAttendance(attended_minutes=270, rate=Decimal("100.00")),
        people["Cem Su"].pk: PersonAttendance(attended_minutes=60, rate=Decimal("22.22")),
        people["Deniz Ak"].pk: PersonAttendance(attended_minutes=0, rate=Decimal("0.00")),
    }
    assert attendance[people["Ayşe Kara"].pk].attended_hours == Decimal("3.5")


def test_rate_of_one_registration_matches_the_cohort_rates(cohort_with_marks):
    people = cohort_with_marks["people"]
    assert attendance_rate(registration=people["Ayşe Kara"]) == Decimal("77.77")
    assert attendance_rate(registration=people["Deniz Ak"]) == Decimal("0.00")


def test_rate_is_rounded_down_so_it_never_reaches_a_threshold_it_misses():
    assert attendance_percent(attended_minutes=7999, total_minutes=10000) == Decimal("79.99")
    assert attendance_percent(attended_minutes=79999, total_minutes=100000) == Decimal("79.99")


def test_cohort_without_sessions_has_zero_rates(db):
    registration = RegistrationFactory()
    assert attendance_for_cohort(cohort=registration.cohort) == {
        registration.pk: PersonAttendance(attended_minutes=0, rate=Decimal("0.00"))
    }
    assert attendance_rate(registration=registration) == Decimal("0.00")


@pytest.mark.parametrize("size", [1, 3])
def test_cohort_rates_take_three_queries_whatever_the_size(db, django_assert_num_queries, size):
    cohort = CohortFactory()
    sessions = [_session(cohort, day, 60, f"Oturum {day}") for day in range(1, 4)]
    for _ in range(size):
        registration = RegistrationFactory(cohort=cohort)
        for session in sessions:
            AttendanceFactory(session=session, registration=registration)
    with django_assert_num_queries(3):
        attendance = attendance_for_cohort(cohort=cohort)
    assert {person.rate for person in attendance.values()} == {Decimal("100.00")}


def test_overview_matrix_totals_and_threshold(cohort_with_marks):
    overview = cohort_attendance_overview(cohort=cohort_with_marks["cohort"])
    assert [session.title for session in overview.sessions] == [
        "Açılış",
        "Yasal dayanaklar",
        "Grup çalışması",
    ]
    assert [
        (row.registration.participant.full_name, row.statuses, row.rate, row.meets_threshold)
        for row in overview.rows
    ] == [
        ("Ayşe Kara", ["present", "late", None], Decimal("77.77"), True),
        ("Burak Er", ["present", "present", "present"], Decimal("100.00"), True),
        ("Cem Su", ["absent", None, "present"], Decimal("22.22"), False),
        ("Deniz Ak", [None, None, None], Decimal("0.00"), False),
    ]
    assert overview.attended_per_session == [2, 2, 2]
    assert overview.total_minutes == 270


def test_grid_rows_are_confirmed_participants_in_turkish_order_with_status(db):
    session = SessionFactory()
    for name in ("Ömer Tekin", "Çiğdem Ay", "İnci Çelik", "Osman Kaya", "Irmak Su", "Cem Öz"):
        registration = RegistrationFactory(cohort=session.cohort, participant__full_name=name)
        if name == "Irmak Su":
            AttendanceFactory(session=session, registration=registration, status="late")
    RegistrationFactory(
        cohort=session.cohort,
        participant__full_name="Bekleyen Kişi",
        status=Registration.Status.WAITLISTED,
    )
    rows = list(grid_rows_qs(session=session))
    assert [(row.participant.full_name, row.attendance_status) for row in rows] == [
        ("Cem Öz", None),
        ("Çiğdem Ay", None),
        ("Irmak Su", "late"),
        ("İnci Çelik", None),
        ("Osman Kaya", None),
        ("Ömer Tekin", None),
    ]
    assert grid_counts(session=session) == {
        "present": 0,
        "late": 1,
        "absent": 0,
        "unmarked": 5,
        "total": 6,
    }


def test_sessions_for_a_facilitator_are_those_of_their_cohorts(db, facilitator, coordinator):
    mine = SessionFactory(title="Benim oturumum")
    mine.cohort.facilitators.add(facilitator)
    registration = RegistrationFactory(cohort=mine.cohort)
    RegistrationFactory(cohort=mine.cohort, status=Registration.Status.PENDING)
    AttendanceFactory(session=mine, registration=registration)
    other = SessionFactory(title="Başkasının oturumu")
    assert [
        (session.title, session.confirmed_count, session.attended_count)
        for session in attendance_sessions_for(user=facilitator)
    ] == [("Benim oturumum", 1, 1)]
    assert {session.pk for session in attendance_sessions_for(user=coordinator)} == {
        mine.pk,
        other.pk,
    }
    assert list(attendance_sessions_for(user=UserFactory(roles=["facilitator"]))) == []


def test_hours_are_rounded_half_up_the_same_on_pages_and_certificates():
    assert [hours_for_minutes(minutes) for minutes in (435, 441, 720)] == [
        Decimal("7.3"),
        Decimal("7.4"),
        Decimal("12.0"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first_minutes", "second_minutes", "meets"),
    [(80, 20, True), (79, 21, False), (160, 41, False), (160, 40, True)],
)
def test_threshold_condition_agrees_with_the_rule_at_the_boundary(
    first_minutes, second_minutes, meets
):
    """Attending only the first session: exactly 80 % meets 80 %, 79 % and 79.6 % do not."""
    cohort = CohortFactory(attendance_threshold=80)
    first = _session(cohort, 1, first_minutes, "Birinci")
    _session(cohort, 2, second_minutes, "İkinci")
    registration = RegistrationFactory(cohort=cohort)
    AttendanceFactory(session=first, registration=registration)
    chosen = Registration.objects.filter(meets_threshold_condition(cohort=cohort))
    assert list(chosen) == ([registration] if meets else [])
    assert meets_threshold(rate=attendance_rate(registration=registration), cohort=cohort) is meets


@pytest.mark.django_db
@pytest.mark.parametrize(("threshold", "meets"), [(80, False), (0, True)])
def test_threshold_condition_without_sessions_is_a_rate_of_zero(threshold, meets):
    cohort = CohortFactory(attendance_threshold=threshold)
    registration = RegistrationFactory(cohort=cohort)
    RegistrationFactory(cohort=cohort, status="pending")
    chosen = Registration.objects.filter(meets_threshold_condition(cohort=cohort))
    assert list(chosen) == ([registration] if meets else [])
