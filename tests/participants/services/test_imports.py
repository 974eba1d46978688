import datetime as dt

import pytest
import time_machine
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings

from accounts.models import User
from notifications.models import Notification
from participants.emails import INVITATION, RegistrationEmail
from participants.imports.reading import read_upload
from participants.models import (
    AuditEntry,
    ImportBatch,
    ImportInvitation,
    Organization,
    ParticipantProfile,
    Registration,
)
from participants.services import imports as services
from participants.services.consents import privacy_notice_acknowledge
from tests.factories import (
    CohortFactory,
    OrganizationFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from tests.participants.imports.spreadsheets import EMPTY, csv_bytes, people, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return UserFactory(roles=["coordinator"], is_staff=True)


def _batch(cohort, rows, by, data=None):
    table = read_upload(upload(data or xlsx_bytes(rows)))
    return services.import_batch_create(cohort=cohort, table=table, filename="liste.xlsx", by=by)


def _run(batch, capture):
    """Confirm, then do what the task does (the e-mails stay queued: no worker sends them)."""
    with capture() as callbacks:
        services.import_batch_confirm(batch=batch)
    # The task is sent after commit (the other callbacks are the public pages' cache, emptied
    # on every change: core.page_cache).
    assert [c for c in callbacks if c.__module__ != "core.page_cache"] != []
    assert len([c for c in callbacks if c.__module__ == "core.background"]) == 1
    services.import_batch_run(batch_id=batch.pk)
    batch.refresh_from_db()
    return batch


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_a_confirmed_import_of_1000_rows_registers_everyone_step_by_step(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    cohort = CohortFactory(capacity=1000, requires_approval=False)
    batch = _batch(cohort, people(1000), coordinator)
    seen = []
    import_rows = services.import_rows

    def spy(*, batch, rows):
        seen.append((batch.processed, len(rows)))
        return import_rows(batch=batch, rows=rows)

    monkeypatch.setattr(services, "import_rows", spy)
    batch = _run(batch, django_capture_on_commit_callbacks)
    assert seen == [(start, 100) for start in range(0, 1000, 100)]
    assert (batch.status, batch.total, batch.processed) == ("done", 1000, 1000)
    assert (batch.registered, batch.waitlisted, batch.accounts_created, batch.skipped) == (
        1000,
        0,
        1000,
        0,
    )
    assert batch.rows == []  # the personal data of the file is gone, the counters stay
    assert Registration.objects.filter(cohort=cohort, status="confirmed").count() == 1000
    assert Organization.objects.filter(name="Çankaya Belediyesi").count() == 1
    assert (
        ParticipantProfile.objects.filter(organization__name="Çankaya Belediyesi").count() == 1000
    )
    assert ImportInvitation.objects.filter(batch=batch).count() == 1000
    assert Notification.objects.filter(kind=INVITATION).count() == 1000
    assert AuditEntry.objects.filter(cohort=cohort, action="confirmed").count() == 1000


@override_settings(PARTICIPANT_IMPORT_BATCH_SIZE=1000)
def test_a_step_takes_the_same_number_of_queries_for_10_and_100_rows(
    coordinator, django_assert_num_queries
):
    OrganizationFactory(name="Çankaya Belediyesi")
    for count, start in ((10, 0), (100, 10)):
        cohort = CohortFactory(capacity=count // 2)  # seats and the waiting list
        existing = UserFactory(email=f"katilimci{start:04d}@example.org")
        privacy_notice_acknowledge(user=existing)
        new_organization = [
            f"Yeni {start}",
            f"yeni{start}@example.org",
            f"Kurum {start}",
            "",
            "35",
            *EMPTY,
        ]
        batch = _batch(cohort, [*people(count - 1, start=start), new_organization], coordinator)
        rows = [row for row in batch.rows if not row["problems"]]
        assert len(rows) == count
        ContentType.objects.get_for_model(Registration)  # cached for the process
        with django_assert_num_queries(20):  # the sessions (meeting links) once
            services.import_rows(batch=batch, rows=rows)
        assert (
            Registration.objects.filter(cohort=cohort, status="waitlisted").count()
            == count - count // 2
        )


def test_preview_saves_nothing_but_the_batch(coordinator):
    cohort = CohortFactory()
    before = _counts()
    _batch(cohort, people(20), coordinator)
    after = _counts()
    assert {
        label: after[label] - before[label] for label in after if after[label] != before[label]
    } == {"participants.ImportBatch": 1}


def test_reimporting_the_same_file_changes_nothing(coordinator, django_capture_on_commit_callbacks):
    cohort = CohortFactory(capacity=5)
    data = xlsx_bytes(people(8))
    _run(_batch(cohort, None, coordinator, data), django_capture_on_commit_callbacks)
    before = _counts()
    again = _batch(cohort, None, coordinator, data)
    assert again.total == 0
    assert {problem for row in again.rows for problem in row["problems"]} == {"already_registered"}
    again = _run(again, django_capture_on_commit_callbacks)
    assert (again.registered, again.waitlisted, again.accounts_created) == (0, 0, 0)
    after = _counts()
    assert {
        label: after[label] - before[label] for label in after if after[label] != before[label]
    } == {"participants.ImportBatch": 1}


def test_the_same_rows_imported_twice_by_the_task_change_nothing_the_second_time(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(capacity=5)
    batch = _batch(cohort, people(3), coordinator)
    rows = [row for row in batch.rows if not row["problems"]]
    services.import_rows(batch=batch, rows=rows)
    before = _counts()
    outcome = services.import_rows(batch=batch, rows=rows)
    assert outcome == {"accounts_created": 0, "registered": 0, "waitlisted": 0, "skipped": 3}
    assert _counts() == before


def test_a_finished_import_run_again_does_nothing(coordinator, django_capture_on_commit_callbacks):
    batch = _run(
        _batch(CohortFactory(), people(3), coordinator), django_capture_on_commit_callbacks
    )
    before = _counts()
    services.import_batch_run(batch_id=batch.pk)
    assert _counts() == before


def test_windows_1254_csv_names_import_correctly(coordinator, django_capture_on_commit_callbacks):
    cohort = CohortFactory()
    data = csv_bytes(
        [
            [
                "ŞİĞÜÇÖ ığüşöç",
                "sigucoi@example.org",
                "Öğretmenler Kooperatifi",
                "Kooperatif",
                "İzmir",
            ]
        ],
        header=["Ad Soyad", "E-posta", "Kurum", "Kurum türü", "İl"],
        encoding="cp1254",
    )
    _run(_batch(cohort, None, coordinator, data), django_capture_on_commit_callbacks)
    user = User.objects.get(email="sigucoi@example.org")
    assert user.full_name == "ŞİĞÜÇÖ ığüşöç"
    profile = ParticipantProfile.objects.select_related("organization__province").get(user=user)
    assert profile.organization.name == "Öğretmenler Kooperatifi"
    assert profile.organization.search_name == "ogretmenler kooperatifi"
    assert (profile.organization.kind, profile.organization.cooperative_kind) == (
        "cooperative",
        "other",
    )
    assert profile.organization.province.name == "İzmir"


def test_full_cohort_puts_the_rest_on_the_waiting_list_in_row_order(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(capacity=3, requires_approval=False)
    RegistrationFactory(cohort=cohort, status="confirmed")
    RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    batch = _run(_batch(cohort, people(5), coordinator), django_capture_on_commit_callbacks)
    assert (batch.registered, batch.waitlisted) == (2, 3)
    imported = Registration.objects.filter(participant__email__startswith="katilimci").order_by(
        "participant__email"
    )
    assert [(r.status, r.waitlist_order) for r in imported] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 2),
        ("waitlisted", 3),
        ("waitlisted", 4),
    ]
    bodies = Notification.objects.filter(kind=INVITATION).order_by("recipient__email")
    assert ["bekleme listesine alındınız" in n.body for n in bodies] == [
        False,
        False,
        True,
        True,
        True,
    ]
    assert "bekleme listesine alındınız, sıra 4." in bodies[4].body


def test_cohort_with_approval_gives_pending_seats(coordinator, django_capture_on_commit_callbacks):
    cohort = CohortFactory(capacity=1, requires_approval=True)
    _run(_batch(cohort, people(2), coordinator), django_capture_on_commit_callbacks)
    assert list(
        Registration.objects.filter(cohort=cohort)
        .order_by("participant__email")
        .values_list("status", flat=True)
    ) == ["pending", "waitlisted"]


def test_existing_account_gets_the_usual_email_and_keeps_its_profile(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(requires_approval=False)
    user = UserFactory(email="katilimci0000@example.org", full_name="Eski Ad")
    profile_organization = OrganizationFactory(name="Başka Kurum")
    ParticipantProfile.objects.create(user=user, organization=profile_organization, phone="")
    acknowledgement = privacy_notice_acknowledge(user=user)
    batch = _run(_batch(cohort, people(1), coordinator), django_capture_on_commit_callbacks)
    assert batch.accounts_created == 0
    user.refresh_from_db()
    assert user.full_name == "Eski Ad"
    assert ParticipantProfile.objects.get(user=user).organization == profile_organization
    registration = Registration.objects.get(cohort=cohort, participant=user)
    assert registration.privacy_notice_version == acknowledgement.notice_version
    assert list(Notification.objects.filter(recipient=user).values_list("kind", flat=True)) == [
        "confirmed"
    ]
    assert not ImportInvitation.objects.filter(user=user).exists()


def test_confirming_twice_is_refused(coordinator, django_capture_on_commit_callbacks):
    batch = _run(
        _batch(CohortFactory(), people(1), coordinator), django_capture_on_commit_callbacks
    )
    with pytest.raises(services.ImportBatchError):
        services.import_batch_confirm(batch=batch)
    with pytest.raises(services.ImportBatchError):
        services.import_batch_discard(batch=batch)


def test_confirming_runs_the_task_after_commit(coordinator, django_capture_on_commit_callbacks):
    cohort = CohortFactory(requires_approval=False)
    batch = _batch(cohort, people(2), coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.import_batch_confirm(batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.processed, batch.registered) == ("done", 2, 2)
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_discarding_a_preview_deletes_it(coordinator):
    batch = _batch(CohortFactory(), people(1), coordinator)
    services.import_batch_discard(batch=batch)
    assert not ImportBatch.objects.exists()


def test_previews_unconfirmed_for_24_hours_are_deleted_and_confirmed_imports_are_kept(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory()
    upload_time = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(upload_time, tick=False):
        stale = _batch(cohort, people(2), coordinator)
        confirmed = _run(_batch(cohort, people(1), coordinator), django_capture_on_commit_callbacks)
    with time_machine.travel(upload_time + dt.timedelta(hours=23), tick=False):
        fresh = _batch(cohort, people(3), coordinator)
    with time_machine.travel(upload_time + dt.timedelta(hours=24, minutes=1), tick=False):
        assert services.import_previews_expire() == 1
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {confirmed.pk, fresh.pk}
    assert stale.preview_expires_at == upload_time + dt.timedelta(hours=24)


def test_confirmations_of_many_existing_accounts_read_the_meeting_links_once(
    coordinator, django_assert_num_queries
):
    """Each confirmed person's e-mail carries the sessions' meeting links; the import reads the
    sessions once, whether 3 or 12 people get a seat."""
    OrganizationFactory(name="Çankaya Belediyesi")
    for count in (3, 12):
        cohort = CohortFactory(
            capacity=count, requires_approval=False, online_url="https://toplanti.example.org/donem"
        )
        SessionFactory(cohort=cohort, online_url="https://toplanti.example.org/oturum-1")
        for person in range(count):
            user = UserFactory(email=f"mevcut{count}-{person}@example.org")
            privacy_notice_acknowledge(user=user)
        rows = [
            [f"Kişi {n}", f"mevcut{count}-{n}@example.org", "Çankaya Belediyesi", "", "06", *EMPTY]
            for n in range(count)
        ]
        batch = _batch(cohort, rows, coordinator)
        good = [row for row in batch.rows if not row["problems"]]
        assert len(good) == count
        ContentType.objects.get_for_model(Registration)  # cached for the process
        with django_assert_num_queries(16):
            services.import_rows(batch=batch, rows=good)
        bodies = Notification.objects.filter(
            kind=RegistrationEmail.CONFIRMED, recipient__email__startswith=f"mevcut{count}-"
        ).values_list("body", flat=True)
        assert len(bodies) == count
        assert all(
            "https://toplanti.example.org/donem" in body
            and "https://toplanti.example.org/oturum-1" in body
            for body in bodies
        )
