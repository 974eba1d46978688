"""The laptop: `make run`. DEBUG on, SQLite unless DATABASE_URL says otherwise, e-mail printed."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from gencisi.settings.base import *  # noqa: F403
from gencisi.settings.base import DATA_DIR

SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"  # noqa: F405
DATA_DIR.mkdir(exist_ok=True)
STATIC_ROOT.mkdir(exist_ok=True)  # noqa: F405
