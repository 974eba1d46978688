"""Receivers of other apps' signals."""

from django.dispatch import receiver

from documents.signals import documents_ready


@receiver(documents_ready, dispatch_uid="certificates.certificates_ready")
def certificates_ready(sender, documents, **kwargs) -> None:  # noqa: ARG001 — signal signature
    from certificates.services import certificates_ready_notify

    certificates_ready_notify(documents=documents)
