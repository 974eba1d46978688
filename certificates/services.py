"""Writes of certificates: issue in bulk (idempotent), revoke, retry failed PDFs, the cohort's
ZIP, the e-mail when a certificate's PDF is ready, and the erasure of a holder's data (KVKK)."""

import copy
import re
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.codes import new_code, verify_page_key
from certificates.kinds import CERTIFICATE_BUNDLE_KIND, CERTIFICATE_KIND, CERTIFICATE_READY_EMAIL
from certificates.models import Certificate
from certificates.selectors import EligibilityRow, certificate_eligibility
from core.admin_history import admin_history_erase
from core.db import update_rows
from core.page_cache import object_page_forget
from documents.models import Document
from documents.services import (
    document_request,
    documents_erase,
    documents_request,
    documents_retry,
)
from notifications.models import Notification
from notifications.rendering import Blank, RenderedEmail
from notifications.services import NotificationRequest, notification_render, notifications_queue
from participants.models import AuditEntry
from participants.selectors.attendance import hours_for_minutes
from participants.services.audit import audit_log
from participants.services.privacy import ERASED_NAME
from programs.models import Cohort


@dataclass(frozen=True)
class IssueResult:
    issued: int  # new certificates (first ones and new versions)
    unchanged: int  # already had a valid certificate with the same printed data


def _place(cohort: Cohort) -> str:
    where = "/".join(part for part in (cohort.district, str(cohort.province or "")) if part)
    return ", ".join(part for part in (cohort.venue, where) if part)


def _total_hours(cohort: Cohort) -> Decimal:
    return hours_for_minutes(sum(session.duration_minutes for session in cohort.sessions.all()))


def certificate_snapshot(*, row: EligibilityRow, cohort_facts: dict) -> dict:
    participant = row.registration.participant
    profile = getattr(participant, "participant_profile", None)
    return {
        "participant_name": participant.full_name or participant.email,
        "organisation": profile.organization.name if profile else "",
        "attended_hours": row.attendance.attended_hours,
        **cohort_facts,
    }


def certificate_cohort_facts(cohort: Cohort) -> dict:
    return {
        "programme_title": cohort.program.title,
        "cohort_title": cohort.title,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "place": _place(cohort),
        "total_hours": _total_hours(cohort),
        "objectives": [objective.text for objective in cohort.program.objectives.all()],
        "facilitators": sorted(
            (person.full_name or person.email for person in cohort.facilitators.all()),
        ),
    }


def certificates_issue(*, cohort: Cohort, issued_by) -> IssueResult:
    """Issue a certificate to every eligible participant of the cohort. Someone whose valid
    certificate already prints the same data is skipped; changed data (e.g. a corrected name)
    makes a new version with a new code, and the old one becomes superseded.

    The rows are written in bulk (a fixed number of queries, whatever the cohort's size) and the
    PDFs are rendered by the workers after the transaction commits."""
    with transaction.atomic():
        cohort = (
            Cohort.objects.select_for_update(of=("self",))
            .select_related("program", "province")
            .get(pk=cohort.pk)
        )
        facts = certificate_cohort_facts(cohort)
        latest = dict(
            Certificate.objects.filter(registration__cohort=cohort)
            .values("registration_id")
            .annotate(latest=Max("version"))
            .values_list("registration_id", "latest")
        )
        issued_at = timezone.now()
        unchanged = 0
        created, replaced = [], []
        for row in certificate_eligibility(cohort=cohort):
            if not row.eligible:
                continue
            snapshot = certificate_snapshot(row=row, cohort_facts=facts)
            current = row.certificate
            if current is not None and current.holder_erased:
                unchanged += 1  # a new version would print nothing but the erased name
                continue
            if current is not None and current.snapshot() == snapshot:
                unchanged += 1
                continue
            certificate = Certificate(
                registration=row.registration,
                code=new_code(),
                version=latest.get(row.registration.pk, 0) + 1,
                issued_at=issued_at,
                issued_by=issued_by,
                **snapshot,
            )
            created.append(certificate)
            if current is not None:
                current.status = Certificate.Status.SUPERSEDED
                replaced.append((current, certificate))
        # The old versions stop being valid before the new ones exist (one valid per person).
        if replaced:
            Certificate.objects.filter(pk__in=[old.pk for old, _ in replaced]).update(
                status=Certificate.Status.SUPERSEDED
            )
        Certificate.objects.bulk_create(created)
        documents = documents_request(kind=CERTIFICATE_KIND, owners=created, requested_by=issued_by)
        for certificate, document in zip(created, documents, strict=True):
            certificate.document = document
        # One UPDATE … FROM (VALUES …) each (bulk_update's CASE WHEN for 500 rows: ~0.1 s).
        update_rows(
            Certificate,
            changes={
                certificate.pk: {"document": certificate.document_id} for certificate in created
            },
        )
        for old, new in replaced:
            old.superseded_by = new
        update_rows(
            Certificate, changes={old.pk: {"superseded_by": new.pk} for old, new in replaced}
        )
        for old, _new in replaced:
            object_page_forget(verify_page_key(old.code))
    return IssueResult(issued=len(created), unchanged=unchanged)


def certificate_revoke(*, certificate: Certificate, revoked_by, reason: str) -> Certificate:
    """Revoke a valid certificate; anything else is left as it is."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status != Certificate.Status.VALID:
            return locked
        locked.status = Certificate.Status.REVOKED
        locked.revoked_at = timezone.now()
        locked.revoked_by = revoked_by
        locked.revoke_reason = reason
        locked.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
        object_page_forget(verify_page_key(locked.code))
    return locked


def certificates_erase_holder(*, user) -> int:
    """The person's data was erased (participants' `personal_data_erased`, in its transaction):
    every version of their certificates keeps its code, state and the rest of what it printed,
    and still verifies, but prints `ERASED_NAME`, forgets the organisation they worked for (in
    a small cohort it names them as well as their name: the certificate list would show it)
    and records `holder_erased_at`; their PDFs and
    the ZIPs of their cohorts (which copy them) are deleted (documents.services.documents_erase:
    rows kept, marked erased, files gone after the commit); the kept verification pages are
    forgotten; Django admin's history of them reads the erased name (core.admin_history); one
    audit entry per registration names the codes, not the person. A re-issue
    leaves them as they are. Returns how many certificates were erased."""
    with transaction.atomic(savepoint=False):  # the erasure's transaction: no savepoint
        certificates = list(
            Certificate.objects.select_for_update(of=("self",))
            .select_related("registration__cohort")
            .filter(registration__participant=user)
            .order_by("registration_id", "version")
        )
        if not certificates:
            return 0
        erased = Certificate.objects.filter(pk__in=[c.pk for c in certificates])
        erased.update(
            participant_name=ERASED_NAME, organisation="", holder_erased_at=timezone.now()
        )
        admin_history_erase(  # the admin's texts of a certificate are "code — name"
            named={Certificate: erased},
            texts=sorted({certificate.participant_name for certificate in certificates}),
            replacement=ERASED_NAME,
        )
        cohort_ids = {certificate.registration.cohort_id for certificate in certificates}
        types = ContentType.objects.get_for_models(Certificate, Cohort)
        documents_erase(
            documents=Document.objects.filter(
                kind=CERTIFICATE_KIND,
                content_type=types[Certificate],
                object_id__in=[certificate.pk for certificate in certificates],
            )
            | Document.objects.filter(
                kind=CERTIFICATE_BUNDLE_KIND,
                content_type=types[Cohort],
                object_id__in=cohort_ids,
            )
        )
        by_registration: dict[int, list[Certificate]] = {}
        for certificate in certificates:
            by_registration.setdefault(certificate.registration_id, []).append(certificate)
            object_page_forget(verify_page_key(certificate.code))
        for versions in by_registration.values():
            registration = versions[0].registration
            audit_log(
                actor=None,
                action=AuditEntry.Action.DATA_ERASED,
                cohort=registration.cohort,
                registration=registration,
                detail=_("Certificates %(codes)s: the holder's name and PDF files were erased.")
                % {"codes": ", ".join(certificate.code for certificate in versions)},
            )
    return len(certificates)


def certificate_documents_retry(*, cohort: Cohort) -> int:
    """Queue again the failed PDFs of the cohort's valid certificates; returns how many."""
    failed_ids = Certificate.objects.filter(
        registration__cohort=cohort,
        status=Certificate.Status.VALID,
        document__status=Document.Status.FAILED,
    ).values_list("document_id", flat=True)
    return len(documents_retry(document_ids=list(failed_ids)))


def certificate_bundle_request(*, cohort: Cohort, requested_by) -> Document:
    """The ZIP of the cohort's ready certificates, built in the background."""
    return document_request(kind=CERTIFICATE_BUNDLE_KIND, owner=cohort, requested_by=requested_by)


# A value that may be filled into an e-mail rendered with a `Blank` in its place: what the
# plain-text templates print as it is and the HTML escapes character by character — no line
# break, no surrounding or doubled space (the subject's spaces are collapsed, the texts
# stripped), none of the characters that make urlize look for a link or an address.
_PLAIN = re.compile(r"[^\s.@:](?: ?[^\s.@:])*")


def _fills_plainly(value: str) -> bool:
    return value.isprintable() and _PLAIN.fullmatch(value) is not None


def _ready_email_request(certificate: Certificate, rendered=None) -> NotificationRequest:
    return NotificationRequest(
        recipient=certificate.registration.participant,
        kind=CERTIFICATE_READY_EMAIL,
        dedupe_key=f"certificate_ready:{certificate.pk}",
        about=certificate.registration,
        context={"certificate": certificate},
        rendered=rendered,
    )


def _ready_emails(certificates: list[Certificate]) -> list[NotificationRequest]:
    """The requests of the certificates' "ready" e-mails, rendered: once per cohort and
    language, with the person's name and code as `Blank`s filled in for each (a render task's
    ten certificates: one render instead of ten); someone whose name or code would not fill in
    plainly (see `_PLAIN`) gets an e-mail rendered for them alone. Either way the e-mail is the
    one `notification_render` gives for them (tests/certificates compare them)."""
    drafts: dict[tuple, RenderedEmail] = {}
    requests = []
    for certificate in certificates:
        participant = certificate.registration.participant
        name, code = participant.full_name, certificate.code
        if not (_fills_plainly(name) and _fills_plainly(code)):
            requests.append(_ready_email_request(certificate))
            continue
        key = (certificate.registration.cohort_id, participant.language)
        draft = drafts.get(key)
        if draft is None:  # the first of them, copied (not changed), name and code blanked
            person = copy.copy(participant)
            person.full_name = Blank("name")
            registration = copy.copy(certificate.registration)
            registration.participant = person
            blank = copy.copy(certificate)
            blank.registration, blank.code = registration, Blank("code")
            draft = drafts[key] = notification_render(request=_ready_email_request(blank))
        requests.append(_ready_email_request(certificate, draft.filled(name=name, code=code)))
    return requests


def certificates_ready_notify(*, documents: list[Document]) -> list[Notification]:
    """Queue the "your certificate is ready" e-mail of each certificate PDF among `documents`
    (sent in the transaction that marks them ready: a render task's whole batch), once per
    version: three queries (the certificates with their people, the duplicate check, one
    insert), one send task and one render of the e-mail per cohort and language, whatever
    their number."""
    ids = [document.pk for document in documents if document.kind == CERTIFICATE_KIND]
    if not ids:
        return []
    certificates = (
        Certificate.objects.select_related(
            "registration__participant", "registration__cohort__program"
        )
        .filter(document_id__in=ids, status=Certificate.Status.VALID)
        .order_by("pk")  # not the model's two-column order: cheaper to build
    )
    with transaction.atomic(savepoint=False):  # inside the caller's transaction: no savepoint
        return notifications_queue(requests=_ready_emails(list(certificates)))
