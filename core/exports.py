"""Tables as downloads that open correctly in Excel with Turkish characters.

Decimals (core.numbers): a CSV writes them with the Turkish comma ("4,22") whatever the page
language, because its ";" separator is for Excel with Turkish regional settings; an XLSX keeps
them as numbers, with a number format showing the digits they carry ("0.0" for 40.9).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import PurePath
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.numbers import format_decimal
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


def _csv_cell(value) -> object:
    if isinstance(value, Decimal | float):
        return format_decimal(value, language="tr")
    return _cell(value)


def _number_format(value) -> str | None:
    """Decimal("40.9") → "0.0", Decimal("4.22") → "0.00", Decimal("100") → "0"."""
    if not isinstance(value, Decimal):
        return None
    places = max(-int(value.as_tuple().exponent), 0)
    return "0." + "0" * places if places else "0"


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel expects in Turkey."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
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
        for cell, value in zip(worksheet[worksheet.max_row], values, strict=False):
            if number_format := _number_format(value):
                cell.number_format = number_format
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
