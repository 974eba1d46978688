"""Who may do what with the legal-basis library: reading it is open to everyone."""

from accounts.permissions import is_coordinator


def can_curate_library(user) -> bool:
    """Coordinators curate references, collaboration types, their bases and step templates."""
    return is_coordinator(user)
