"""Tables as downloads that open correctly in Excel with Turkish characters, and the headers
every private download carries.

Decimals (core.numbers): a CSV writes them with the Turkish comma ("4,22") whatever the page
language, because its ";" separator is for Excel with Turkish regional settings; an XLSX keeps
them as numbers, with a number format showing the digits they carry ("0.0" for 40.9).
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import PurePath
from typing import TypeVar
from urllib.parse import quote

from django.http import HttpResponse, HttpResponseBase
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.numbers import format_decimal
from core.text import turkish_slugify

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Response = TypeVar("Response", bound=HttpResponseBase)


def as_download(response: Response, *, filename: str) -> Response:
    """Every download goes through here (tables, the personal-data JSON, PDFs, ZIPs, calendars):
    `attachment` with an ASCII fallback and the readable UTF-8 name (RFC 6266 / 5987), and
    kept out of every cache (personal data must not stay in a shared proxy or the browser)."""
    path = PurePath(filename or "dosya")
    fallback = f"{turkish_slugify(path.stem) or 'dosya'}{path.suffix}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(path.name, safe='')}"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _cell(value) -> object:
    """Neutralise spreadsheet formulas typed by users (CSV/formula injection); drop the control
    characters a spreadsheet cannot hold (openpyxl refuses them)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value
    return "" if value is None else value


def _csv_cell(value) -> object:
    if isinstance(value, Decimal | float):
        return format_decimal(value, language="tr")
    return value


def _number_format(value) -> str | None:
    """Decimal("40.9") → "0.0", Decimal("4.22") → "0.00", Decimal("100") → "0"."""
    if not isinstance(value, Decimal):
        return None
    places = max(-int(value.as_tuple().exponent), 0)
    return "0." + "0" * places if places else "0"


def _table(headers: Sequence, rows: Iterable[Sequence]) -> Iterator[list]:
    """What the writers write, header row first: every cell neutralised, whoever wrote it
    (a header can be a coordinator's survey question)."""
    yield [_cell(value) for value in headers]
    for row in rows:
        yield [_cell(value) for value in row]


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel expects in Turkey."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([_csv_cell(value) for value in row] for row in _table(headers, rows))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return as_download(response, filename=filename)


def xlsx_response(
    *, filename: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    table = _table(headers, rows)
    header = next(table)
    worksheet.append(header)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(value)) for value in header]
    for values in table:
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
    return as_download(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename=filename)


def table_response(
    *, fmt: str, filename_stem: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    if fmt == "xlsx":
        return xlsx_response(
            filename=f"{filename_stem}.xlsx", sheet=sheet, headers=headers, rows=rows
        )
    return csv_response(filename=f"{filename_stem}.csv", headers=headers, rows=rows)
