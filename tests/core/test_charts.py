import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core.charts import MAP_COLOURS, choropleth_map, map_bins

PLATES = range(1, 82)
NAMES = {plate: f"İl {plate}" for plate in PLATES}


def _drawn(svg: str) -> tuple[dict[int, str], list[tuple[str, str]]]:
    """(value of each province → its fill, the legend's (fill, label) pairs)."""
    provinces = {}
    for fill, value in re.findall(r'<path d="[^"]*" fill="([^"]+)"[^>]*><title>[^<]*: (\d+)<', svg):
        provinces.setdefault(int(value), set()).add(fill)
    legend = re.findall(
        r'<g class="map-legend"><rect [^>]*fill="([^"]+)"[^>]*/><text [^>]*>([^<]+)<', svg
    )
    return provinces, legend


def _ranges(legend) -> list[tuple[int, int, str]]:
    ranges = []
    for fill, label in legend:
        low, _dash, high = label.partition("–")
        ranges.append((int(low), int(high or low), fill))
    return ranges


def _check(values: dict[int, int]) -> None:
    maximum = max(values.values(), default=0)
    provinces, legend = _drawn(choropleth_map(values=values, names=NAMES, title="Katılımcılar"))
    ranges = _ranges(legend)
    # The legend's ranges start at 0, touch, never overlap, end at the maximum, and each has
    # its own colour.
    assert ranges[0][:2] == (0, 0)
    assert ranges[-1][1] == maximum
    for (_low, high, _fill), (next_low, _high, _next_fill) in itertools.pairwise(ranges):
        assert next_low == high + 1
    assert all(low <= high for low, high, _fill in ranges)
    assert len({fill for _low, _high, fill in ranges}) == len(ranges)
    # Every colour drawn is in the legend, on the range that holds the province's value.
    for value, fills in provinces.items():
        (fill,) = fills
        assert [f for low, high, f in ranges if low <= value <= high] == [fill], value


def test_every_maximum_from_1_to_200_shades_only_colours_of_its_legend():
    for maximum in range(1, 201):
        _check({plate: plate * maximum // 81 for plate in PLATES})


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(list(PLATES)), st.integers(min_value=0, max_value=500)))
def test_any_set_of_counts_shades_only_colours_of_its_legend(values):
    _check(values)


def test_one_to_three_participants_have_a_legend_entry():
    """The bug the map had: with ten at most, 1–3 were shaded in a colour the legend lacked."""
    assert [(item.label, item.colour) for item in map_bins(10)] == [
        ("0", MAP_COLOURS[0]),
        ("1–3", MAP_COLOURS[1]),
        ("4–5", MAP_COLOURS[2]),
        ("6–8", MAP_COLOURS[3]),
        ("9–10", MAP_COLOURS[4]),
    ]
    assert [item.label for item in map_bins(0)] == ["0"]
    assert [item.label for item in map_bins(1)] == ["0", "1"]
    assert [item.label for item in map_bins(3)] == ["0", "1", "2", "3"]
