"""Tables as downloads that open correctly in Excel with Turkish characters, and the headers
every private download carries.

Every CSV is streamed (`csv_response`: a StreamingHttpResponse written a piece of rows at a
time, so rows given as a generator over a queryset never sit whole in the web process). An
XLSX is written row by row in openpyxl's write-only mode (`xlsx_write`): at once for a small
table (`xlsx_response`), by the worker for a large one (documents.registry.SpreadsheetKind).

Decimals (core.numbers): a CSV writes them with the Turkish comma ("4,22") whatever the page
language, because its ";" separator is for Excel with Turkish regional settings; an XLSX keeps
them as numbers, with a number format showing the digits they carry ("0.0" for 40.9). Dates
given as dates: "05.10.2026" in a CSV, a real date shown so in an XLSX (it sorts as a date).

Text a person typed that a spreadsheet would read as a formula (it starts with "=", "+", "-",
"@", a tab or a carriage return): a CSV writes it after an apostrophe ("'=1+1", Excel's own
mark of text); an XLSX writes it as it is, in a text cell marked as Excel marks a cell typed
with that apostrophe (`quotePrefix`: shown without it, still text when edited) — a telephone
number "+90 532 …" reads as typed.
"""

import csv
import datetime as dt
import io
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import IO, TypeVar
from urllib.parse import quote

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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


# How a cell that a spreadsheet would read as a formula starts.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATE, _DATE_TIME = "%d.%m.%Y", "%d.%m.%Y %H:%M"
_XLSX_DATE, _XLSX_DATE_TIME = "dd.mm.yyyy", "dd.mm.yyyy hh:mm"


def _cell(value) -> object:
    """Drop the control characters a spreadsheet cannot hold (openpyxl refuses them); an empty
    cell for None; a moment in local time, without its zone (a spreadsheet holds none)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return "" if value is None else value


def _looks_like_a_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def _csv_cell(value) -> object:
    if _looks_like_a_formula(value):
        return "'" + value  # neutralised (CSV/formula injection)
    if isinstance(value, Decimal | float):
        return format_decimal(value, language="tr")
    if isinstance(value, dt.datetime):
        return value.strftime(_DATE_TIME)
    if isinstance(value, dt.date):
        return value.strftime(_DATE)
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


# Rows written per piece of a streamed CSV: few enough to keep the web process small, many
# enough that a 5,000-row table is a few dozen writes.
CSV_ROWS_PER_PIECE = 200
# Rows an XLSX writer reads before it fixes the column widths (a write-only sheet cannot change
# them afterwards).
XLSX_WIDTH_SAMPLE = 100


@dataclass
class Table:
    """A table to export: its rows may be a generator over a queryset (read in chunks), so that
    they are never all in memory; `total` (when known) is what a progress bar counts up to."""

    filename_stem: str
    sheet: str
    headers: Sequence[str]
    rows: Iterable[Sequence]
    total: int | None = None


def _csv_pieces(headers: Sequence, rows: Iterable[Sequence]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    buffer.write("\ufeff")
    for number, row in enumerate(_table(headers, rows)):
        writer.writerow([_csv_cell(value) for value in row])
        if number % CSV_ROWS_PER_PIECE == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if rest := buffer.getvalue():
        yield rest.encode("utf-8")


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> StreamingHttpResponse:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel expects in Turkey. Streamed:
    the rows are read and written a piece at a time while the response goes out, so a large
    table (rows from a generator over a queryset) never sits whole in the web process."""
    response = StreamingHttpResponse(
        _csv_pieces(headers, rows), content_type="text/csv; charset=utf-8"
    )
    return as_download(response, filename=filename)


def _text_cell(worksheet, value: str) -> WriteOnlyCell:
    """Text a spreadsheet would read as a formula, as text (see the module)."""
    cell = WriteOnlyCell(worksheet, value=value)
    cell.data_type = "s"  # openpyxl makes a formula of "=…"
    cell.quotePrefix = True
    return cell


def _header_cell(worksheet, value) -> WriteOnlyCell:
    if _looks_like_a_formula(value):
        cell = _text_cell(worksheet, value)
    else:
        cell = WriteOnlyCell(worksheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _value_cell(worksheet, value) -> object:
    if _looks_like_a_formula(value):
        return _text_cell(worksheet, value)
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.number_format = _XLSX_DATE_TIME if isinstance(value, dt.datetime) else _XLSX_DATE
        return cell
    if number_format := _number_format(value):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.number_format = number_format
        return cell
    return value


def xlsx_write(
    stream: IO[bytes],
    *,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    progress: Callable[[int], None] | None = None,
) -> None:
    """The table as an XLSX workbook into `stream`, row by row (openpyxl's write-only mode: the
    rows are never all in memory): a bold, frozen header row, columns as wide as the header and
    the first rows, decimals as numbers with the digits they carry. `progress(rows_written)` is
    called after every row."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    table = _table(headers, rows)
    header = next(table)
    sample = list(itertools.islice(table, XLSX_WIDTH_SAMPLE))
    widths = [len(str(value)) for value in header]
    for values in sample:
        widths = [
            max(width, min(len(str(value)), 60))
            for width, value in zip(widths, values, strict=False)
        ]
    for index, width in enumerate(widths, 1):
        worksheet.column_dimensions[get_column_letter(index)].width = width + 2
    worksheet.freeze_panes = "A2"
    worksheet.append([_header_cell(worksheet, value) for value in header])
    for written, values in enumerate(itertools.chain(sample, table), 1):
        worksheet.append([_value_cell(worksheet, value) for value in values])
        if progress is not None:
            progress(written)
    workbook.save(stream)


def xlsx_response(
    *, filename: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """A small table as an XLSX file at once (a large one is a document built in the
    background: documents.registry.SpreadsheetKind)."""
    buffer = io.BytesIO()
    xlsx_write(buffer, sheet=sheet, headers=headers, rows=rows)
    return as_download(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename=filename)


def table_response(
    *, fmt: str, filename_stem: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponseBase:
    if fmt == "xlsx":
        return xlsx_response(
            filename=f"{filename_stem}.xlsx", sheet=sheet, headers=headers, rows=rows
        )
    return csv_response(filename=f"{filename_stem}.csv", headers=headers, rows=rows)
