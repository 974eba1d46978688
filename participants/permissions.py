"""Who may do what with registrations, organisations and e-mails (built on accounts.permissions)."""

from accounts.permissions import is_coordinator, is_facilitator, is_participant


def can_register(user) -> bool:
    """Any verified, active person may register (their profile is asked for first)."""
    return is_participant(user)


def can_view_own_registrations(user) -> bool:
    return is_participant(user)


def facilitates(user, cohort) -> bool:
    return is_facilitator(user) and cohort.facilitators.filter(pk=user.pk).exists()


def can_view_cohort_registrations(user, cohort) -> bool:
    """Coordinators see every cohort's list; facilitators only their own cohorts', read-only."""
    return is_coordinator(user) or facilitates(user, cohort)


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
