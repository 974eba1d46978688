"""The document kinds of certificates, registered in ParticipantsConfig.ready: one certificate
PDF (owned by its Certificate row) and the ZIP of a cohort's certificates (owned by the cohort)."""

import re
import secrets

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents import registry
from documents.layouts import CERTIFICATE, CertificateData
from notifications import registry as email_registry
from participants.emails import registration_context

CERTIFICATE_KIND = "certificate"
CERTIFICATE_BUNDLE_KIND = "certificate_bundle"
# The e-mail "your certificate is ready", about the certificate's registration.
CERTIFICATE_READY_EMAIL = "certificate_ready"

# No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken. 31 symbols, 20 of them
# → 99 random bits: not guessable, not enumerable.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 20
CODE_GROUP = 4


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(text: str) -> str | None:
    """What someone typed → the stored form ("abcd efgh…" → "ABCD-EFGH-…"); None if it cannot
    be a code."""
    raw = re.sub(r"[\s\-]", "", text or "").upper()
    if len(raw) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in raw):
        return None
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def certificate_data(certificate) -> CertificateData:
    return CertificateData(
        participant_name=certificate.participant_name,
        organisation=certificate.organisation,
        programme_title=certificate.programme_title,
        cohort_title=certificate.cohort_title,
        starts_on=certificate.starts_on,
        ends_on=certificate.ends_on,
        place=certificate.place,
        programme_hours=certificate.total_hours,
        attended_hours=certificate.attended_hours,
        objectives=tuple(certificate.objectives),
        facilitators=tuple(certificate.facilitators),
        issued_on=timezone.localdate(certificate.issued_at),
        code=certificate.code,
        verify_path=reverse("certificates:verify_code", kwargs={"code": certificate.code}),
    )


def certificate_filename(data: CertificateData) -> str:
    return f"Katılım sertifikası - {data.participant_name}.pdf"


def _can_download_certificate(user, document) -> bool:
    from participants.permissions import can_download_certificate

    certificate = document.owner
    return certificate is not None and can_download_certificate(user, certificate)


def _current_certificate_document(document):
    """An earlier version's PDF → the PDF of the same person's valid certificate, if any."""
    from participants.selectors.certificates import certificate_current_of

    certificate = document.owner
    current = certificate_current_of(certificate=certificate) if certificate else None
    return current.document if current is not None else None


def _can_download_bundle(user, document) -> bool:
    from participants.permissions import can_download_cohort_certificates

    cohort = document.owner
    return cohort is not None and can_download_cohort_certificates(user, cohort)


def _bundle_members(cohort):
    from participants.selectors.certificates import certificate_documents_of_cohort

    return certificate_documents_of_cohort(cohort=cohort)


def _bundle_title(cohort) -> str:
    return f"Sertifikalar - {cohort.title}"


def register_kinds() -> None:
    registry.register(
        registry.DocumentKind(
            name=CERTIFICATE_KIND,
            layout=CERTIFICATE,
            build_data=certificate_data,
            filename=certificate_filename,
            can_download=_can_download_certificate,
            replacement=_current_certificate_document,
        )
    )
    registry.register(
        registry.BundleKind(
            name=CERTIFICATE_BUNDLE_KIND,
            members=_bundle_members,
            title=_bundle_title,
            can_download=_can_download_bundle,
        )
    )
    email_registry.register(
        email_registry.NotificationKind(
            name=CERTIFICATE_READY_EMAIL,
            label=_("certificate ready"),
            template="participants/email/certificate_ready",
            context=registration_context,
        )
    )
