import datetime as dt

import pytest
import time_machine

from participants.models import Attendance, Registration
from participants.services.attendance import (
    AttendanceRefusedError,
    attendance_check_in,
    attendance_mark,
)
from tests.factories import AttendanceFactory, RegistrationFactory, SessionFactory, UserFactory


@pytest.fixture
def session(db):
    return SessionFactory()


@pytest.fixture
def registration(session):
    return RegistrationFactory(cohort=session.cohort, participant__full_name="Irmak Yıldız")


def _mark(session, registration, status, marked_by=None, method=Attendance.Method.GRID):
    return attendance_mark(
        session=session,
        registration=registration,
        status=status,
        marked_by=marked_by,
        method=method,
    )


def test_mark_creates_one_record_with_who_and_how(session, registration, facilitator):
    moment = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=False):
        attendance = _mark(session, registration, Attendance.Status.PRESENT, facilitator)
    assert attendance.status == "present"
    assert attendance.method == "grid"
    assert attendance.marked_by == facilitator
    assert attendance.marked_at == moment
    assert Attendance.objects.count() == 1


def test_marking_the_same_status_again_changes_nothing(session, registration, facilitator):
    first = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(first, tick=False):
        _mark(session, registration, Attendance.Status.LATE, facilitator)
    with time_machine.travel(first + dt.timedelta(minutes=5), tick=False):
        again = _mark(session, registration, Attendance.Status.LATE, None)
    assert Attendance.objects.count() == 1
    assert again.marked_at == first
    assert again.marked_by == facilitator


def test_changing_the_status_updates_the_record(session, registration, facilitator, coordinator):
    _mark(session, registration, Attendance.Status.ABSENT, facilitator)
    _mark(session, registration, Attendance.Status.PRESENT, coordinator)
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.marked_by) == ("present", coordinator)


@pytest.mark.parametrize(
    "status",
    [
        Registration.Status.PENDING,
        Registration.Status.WAITLISTED,
        Registration.Status.CANCELLED,
        Registration.Status.REJECTED,
    ],
)
def test_only_confirmed_registrations_can_be_marked(session, status):
    registration = RegistrationFactory(cohort=session.cohort, status=status)
    with pytest.raises(AttendanceRefusedError, match="Yalnızca onaylı kayıtlar"):
        _mark(session, registration, Attendance.Status.PRESENT)
    assert not Attendance.objects.exists()


def test_registration_of_another_cohort_is_refused(session):
    with pytest.raises(AttendanceRefusedError, match="eğitim dönemine kayıtlı değil"):
        _mark(session, RegistrationFactory(), Attendance.Status.PRESENT)
    assert not Attendance.objects.exists()


def test_unknown_status_is_refused(session, registration):
    with pytest.raises(AttendanceRefusedError, match="Bilinmeyen yoklama durumu"):
        _mark(session, registration, "maybe")


def _during(session):
    return time_machine.travel(session.starts_at + dt.timedelta(minutes=5), tick=False)


def test_check_in_marks_present_by_qr_once(session, registration):
    with _during(session):
        assert attendance_check_in(session=session, participant=registration.participant)
        assert not attendance_check_in(session=session, participant=registration.participant)
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.method, attendance.marked_by) == (
        "present",
        "qr",
        registration.participant,
    )


def test_check_in_keeps_a_late_mark(session, registration):
    AttendanceFactory(session=session, registration=registration, status="late")
    with _during(session):
        assert not attendance_check_in(session=session, participant=registration.participant)
    assert Attendance.objects.get().status == "late"


def test_check_in_turns_an_absent_mark_into_present(session, registration):
    AttendanceFactory(session=session, registration=registration, status="absent")
    with _during(session):
        assert attendance_check_in(session=session, participant=registration.participant)
    assert Attendance.objects.get().status == "present"


def test_check_in_outside_the_window_is_refused(session, registration):
    with (
        time_machine.travel(session.starts_at - dt.timedelta(minutes=31), tick=False),
        pytest.raises(AttendanceRefusedError, match="şu anda açık değil"),
    ):
        attendance_check_in(session=session, participant=registration.participant)
    assert not Attendance.objects.exists()


def test_check_in_without_confirmed_registration_is_refused(session):
    pending = RegistrationFactory(cohort=session.cohort, status=Registration.Status.PENDING)
    for person in (UserFactory(), pending.participant):
        with _during(session), pytest.raises(AttendanceRefusedError, match="onaylı bir kaydınız"):
            attendance_check_in(session=session, participant=person)
    assert not Attendance.objects.exists()
