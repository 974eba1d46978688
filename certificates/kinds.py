"""The kinds certificates register in CertificatesConfig.ready: the document kinds (one
certificate PDF, owned by its Certificate row, and the ZIP of a cohort's certificates, owned by
the cohort) and the e-mail kind "your certificate is ready" (about the certificate's
registration; its texts: templates/certificates/email/certificate_ready{_subject,}.txt)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from documents import registry
from documents.layouts import CERTIFICATE, CertificateData
from notifications import registry as email_registry
from participants.emails import preview_registration, registration_context, registration_reason

CERTIFICATE_KIND = "certificate"
CERTIFICATE_BUNDLE_KIND = "certificate_bundle"
# The e-mail "your certificate is ready", about the certificate's registration.
CERTIFICATE_READY_EMAIL = "certificate_ready"


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
    from certificates.permissions import can_download_certificate

    certificate = document.owner
    return certificate is not None and can_download_certificate(user, certificate)


def _current_certificate_document(document):
    """An earlier version's PDF → the PDF of the same person's valid certificate, if any."""
    from certificates.selectors import certificate_current_of

    certificate = document.owner
    current = certificate_current_of(certificate=certificate) if certificate else None
    return current.document if current is not None else None


def _can_download_bundle(user, document) -> bool:
    from certificates.permissions import can_download_cohort_certificates

    cohort = document.owner
    return cohort is not None and can_download_cohort_certificates(user, cohort)


def _bundle_members(cohort):
    from certificates.selectors import certificate_documents_of_cohort

    return certificate_documents_of_cohort(cohort=cohort)


def _bundle_title(cohort) -> str:
    return f"Sertifikalar - {cohort.title}"


def _bundle_page(cohort) -> registry.DocumentPage:
    return registry.DocumentPage(
        heading=_("All certificates of the cohort (ZIP)"),
        back_url=reverse("certificates:cohort", kwargs={"cohort_pk": cohort.pk}),
        back_label=cohort.title,
    )


def _ready_email_preview() -> dict:
    registration = preview_registration()
    return {
        **registration_context(registration),
        "certificate": Certificate(registration=registration, code="ABCD-EFGH-JKMN-PQRS-TUVW"),
    }


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
            page=_bundle_page,
        )
    )
    email_registry.register(
        email_registry.NotificationKind(
            name=CERTIFICATE_READY_EMAIL,
            label=_("certificate ready"),
            template="certificates/email/certificate_ready",
            context=registration_context,
            reason=registration_reason,
            preview=_ready_email_preview,
        )
    )
