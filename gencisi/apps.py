from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GencisiConfig(AppConfig):
    """The project's glue, above every app: settings, the root URLs, the Celery app, the home
    page, the system status page, the component gallery, the demo loader and the navigation's
    context processor. No app imports it (import-linter's contract in pyproject.toml)."""

    name = "gencisi"
    label = "gencisi"
    verbose_name = _("Site")
