import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.http import HttpResponse
from django.utils import timezone, translation
from openpyxl import load_workbook

from core import exports
from core.exports import as_download, csv_response, table_response, xlsx_response, xlsx_write

HEADERS = ["Ad", "Katılım oranı (%)", "Saat", "Ortalama", "Sayı"]
ROWS = [["İnci Çelik", Decimal("86.3"), Decimal("9.5"), Decimal("4.22"), 3]]


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


def test_csv_writes_decimals_with_the_turkish_comma_whatever_the_page_language():
    for language in ("tr", "en"):
        with translation.override(language):
            response = csv_response(filename="t.csv", headers=HEADERS, rows=ROWS)
        assert _csv(response)[1] == ["İnci Çelik", "86,3", "9,5", "4,22", "3"]


def test_xlsx_keeps_decimals_as_numbers_formatted_with_their_digits():
    response = xlsx_response(
        filename="t.xlsx", sheet="Tablo", headers=HEADERS, rows=[*ROWS, ["Ali", Decimal(100)]]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    _name, rate, hours, mean, count = sheet[2]
    assert (rate.value, hours.value, mean.value, count.value) == (86.3, 9.5, 4.22, 3)
    assert (rate.data_type, mean.data_type) == ("n", "n")
    assert (rate.number_format, hours.number_format, mean.number_format) == ("0.0", "0.0", "0.00")
    assert count.number_format == "General"
    assert (sheet["B3"].value, sheet["B3"].number_format) == (100, "0")


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


def _xlsx_cells(response) -> list:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_csv_neutralises_formulas_in_the_header_row_and_in_every_cell():
    response = csv_response(filename="t.csv", headers=FORMULAS, rows=[FORMULAS, [1, -2, None]])
    neutral = ["'" + text for text in FORMULAS]
    assert _csv_rows(response) == [neutral, neutral, ["1", "-2", ""]]


def test_xlsx_writes_formula_looking_text_as_text_in_the_header_row_and_in_every_cell():
    response = xlsx_response(
        filename="t.xlsx", sheet="Sayfa", headers=FORMULAS, rows=[FORMULAS, [1, -2.5]]
    )
    cells = _xlsx_cells(response)
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    typed = [text.replace("\r", "\n") for text in FORMULAS]  # XML reads CR as LF
    # as typed, in text cells marked as Excel marks a cell typed after an apostrophe
    assert [(cell.value, cell.data_type, cell.quotePrefix) for cell in cells[:12]] == [
        (text, "s", True) for text in typed + typed
    ]
    assert [(cell.value, cell.data_type) for cell in cells[12:14]] == [(1, "n"), (-2.5, "n")]
    assert cells[12].quotePrefix is False


def test_a_telephone_number_reads_as_typed_in_an_xlsx_and_after_an_apostrophe_in_a_csv():
    rows = [["Ayşe Işık", "+90 532 111 22 33"]]
    xlsx = xlsx_response(filename="t.xlsx", sheet="Kişiler", headers=["Ad", "Telefon"], rows=rows)
    assert [cell.value for cell in _xlsx_cells(xlsx)][2:] == ["Ayşe Işık", "+90 532 111 22 33"]
    csv_file = csv_response(filename="t.csv", headers=["Ad", "Telefon"], rows=rows)
    assert _csv_rows(csv_file)[1] == ["Ayşe Işık", "'+90 532 111 22 33"]


def test_dates_are_turkish_in_a_csv_and_real_dates_in_an_xlsx():
    first_day = dt.date(2026, 10, 5)
    marked = timezone.make_aware(dt.datetime(2026, 10, 5, 9, 30))
    rows = [[first_day, marked]]
    csv_file = csv_response(filename="t.csv", headers=["Gün", "An"], rows=rows)
    assert _csv_rows(csv_file)[1] == ["05.10.2026", "05.10.2026 09:30"]
    xlsx = xlsx_response(filename="t.xlsx", sheet="Tablo", headers=["Gün", "An"], rows=rows)
    day, moment = _xlsx_cells(xlsx)[2:]
    assert (day.value, day.number_format) == (dt.datetime(2026, 10, 5), "dd.mm.yyyy")
    assert (moment.value, moment.number_format) == (
        dt.datetime(2026, 10, 5, 9, 30),
        "dd.mm.yyyy hh:mm",
    )


def test_control_characters_a_spreadsheet_cannot_hold_are_dropped_not_a_500():
    response = xlsx_response(
        filename="t.xlsx", sheet="Sayfa", headers=["Ad\x00\x0b"], rows=[["\x1b=1+1", "a\x07b"]]
    )
    assert [cell.value for cell in _xlsx_cells(response)] == ["Ad", None, "=1+1", "ab"]
    csv_rows = _csv_rows(csv_response(filename="t.csv", headers=["Ad\x00"], rows=[["\x1b=1"]]))
    assert csv_rows == [["Ad"], ["'=1"]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_table_is_a_private_download(fmt):
    response = table_response(
        fmt=fmt, filename_stem="Kayıtlar – İzmir", sheet="Kayıtlar", headers=["Ad"], rows=[]
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kayitlar-izmir.{fmt}"; '
        f"filename*=UTF-8''Kay%C4%B1tlar%20%E2%80%93%20%C4%B0zmir.{fmt}"
    )


def test_as_download_sets_the_name_and_keeps_the_file_out_of_every_cache():
    response = as_download(HttpResponse(b"{}"), filename="kişisel verilerim.json")
    assert response["Content-Disposition"] == (
        'attachment; filename="kisisel-verilerim.json"; '
        "filename*=UTF-8''ki%C5%9Fisel%20verilerim.json"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_csv_streams_its_header_at_once_then_pieces_of_rows(monkeypatch):
    monkeypatch.setattr(exports, "CSV_ROWS_PER_PIECE", 2)
    rows = ([f"Kişi {number}", number] for number in range(5))
    response = csv_response(filename="t.csv", headers=["Ad", "Sayı"], rows=rows)
    assert response.streaming
    pieces = [piece.decode("utf-8") for piece in response.streaming_content]
    assert pieces == [
        "\ufeffAd;Sayı\r\n",
        "Kişi 0;0\r\nKişi 1;1\r\n",
        "Kişi 2;2\r\nKişi 3;3\r\n",
        "Kişi 4;4\r\n",
    ]


def test_an_xlsx_is_written_row_by_row_with_a_bold_frozen_header_and_reports_its_progress():
    written = []
    buffer = io.BytesIO()
    rows = ([f"İnci Işık {number}", Decimal("4.5")] for number in range(3))
    xlsx_write(buffer, sheet="Yanıtlar", headers=["Ad", "Puan"], rows=rows, progress=written.append)
    sheet = load_workbook(buffer).active
    assert written == [1, 2, 3]
    assert sheet.title == "Yanıtlar"
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Ad", "Puan"],
        ["İnci Işık 0", 4.5],
        ["İnci Işık 1", 4.5],
        ["İnci Işık 2", 4.5],
    ]
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet["B4"].number_format == "0.0"
    assert sheet.column_dimensions["A"].width == len("İnci Işık 0") + 2
