"""Receivers of other apps' signals, and of the deletion of a certificate row."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from certificates.codes import verify_page_key
from certificates.models import Certificate
from core.page_cache import object_page_forget
from documents.signals import documents_ready
from participants.signals import personal_data_erased


@receiver(documents_ready, dispatch_uid="certificates.certificates_ready")
def certificates_ready(sender, documents, **kwargs) -> None:  # noqa: ARG001 — signal signature
    from certificates.services import certificates_ready_notify

    certificates_ready_notify(documents=documents)


@receiver(personal_data_erased, dispatch_uid="certificates.certificates_erase_holder")
def certificates_erase_holder(sender, user, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """A person's data was erased (KVKK): their certificates lose the name, their PDFs go."""
    from certificates.services import certificates_erase_holder

    certificates_erase_holder(user=user)


@receiver(post_delete, sender=Certificate, dispatch_uid="certificates.certificate_deleted")
def certificate_deleted(sender, instance, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """A certificate deleted (in the admin: its registration protects it from a cascade) is no
    longer verifiable from the cache either: its kept verification page is forgotten now and
    at the commit (the services forget it on revoke and replace)."""
    object_page_forget(verify_page_key(instance.code))
