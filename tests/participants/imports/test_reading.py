import pytest
from django.test import override_settings
from django.utils import translation

from participants.imports.reading import ImportFileError, megabytes, read_upload
from tests.participants.imports.spreadsheets import HEADER, csv_bytes, upload, xlsx_bytes

TURKISH = "ŞİĞÜÇÖ ığüşöç"


def _refusal(data: bytes, name: str = "liste.csv") -> str:
    with pytest.raises(ImportFileError) as caught:
        read_upload(upload(data, name))
    return str(caught.value.message)


def test_xlsx_rows_keep_their_line_numbers_and_skip_blank_rows():
    data = xlsx_bytes([["Ayşe Yılmaz", "ayse@example.org"], [], ["Ali Veli", "ali@example.org"]])
    table = read_upload(upload(data))
    assert table.file_format == "xlsx"
    assert [(line, cells[:2]) for line, cells in table.rows] == [
        (2, ["Ayşe Yılmaz", "ayse@example.org"]),
        (4, ["Ali Veli", "ali@example.org"]),
    ]
    assert table.columns.email == 1
    assert table.columns.full_name == 0


def test_xlsx_numbers_become_text_without_a_decimal_point():
    table = read_upload(
        upload(xlsx_bytes([["Ayşe", "a@example.org", "", "", 6, "", "", 5321234567]]))
    )
    cells = table.rows[0][1]
    assert cells[4] == "6"
    assert cells[7] == "5321234567"


def test_windows_1254_csv_is_detected_when_not_utf8():
    data = csv_bytes([[TURKISH, "sig@example.org"]], encoding="cp1254")
    table = read_upload(upload(data))
    assert table.encoding == "cp1254"
    assert table.rows[0][1][0] == TURKISH


@pytest.mark.parametrize("bom", [True, False])
def test_utf8_csv_with_or_without_bom(bom):
    table = read_upload(upload(csv_bytes([[TURKISH, "sig@example.org"]], bom=bom)))
    assert table.encoding == ("utf-8-sig" if bom else "utf-8")
    assert table.rows[0][1][0] == TURKISH
    assert table.columns.full_name == 0  # the BOM is not part of the first header


def test_comma_separated_csv():
    table = read_upload(upload(csv_bytes([["Ali Veli", "ali@example.org"]], delimiter=",")))
    assert table.rows[0][1][:2] == ["Ali Veli", "ali@example.org"]


def test_headers_are_matched_whatever_their_case_and_turkish_letters():
    header = ["E-POSTA", "ADI", "SOYADI", "KURUM ADI", "İL", "TELEFON", "Notlar"]
    table = read_upload(upload(csv_bytes([["a@example.org", "Ali", "Veli"]], header=header)))
    columns = table.columns
    assert (columns.email, columns.first_name, columns.last_name) == (0, 1, 2)
    assert (columns.organization, columns.province, columns.phone) == (3, 4, 5)
    assert columns.full_name is None


def test_the_same_file_has_the_same_sha256():
    data = xlsx_bytes([["Ali Veli", "ali@example.org"]])
    assert read_upload(upload(data)).sha256 == read_upload(upload(data)).sha256


def test_empty_file_is_refused():
    assert _refusal(b"") == "Dosya boş."
    assert _refusal(b"  \r\n ") == "Dosya boş."


def test_file_that_is_neither_xlsx_nor_text_is_refused_by_content():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    message = _refusal(png, "liste.csv")
    assert message.startswith("Bu bir XLSX ya da CSV dosyası değil.")
    assert _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "liste.xls") == message
    assert _refusal(b"PK\x03\x04 not really a zip", "liste.xlsx") == message


def test_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "merhaba")
    assert _refusal(buffer.getvalue(), "liste.xlsx").startswith("Bu bir XLSX ya da CSV")


@override_settings(PARTICIPANT_IMPORT_MAX_BYTES=1024 * 1024)
def test_too_big_file_is_refused_with_its_size():
    data = csv_bytes([["Ali Veli", f"ali{n}@example.org"] for n in range(60_000)])
    assert len(data) > 1024 * 1024
    message = _refusal(data)
    assert message.startswith("Dosya çok büyük (")
    assert message.endswith("en çok 1 MB yüklenebilir.")


@override_settings(PARTICIPANT_IMPORT_MAX_ROWS=10)
@pytest.mark.parametrize("build", [csv_bytes, xlsx_bytes])
def test_too_many_rows_are_refused(build):
    data = build([["Ali Veli", f"ali{n}@example.org"] for n in range(11)])
    assert _refusal(data) == (
        "Dosyada 11 satır var; bir seferde en çok 10 satır içe aktarılabilir. Dosyayı bölüp "
        "parçaları sırayla yükleyin."
    )


@override_settings(PARTICIPANT_IMPORT_MAX_ROWS=1000)
@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "tr",
            (
                "Dosyada 1.001 satır var; bir seferde en çok 1.000 satır içe aktarılabilir. "
                "Dosyayı bölüp parçaları sırayla yükleyin."
            ),
        ),
        (
            "en",
            (
                "The file has 1,001 rows; at most 1,000 can be imported at once. Split the file "
                "and upload the parts one after the other."
            ),
        ),
    ],
)
def test_the_row_counts_of_a_refusal_are_grouped_by_thousands_in_the_language(language, message):
    data = csv_bytes([["Ali Veli", f"ali{n}@example.org"] for n in range(1001)])
    with translation.override(language):
        assert _refusal(data) == message


def test_sizes_are_written_in_megabytes_with_the_language_s_decimal_separator():
    sizes = [2 * 1024 * 1024, 512 * 1024, 3_565_158]
    assert [megabytes(size) for size in sizes] == ["2", "0,5", "3,4"]
    with translation.override("en"):
        assert [megabytes(size) for size in sizes] == ["2", "0.5", "3.4"]


def test_ten_rows_at_a_limit_of_ten_are_read():
    with override_settings(PARTICIPANT_IMPORT_MAX_ROWS=10):
        data = csv_bytes([["Ali Veli", f"ali{n}@example.org"] for n in range(10)])
        assert len(read_upload(upload(data)).rows) == 10


def test_file_without_an_email_column_is_refused():
    data = csv_bytes([["Ali Veli", "Ankara"]], header=["Ad Soyad", "İl"])
    assert _refusal(data) == (
        "E-posta sütunu bulunamadı. İlk satır sütunların adlarını taşımalı, biri “E-posta”."
    )


def test_file_without_a_name_column_is_refused():
    data = csv_bytes([["ali@example.org"]], header=["E-posta"])
    assert _refusal(data) == (
        "Ad sütunu bulunamadı. İlk satırda “Ad Soyad” ya da “Ad” ve “Soyad” olmalı."
    )


def test_file_with_only_a_header_is_refused():
    assert _refusal(csv_bytes([], header=HEADER)) == "Dosyada başlık satırının altında satır yok."
