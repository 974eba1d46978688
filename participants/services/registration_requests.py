"""The one-step registration's requests: recorded with the new account, turned into
registrations when the person confirms their e-mail address (allauth's `email_confirmed`,
participants/receivers.py). Until then nothing holds a seat and nothing public is created
(the organisation a person adds, their profile): an address nobody confirms leaves no trace
but the unverified account and its request."""

from django.db import transaction
from django.utils import timezone

from core.models import Province
from participants.models import Organization, ParticipantProfile, RegistrationRequest
from participants.services.organizations import organization_create
from participants.services.profiles import participant_profile_save
from participants.services.registrations import (
    AlreadyRegisteredError,
    RegistrationError,
    registration_create,
)

Status = RegistrationRequest.Status


def registration_request_create(
    *, user, cohort, profile: dict, registration_values: dict
) -> RegistrationRequest:
    """Record what the one-step form asked for, next to the account it created."""
    return RegistrationRequest.objects.create(
        user=user, cohort=cohort, profile=profile, registration_values=registration_values
    )


def _organization(profile: dict) -> Organization | None:
    if profile.get("organization"):
        return Organization.objects.filter(pk=profile["organization"]).first()
    new = profile.get("new_organization")
    if not new:
        return None
    province = Province.objects.filter(pk=new.get("province")).first()
    if province is None:
        return None
    return organization_create(
        name=new["name"],
        kind=new["kind"],
        cooperative_kind=new.get("cooperative_kind", ""),
        province=province,
        district=new.get("district", ""),
        website=new.get("website", ""),
    )


def _ensure_profile(user, profile: dict) -> None:
    if ParticipantProfile.objects.filter(user=user).exists():
        return
    organization = _organization(profile)
    if organization is not None:
        participant_profile_save(
            user=user,
            full_name=user.full_name,
            language=user.language,
            organization=organization,
            title=profile.get("title", ""),
            phone=profile.get("phone", ""),
        )


def registration_requests_complete(*, user) -> list[RegistrationRequest]:
    """The person has confirmed their address: make the profile they described, then register
    them for each cohort they asked for, through the one seat rule (registration_create locks
    the cohort: seats go in the order people confirm, the rest join the waiting list). A
    request that cannot be registered any more (the window closed meanwhile…) keeps why.
    Idempotent: completed requests are passed over."""
    with transaction.atomic():
        requests = list(
            RegistrationRequest.objects.select_for_update()
            .filter(user=user, status=Status.AWAITING_VERIFICATION)
            .select_related("cohort")
            .order_by("created_at", "pk")
        )
        if not requests:
            return []
        _ensure_profile(user, requests[0].profile)
        now = timezone.now()
        for request in requests:
            try:
                with transaction.atomic():
                    request.registration = registration_create(
                        cohort=request.cohort,
                        participant=user,
                        privacy_acknowledged=False,  # acknowledged with the sign-up
                        **request.registration_values,
                    )
                request.status = Status.REGISTERED
            except AlreadyRegisteredError as error:
                request.registration = error.registration
                request.status = Status.REGISTERED
            except RegistrationError as error:
                request.status = Status.REFUSED
                request.outcome = str(error.message)[:300]
            request.completed_at = now
            request.save(update_fields=["status", "registration", "outcome", "completed_at"])
    return requests
