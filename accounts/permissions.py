"""Who is what. Every role question in the project is answered here (and in each app's
`permissions.py` for object rules, built on these); views and templates never repeat it.
"""

from allauth.account.models import EmailAddress

from accounts.roles import COORDINATOR, FACILITATOR

_GROUPS_CACHE = "_gencisi_group_names"
_VERIFIED_CACHE = "_gencisi_is_verified"


def remember_roles(user, *, group_names: frozenset[str], verified: bool) -> None:
    """Keep on the user object what the role questions below would ask the database: its staff
    role groups and whether it has a verified address (`accounts.backends` loads them with the
    user, in the same query, on every signed-in request)."""
    setattr(user, _GROUPS_CACHE, group_names)
    setattr(user, _VERIFIED_CACHE, verified)


def _group_names(user) -> frozenset[str]:
    """The staff role groups (COORDINATOR, FACILITATOR) the user belongs to."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, _GROUPS_CACHE):
        setattr(
            user,
            _GROUPS_CACHE,
            frozenset(
                user.groups.filter(name__in=(COORDINATOR, FACILITATOR)).values_list(
                    "name", flat=True
                )
            ),
        )
    return getattr(user, _GROUPS_CACHE)


def is_coordinator(user) -> bool:
    """Coordinators run programmes, cohorts, registrations and certificates."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or COORDINATOR in _group_names(user)


def is_facilitator(user) -> bool:
    """Facilitators run the cohorts they are assigned to."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return FACILITATOR in _group_names(user)


def has_verified_email(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if not hasattr(user, _VERIFIED_CACHE):
        setattr(
            user,
            _VERIFIED_CACHE,
            EmailAddress.objects.filter(user=user, verified=True).exists(),
        )
    return getattr(user, _VERIFIED_CACHE)


def is_participant(user) -> bool:
    """Any active user with a verified e-mail address may take part in a cohort."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active) and has_verified_email(
        user
    )


def can_use_console(user) -> bool:
    return is_coordinator(user)


def can_check_worker(user) -> bool:
    return is_coordinator(user)


def role_names(user) -> list[str]:
    """The role codes a user holds, most powerful first."""
    roles = []
    if is_coordinator(user):
        roles.append(COORDINATOR)
    if is_facilitator(user):
        roles.append(FACILITATOR)
    if is_participant(user):
        roles.append("participant")
    return roles
