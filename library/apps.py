from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The legal-basis library: references, collaboration types, their legal bases, step
    templates and the SDGs. It knows no feature app; programmes (good practices) and action
    plans refer to it."""

    name = "library"
    verbose_name = _("Legal-basis library")

    def ready(self) -> None:
        from library.services import sdgs_sync

        post_migrate.connect(sdgs_sync, sender=self, dispatch_uid="library.sdgs_sync")
