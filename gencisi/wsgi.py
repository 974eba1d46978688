"""WSGI entry point for gunicorn: `gunicorn gencisi.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gencisi.settings.production")

application = get_wsgi_application()
