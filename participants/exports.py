"""Registration lists as files for Excel: CSV (UTF-8 with BOM, ";") and XLSX (openpyxl)."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.text import turkish_slugify
from participants.phone import format_phone
from participants.templatetags.participants_tags import capfirst_tr

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    """Keep spreadsheet programs from reading user text as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _headers() -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("E-mail address"),
        _("Phone"),
        _("Organisation"),
        _("Organisation kind"),
        _("Province"),
        _("District"),
        _("Title / department"),
        _("Status"),
        _("Waiting-list position"),
        _("Registered at"),
    ]


def _rows(registrations) -> list[list]:
    rows = []
    for number, registration in enumerate(registrations, 1):
        user = registration.participant
        profile = getattr(user, "participant_profile", None)
        organization = profile.organization if profile else None
        rows.append(
            [
                number,
                _safe(user.full_name),
                user.email,
                format_phone(profile.phone) if profile and profile.phone else "",
                _safe(organization.name) if organization else "",
                organization.kind_label if organization else "",
                organization.province.name if organization else "",
                _safe(organization.district) if organization else "",
                _safe(profile.title) if profile else "",
                capfirst_tr(registration.get_status_display()),
                registration.position or "",
                timezone.localtime(registration.created_at).strftime("%d.%m.%Y %H:%M"),
            ]
        )
    return rows


def _filename(cohort, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"kayitlar-{turkish_slugify(cohort.title)}-{stamp}.{extension}"


def registrations_csv(*, cohort, registrations) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    with translation.override("tr"):
        writer.writerow(_headers())
        writer.writerows(_rows(registrations))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(cohort, "csv")}"'
    return response


def registrations_xlsx(*, cohort, registrations) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kayıtlar"
    with translation.override("tr"):
        sheet.append(_headers())
        for row in _rows(registrations):
            sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip(
        "ABCDEFGHIJKL", (6, 28, 32, 20, 40, 26, 14, 16, 30, 18, 10, 18), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(cohort, "xlsx")}"'
    return response
