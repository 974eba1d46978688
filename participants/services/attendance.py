"""Writes for attendance: the grid's marks and QR self check-in."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participants import checkin_codes
from participants.models import Attendance, Registration


class AttendanceRefusedError(Exception):
    """The mark was not recorded; `message` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def attendance_mark(*, session, registration, status, marked_by, method) -> Attendance:
    """Record (or change) one person's status for one session. Marking the same status again
    changes nothing, so a repeated click or a resent form is harmless."""
    if status not in Attendance.Status.values:
        raise AttendanceRefusedError(_("Unknown attendance status."))
    if registration.cohort_id != session.cohort_id:
        raise AttendanceRefusedError(_("This person is not registered for this session's cohort."))
    if registration.status != Registration.Status.CONFIRMED:
        raise AttendanceRefusedError(_("Only confirmed registrations can be marked."))
    with transaction.atomic():
        attendance, created = Attendance.objects.select_for_update().get_or_create(
            session=session,
            registration=registration,
            defaults={
                "status": status,
                "method": method,
                "marked_by": marked_by,
                "marked_at": timezone.now(),
            },
        )
        if not created and attendance.status != status:
            attendance.status = status
            attendance.method = method
            attendance.marked_by = marked_by
            attendance.marked_at = timezone.now()
            attendance.save(update_fields=["status", "method", "marked_by", "marked_at"])
    return attendance


def check_in_problem(*, session, participant) -> str:
    """Why this participant cannot check in to this session now ("" when they can)."""
    if not checkin_codes.checkin_is_open(session):
        return _("QR check-in is not open for this session at the moment.")
    confirmed = Registration.objects.filter(
        cohort_id=session.cohort_id,
        participant=participant,
        status=Registration.Status.CONFIRMED,
    ).exists()
    if not confirmed:
        return _(
            "You have no confirmed registration for this session's cohort, so you cannot check in."
        )
    return ""


def attendance_check_in(*, session, participant) -> bool:
    """A participant's own QR check-in: marks them present. Returns False when they were
    already marked as attended (present or late) for this session, True when marked now."""
    problem = check_in_problem(session=session, participant=participant)
    if problem:
        raise AttendanceRefusedError(problem)
    with transaction.atomic():
        # Locking the registration serialises two scans of the same person.
        registration = Registration.objects.select_for_update().get(
            cohort_id=session.cohort_id,
            participant=participant,
            status=Registration.Status.CONFIRMED,
        )
        already = Attendance.objects.filter(
            session=session, registration=registration, status__in=Attendance.ATTENDED
        ).exists()
        if already:
            return False
        attendance_mark(
            session=session,
            registration=registration,
            status=Attendance.Status.PRESENT,
            marked_by=participant,
            method=Attendance.Method.QR,
        )
    return True
