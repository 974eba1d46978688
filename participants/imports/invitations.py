"""The invitation link of a person an import created: signed (its own salt), valid for
`PARTICIPANT_INVITATION_MAX_AGE_DAYS`, and only until a password is set (the signature covers
a hash of the password field, which setting one changes)."""

import datetime as dt

from django.conf import settings
from django.core.signing import BadSignature, TimestampSigner
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import User
from core.links import absolute_url

SALT = "participants.import-invitation"


def _state(user) -> str:
    return salted_hmac(SALT, f"{user.pk}:{user.password}").hexdigest()[:20]


def invitation_token(user) -> str:
    return TimestampSigner(salt=SALT).sign_object({"u": user.pk, "s": _state(user)})


def invitation_url(user) -> str:
    return absolute_url(
        reverse("participants:invitation", kwargs={"token": invitation_token(user)})
    )


def invitation_user(token: str) -> User | None:
    """The active person the link was made for, or None: altered, expired, already used."""
    max_age = dt.timedelta(days=settings.PARTICIPANT_INVITATION_MAX_AGE_DAYS)
    try:
        data = TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age)
    except (BadSignature, ValueError, TypeError, UnicodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = User.objects.filter(pk=data["u"], is_active=True).first()
    if user is None or not constant_time_compare(_state(user), str(data.get("s", ""))):
        return None
    return user
