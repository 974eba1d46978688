"""Spreadsheets for the import tests: XLSX workbooks and CSV bytes as Excel writes them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

EMPTY = ["", "", ""]
HEADER = ["Ad Soyad", "E-posta", "Kurum", "Kurum türü", "İl", "İlçe", "Unvan", "Telefon"]


def xlsx_bytes(rows: list[list], header: list[str] = HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(
    rows: list[list],
    header: list[str] = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ";",
    bom: bool = False,
) -> bytes:
    lines = [delimiter.join(str(cell) for cell in row) for row in [header, *rows]]
    data = "\r\n".join(lines).encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def upload(data: bytes, name: str = "liste.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def people(count: int, *, start: int = 0, domain: str = "example.org") -> list[list]:
    """`count` good rows: name, e-mail, an organisation in Ankara."""
    return [
        [f"Katılımcı {n:04d}", f"katilimci{n:04d}@{domain}", "Çankaya Belediyesi", "", "06", *EMPTY]
        for n in range(start, start + count)
    ]
