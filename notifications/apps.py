from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """E-mails as rows, queued in the transaction of the change they report and sent by the
    workers with retries. It knows no feature app: apps register their kinds of e-mail
    (notifications.registry) and queue them through notifications.services. allauth's e-mails
    are kinds too (notifications/accounts.py)."""

    name = "notifications"
    verbose_name = _("E-mails")

    def ready(self) -> None:
        from notifications import accounts

        accounts.register_kinds()
