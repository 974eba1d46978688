"""Existing installations lose nothing when the apps were put in order (issue 12).

A database is taken back to the last migrations before the refactor (the certificates, the
e-mails and the legal library still lived in participants and action_plans), filled through the
historical models of that state — a programme with a cohort, sessions, registrations,
attendance, a survey answer, the legal library, a plan with steps, certificates with their
ready PDFs on disk, e-mails of several kinds, an admin log entry — and migrated to the latest
state with `manage.py migrate`. Then every row of every table is still there with the same id
and the same values, and the current code reads it: the documents' owners are the moved
certificates, the e-mails point at their registrations, the roles hold the permissions of the
new apps, every certificate verifies and its PDF downloads for its owner.

It spans every app, so it lives at the top of tests/ (not under one app's mirror). It runs on
the database of the run (PostgreSQL in CI, SQLite on a laptop); in CI it runs once more on SQLite
in a subprocess, so both are proven on every CI run.
"""

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from documents.models import Document
from library.models import LegalReference
from notifications.models import Notification
from participants.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)

# The leaf migrations of the project's apps before issue 12 (the state of every installation
# made before it).
BEFORE_ISSUE_12 = [
    ("accounts", "0002_role_groups"),
    ("action_plans", "0004_legal_reference_search_reads_every_text"),
    ("core", "0002_turkish_collation"),
    ("documents", "0001_initial"),
    ("participants", "0010_notification_delivery_retries"),
    ("programs", "0005_cohort_certificate_rules"),
]
# The apps issue 12 made (their models moved in, tables kept): not migrated at all before it.
NEW_APPS = ["library", "notifications", "certificates"]
PDF = b"%PDF-1.4\n% a certificate printed before issue 12\n"


def _rows(table: str) -> dict:
    """Every row of `table` by primary key, as column → value."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        columns = [column[0] for column in cursor.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}


def _snapshot() -> dict[str, dict]:
    tables = connection.introspection.table_names()
    return {table: _rows(table) for table in tables if table != "django_session"}


def _old_state(executor: MigrationExecutor) -> list[tuple[str, str]]:
    """The nodes of the state before issue 12: ours, and the other apps' (Django's, allauth's)
    latest, which issue 12 did not touch."""
    ours = {app for app, _name in BEFORE_ISSUE_12} | set(NEW_APPS)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ours]
    return [*BEFORE_ISSUE_12, *others]


def _migrate_back() -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    targets = [*BEFORE_ISSUE_12, *((app, None) for app in NEW_APPS)]
    executor.migrate([target for target in targets if target[0] in executor.loader.migrated_apps])
    executor.loader.build_graph()
    return executor


class OldInstallation:
    """What an installation held before issue 12, written through that state's models."""

    def __init__(self, apps) -> None:
        self.apps = apps
        self.now = timezone.now()

    def model(self, label: str):
        return self.apps.get_model(label)

    def user(self, email: str, name: str, *, groups=()):
        user = self.model("accounts.User").objects.create(
            email=email, full_name=name, password=make_password("eski-parola-2026"), language="tr"
        )
        self.model("account.EmailAddress").objects.create(
            user=user, email=email, verified=True, primary=True
        )
        for group in groups:
            user.groups.add(self.model("auth.Group").objects.get(name=group))
        return user

    def fill(self) -> None:
        self.coordinator = self.user("koord@eski.local", "Zeynep Aydın", groups=["coordinator"])
        self.facilitator = self.user("kolay@eski.local", "Emre Işık", groups=["facilitator"])
        self.people = [self.user(f"kisi{n}@eski.local", f"Kişi {n}") for n in range(3)]
        izmir = self.model("core.Province").objects.get(name="İzmir")
        program = self.model("programs.Program").objects.create(
            title="Eski program", slug="eski-program", summary="Özet", status="published"
        )
        self.model("programs.Objective").objects.create(program=program, number=1, text="Hedef")
        start = timezone.localdate() - dt.timedelta(days=30)
        opens = self.now - dt.timedelta(days=60)
        cohort = self.model("programs.Cohort").objects.create(
            program=program,
            title="Eski dönem",
            starts_on=start,
            ends_on=start,
            province=izmir,
            capacity=10,
            registration_opens_at=opens,
            registration_closes_at=opens + dt.timedelta(days=20),
            status="published",
        )
        cohort.facilitators.add(self.facilitator)
        begins = timezone.make_aware(dt.datetime.combine(start, dt.time(10)))
        session = self.model("programs.Session").objects.create(
            cohort=cohort,
            title="Oturum 1",
            starts_at=begins,
            ends_at=begins + dt.timedelta(hours=2),
        )
        organisation = self.model("participants.Organization").objects.create(
            name="Konak Belediyesi", search_name="konak belediyesi", kind="district", province=izmir
        )
        registrations = []
        for person in self.people:
            self.model("participants.ParticipantProfile").objects.create(
                user=person, organization=organisation
            )
            registration = self.model("participants.Registration").objects.create(
                cohort=cohort, participant=person, status="confirmed", status_changed_at=self.now
            )
            registrations.append(registration)
            self.model("participants.Attendance").objects.create(
                session=session,
                registration=registration,
                status="present",
                method="grid",
                marked_by=self.facilitator,
                marked_at=self.now,
            )
        question = self.model("participants.SurveyQuestion").objects.create(
            program=program, position=1, topic="overall", kind="scale", text="Memnun musunuz?"
        )
        response = self.model("participants.SurveyResponse").objects.create(
            cohort=cohort, registration=registrations[0], organization_kind="district"
        )
        self.model("participants.SurveyAnswer").objects.create(
            response=response, question=question, scale=5
        )
        self.model("participants.SurveySubmission").objects.create(registration=registrations[0])
        self.library(program, cohort, registrations, organisation)
        self.certificates(cohort, registrations)
        self.emails(registrations)

    def library(self, program, cohort, registrations, organisation) -> None:
        reference = self.model("action_plans.LegalReference").objects.create(
            law_number="5393",
            law_name="Belediye Kanunu",
            article_number="14",
            summary="Belediyenin görevleri.",
            domain="municipal",
            review_status="reviewed",
            reviewer=self.coordinator,
            reviewed_at=timezone.localdate(),
        )
        procurement = self.model("action_plans.CollaborationType").objects.create(
            slug="mal-ve-hizmet-alimi", name="Mal ve hizmet alımı", position=1
        )
        self.model("action_plans.CollaborationBasis").objects.create(
            collaboration_type=procurement,
            reference=reference,
            side="municipal",
            effect="enables",
            explanation="Belediye hizmet alabilir.",
        )
        template = self.model("action_plans.StepTemplate").objects.create(
            collaboration_type=procurement, position=1, description="Meclis kararı", offset_days=7
        )
        template.references.add(reference)
        practice = self.model("programs.GoodPractice").objects.create(
            partner="Ortak", country="İtalya", title="Örnek", summary="Özet", kind="case_study"
        )
        practice.collaboration_types.add(procurement)
        group = self.model("action_plans.WorkGroup").objects.create(
            cohort=cohort, name="Bakım", theme="care", facilitator=self.facilitator
        )
        self.model("action_plans.WorkGroupMember").objects.create(
            group=group, registration=registrations[0]
        )
        plan = self.model("action_plans.ActionPlan").objects.create(
            cohort=cohort,
            work_group=group,
            title="Bakım kooperatifi",
            municipality=organisation,
            collaboration_type=procurement,
            starts_on=timezone.localdate(),
            status="submitted",
        )
        plan.sdgs.add(self.model("action_plans.SDG").objects.get(number=5))
        step = self.model("action_plans.ActionStep").objects.create(
            plan=plan, position=1, description="Meclis kararı"
        )
        step.references.add(reference)
        self.model("admin.LogEntry").objects.create(
            user=self.coordinator,
            content_type=self.content_type("action_plans", "legalreference"),
            object_id=str(reference.pk),
            object_repr=str(reference.pk),
            action_flag=2,
            change_message="[]",
        )

    def content_type(self, app_label: str, model: str):
        return self.model("contenttypes.ContentType").objects.get_or_create(
            app_label=app_label, model=model
        )[0]

    def document(self, certificate, version: int, **fields):
        name = f"documents/eski-{certificate.pk}.pdf"
        path = Path(settings.MEDIA_ROOT) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PDF + certificate.code.encode())
        return self.model("documents.Document").objects.create(
            kind="certificate",
            content_type=self.content_type("participants", "certificate"),
            object_id=certificate.pk,
            version=version,
            status="ready",
            file=name,
            filename=f"Katılım sertifikası - {certificate.participant_name}.pdf",
            file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            inputs_hash=f"{certificate.pk:064d}",
            **fields,
        )

    def certificate(self, registration, code: str, version: int, status: str, **fields):
        certificate = self.model("participants.Certificate").objects.create(
            registration=registration,
            code=code,
            version=version,
            status=status,
            participant_name=registration.participant.full_name,
            organisation="Konak Belediyesi",
            programme_title="Eski program",
            cohort_title="Eski dönem",
            starts_on=registration.cohort.starts_on,
            ends_on=registration.cohort.ends_on,
            total_hours=Decimal("2.0"),
            attended_hours=None if version == 1 else Decimal("2.0"),
            objectives=["Hedef"],
            facilitators=["Emre Işık"],
            issued_at=self.now,
            issued_by=self.coordinator,
            **fields,
        )
        certificate.document = self.document(certificate, version)
        certificate.save(update_fields=["document"])
        return certificate

    def certificates(self, cohort, registrations) -> None:
        first, second, third = registrations
        old = self.certificate(first, "2345-6789-ABCD-EFGH-JKMN", 1, "superseded")
        current = self.certificate(first, "PQRS-TUVW-XYZ2-3456-789A", 2, "valid")
        old.superseded_by = current
        old.save(update_fields=["superseded_by"])
        self.certificate(second, "BCDE-FGHJ-KMNP-QRST-UVWX", 1, "valid")
        self.certificate(
            third,
            "YZ23-4567-89AB-CDEF-GHJK",
            1,
            "revoked",
            revoked_at=self.now,
            revoked_by=self.coordinator,
            revoke_reason="Yanlış kişi",
        )
        self.valid_code, self.superseded_code = current.code, old.code
        self.revoked_code = "YZ23-4567-89AB-CDEF-GHJK"
        self.owner = first.participant

    def emails(self, registrations) -> None:
        notification = self.model("participants.Notification")
        for number, (registration, kind, status) in enumerate(
            [
                (registrations[0], "received", "sent"),
                (registrations[0], "certificate_ready", "queued"),
                (registrations[1], "plan_reminder", "failed"),
                (registrations[2], "cohort_cancelled", "sent"),
                (None, "reminder", "sent"),
            ]
        ):
            notification.objects.create(
                recipient=registration.participant if registration else self.coordinator,
                registration=registration,
                kind=kind,
                language="tr",
                subject=f"Konu {number}",
                body=f"Metin {number}",
                status=status,
                attempts=1,
                error="SMTP 550 yok" if status == "failed" else "",
                dedupe_key=f"{kind}:{number}",
            )


def _after_migration(snapshot_before: dict, old: OldInstallation, client) -> None:
    """What the current code finds in the migrated installation."""
    snapshot_after = _snapshot()
    _assert_every_row_kept(snapshot_before, snapshot_after)

    for document in Document.objects.filter(kind="certificate"):
        assert isinstance(document.owner, Certificate)
        assert document.owner.pk == document.object_id
        assert document.owner.document_id == document.pk
    for email in Notification.objects.exclude(kind="reminder"):
        registration = email.about
        assert isinstance(registration, Registration)
        assert registration.participant_id == email.recipient_id
    assert Notification.objects.get(kind="reminder").about is None
    entry = LogEntry.objects.get()
    assert isinstance(entry.get_edited_object(), LegalReference)

    coordinator_rights = _rights(Group.objects.get(name="coordinator"))
    facilitator_rights = _rights(Group.objects.get(name="facilitator"))
    for app_label, model in MOVED:
        for action in ("add", "change", "delete", "view"):
            assert f"{app_label}.{action}_{model}" in coordinator_rights
    assert {f"{label}.view_{model}" for label, model in MOVED} <= facilitator_rights

    for code, status in (
        (old.valid_code, "valid"),
        (old.superseded_code, "superseded"),
        (old.revoked_code, "revoked"),
    ):
        response = client.get(reverse("certificates:verify_code", kwargs={"code": code}))
        assert response.status_code == 200
        assert f"verify-result verify-{status}" in response.content.decode()
    client.force_login(get_user_model().objects.get(pk=old.owner.pk))
    current = Certificate.objects.get(code=old.valid_code)
    response = client.get(
        reverse("documents:download", kwargs={"document_id": current.document_id})
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF + old.valid_code.encode()
    superseded = Certificate.objects.get(code=old.superseded_code)
    response = client.get(
        reverse("documents:download", kwargs={"document_id": superseded.document_id})
    )
    assert response.status_code == 302
    assert response.url == reverse(
        "documents:download", kwargs={"document_id": current.document_id}
    )


# The models issue 12 moved, by their new app label.
MOVED = [
    ("certificates", "certificate"),
    ("notifications", "notification"),
    ("library", "sdg"),
    ("library", "legalreference"),
    ("library", "collaborationtype"),
    ("library", "collaborationbasis"),
    ("library", "steptemplate"),
]


def _rights(group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


# Columns that issue 12 changed on purpose: the e-mail's registration became a generic "about".
CHANGED_COLUMNS = {"participants_notification": {"registration_id", "about_type_id", "about_id"}}
# Columns added since, with the value every old row gets (issue 13: an e-mail's HTML part and
# its own address; an old row has neither and is sent as its text to its recipient. A cohort's
# reminders: all switched on, no note, no closing day for its survey. Issue 15: a document's
# progress, none for an old one).
ADDED_COLUMNS = {
    "documents_document": {"progress_done": 0, "progress_total": 0},
    "participants_notification": {"address": "", "html": ""},
    "participants_certificate": {"holder_erased_at": None},
    "programs_cohort": {
        "remind_sessions": True,
        "remind_survey": True,
        "remind_attendance": True,
        "remind_pending": True,
        "remind_plans": True,
        "reminder_note": "",
        "reminder_note_en": "",
        "survey_closes_on": None,
    },
}


def _assert_every_row_kept(before: dict, after: dict) -> None:
    assert set(before) <= set(after), f"tables lost: {set(before) - set(after)}"
    for table, rows in before.items():
        if table in {"django_content_type", "auth_group_permissions"}:
            continue
        kept = after[table]
        assert set(rows) <= set(kept), f"{table}: rows lost {set(rows) - set(kept)}"
        added = ADDED_COLUMNS.get(table, {})
        skip = CHANGED_COLUMNS.get(table, set()) | set(added)
        for pk, row in rows.items():
            new = kept[pk]
            assert {column: new[column] for column in added} == added, f"{table} #{pk} added"
            assert {k: v for k, v in row.items() if k not in skip} == {
                k: v for k, v in new.items() if k not in skip
            }, f"{table} #{pk} changed"
    content_types = {row["id"]: row["model"] for row in before["django_content_type"].values()}
    assert (
        content_types.items()
        <= {row["id"]: row["model"] for row in after["django_content_type"].values()}.items()
    )


def test_the_models_and_their_migrations_agree():
    """A moved model whose state differs from its table's would show up as a new migration."""
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected\n"


OLD_INSTALLATION_TEST = (
    "test_an_installation_from_before_issue_12_keeps_every_row_file_and_certificate"
)


def test_an_installation_from_before_issue_12_keeps_every_row_file_and_certificate(client):
    executor = _migrate_back()
    try:
        old = OldInstallation(executor.loader.project_state(_old_state(executor), at_end=True).apps)
        old.fill()
        before = _snapshot()
    finally:
        call_command("migrate", verbosity=0, interactive=False)
    _after_migration(before, old, client)


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="this run is on SQLite: the test above is the SQLite proof",
)
def test_the_migration_is_proven_on_sqlite_too(tmp_path):
    """In CI the suite runs on PostgreSQL: the test above runs again on SQLite, in a
    subprocess with a database of its own."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
        "CI": "",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{Path(__file__).resolve()}::{OLD_INSTALLATION_TEST}",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
