"""Object rules of participants: registrations, attendance and the evaluation survey.

Facilitators act on the cohorts they are assigned to; coordinators on every cohort.
"""

from accounts.permissions import is_coordinator, is_facilitator, is_participant
from programs.permissions import is_cohort_facilitator


def can_answer_survey(user, registration) -> bool:
    return (
        registration is not None
        and registration.participant_id == user.pk
        and registration.status == "confirmed"
    )


def runs_cohort(user, cohort) -> bool:
    """Coordinators and the cohort's own facilitators."""
    return is_coordinator(user) or is_cohort_facilitator(user, cohort)


def can_view_survey_report(user, cohort) -> bool:
    return runs_cohort(user, cohort)


def can_manage_survey(user) -> bool:
    """Open early, close, reopen, edit questions: coordinators."""
    return is_coordinator(user)


def can_take_attendance_somewhere(user) -> bool:
    """Whether the user may open the attendance pages at all (the "Yoklama" entry point)."""
    return is_coordinator(user) or is_facilitator(user)


def can_view_cohort_attendance(user, cohort) -> bool:
    return runs_cohort(user, cohort)


def can_take_attendance(user, session) -> bool:
    """Mark attendance on the grid and show the check-in QR code of a session."""
    return can_view_cohort_attendance(user, session.cohort)


def can_register(user) -> bool:
    """Any verified, active person may register (their profile is asked for first)."""
    return is_participant(user)


def can_view_own_registrations(user) -> bool:
    return is_participant(user)


def can_cancel_own_registration(user, registration) -> bool:
    """A participant cancels their own active registration until the cohort starts."""
    return (
        registration.participant_id == user.pk
        and registration.is_active
        and not registration.cohort.has_started
    )


def can_see_meeting_links(registration) -> bool:
    """Meeting links (the cohort's and its sessions') reach confirmed participants only: never
    a waiting, pending, cancelled or rejected registration, never the public pages."""
    return registration is not None and registration.status == "confirmed"


def can_view_cohort_registrations(user, cohort) -> bool:
    """Coordinators see every cohort's list; facilitators only their own cohorts', read-only."""
    return runs_cohort(user, cohort)


def can_view_registrations_console(user) -> bool:
    return is_coordinator(user) or is_facilitator(user)


def can_manage_registrations(user) -> bool:
    """Approve, reject, cancel, promote, reorder, export: coordinators only."""
    return is_coordinator(user)


def can_merge_organizations(user) -> bool:
    return is_coordinator(user)


def can_manage_notifications(user) -> bool:
    return is_coordinator(user)


def can_manage_own_data(user) -> bool:
    """Everyone signed in may see, download and erase their own personal data."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_message_cohorts(user) -> bool:
    """Whether the user may open the messages pages at all (coordinators, facilitators)."""
    return is_coordinator(user) or is_facilitator(user)


def can_message_cohort(user, cohort) -> bool:
    """Write to a cohort, see its messages and retry them: coordinators and its facilitators."""
    return runs_cohort(user, cohort)


def can_import_participants(user) -> bool:
    """Upload a spreadsheet of participants into a cohort, confirm or discard it."""
    return is_coordinator(user)
