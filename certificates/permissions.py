"""Who may do what with certificates. Verifying one is open to everyone."""

from accounts.permissions import is_coordinator
from participants.permissions import runs_cohort


def can_manage_certificates(user) -> bool:
    """See eligibility, issue, revoke and bundle certificates: coordinators."""
    return is_coordinator(user)


def can_download_certificate(user, certificate) -> bool:
    """The certificate's own participant while it is valid; coordinators and the cohort's
    facilitators whatever its state."""
    registration = certificate.registration
    if runs_cohort(user, registration.cohort):
        return True
    return registration.participant_id == user.pk and certificate.is_valid


def can_view_cohort_certificates(user, cohort) -> bool:
    """The eligibility table, the progress and the ZIP: coordinators and the cohort's
    facilitators (issuing and revoking stay with coordinators)."""
    return runs_cohort(user, cohort)


def can_download_cohort_certificates(user, cohort) -> bool:
    """The ZIP of a cohort's certificates: coordinators and the cohort's facilitators."""
    return runs_cohort(user, cohort)
