from decimal import Decimal

import pytest
from django.utils import translation

from core.numbers import (
    format_count,
    format_decimal,
    format_hours,
    format_percent,
    hours_value,
    percent_value,
)


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (Decimal("40.90"), Decimal("40.9")),
        (Decimal("40.96"), Decimal("40.9")),  # down: never more than was attended
        (Decimal("79.99"), Decimal("79.9")),  # below an 80 % threshold, and shown below it
        (Decimal("80.00"), Decimal(80)),
        (Decimal("100.00"), Decimal(100)),
        (Decimal("0.00"), Decimal(0)),
        (62.5, Decimal("62.5")),
        (7, Decimal(7)),
    ],
)
def test_a_percentage_keeps_one_decimal_rounded_down_without_a_trailing_zero(rate, shown):
    value = percent_value(rate)
    assert value == shown
    assert str(value) == str(shown)


def test_hours_drop_a_trailing_zero():
    assert str(hours_value(Decimal("12.0"))) == "12"
    assert str(hours_value(Decimal("9.5"))) == "9.5"
    assert str(hours_value(Decimal("100.0"))) == "100"


@pytest.mark.parametrize(
    ("language", "percent", "hours", "mean"),
    [("tr", "%40,9", "9,5", "4,20"), ("en", "40.9%", "9.5", "4.20")],
)
def test_the_language_decides_the_separator_and_where_the_percent_sign_goes(
    language, percent, hours, mean
):
    with translation.override(language):
        assert format_percent(Decimal("40.90")) == percent
        assert format_hours(Decimal("9.5")) == hours
        assert format_decimal(Decimal("4.20")) == mean
    assert format_percent(Decimal("40.90"), language=language) == percent


def test_whole_numbers_and_missing_values():
    with translation.override("tr"):
        assert format_percent(Decimal("100.00")) == "%100"
        assert format_percent(0) == "%0"
        assert format_percent(None) == "—"
        assert format_hours(Decimal("12.0")) == "12"
        assert format_decimal(7) == "7"
        assert format_decimal(4.25) == "4,25"


def test_large_numbers_get_no_thousands_separator():
    assert format_decimal(Decimal("1234.5"), language="tr") == "1234,5"
    assert format_hours(Decimal("1500.0"), language="tr") == "1500"


@pytest.mark.parametrize(
    ("value", "turkish", "english"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (2500, "2.500", "2,500"),
        (20_000, "20.000", "20,000"),
        (1_234_567, "1.234.567", "1,234,567"),
        (None, "—", "—"),
    ],
)
def test_counts_shown_as_figures_are_grouped_by_thousands_in_the_language(value, turkish, english):
    assert format_count(value, language="tr") == turkish
    assert format_count(value, language="en") == english
    with translation.override("en"):
        assert format_count(value) == english
