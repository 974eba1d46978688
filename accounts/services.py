"""Writes for accounts: creating people in a role."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import COORDINATOR, FACILITATOR


@transaction.atomic
def user_create(
    *,
    email: str,
    full_name: str,
    password: str | None,
    roles: tuple[str, ...] = (),
    language: str = "tr",
) -> User:
    """Create (or update) an active user whose e-mail address counts as verified."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, language=language
        )
    else:
        user.full_name = full_name
        user.language = language
        if password:
            user.set_password(password)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    if COORDINATOR in roles and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user


def coordinator_create(*, email: str, full_name: str, password: str) -> User:
    return user_create(email=email, full_name=full_name, password=password, roles=(COORDINATOR,))


def facilitator_create(*, email: str, full_name: str, password: str) -> User:
    return user_create(email=email, full_name=full_name, password=password, roles=(FACILITATOR,))
