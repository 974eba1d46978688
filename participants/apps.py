from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self) -> None:
        from participants import certificate_kinds, emails, receivers  # noqa: F401 — receivers

        certificate_kinds.register_kinds()
        emails.register_kinds()
