import datetime as dt
import io
import re
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import transaction
from pypdf import PdfReader

from certificates.codes import new_code, normalise_code
from certificates.kinds import certificate_data
from certificates.models import Certificate
from certificates.selectors import IssueProgress, certificate_eligibility, issue_progress
from certificates.services import (
    certificate_bundle_request,
    certificate_revoke,
    certificates_erase_holder,
    certificates_issue,
)
from documents import rendering
from documents.layouts import CERTIFICATE, certificate_qr_payload
from documents.models import Document
from documents.services import documents_render
from notifications.models import Notification
from notifications.services import notifications_send
from participants.models import AuditEntry, Registration, SurveySubmission
from tests.factories import (
    ActionPlanFactory,
    AttendanceFactory,
    UserFactory,
    WorkGroupMemberFactory,
    admin_log_entry,
)


@pytest.fixture
def issue(coordinator, django_capture_on_commit_callbacks):
    def run(cohort):
        with django_capture_on_commit_callbacks(execute=True):
            return certificates_issue(cohort=cohort, issued_by=coordinator)

    return run


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pdf_text(document: Document) -> str:
    with document.file.open("rb") as stream:
        return _text(stream.read())


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reasons(cohort) -> dict[str, list[str]]:
    return {
        row.registration.participant.full_name: row.reasons
        for row in certificate_eligibility(cohort=cohort)
    }


def test_attendance_below_the_threshold_is_not_eligible(certificate_cohort, enrol):
    enrol("İnci Çelik", attended=2)
    enrol("Ali Yılmaz", attended=1)
    assert _reasons(certificate_cohort) == {
        "Ali Yılmaz": ["Devam oranı %80 eşiğinin altında."],
        "İnci Çelik": [],
    }


def test_the_evaluation_counts_only_when_the_cohort_asks_for_it(certificate_cohort, enrol):
    done = enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    SurveySubmission.objects.create(registration=done)
    assert _reasons(certificate_cohort) == {"Ali Yılmaz": [], "İnci Çelik": []}
    certificate_cohort.certificate_requires_evaluation = True
    certificate_cohort.save()
    assert _reasons(certificate_cohort) == {
        "Ali Yılmaz": ["Değerlendirme anketi gönderilmemiş."],
        "İnci Çelik": [],
    }


def test_an_own_or_a_work_group_plan_submitted_or_approved_counts(certificate_cohort, enrol):
    certificate_cohort.certificate_requires_plan = True
    certificate_cohort.save()
    own = enrol("Ayşe Kaya")
    member = enrol("Bora Demir")
    draft = enrol("Cem Şahin", attended=1)
    ActionPlanFactory(registration=own, work_group=None, status="submitted")
    group = WorkGroupMemberFactory(registration=member, group__cohort=certificate_cohort).group
    ActionPlanFactory(work_group=group, status="approved")
    ActionPlanFactory(registration=draft, work_group=None, status="draft")
    assert _reasons(certificate_cohort) == {
        "Ayşe Kaya": [],
        "Bora Demir": [],
        "Cem Şahin": ["Devam oranı %80 eşiğinin altında.", "Gönderilmiş eylem planı yok."],
    }


def test_eligibility_takes_the_same_number_of_queries_for_one_or_three_people(
    certificate_cohort, enrol, django_assert_num_queries
):
    enrol("Ayşe Kaya")
    with django_assert_num_queries(7):
        certificate_eligibility(cohort=certificate_cohort)
    enrol("Bora Demir", attended=1)
    enrol("Cem Şahin")
    with django_assert_num_queries(7):
        rows = certificate_eligibility(cohort=certificate_cohort)
    assert [row.eligible for row in rows] == [True, False, True]


def test_issuing_takes_the_same_number_of_queries_for_one_or_three_people(
    certificate_cohort, enrol, coordinator, django_assert_num_queries
):
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_model(Certificate)  # cached for the process, as in production
    enrol("Ayşe Kaya")
    with django_assert_num_queries(22):
        assert certificates_issue(cohort=certificate_cohort, issued_by=coordinator).issued == 1
    Certificate.objects.all().delete()
    enrol("Bora Demir")
    enrol("Cem Şahin")
    with django_assert_num_queries(22):
        assert certificates_issue(cohort=certificate_cohort, issued_by=coordinator).issued == 3
    assert Document.objects.filter(kind="certificate").count() == 4


def test_the_pdf_prints_the_turkish_upper_case_name_and_the_code(certificate_cohort, enrol, issue):
    registration = enrol("İnci Çelik")
    assert issue(certificate_cohort).issued == 1
    certificate = Certificate.objects.get(registration=registration)
    assert certificate.document.status == Document.Status.READY
    text = _pdf_text(certificate.document)
    assert "İNCİ ÇELİK" in text
    assert certificate.code in text
    assert certificate.document.filename == "Katılım sertifikası - İnci Çelik.pdf"
    assert certificate_qr_payload(certificate_data(certificate)) == (
        f"{django_settings.SITE_URL.rstrip('/')}/sertifika/dogrula/{certificate.code}/"
    )


def test_the_certificate_snapshots_what_it_prints(certificate_cohort, enrol, issue, facilitator):
    registration = enrol("İnci Çelik")
    issue(certificate_cohort)
    certificate = Certificate.objects.get(registration=registration)
    assert certificate.snapshot() == {
        "participant_name": "İnci Çelik",
        "organisation": "Çankaya Belediyesi",
        "programme_title": "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        "cohort_title": "Ankara dönemi",
        "starts_on": certificate_cohort.starts_on,
        "ends_on": certificate_cohort.ends_on,
        "place": "Çankaya Kültür Merkezi, Çankaya/Ankara",
        "total_hours": Decimal("6.0"),
        "attended_hours": Decimal("6.0"),
        "objectives": ["Mevzuat arasında bağ kurmak", "Araç geliştirmek"],
        "facilitators": ["Emre Işık"],
    }
    assert certificate_data(certificate).programme_hours == Decimal(6)
    assert (certificate.version, certificate.status) == (1, "valid")


def test_issuing_twice_renders_each_certificate_once(
    certificate_cohort, enrol, issue, render_calls
):
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    enrol("Ayşe Kaya", attended=1)
    first = issue(certificate_cohort)
    second = issue(certificate_cohort)
    assert (first.issued, first.unchanged) == (2, 0)
    assert (second.issued, second.unchanged) == (0, 2)
    assert render_calls == ["certificate", "certificate"]
    assert Certificate.objects.count() == 2


def test_a_corrected_name_gives_a_new_version_and_supersedes_the_old(
    certificate_cohort, enrol, issue
):
    registration = enrol("Inci Celik")
    issue(certificate_cohort)
    old = Certificate.objects.get(registration=registration)
    registration.participant.full_name = "İnci Çelik"
    registration.participant.save()
    assert issue(certificate_cohort).issued == 1
    old.refresh_from_db()
    new = Certificate.objects.get(registration=registration, status="valid")
    assert (old.status, old.superseded_by, old.participant_name) == (
        "superseded",
        new,
        "Inci Celik",
    )
    assert (new.version, new.participant_name) == (2, "İnci Çelik")
    assert new.code != old.code
    assert "İNCİ ÇELİK" in _pdf_text(new.document)


def test_below_full_attendance_the_certificate_prints_the_hours_attended_and_the_programme_length(
    eleven_hours, enrol, issue
):
    registration = enrol("İnci Çelik", attended=3)  # 9.5 of 11 hours: 86.36 %
    [row] = certificate_eligibility(cohort=eleven_hours)
    assert (row.rate, row.eligible) == (Decimal("86.36"), True)
    assert issue(eleven_hours).issued == 1
    certificate = Certificate.objects.get(registration=registration)
    assert (certificate.total_hours, certificate.attended_hours) == (
        Decimal("11.0"),
        Decimal("9.5"),
    )
    data = certificate_data(certificate)
    assert (data.programme_hours, data.attended_hours) == (Decimal("11.0"), Decimal("9.5"))
    assert (
        "eğitim programına katılmış ve 11 saatlik programı 9,5 saatlik katılımla başarıyla "
        "tamamlamıştır."
    ) in _one_line(_pdf_text(certificate.document))


def test_hours_attended_that_change_later_make_a_new_version_on_the_next_issue(
    eleven_hours, enrol, issue
):
    registration = enrol("İnci Çelik", attended=3)
    issue(eleven_hours)
    assert issue(eleven_hours).issued == 0  # nothing changed: nothing new
    last_session = eleven_hours.sessions.order_by("starts_at").last()
    AttendanceFactory(session=last_session, registration=registration)  # a late correction
    assert issue(eleven_hours).issued == 1
    old, new = Certificate.objects.filter(registration=registration).order_by("version")
    assert (old.status, old.attended_hours, old.superseded_by) == (
        "superseded",
        Decimal("9.5"),
        new,
    )
    assert (new.status, new.attended_hours, new.version) == ("valid", Decimal("11.0"), 2)
    assert "11 saatlik programı 11 saatlik katılımla" in _one_line(_pdf_text(new.document))


def test_a_certificate_from_before_attended_hours_were_printed_states_the_programme_length_only(
    eleven_hours, enrol, issue
):
    registration = enrol("İnci Çelik", attended=3)
    issue(eleven_hours)
    Certificate.objects.update(attended_hours=None)  # what migration 0008 leaves on old rows
    legacy = Certificate.objects.get()
    text = _one_line(_text(rendering.render_pdf(CERTIFICATE, certificate_data(legacy))))
    assert "eğitim programına katılmış ve 11 saatlik programı başarıyla tamamlamıştır." in text
    assert "katılımla" not in text
    # Its holder gets a corrected version at the next issue.
    assert issue(eleven_hours).issued == 1
    legacy.refresh_from_db()
    current = Certificate.objects.get(registration=registration, status="valid")
    assert (legacy.status, current.attended_hours) == ("superseded", Decimal("9.5"))


def test_revoking_keeps_the_reason_and_a_second_revoke_changes_nothing(
    certificate_cohort, enrol, issue, coordinator
):
    enrol("İnci Çelik")
    issue(certificate_cohort)
    certificate = Certificate.objects.get()
    revoked = certificate_revoke(certificate=certificate, revoked_by=coordinator, reason="Hata")
    assert (revoked.status, revoked.revoke_reason, revoked.revoked_by) == (
        "revoked",
        "Hata",
        coordinator,
    )
    again = certificate_revoke(certificate=certificate, revoked_by=coordinator, reason="Başka")
    assert (again.revoke_reason, again.revoked_at) == ("Hata", revoked.revoked_at)


def test_a_revoked_participant_gets_a_new_certificate_on_the_next_issue(
    certificate_cohort, enrol, issue, coordinator
):
    enrol("İnci Çelik")
    issue(certificate_cohort)
    certificate_revoke(certificate=Certificate.objects.get(), revoked_by=coordinator, reason="X")
    assert issue(certificate_cohort).issued == 1
    assert list(Certificate.objects.order_by("version").values_list("version", "status")) == [
        (1, "revoked"),
        (2, "valid"),
    ]


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("tr", "Sertifikanız hazır: Ankara dönemi"),
        ("en", "Your certificate is ready: Ankara dönemi"),
    ],
)
def test_a_ready_certificate_is_mailed_once_in_the_participants_language(
    certificate_cohort, enrol, issue, language, subject
):
    enrol("İnci Çelik", language=language)
    issue(certificate_cohort)
    issue(certificate_cohort)
    notification = Notification.objects.get(kind="certificate_ready")
    certificate = Certificate.objects.get()
    assert notification.dedupe_key == f"certificate_ready:{certificate.pk}"
    assert (notification.language, notification.subject, notification.status) == (
        language,
        subject,
        "sent",
    )
    assert f"{django_settings.SITE_URL.rstrip('/')}/kayitlarim/" in notification.body
    assert certificate.code in notification.body
    assert len(mail.outbox) == 1


def test_codes_are_long_random_and_grouped():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}", code)


def test_a_typed_code_is_normalised_and_nonsense_is_refused():
    assert normalise_code(" abcd efgh-jkmn pqrs tuvw ") == "ABCD-EFGH-JKMN-PQRS-TUVW"
    assert normalise_code("ABCD-EFGH") is None
    assert normalise_code("ABCD-EFGH-JKMN-PQRS-TUV0") is None
    assert normalise_code("") is None


@pytest.fixture
def worker_media(monkeypatch, settings):
    """The worker started next writes its files where this test looks for them."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


@pytest.mark.worker
def test_a_bulk_issue_is_rendered_by_a_real_worker(
    worker_media, certificate_cohort, enrol, coordinator, celery_worker_process
):
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    with transaction.atomic():
        assert certificates_issue(cohort=certificate_cohort, issued_by=coordinator).issued == 2
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        statuses = set(Certificate.objects.values_list("document__status", flat=True))
        if statuses == {"ready"} and Notification.objects.filter(status="sent").count() == 2:
            break
        time.sleep(0.2)
    assert set(Certificate.objects.values_list("document__status", flat=True)) == {"ready"}
    assert set(Notification.objects.values_list("kind", "status")) == {
        ("certificate_ready", "sent")
    }


@pytest.fixture
def sent_tasks(monkeypatch):
    """The send tasks enqueued during the test (their keyword arguments), not run."""
    from notifications import tasks

    sent = []
    monkeypatch.setattr(
        tasks.send_notifications, "apply_async", lambda *, kwargs: sent.append(kwargs)
    )
    return sent


@pytest.fixture
def thirteen_queued(certificate_cohort, enrol, coordinator, django_capture_on_commit_callbacks):
    """The document ids of 13 certificates issued and queued (their render tasks not run)."""
    for number in range(13):
        enrol(f"Katılımcı {number:02}")
    with django_capture_on_commit_callbacks(execute=False):
        certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    return list(Certificate.objects.order_by("pk").values_list("document_id", flat=True))


def test_a_render_batch_costs_the_same_queries_for_3_or_10_certificates_and_one_send_task(
    thirteen_queued, sent_tasks, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ids = thirteen_queued
    ContentType.objects.get_for_model(Registration)  # cached for the process, as in a worker
    # Claim (give up the exhausted, update, select), the certificates; in one transaction
    # (a savepoint here) the rows still claimed (locked), one update to ready, the e-mails (the
    # certificates with their people, the duplicate check, one insert).
    for batch in (ids[:3], ids[3:]):
        with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(11):
            documents_render(document_ids=batch)
    notifications = Notification.objects.filter(kind="certificate_ready").order_by("pk")
    ready = list(notifications.values_list("pk", flat=True))
    assert Document.objects.filter(status="ready").count() == 13
    assert sent_tasks == [{"notification_ids": ready[:3]}, {"notification_ids": ready[3:]}]
    # Each send task: its e-mails in one query, then a claim and an outcome per e-mail.
    for task in sent_tasks:
        with django_assert_num_queries(1 + 2 * len(task["notification_ids"])):
            notifications_send(**task)
    assert list(notifications.values_list("status", "attempts")) == [("sent", 1)] * 13
    assert len(mail.outbox) == 13


@pytest.fixture
def erased_holder(
    certificate_cohort, enrol, issue, coordinator, django_capture_on_commit_callbacks
):
    """İnci's two versions (a corrected name) and Ali's one, all PDFs ready, the cohort's ZIP
    built; then İnci's certificates erased (the receiver's service alone, at a fixed time)."""
    inci = enrol("Inci Celik")
    ali = enrol("Ali Yılmaz")
    issue(certificate_cohort)
    inci.participant.full_name = "İnci Çelik"
    inci.participant.save()
    issue(certificate_cohort)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_bundle_request(cohort=certificate_cohort, requested_by=coordinator)
    documents = Document.objects.exclude(file="")
    paths = {
        document.pk: Path(django_settings.MEDIA_ROOT) / document.file.name for document in documents
    }
    with (
        time_machine.travel(ERASED_AT, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        erased = certificates_erase_holder(user=inci.participant)
    return {"inci": inci, "ali": ali, "erased": erased, "paths": paths}


ERASED_AT = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


def test_erasing_a_holder_anonymises_every_version_and_keeps_codes_and_states(erased_holder):
    """Name and organisation (which names them in a small cohort) go; code, state stay."""
    inci = erased_holder["inci"]
    assert erased_holder["erased"] == 2
    assert list(
        Certificate.objects.filter(registration=inci)
        .order_by("version")
        .values_list("version", "status", "participant_name", "holder_erased_at", "organisation")
    ) == [
        (1, "superseded", "Silinmiş katılımcı", ERASED_AT, ""),
        (2, "valid", "Silinmiş katılımcı", ERASED_AT, ""),
    ]
    ali = Certificate.objects.get(registration=erased_holder["ali"])
    assert (ali.participant_name, ali.holder_erased_at, ali.organisation) == (
        "Ali Yılmaz",
        None,
        "Çankaya Belediyesi",
    )


def test_erasing_a_holder_deletes_their_pdfs_and_the_cohorts_zip_from_storage(erased_holder):
    inci, paths = erased_holder["inci"], erased_holder["paths"]
    mine = Certificate.objects.filter(registration=inci).values_list("document_id", flat=True)
    bundle = Document.objects.get(kind="certificate_bundle")
    ali = Certificate.objects.select_related("document").get(registration=erased_holder["ali"])
    assert (
        list(
            Document.objects.filter(pk__in=[*mine, bundle.pk])
            .order_by("pk")
            .values_list("status", "file", "filename")
        )
        == [("erased", "", "")] * 3
    )
    assert [paths[pk].exists() for pk in (*mine, bundle.pk)] == [False, False, False]
    assert (ali.document.status, paths[ali.document_id].exists()) == ("ready", True)
    assert "Inci" not in "".join(
        str(path) for path in Path(django_settings.MEDIA_ROOT).rglob("*") if path.is_file()
    )


def test_erasing_a_holder_says_what_went_in_the_audit_log_without_the_name(erased_holder):
    inci = erased_holder["inci"]
    codes = ", ".join(
        Certificate.objects.filter(registration=inci)
        .order_by("version")
        .values_list("code", flat=True)
    )
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.DATA_ERASED)
    assert (entry.actor, entry.cohort_id, entry.registration_id, entry.detail) == (
        None,
        inci.cohort_id,
        inci.pk,
        f"Sertifikalar {codes}: sahibinin adı ve PDF dosyaları silindi.",
    )


def test_a_reissue_after_the_erasure_leaves_the_erased_certificates_as_they_are(
    erased_holder, certificate_cohort, issue
):
    """Even with the person's name still on their account (the receiver's service alone ran)
    and the registration still confirmed, the next issue brings no name back."""
    result = issue(certificate_cohort)
    assert (result.issued, result.unchanged) == (0, 2)
    assert set(
        Certificate.objects.filter(registration=erased_holder["inci"]).values_list(
            "participant_name", flat=True
        )
    ) == {"Silinmiş katılımcı"}


def test_after_the_erasure_the_progress_is_finished_and_a_new_zip_leaves_the_holder_out(
    erased_holder, certificate_cohort, coordinator, django_capture_on_commit_callbacks
):
    assert issue_progress(cohort=certificate_cohort) == IssueProgress(total=1, ready=1, failed=0)
    with django_capture_on_commit_callbacks(execute=True):
        bundle = certificate_bundle_request(cohort=certificate_cohort, requested_by=coordinator)
    bundle.refresh_from_db()
    assert (bundle.version, bundle.status) == (2, "ready")
    with bundle.file.open("rb") as stream, zipfile.ZipFile(io.BytesIO(stream.read())) as archive:
        assert archive.namelist() == ["Katılım sertifikası - Ali Yılmaz.pdf"]


def test_erasing_someone_without_certificates_changes_nothing(
    certificate_cohort, enrol, issue, django_assert_num_queries
):
    enrol("İnci Çelik")
    issue(certificate_cohort)
    other = UserFactory()
    with django_assert_num_queries(1):
        assert certificates_erase_holder(user=other) == 0
    assert Certificate.objects.get().holder_erased_at is None


@pytest.fixture
def email_renders(monkeypatch):
    """The language of every e-mail rendered during the test."""
    from notifications import services

    languages = []
    real = services.email_render
    monkeypatch.setattr(
        services,
        "email_render",
        lambda **kwargs: languages.append(kwargs["language"]) or real(**kwargs),
    )
    return languages


def test_a_batchs_ready_emails_are_rendered_once_per_language_and_equal_each_persons_own(
    certificate_cohort, enrol, coordinator, email_renders, django_capture_on_commit_callbacks
):
    from notifications.services import NotificationRequest, notification_render

    people = [
        ("İnci Çelik", "tr"),
        ("Ali O'Neil & <Kardeşler>", "tr"),
        ("Şule Işık", "tr"),
        ("Zeynep Kaya", "en"),
        ("Ümit Öztürk", "en"),
        # rendered for themselves: a dot, an at sign, a doubled space
        ("M. Ali Yıldız", "tr"),
        ("ali@example.org", "tr"),
        ("Ayşe  Demir", "en"),
    ]
    for name, language in people:
        enrol(name, language=language)
    with django_capture_on_commit_callbacks(execute=False):
        certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        documents_render(document_ids=list(Document.objects.values_list("pk", flat=True)))
    # One draft per language, three people alone.
    assert sorted(email_renders) == ["en", "en", "tr", "tr", "tr"]
    queued = Notification.objects.filter(kind="certificate_ready").order_by("pk")
    assert queued.count() == len(people)
    for notification in queued:
        certificate = Certificate.objects.get(pk=notification.dedupe_key.split(":")[1])
        own = notification_render(
            request=NotificationRequest(
                recipient=certificate.registration.participant,
                kind="certificate_ready",
                dedupe_key=notification.dedupe_key,
                about=certificate.registration,
                context={"certificate": certificate},
            )
        )
        assert (notification.subject, notification.body, notification.html) == (
            own.subject,
            own.text,
            own.html,
        )
        assert certificate.code in notification.body
        assert notification.language == certificate.registration.participant.language


def test_a_pool_process_prepares_the_qr_codes_of_verification_addresses(monkeypatch):
    from django.urls import reverse

    from certificates.receivers import warm_up_qr_codes
    from core.links import absolute_url
    from documents import qr

    monkeypatch.setattr(qr, "_lengths", {})
    warm_up_qr_codes(sender=None)
    calls = []
    real = qr.segno.make_qr
    monkeypatch.setattr(qr.segno, "make_qr", lambda *a, **k: calls.append(a) or real(*a, **k))
    payload = absolute_url(reverse("certificates:verify_code", kwargs={"code": new_code()}))
    qr.qr_matrix(payload)
    assert calls == []
    assert len(qr._lengths[len(payload)].effects) == 20 * 7  # 7 bits of 20 characters


def test_erasing_a_holder_rewrites_the_admin_history_of_every_version(
    certificate_cohort, enrol, issue, coordinator
):
    inci = enrol("Inci Celik")
    ali = enrol("Ali Yılmaz")
    issue(certificate_cohort)
    first = Certificate.objects.get(registration=inci)
    inci.participant.full_name = "İnci Çelik"  # corrected: a second version
    inci.participant.save()
    issue(certificate_cohort)
    second = Certificate.objects.get(registration=inci, version=2)
    alis = Certificate.objects.get(registration=ali)
    entries = [
        admin_log_entry(coordinator, certificate, text=str(certificate), message=[])
        for certificate in (first, second, alis)
    ]

    certificates_erase_holder(user=inci.participant)

    for entry in entries:
        entry.refresh_from_db()
    assert [entry.object_repr for entry in entries] == [
        f"{first.code} — Silinmiş katılımcı",
        f"{second.code} — Silinmiş katılımcı",
        f"{alis.code} — Ali Yılmaz",
    ]
