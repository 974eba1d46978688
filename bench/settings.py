"""The web benchmark's settings: production's, with the bench's URL configuration (the site's
own URLs plus the floor views). Only `make bench` starts gunicorn with them."""

from gencisi.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
