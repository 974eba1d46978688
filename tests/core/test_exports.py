import csv
import io
from decimal import Decimal

from django.utils import translation
from openpyxl import load_workbook

from core.exports import csv_response, xlsx_response

HEADERS = ["Ad", "Katılım oranı (%)", "Saat", "Ortalama", "Sayı"]
ROWS = [["İnci Çelik", Decimal("86.3"), Decimal("9.5"), Decimal("4.22"), 3]]


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


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
