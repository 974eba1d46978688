"""Demo attendance for a finished cohort: most people present, a few late or absent.

The pattern is fixed (no randomness), so loading the demo twice gives the same marks, and it
leaves at least one person below an 80 % attendance threshold for the certificate demo.
"""

import datetime as dt

from django.utils import timezone

from participants.models import Attendance, Registration
from participants.services.attendance import attendance_mark

# Read cyclically: P present, L late, A absent.
_PATTERN = "PPPLPPAPPPPPPPLPPPAPPPPPP"
_STATUS = {
    "P": Attendance.Status.PRESENT,
    "L": Attendance.Status.LATE,
    "A": Attendance.Status.ABSENT,
}


def load_demo_attendance(*, cohort) -> int:
    """Mark every confirmed registration for every session of `cohort` that has ended.
    Returns the number of marks. Idempotent."""
    facilitator = cohort.facilitators.order_by("pk").first()
    registrations = list(
        Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED).order_by(
            "pk"
        )
    )
    sessions = list(cohort.sessions.filter(ends_at__lte=timezone.now()).order_by("starts_at", "pk"))
    for session_index, session in enumerate(sessions):
        for person_index, registration in enumerate(registrations):
            letter = _PATTERN[(person_index * 7 + session_index * 3) % len(_PATTERN)]
            attendance_mark(
                session=session,
                registration=registration,
                status=_STATUS[letter],
                marked_by=facilitator,
                method=Attendance.Method.GRID,
            )
        Attendance.objects.filter(session=session).update(
            marked_at=session.starts_at + dt.timedelta(minutes=10)
        )
    return len(sessions) * len(registrations)
