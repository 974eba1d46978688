"""An imported person accepts their invitation: the privacy notice is acknowledged first, the
password set, the address counts as verified (the link came to it), and the registrations the
import made keep the acknowledgement that covers them."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from participants.models import ImportInvitation, Registration
from participants.services.consents import privacy_notice_acknowledge


def invitation_accept(*, user, password: str) -> None:
    with transaction.atomic():
        acknowledgement = privacy_notice_acknowledge(user=user)
        user.set_password(password)
        user.save(update_fields=["password"])
        Registration.objects.filter(participant=user, privacy_notice_version="").update(
            privacy_notice_version=acknowledgement.notice_version,
            privacy_acknowledged_at=acknowledgement.created_at,
        )
        EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(
            primary=False
        )
        address, _created = EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        ImportInvitation.objects.filter(user=user, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
