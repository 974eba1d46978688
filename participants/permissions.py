"""Who may do what with registrations, attendance and the evaluation survey."""

from accounts.permissions import is_coordinator
from programs.permissions import is_cohort_facilitator


def can_answer_survey(user, registration) -> bool:
    return (
        registration is not None
        and registration.participant_id == user.pk
        and registration.status == "confirmed"
    )


def can_view_survey_report(user, cohort) -> bool:
    return is_coordinator(user) or is_cohort_facilitator(user, cohort)


def can_manage_survey(user) -> bool:
    """Open early, close, reopen, edit questions: coordinators."""
    return is_coordinator(user)
