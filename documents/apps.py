import ctypes.util
import logging
from importlib import import_module

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def warn_if_harfbuzz_subset_missing() -> bool:
    """WeasyPrint subsets fonts about 5× faster with libharfbuzz-subset; say so when it is gone."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return True
    logger.warning(
        "libharfbuzz-subset0 is not installed: PDF font subsetting falls back to a much slower "
        "path (apt-get install libharfbuzz-subset0)."
    )
    return False


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from documents import signals  # noqa: F401 — connects the worker-process warm-up

        warn_if_harfbuzz_subset_missing()
        for module in getattr(settings, "DOCUMENT_KIND_MODULES", []):
            import_module(module)
