"""Signed, expiring follow-up links: a plan owner updates step statuses without logging in.

The token is the plan id and the owner's registration id, signed with Django's
`TimestampSigner` under a salt used for nothing else; it is valid for
`ACTION_PLAN_LINK_MAX_AGE_DAYS` days.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "action_plans.followup-link"


@dataclass(frozen=True)
class FollowupClaim:
    plan_id: int
    registration_id: int


class LinkExpiredError(Exception):
    pass


class LinkInvalidError(Exception):
    pass


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def make_token(*, plan_id: int, registration_id: int) -> str:
    return _signer().sign(f"{plan_id}.{registration_id}")


def read_token(token: str) -> FollowupClaim:
    max_age = settings.ACTION_PLAN_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        value = _signer().unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpiredError from error
    except signing.BadSignature as error:
        raise LinkInvalidError from error
    plan_id, _dot, registration_id = value.partition(".")
    if not (plan_id.isdigit() and registration_id.isdigit()):
        raise LinkInvalidError
    return FollowupClaim(plan_id=int(plan_id), registration_id=int(registration_id))
