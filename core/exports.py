"""Tables as downloads that open correctly in Excel with Turkish characters."""

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.text import turkish_slugify

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback and the readable UTF-8 name (RFC 6266 / 5987), for
    every download: tables, PDFs and ZIPs."""
    path = PurePath(filename or "dosya")
    fallback = f"{turkish_slugify(path.stem) or 'dosya'}{path.suffix}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(path.name, safe='')}"


def _cell(value) -> object:
    """Neutralise spreadsheet formulas typed by users (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return "" if value is None else value


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel expects in Turkey."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    writer.writerows([_cell(value) for value in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition(filename)
    return response


def xlsx_response(
    *, filename: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    worksheet.append(list(headers))
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(header)) for header in headers]
    for row in rows:
        values = [_cell(value) for value in row]
        worksheet.append(values)
        widths = [
            max(width, min(len(str(value)), 60))
            for width, value in zip(widths, values, strict=False)
        ]
    for index, width in enumerate(widths, 1):
        worksheet.column_dimensions[get_column_letter(index)].width = width + 2
    worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def table_response(
    *, fmt: str, filename_stem: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    if fmt == "xlsx":
        return xlsx_response(
            filename=f"{filename_stem}.xlsx", sheet=sheet, headers=headers, rows=rows
        )
    return csv_response(filename=f"{filename_stem}.csv", headers=headers, rows=rows)
