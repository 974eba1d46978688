"""The personal calendar feed's secret: created on request, replaced on request (revoking the
old address at once)."""

import secrets

from django.db import transaction
from django.utils import timezone

from participants.models import CalendarFeed

TOKEN_BYTES = 32  # 256 bits; token_urlsafe gives 43 characters


def calendar_feed_renew(*, user) -> CalendarFeed:
    """Give the person a new secret address; the previous one stops working."""
    with transaction.atomic():
        feed, _created = CalendarFeed.objects.update_or_create(
            user=user,
            defaults={"token": secrets.token_urlsafe(TOKEN_BYTES), "created_at": timezone.now()},
        )
    return feed
