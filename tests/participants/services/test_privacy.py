import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from participants.models import (
    AuditEntry,
    ImportInvitation,
    Registration,
    RegistrationAnswer,
    RegistrationRequest,
)
from participants.selectors.privacy import personal_data_export
from participants.services.consents import consents_update
from participants.services.privacy import (
    ERASED_NAME,
    personal_data_erase,
    unverified_accounts_delete,
)
from participants.services.registration_requests import registration_request_create
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationAnswerFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_erasure_anonymises_keeps_counts_and_promotes_the_waiting_list():
    cohort = CohortFactory(capacity=1, requires_approval=False)
    profile = ParticipantProfileFactory(phone="+905321234567", title="Müdür")
    user = profile.user
    mine = RegistrationFactory(cohort=cohort, participant=user)
    waiting = RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    personal_data_erase(user=user)
    user.refresh_from_db()
    profile.refresh_from_db()
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert user.full_name == ERASED_NAME
    assert user.email.endswith("@anonim.invalid")
    assert not user.is_active
    assert not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert (profile.phone, profile.title) == ("", "")
    assert mine.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    assert Registration.objects.filter(cohort=cohort).count() == 2
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DATA_ERASED).count() == 1


def test_erasure_deletes_the_requests_of_the_one_step_registration():
    profile = ParticipantProfileFactory()
    registration_request_create(
        user=profile.user,
        cohort=CohortFactory(),
        profile={"organization": profile.organization_id},
        registration_values={"consents": {"share_contact": True, "photos": False}},
    )
    personal_data_erase(user=profile.user)
    assert not RegistrationRequest.objects.exists()


def test_export_holds_account_profile_registrations_and_consents():
    profile = ParticipantProfileFactory()
    registration = RegistrationFactory(participant=profile.user)
    consents_update(user=profile.user, choices={"photos": True})
    data = personal_data_export(user=profile.user)
    assert data["account"]["email"] == profile.user.email
    assert data["profile"]["phone"] == "+905321234567"
    assert [r["cohort"] for r in data["registrations"]] == [registration.cohort.title]
    assert [(c["kind"], c["given"]) for c in data["consents"]] == [("photos", True)]


def test_erasure_removes_the_persons_answers_sensitive_ones_included():
    cohort = CohortFactory()
    needs = RegistrationQuestionFactory(cohort=cohort, text="Erişim", sensitive=True)
    sector = RegistrationQuestionFactory(cohort=cohort, text="Sektör")
    profile = ParticipantProfileFactory()
    mine = RegistrationFactory(cohort=cohort, participant=profile.user)
    RegistrationAnswerFactory(registration=mine, question=needs, value="Tekerlekli sandalye")
    RegistrationAnswerFactory(registration=mine, question=sector, value="Kamu")
    other = RegistrationAnswerFactory(question=sector, value="STK")
    data = personal_data_export(user=profile.user)
    assert data["registrations"][0]["answers"] == [
        {"question": "Erişim", "answer": "Tekerlekli sandalye"},
        {"question": "Sektör", "answer": "Kamu"},
    ]
    personal_data_erase(user=profile.user)
    assert list(RegistrationAnswer.objects.all()) == [other]
    assert personal_data_export(user=profile.user)["registrations"][0]["answers"] == []


def test_accounts_never_confirmed_are_deleted_after_14_days_with_their_requests():
    now = timezone.now()
    old = now - dt.timedelta(days=15)

    def unconfirmed(**fields):
        user = UserFactory(verified=False, date_joined=fields.pop("date_joined", old), **fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
        return user

    abandoned = unconfirmed()
    registration_request_create(
        user=abandoned, cohort=CohortFactory(), profile={}, registration_values={}
    )
    kept = {
        "recent": unconfirmed(date_joined=now - dt.timedelta(days=13)),
        "verified": UserFactory(date_joined=old),
        "logged in once": unconfirmed(last_login=old),
        "facilitator": unconfirmed(roles=["facilitator"]),
        "staff": unconfirmed(is_staff=True),
        "registered": RegistrationFactory(participant=unconfirmed()).participant,
    }
    imported = unconfirmed()
    ImportInvitation.objects.create(user=imported)
    kept["invited by an import"] = imported

    assert unverified_accounts_delete() == 1
    assert not User.objects.filter(pk=abandoned.pk).exists()
    assert not RegistrationRequest.objects.exists()
    assert set(User.objects.values_list("pk", flat=True)) >= {u.pk for u in kept.values()}
    assert unverified_accounts_delete() == 0
