from collections.abc import Callable

from django.contrib.auth.mixins import AccessMixin
from django.http import HttpRequest


class RoleRequiredMixin(AccessMixin):
    """Anonymous visitors are sent to log in; a logged-in user without the role gets 403.

    `role_test` is one of the functions of `accounts.permissions` (or an app's own rules).
    """

    role_test: Callable[..., bool]

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not type(self).role_test(request.user):
            self.raise_exception = True
            self.permission_denied_message = f"{type(self).role_test.__name__} refused"
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)
