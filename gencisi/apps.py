from django.apps import AppConfig


class GencisiConfig(AppConfig):
    """The project itself, as an app: its management commands (`load_scale`)."""

    name = "gencisi"
    verbose_name = "gencisi"
