"""Reading an uploaded spreadsheet into rows of text, checked by content, not by name:
XLSX is a ZIP with a workbook in it; CSV is text in UTF-8 (with or without a byte-order mark)
or, when it is not valid UTF-8, Windows-1254 (what Excel with Turkish settings writes), its
cells separated by ";" or ",". Every refusal is an `ImportFileError` with a Turkish message."""

import csv
import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from core.numbers import format_count, format_decimal, plain
from participants.imports.columns import Columns, match_columns

XLSX_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
# A workbook that unpacks to more than this is refused before it is opened (a "ZIP bomb").
XLSX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_COLUMNS = 40
MAX_CELL_CHARACTERS = 1000


class ImportFileError(Exception):
    """An upload that cannot be read; `message` says why, in the person's language."""

    def __init__(self, message) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass
class Table:
    """What a file holds: its columns and its rows (the row's number in the file, its cells),
    blank rows left out."""

    columns: Columns
    rows: list[tuple[int, list[str]]]
    sha256: str
    file_format: str
    encoding: str = ""


def megabytes(size: int) -> str:
    """A size in megabytes for people: "2", "0,5", "3,4"."""
    return format_decimal(plain(round(Decimal(size) / 1024 / 1024, 1)))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return " ".join(str(value).split())[:MAX_CELL_CHARACTERS]


def _too_many_rows(count: int):
    return ImportFileError(
        _(
            "The file has %(count)s rows; at most %(max)s can be imported at once. "
            "Split the file and upload the parts one after the other."
        )
        % {
            "count": format_count(count),
            "max": format_count(settings.PARTICIPANT_IMPORT_MAX_ROWS),
        }
    )


def _wrong_type():
    return ImportFileError(
        _(
            "This is not an XLSX or CSV file. In Excel choose “Save as” and “Excel Workbook "
            "(.xlsx)” or “CSV UTF-8”, then upload it again."
        )
    )


def _xlsx_cells(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise _wrong_type() from error
    names = {info.filename for info in infos}
    if not all(member in names for member in XLSX_MEMBERS):
        raise _wrong_type()
    if sum(info.file_size for info in infos) > XLSX_MAX_UNPACKED_BYTES:
        raise ImportFileError(_("The workbook is too large when unpacked."))
    limit = settings.PARTICIPANT_IMPORT_MAX_ROWS + 1
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = []
            count = 0
            for number, values in enumerate(
                sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1
            ):
                cells = [_text(value) for value in values]
                if any(cells):
                    count += 1
                    if count <= limit:
                        rows.append((number, cells))
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise _wrong_type() from error
    if count > limit:
        raise _too_many_rows(count - 1)
    return rows


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1254"
        else:
            encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _wrong_type() from error
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n")
    if "\x00" in text or controls > len(text) // 100:
        raise _wrong_type()
    return text, encoding


def _csv_cells(data: bytes) -> tuple[list[tuple[int, list[str]]], str]:
    text, encoding = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    limit = settings.PARTICIPANT_IMPORT_MAX_ROWS + 1
    rows = []
    count = 0
    try:
        for number, values in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
        ):
            cells = [_text(value) for value in values[:MAX_COLUMNS]]
            if any(cells):
                count += 1
                if count <= limit:
                    rows.append((number, cells))
    except csv.Error as error:
        raise _wrong_type() from error
    if count > limit:
        raise _too_many_rows(count - 1)
    return rows, encoding


def read_upload(upload) -> Table:
    """Read an uploaded file (Django's `UploadedFile`) into a `Table`, or raise
    `ImportFileError`: empty, too big, neither XLSX nor text, too many rows, no header with an
    e-mail and a name column, no row under the header."""
    max_bytes = settings.PARTICIPANT_IMPORT_MAX_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ImportFileError(
            _("The file is too large (%(size)s MB); at most %(max)s MB can be uploaded.")
            % {"size": megabytes(upload.size), "max": megabytes(max_bytes)}
        )
    data = upload.read(max_bytes + 1)
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    encoding = ""
    if data.startswith(b"PK\x03\x04"):
        cells, file_format = _xlsx_cells(data), "xlsx"
    elif data.startswith(b"\xd0\xcf\x11\xe0"):  # the old binary .xls
        raise _wrong_type()
    else:
        (cells, encoding), file_format = _csv_cells(data), "csv"
    if not cells:
        raise ImportFileError(_("The file is empty."))
    (_number, header), *rows = cells
    columns = match_columns(header)
    if columns.email is None:
        raise ImportFileError(
            _(
                "No e-mail column was found. The first row must name the columns, one of them "
                "“E-posta”."
            )
        )
    if columns.full_name is None and columns.first_name is None:
        raise ImportFileError(
            _("No name column was found. The first row must have “Ad Soyad”, or “Ad” and “Soyad”.")
        )
    if not rows:
        raise ImportFileError(_("The file has no rows under its header row."))
    return Table(
        columns=columns,
        rows=rows,
        sha256=hashlib.sha256(data).hexdigest(),
        file_format=file_format,
        encoding=encoding,
    )
