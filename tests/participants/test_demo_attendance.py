import datetime as dt

from django.utils import timezone

from participants.demo_attendance import load_demo_attendance
from participants.models import Attendance, Registration
from tests.factories import CohortFactory, RegistrationFactory, SessionFactory


def _finished_cohort(facilitator):
    today = timezone.localdate()
    cohort = CohortFactory(
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=9),
        registration_opens_at=timezone.now() - dt.timedelta(days=40),
        registration_closes_at=timezone.now() - dt.timedelta(days=12),
    )
    cohort.facilitators.add(facilitator)
    for hour in (9, 11, 14):
        SessionFactory(
            cohort=cohort,
            starts_at=timezone.make_aware(dt.datetime.combine(cohort.starts_on, dt.time(hour))),
            ends_at=timezone.make_aware(dt.datetime.combine(cohort.starts_on, dt.time(hour + 1))),
        )
    registrations = [RegistrationFactory(cohort=cohort) for _ in range(4)]
    RegistrationFactory(cohort=cohort, status=Registration.Status.PENDING)
    return cohort, registrations


def _matrix(cohort, registrations):
    marks = {
        (a.registration_id, a.session_id): a.status
        for a in Attendance.objects.filter(session__cohort=cohort)
    }
    sessions = list(cohort.sessions.order_by("starts_at"))
    return [[marks.get((r.pk, s.pk)) for s in sessions] for r in registrations]


def test_demo_marks_a_fixed_realistic_pattern_once(facilitator):
    cohort, registrations = _finished_cohort(facilitator)
    assert load_demo_attendance(cohort=cohort) == 12
    expected = [
        ["present", "late", "absent"],
        ["present", "present", "present"],
        ["late", "present", "present"],
        ["present", "present", "present"],
    ]
    assert _matrix(cohort, registrations) == expected
    assert Attendance.objects.count() == 12
    assert set(Attendance.objects.values_list("marked_by", flat=True)) == {facilitator.pk}
    first = cohort.sessions.order_by("starts_at").first()
    assert {a.marked_at for a in first.attendances.all()} == {
        first.starts_at + dt.timedelta(minutes=10)
    }

    load_demo_attendance(cohort=cohort)
    assert Attendance.objects.count() == 12
    assert _matrix(cohort, registrations) == expected


def test_demo_skips_sessions_that_have_not_ended(db):
    session = SessionFactory()  # in thirty days
    RegistrationFactory(cohort=session.cohort)
    assert load_demo_attendance(cohort=session.cohort) == 0
    assert not Attendance.objects.exists()
