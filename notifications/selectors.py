from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from notifications.models import Notification


def notification_get(*, notification_id: int) -> Notification | None:
    return Notification.objects.filter(pk=notification_id).first()


def failed_notifications() -> QuerySet[Notification]:
    return (
        Notification.objects.filter(status=Notification.Status.FAILED)
        .select_related("recipient")
        .order_by("-created_at", "-pk")
    )


def notifications_about(*, about) -> QuerySet[Notification]:
    """The e-mails about one object (`Notification.about`)."""
    return Notification.objects.filter(
        about_type=ContentType.objects.get_for_model(about), about_id=about.pk
    )
