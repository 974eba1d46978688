"""WSGI entry point for gunicorn: `gunicorn gencisi.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gencisi.settings.production")

application = get_wsgi_application()

from gencisi.startup import process_warm  # noqa: E402 — needs the apps loaded above

process_warm()
