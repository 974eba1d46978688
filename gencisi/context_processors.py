"""The navigation's view of the current user's roles, for every template (`roles`)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from accounts import permissions
from action_plans import permissions as plan_permissions


class _Roles:
    """What the navigation may show the current user (computed once per request, lazily)."""

    def __init__(self, user) -> None:
        self.is_coordinator = permissions.is_coordinator(user)
        self.is_facilitator = permissions.is_facilitator(user)
        self.is_participant = permissions.is_participant(user)
        self.can_use_console = permissions.can_use_console(user)
        self.can_check_worker = permissions.can_check_worker(user)
        self.can_see_plans = plan_permissions.can_see_plans_area(user)


def roles(request: HttpRequest) -> dict:
    return {"roles": SimpleLazyObject(lambda: _Roles(request.user))}
