"""Requests of the one-step registration become registrations in the order addresses are
confirmed; until then they hold no seat."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.test import RequestFactory
from django.utils import timezone

from participants.models import ParticipantProfile, Registration, RegistrationRequest
from participants.services.consents import privacy_notice_acknowledge
from participants.services.registration_requests import (
    registration_request_create,
    registration_requests_complete,
)
from participants.services.seats import free_seats
from tests.factories import CohortFactory, OrganizationFactory, UserFactory

NO_CONSENTS = {"consents": {"share_contact": False, "photos": False}}


@pytest.fixture
def organisation(db):
    return OrganizationFactory(name="Karşıyaka Belediyesi")


def _newcomer(name: str, cohort, organisation):
    user = UserFactory(
        full_name=name, email=f"{name.split(maxsplit=1)[0].lower()}@example.org", verified=False
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    privacy_notice_acknowledge(user=user)
    registration_request_create(
        user=user,
        cohort=cohort,
        profile={"organization": organisation.pk},
        registration_values=NO_CONSENTS,
    )
    return user


def _confirm(user) -> None:
    """What the e-mail link does: allauth confirms the address and sends `email_confirmed`."""
    address = EmailAddress.objects.get(user=user)
    address.verified = True
    address.save()
    email_confirmed.send(
        sender=EmailAddress, request=RequestFactory().get("/"), email_address=address
    )


def test_seats_go_in_the_order_addresses_are_confirmed_and_the_rest_wait(organisation):
    cohort = CohortFactory(capacity=2, requires_approval=False)
    ayla, bora, cem = (
        _newcomer(name, cohort, organisation) for name in ("Ayla Er", "Bora Öz", "Cem Tan")
    )
    assert free_seats(cohort) == 2  # unverified sign-ups hold nothing
    for user in (cem, ayla, bora):
        _confirm(user)
    statuses = {
        registration.participant: registration.status
        for registration in Registration.objects.filter(cohort=cohort)
    }
    assert statuses == {cem: "confirmed", ayla: "confirmed", bora: "waitlisted"}
    assert free_seats(cohort) == 0
    assert set(RegistrationRequest.objects.values_list("status", flat=True)) == {"registered"}


def test_a_cohort_that_needs_approval_gets_a_pending_registration(organisation):
    cohort = CohortFactory(capacity=2, requires_approval=True)
    user = _newcomer("Ayla Er", cohort, organisation)
    _confirm(user)
    assert Registration.objects.get(participant=user).status == "pending"


def test_the_profile_is_made_with_the_organisation_and_no_phone(organisation):
    cohort = CohortFactory()
    user = _newcomer("Ayla Er", cohort, organisation)
    assert not ParticipantProfile.objects.filter(user=user).exists()
    registration_requests_complete(user=user)
    profile = ParticipantProfile.objects.get(user=user)
    assert (profile.organization, profile.phone, profile.title) == (organisation, "", "")


def test_completing_again_changes_nothing(organisation):
    cohort = CohortFactory()
    user = _newcomer("Ayla Er", cohort, organisation)
    assert len(registration_requests_complete(user=user)) == 1
    assert registration_requests_complete(user=user) == []
    assert Registration.objects.filter(participant=user).count() == 1


def test_a_window_closed_before_the_link_was_followed_is_recorded(organisation):
    cohort = CohortFactory()
    user = _newcomer("Ayla Er", cohort, organisation)
    cohort.registration_closes_at = timezone.now() - dt.timedelta(minutes=1)
    cohort.registration_opens_at = timezone.now() - dt.timedelta(days=2)
    cohort.save()
    (request,) = registration_requests_complete(user=user)
    assert request.status == "refused"
    assert request.outcome == "Bu dönemin kayıtları kapandı."
    assert not Registration.objects.exists()


def test_an_existing_registration_is_linked_not_doubled(organisation):
    cohort = CohortFactory()
    user = _newcomer("Ayla Er", cohort, organisation)
    existing = Registration.objects.create(cohort=cohort, participant=user, status="confirmed")
    (request,) = registration_requests_complete(user=user)
    assert (request.status, request.registration) == ("registered", existing)
