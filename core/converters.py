from django.urls import register_converter
from django.urls.converters import get_converters


class ExportFormatConverter:
    """`csv` or `xlsx` in a download URL."""

    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register_export_converter() -> None:
    """`<export:fmt>` in every app's download URLs: registered once, by whichever app's URLs
    are read first (Django refuses to register a name twice)."""
    if "export" not in get_converters():
        register_converter(ExportFormatConverter, "export")
