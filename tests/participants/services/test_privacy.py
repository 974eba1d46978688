import datetime as dt
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.utils import timezone

from accounts.models import User
from documents.models import Document
from documents.services import document_request
from participants.documents import SIGN_IN_SHEET_KIND, SURVEY_RESPONSES_KIND
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
from participants.signals import personal_data_erased
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationAnswerFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    SessionFactory,
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


def test_erasure_tells_the_apps_above_inside_its_transaction_with_the_row_anonymised():
    profile = ParticipantProfileFactory(user__full_name="İnci Çelik")
    heard = []

    def listener(sender, user, **kwargs):
        user_now = User.objects.get(pk=user.pk)
        heard.append((sender, user.pk, user_now.full_name, connection.in_atomic_block))

    personal_data_erased.connect(listener, dispatch_uid="test.listener")
    try:
        personal_data_erase(user=profile.user)
    finally:
        personal_data_erased.disconnect(dispatch_uid="test.listener")
    assert heard == [(User, profile.user.pk, ERASED_NAME, True)]


def test_erasure_deletes_the_sign_in_sheets_and_survey_files_of_the_persons_cohorts(
    settings, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(participant__full_name="İnci Çelik")
    session = SessionFactory(cohort=registration.cohort)
    other = SessionFactory()  # a cohort she was never in
    with django_capture_on_commit_callbacks(execute=True):
        mine = document_request(kind=SIGN_IN_SHEET_KIND, owner=session)
        theirs = document_request(kind=SIGN_IN_SHEET_KIND, owner=other)
        survey = document_request(kind=SURVEY_RESPONSES_KIND, owner=registration.cohort)
    media = Path(settings.MEDIA_ROOT)
    paths = {doc.pk: media / doc.file.name for doc in Document.objects.exclude(file="")}
    with django_capture_on_commit_callbacks(execute=True):
        personal_data_erase(user=registration.participant)
    assert dict(Document.objects.values_list("pk", "status")) == {
        mine.pk: "erased",
        survey.pk: "erased",
        theirs.pk: "ready",
    }
    assert {pk: path.exists() for pk, path in paths.items()} == {
        mine.pk: False,
        survey.pk: False,
        theirs.pk: True,
    }
