from pathlib import Path

from django.db import transaction

from certificates.models import Certificate
from certificates.services import certificates_issue
from participants.services.privacy import personal_data_erase


def _issue(cohort, coordinator, django_capture_on_commit_callbacks) -> Certificate:
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=cohort, issued_by=coordinator)
    return Certificate.objects.select_related("document").get()


def test_a_persons_erasure_erases_the_name_on_their_certificates_and_their_pdf(
    certificate_cohort, enrol, coordinator, settings, django_capture_on_commit_callbacks
):
    registration = enrol("İnci Çelik")
    certificate = _issue(certificate_cohort, coordinator, django_capture_on_commit_callbacks)
    path = Path(settings.MEDIA_ROOT) / certificate.document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        personal_data_erase(user=registration.participant)
    certificate.refresh_from_db()
    certificate.document.refresh_from_db()
    assert (certificate.participant_name, certificate.holder_erased) == (
        "Silinmiş katılımcı",
        True,
    )
    assert (certificate.document.status, path.exists()) == ("erased", False)


def test_an_erasure_rolled_back_leaves_the_certificates_and_their_pdf(
    certificate_cohort, enrol, coordinator, settings, django_capture_on_commit_callbacks
):
    """The receiver writes in the erasure's transaction: they commit or roll back together."""
    registration = enrol("İnci Çelik")
    certificate = _issue(certificate_cohort, coordinator, django_capture_on_commit_callbacks)
    path = Path(settings.MEDIA_ROOT) / certificate.document.file.name
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        personal_data_erase(user=registration.participant)
        transaction.set_rollback(True)
    assert callbacks == []
    certificate.refresh_from_db()
    certificate.document.refresh_from_db()
    assert (certificate.participant_name, certificate.holder_erased_at) == ("İnci Çelik", None)
    assert (certificate.document.status, path.exists()) == ("ready", True)
