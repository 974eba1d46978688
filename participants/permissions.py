"""Object rules of participants: who may take and see attendance.

Facilitators act on the cohorts they are assigned to; coordinators on every cohort.
"""

from accounts.permissions import is_coordinator, is_facilitator


def can_take_attendance_somewhere(user) -> bool:
    """Whether the user may open the attendance pages at all (the "Yoklama" entry point)."""
    return is_coordinator(user) or is_facilitator(user)


def facilitates_cohort(user, cohort) -> bool:
    if not is_facilitator(user):
        return False
    return cohort.facilitators.filter(pk=user.pk).exists()


def can_view_cohort_attendance(user, cohort) -> bool:
    return is_coordinator(user) or facilitates_cohort(user, cohort)


def can_take_attendance(user, session) -> bool:
    """Mark attendance on the grid and show the check-in QR code of a session."""
    return can_view_cohort_attendance(user, session.cohort)
