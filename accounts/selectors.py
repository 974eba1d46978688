"""Reads of accounts."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from accounts import permissions
from accounts.models import User
from accounts.roles import COORDINATOR, FACILITATOR


def user_with_roles_get(*, pk) -> User | None:
    """The user with `pk` and, in the same query, what `accounts.permissions` asks of every
    signed-in request (its role groups, a verified address), or None."""
    role_flags = {
        f"_has_{role}": Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
        for role in (COORDINATOR, FACILITATOR)
    }
    user = (
        User._default_manager.annotate(
            **role_flags,
            _has_verified_email=Exists(
                EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if user is None:
        return None
    permissions.remember_roles(
        user,
        group_names=frozenset(
            role for role in (COORDINATOR, FACILITATOR) if getattr(user, f"_has_{role}")
        ),
        verified=user._has_verified_email,
    )
    return user
