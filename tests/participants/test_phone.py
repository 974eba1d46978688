import pytest
from django.core.exceptions import ValidationError

from participants.phone import format_phone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0532 123 45 67", "+905321234567"),
        ("+90 532 123 45 67", "+905321234567"),
        ("(0532) 123-45-67", "+905321234567"),
        ("532 123 45 67", "+905321234567"),
        ("0090 232 400 00 00", "+902324000000"),
        ("+49 30 1234567", "+49301234567"),
    ],
)
def test_turkish_and_international_numbers_are_stored_as_e164(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "12345", "0532 123 45", "+90 132 123 45 67", "telefon", "+0 123"]
)
def test_malformed_numbers_are_refused_with_a_turkish_message(raw, settings):
    from django.utils import translation

    with translation.override("tr"), pytest.raises(ValidationError) as caught:
        normalize_phone(raw)
    assert "0532 123 45 67" in str(caught.value.messages[0])
    assert str(caught.value.messages[0]).startswith("Telefon numarasını")


def test_turkish_numbers_are_shown_in_groups():
    assert format_phone("+905321234567") == "+90 532 123 45 67"
    assert format_phone("+49301234567") == "+49301234567"
