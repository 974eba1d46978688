"""Receivers of other apps' signals, and of the deletion of a certificate row."""

import logging

from celery.signals import worker_process_init
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse

from certificates.codes import new_code, verify_page_key
from certificates.models import Certificate
from core.links import absolute_url
from core.page_cache import object_page_forget
from documents.qr import qr_prepare
from documents.signals import documents_ready
from participants.signals import personal_data_erased

logger = logging.getLogger(__name__)


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


@worker_process_init.connect(dispatch_uid="certificates.warm_up_qr_codes")
def warm_up_qr_codes(**kwargs) -> None:  # noqa: ARG001 — Celery's signal signature
    """At a pool process's start: the effect of every bit of a certificate code's characters
    on the QR code of its verification address (documents.qr; 140 segno calls, about 0.4 s),
    so that no certificate's render pays for one. A failure is logged, not raised: the renders
    then compute what they need themselves."""
    try:
        code = new_code()
        payload = absolute_url(reverse("certificates:verify_code", kwargs={"code": code}))
        start = payload.find(code)
        if start >= 0:  # the groups' hyphens are the same in every code
            varying = [start + n for n, character in enumerate(code) if character != "-"]
            qr_prepare(payload, positions=varying)
    except Exception:
        logger.exception("the QR codes of certificates could not be prepared")
