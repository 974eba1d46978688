"""What a web process does once, before its first request (called from `gencisi.wsgi`).

A warmed web worker holds about 220,000 objects that CPython's cyclic garbage collector looks at
in each full collection (core.memory): such a collection took 100–175 ms in the middle of
whichever request triggered it (measured in process on the bench's data, issue 15: about one
every 330 first views), which is a page's p99. So the process loads what it would otherwise
load lazily on its first requests (every language's catalogue, the URL resolver, the project's
templates into the cached loader), then freezes what is alive (`core.memory.process_freeze`):
full collections then look at the objects requests made (15–25 ms).
"""

import logging
import sys
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

from core.memory import process_freeze

logger = logging.getLogger(__name__)
# Any text: translating it loads the language's catalogues (a variable, so that makemessages
# does not take it for a text of the site).
_ANY_TEXT = "Kayıtlarım"


def template_names() -> list[str]:
    """The names of the project's own templates: those in the template engine's folders that
    are the project's (its `templates` folder and each app's), not an installed package's."""
    root, packages = Path(settings.BASE_DIR), Path(sys.prefix)
    folders = [
        folder
        for folder in map(Path, engines["django"].template_dirs)
        if folder.is_relative_to(root) and not folder.is_relative_to(packages)
    ]
    return sorted(
        {
            path.relative_to(folder).as_posix()
            for folder in folders
            if folder.is_dir()
            for path in folder.rglob("*")
            if path.suffix in {".html", ".txt", ".xml"} and path.is_file()
        }
    )


def process_warm() -> int:
    """Load the lazily loaded parts a request needs, then freeze what is alive; returns the
    number of objects frozen. A template that does not compile is logged, not raised: the
    process still serves every other page (and the test suite compiles them all)."""
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext(_ANY_TEXT)  # loads the language's catalogues
    get_resolver().reverse_dict  # noqa: B018 — populates the resolver
    for name in template_names():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.exception("Template %s could not be loaded while warming up", name)
    return process_freeze()
