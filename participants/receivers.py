"""Receivers of other apps' signals."""

from django.dispatch import receiver

from documents.signals import document_ready


@receiver(document_ready, dispatch_uid="participants.certificate_ready")
def certificate_ready(sender, document, **kwargs) -> None:  # noqa: ARG001 — signal signature
    from participants.services.certificates import certificate_ready_notify

    certificate_ready_notify(document=document)
