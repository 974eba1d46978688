"""Certificates (with their documents marked ready, without files), e-mails as rows, the audit
log."""

import datetime as dt
import hashlib

from django.contrib.contenttypes.models import ContentType

from certificates.codes import CODE_ALPHABET, CODE_GROUP, CODE_LENGTH
from certificates.kinds import CERTIFICATE_KIND
from certificates.models import Certificate
from certificates.selectors import certificate_eligibility
from certificates.services import certificate_cohort_facts, certificate_snapshot
from documents import registry
from documents.models import Document
from documents.services import inputs_hash
from gencisi.scale.build import Build, CohortPlan, bulk
from notifications.models import Notification
from participants.models import AuditEntry, Registration

Status = Registration.Status
SUBJECTS = {
    "received": "Kaydınız alındı",
    "confirmed": "Kaydınız onaylandı",
    "waitlisted": "Bekleme listesine alındınız",
    "rejected": "Kaydınız onaylanmadı",
    "cancelled": "Kaydınız iptal edildi",
    "certificate_ready": "Katılım sertifikanız hazır",
}
NOTIFICATION_OF = {
    Status.PENDING: "received",
    Status.CONFIRMED: "confirmed",
    Status.WAITLISTED: "waitlisted",
    Status.REJECTED: "rejected",
    Status.CANCELLED: "cancelled",
}
AUDIT_OF = {
    Status.CONFIRMED: AuditEntry.Action.CONFIRMED,
    Status.WAITLISTED: AuditEntry.Action.WAITLISTED,
    Status.REJECTED: AuditEntry.Action.REJECTED,
    Status.CANCELLED: AuditEntry.Action.CANCELLED,
}
FAILED_SHARE = 0.002  # e-mails the mail server refused for good
ASCII_LETTERS = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")
SMTP_ERROR = "SMTP 451 4.7.1: alıcı sunucu şu anda yanıt vermiyor (5 deneme)"


def _code(build: Build) -> str:
    raw = "".join(build.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def _certificate_cohorts(build: Build) -> list[CohortPlan]:
    """The large cohort first, then the most recently finished."""
    finished = [plan for plan in build.cohorts[1:] if plan.phase == "finished"]
    finished.sort(key=lambda plan: (plan.cohort.ends_on, plan.cohort.pk), reverse=True)
    return [build.cohorts[0], *finished]


def load_certificates(build: Build) -> int:
    """Certificates for every eligible person of as many cohorts as it takes (the last cohort
    only partly, as if some became eligible after the issue): a few earlier versions superseded
    by a corrected one, a few revoked. Each owns a certificate document marked ready whose file
    does not exist (the pages read the rows; nothing renders here)."""
    rng, target = build.rng, build.size.certificates
    rows: list[Certificate] = []
    replaced: list[tuple[Certificate, Certificate]] = []
    for plan in _certificate_cohorts(build):
        if len(rows) >= target:
            break
        cohort = plan.cohort
        facts = certificate_cohort_facts(cohort)
        issued_at = build.at(cohort.ends_on + dt.timedelta(days=rng.randint(3, 20)), 11)
        issued_at = min(issued_at, build.at(build.today, 8))
        for row in certificate_eligibility(cohort=cohort):
            if not row.eligible or len(rows) >= target:
                continue
            certificate = Certificate(
                registration=row.registration,
                code=_code(build),
                issued_at=issued_at,
                issued_by=build.coordinator,
                **certificate_snapshot(row=row, cohort_facts=facts),
            )
            roll = rng.random()
            if roll < 0.02 and len(rows) + 1 < target:  # a corrected name: version 2
                without_turkish_letters = certificate.participant_name.translate(ASCII_LETTERS)
                first = Certificate(
                    registration=row.registration,
                    code=_code(build),
                    issued_at=issued_at,
                    issued_by=build.coordinator,
                    status=Certificate.Status.SUPERSEDED,
                    **{**certificate.snapshot(), "participant_name": without_turkish_letters},
                )
                certificate.version = 2
                certificate.issued_at = issued_at + dt.timedelta(days=2)
                rows.append(first)
                replaced.append((first, certificate))
            elif roll < 0.03:
                certificate.status = Certificate.Status.REVOKED
                certificate.revoked_at = issued_at + dt.timedelta(days=5)
                certificate.revoked_by = build.coordinator
                certificate.revoke_reason = "Yoklama kaydındaki hata düzeltildi."
            rows.append(certificate)
            if certificate.is_valid:
                build.certificates.append((plan, certificate))
    bulk(Certificate, rows)
    for old, new in replaced:
        old.superseded_by = new
    Certificate.objects.bulk_update([old for old, _ in replaced], ["superseded_by"])
    _documents(build, rows)
    return len(rows)


def _documents(build: Build, certificates: list[Certificate]) -> None:
    spec = registry.get(CERTIFICATE_KIND)
    content_type = ContentType.objects.get_for_model(Certificate)
    documents = []
    for certificate in certificates:
        data = spec.build_data(certificate)
        done = certificate.issued_at + dt.timedelta(minutes=2)
        documents.append(
            Document(
                kind=CERTIFICATE_KIND,
                content_type=content_type,
                object_id=certificate.pk,
                status=Document.Status.READY,
                file=f"documents/olcek/{certificate.code}.pdf",
                filename=spec.filename(data),
                file_sha256=hashlib.sha256(certificate.code.encode()).hexdigest(),
                inputs_hash=inputs_hash(kind=spec, data=data),
                attempts=1,
                requested_by=build.coordinator,
                created_at=certificate.issued_at,
                updated_at=done,
                started_at=certificate.issued_at,
                finished_at=done,
            )
        )
    bulk(Document, documents)
    for certificate, document in zip(certificates, documents, strict=True):
        certificate.document = document
    Certificate.objects.bulk_update(certificates, ["document"], batch_size=1000)


def _notification(build: Build, *, kind, cohort, registration, at, dedupe_key: str) -> Notification:
    person = registration.participant
    failed = build.rng.random() < FAILED_SHARE
    return Notification(
        recipient=person,
        about_type=ContentType.objects.get_for_model(Registration),
        about_id=registration.pk,
        kind=kind,
        language=person.language,
        subject=f"[Genç İşi] {SUBJECTS[kind]}: {cohort.title}",
        body=(
            f"Merhaba {person.full_name},\n\n{SUBJECTS[kind]}: {cohort.title}.\n\n"
            "Genç İşi Kooperatif"
        ),
        status=Notification.Status.FAILED if failed else Notification.Status.SENT,
        attempts=5 if failed else 1,
        error=SMTP_ERROR if failed else "",
        next_attempt_at=at,
        dedupe_key=dedupe_key,
        created_at=at,
        sent_at=None if failed else at + dt.timedelta(seconds=build.rng.randint(2, 90)),
    )


def load_notifications(build: Build) -> int:
    """The e-mail each registration's latest change sent, and each valid certificate's."""
    rows = []
    for plan in build.cohorts:
        for registration in plan.registrations:
            kind = NOTIFICATION_OF[registration.status]
            at = registration.status_changed_at
            key = f"{kind}:{registration.pk}:{at.isoformat()}"
            rows.append(
                _notification(
                    build,
                    kind=kind,
                    cohort=plan.cohort,
                    registration=registration,
                    at=at,
                    dedupe_key=key,
                )
            )
    for plan, certificate in build.certificates:
        rows.append(
            _notification(
                build,
                kind="certificate_ready",
                cohort=plan.cohort,
                registration=certificate.registration,
                at=certificate.issued_at + dt.timedelta(minutes=3),
                dedupe_key=f"certificate_ready:{certificate.pk}",
            )
        )
    return len(bulk(Notification, rows))


def load_audit(build: Build) -> int:
    """Registered, then what became of it, by whom: the person, or the coordinator who
    approved or rejected."""
    rows = []
    for plan in build.cohorts:
        for registration in plan.registrations:
            person = registration.participant
            rows.append(
                AuditEntry(
                    actor=person,
                    action=AuditEntry.Action.REGISTERED,
                    cohort=plan.cohort,
                    registration=registration,
                    created_at=registration.created_at,
                )
            )
            action = AUDIT_OF.get(registration.status)
            if action is None:
                continue
            by_coordinator = registration.status == Status.REJECTED or (
                registration.status == Status.CONFIRMED and plan.cohort.requires_approval
            )
            if by_coordinator and action == AuditEntry.Action.CONFIRMED:
                action = AuditEntry.Action.APPROVED
            rows.append(
                AuditEntry(
                    actor=build.coordinator if by_coordinator else person,
                    action=action,
                    cohort=plan.cohort,
                    registration=registration,
                    created_at=registration.status_changed_at,
                )
            )
    return len(bulk(AuditEntry, rows))
