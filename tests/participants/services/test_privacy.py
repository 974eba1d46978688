import datetime as dt
import json
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
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
    admin_log_entry,
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
    profile = ParticipantProfileFactory(
        user__full_name="İnci Çelik", user__email="inci@example.org"
    )
    heard = []

    def listener(sender, user, former_name, former_email, **kwargs):
        user_now = User.objects.get(pk=user.pk)
        anonymised = (user_now.full_name, connection.in_atomic_block)
        heard.append((sender, user.pk, *anonymised, former_name, former_email))

    personal_data_erased.connect(listener, dispatch_uid="test.listener")
    try:
        personal_data_erase(user=profile.user)
    finally:
        personal_data_erased.disconnect(dispatch_uid="test.listener")
    assert heard == [(User, profile.user.pk, ERASED_NAME, True, "İnci Çelik", "inci@example.org")]


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


CHANGED_NAME = [{"changed": {"fields": ["Ad soyad"]}}]


def _admin_entry(admin, obj, *, text: str, message: list = CHANGED_NAME, flag=CHANGE):
    return admin_log_entry(admin, obj, text=text, message=message, flag=flag)


def test_erasure_leaves_no_name_or_address_in_the_admin_history():
    admin = UserFactory(full_name="Yönetici", is_staff=True)
    cohort = CohortFactory(title="Ankara dönemi")
    profile = ParticipantProfileFactory(
        user__full_name="İnci Çelik", user__email="inci@example.org"
    )
    user = profile.user
    address = EmailAddress.objects.get(user=user, email="inci@example.org")
    registration = RegistrationFactory(cohort=cohort, participant=user, status="confirmed")
    ali = RegistrationFactory(cohort=cohort, participant__full_name="Ali Yılmaz")
    about_the_account = _admin_entry(admin, user, text="Inci Celik")  # before a correction
    about_the_registration = _admin_entry(admin, registration, text=f"İnci Çelik — {cohort}")
    about_the_address = _admin_entry(admin, address, text="inci@example.org", flag=DELETION)
    about_the_cohort = _admin_entry(
        admin,
        cohort,
        text="Ankara dönemi",
        message=[{"changed": {"name": "note", "object": "inci@example.org ile görüşüldü"}}],
    )
    about_ali = _admin_entry(admin, ali, text=f"Ali Yılmaz — {cohort}")
    with_her_name_elsewhere = _admin_entry(
        admin,
        cohort,
        text="Ankara dönemi",
        message=[{"added": {"name": "grup üyesi", "object": "Grup 1 — İnci Çelik"}}],
    )

    personal_data_erase(user=user)

    def texts(entry):
        entry.refresh_from_db()
        return entry.object_repr, json.loads(entry.change_message)

    assert texts(about_the_account) == (ERASED_NAME, [{"changed": {"fields": ["Ad soyad"]}}])
    assert texts(about_the_registration)[0] == f"{ERASED_NAME} — {cohort}"
    assert texts(about_the_address)[0] == ERASED_NAME
    assert texts(about_the_cohort) == (
        "Ankara dönemi",
        [{"changed": {"name": "note", "object": f"{ERASED_NAME} ile görüşüldü"}}],
    )
    assert texts(about_ali) == (
        f"Ali Yılmaz — {cohort}",
        [{"changed": {"fields": ["Ad soyad"]}}],
    )
    # Not about their rows and without their address: a namesake's entry is left as it is.
    assert texts(with_her_name_elsewhere)[1] == [
        {"added": {"name": "grup üyesi", "object": "Grup 1 — İnci Çelik"}}
    ]
    entries = LogEntry.objects.values_list("object_repr", "change_message")
    assert not any("inci@example.org" in repr_ + message for repr_, message in entries)
