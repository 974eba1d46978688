"""The authentication backends: Django's and allauth's, except that the user of a signed-in
request is loaded together with its roles (`accounts.selectors.user_with_roles_get`), in one
query instead of three (user, groups, verified address)."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from accounts.selectors import user_with_roles_get


class _UserWithRoles:
    def get_user(self, user_id):
        user = user_with_roles_get(pk=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_UserWithRoles, DjangoModelBackend):
    """Django's backend (the admin's login, `force_login`)."""


class AuthenticationBackend(_UserWithRoles, AllauthBackend):
    """allauth's backend (the site's login by e-mail address)."""
