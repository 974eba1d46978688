import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from core.dates import datetime_formatter

MOMENTS = [
    dt.datetime(2026, 11, 26, 11, 30, tzinfo=dt.UTC),  # 14:30 in Istanbul
    dt.datetime(2026, 1, 3, 22, 5, tzinfo=dt.UTC),  # the next day in Istanbul
    dt.datetime(999, 12, 31, 9, 0, tzinfo=dt.UTC),
]


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("format_name", ["SHORT_DATETIME_FORMAT", "DATETIME_FORMAT"])
def test_datetime_formatter_writes_what_the_date_filter_writes(language, format_name):
    template = Template(f'{{{{ value|date:"{format_name}" }}}}')
    with translation.override(language):
        write = datetime_formatter(format_name)
        for moment in MOMENTS:
            assert write(moment) == template.render(Context({"value": moment}))


def test_datetime_formatter_writes_local_time_and_nothing_for_none():
    with translation.override("tr"), timezone.override("Europe/Istanbul"):
        write = datetime_formatter("SHORT_DATETIME_FORMAT")
        assert write(dt.datetime(2026, 11, 26, 11, 30, tzinfo=dt.UTC)) == "26.11.2026 14:30"
        assert write(None) == ""
