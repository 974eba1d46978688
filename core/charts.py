"""Small server-rendered SVG charts: no JavaScript, no third-party library, CSP-safe.

Every chart is an <svg role="img"> with a <title> and a <desc>, and every page shows the same
numbers in a table beside it.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

# Five steps from "strongly disagree" (1) to "strongly agree" (5); colour-blind safe.
SCALE_COLOURS = ("#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac")
BAR_COLOUR = "#0e5a57"


@dataclass(frozen=True)
class StackedRow:
    label: str
    counts: Sequence[int]  # one per scale step


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float
    display: str


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def stacked_scale_chart(
    *, rows: Sequence[StackedRow], title: str, legend: Sequence[str], label_width: int = 320
) -> SafeString:
    """100 % stacked horizontal bars of answers 1…5, one bar per question. The colour key is
    for the page to show in HTML (see SCALE_COLOURS), where long labels can wrap."""
    bar_width, row_height, top = 440, 34, 4
    width = label_width + bar_width + 20
    height = top + row_height * len(rows) + 10
    parts = [
        (
            f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">'
        ),
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(', '.join(legend))}</desc>",
    ]
    for row_index, row in enumerate(rows):
        y = top + row_index * row_height
        total = sum(row.counts) or 1
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 20}" font-size="13" text-anchor="end">'
            f"<title>{escape(row.label)}</title>{escape(_truncate(row.label, 40))}</text>"
        )
        x = float(label_width)
        for index, count in enumerate(row.counts):
            span = bar_width * count / total
            if span > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{span:.1f}" height="24" '
                    f'fill="{SCALE_COLOURS[index]}"><title>{escape(legend[index])}: {count}'
                    f"</title></rect>"
                )
                if span >= 24:
                    colour = "#fff" if index in {0, 4} else "#1d2527"
                    parts.append(
                        f'<text x="{x + span / 2:.1f}" y="{y + 21}" font-size="12" '
                        f'text-anchor="middle" fill="{colour}">{count}</text>'
                    )
            x += span
        if not sum(row.counts):
            parts.append(
                f'<rect x="{label_width}" y="{y + 4}" width="{bar_width}" height="24" '
                f'fill="none" stroke="#d9dedd"/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


def bar_chart(
    *, rows: Sequence[BarRow], title: str, maximum: float, label_width: int = 320
) -> SafeString:
    """Horizontal bars, e.g. the mean score (0–5) of each objective."""
    bar_width, row_height = 400, 32
    width = label_width + bar_width + 70
    height = row_height * len(rows) + 10
    parts = [
        (
            f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    for index, row in enumerate(rows):
        y = index * row_height + 4
        span = bar_width * (row.value / maximum) if maximum else 0
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" font-size="13" text-anchor="end">'
            f"<title>{escape(row.label)}</title>{escape(_truncate(row.label, 44))}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{bar_width}" height="22" fill="#eef2f1"/>'
            f'<rect x="{label_width}" y="{y + 3}" width="{span:.1f}" height="22" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + bar_width + 8}" y="{y + 19}" font-size="13">'
            f"{escape(row.display)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


# Sequential blues for counts; provinces with nothing stay grey.
MAP_COLOURS = ("#eef2f1", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
MAP_FILE = Path(settings.BASE_DIR) / "static" / "maps" / "turkey-provinces.json"


@lru_cache(maxsize=1)
def _province_paths() -> dict[str, str]:
    """plate code ("01"…"81") → SVG path (static/maps/LICENSE.txt: MIT, turkey-map-react)."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapBin:
    low: int
    high: int
    colour: str

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def map_bins(maximum: int) -> list[MapBin]:
    """The map's shades, what both the provinces and the legend are drawn from: 0 in grey, then
    1…maximum in up to four ranges of about equal width (fewer when the maximum is small), each
    range a darker blue. The ranges touch and never overlap."""
    bins = [MapBin(low=0, high=0, colour=MAP_COLOURS[0])]
    steps = len(MAP_COLOURS) - 1
    low = 1
    for step in range(1, steps + 1):
        high = -(-maximum * step // steps)  # ceiling division
        if high >= low:
            bins.append(MapBin(low=low, high=high, colour=MAP_COLOURS[len(bins)]))
            low = high + 1
    return bins


def _bin_of(value: int, bins: Sequence[MapBin]) -> MapBin:
    return next((item for item in bins if item.low <= value <= item.high), bins[-1])


def choropleth_map(*, values: dict[int, int], names: dict[int, str], title: str) -> SafeString:
    """Turkey's 81 provinces shaded by a count per plate code (e.g. participants)."""
    bins = map_bins(max(values.values(), default=0))
    parts = [
        (
            '<svg class="chart map" role="img" viewBox="0 80 1050 585" '
            f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    for plate_code, path in sorted(_province_paths().items()):
        plate = int(plate_code)
        value = values.get(plate, 0)
        parts.append(
            f'<path d="{escape(path)}" fill="{_bin_of(value, bins).colour}" '
            f'stroke="#ffffff" stroke-width="0.8"><title>{escape(names.get(plate, plate_code))}: '
            f"{value}</title></path>"
        )
    legend_y = 622
    for index, item in enumerate(bins):
        x = 30 + index * 150
        parts.append(
            f'<g class="map-legend"><rect x="{x}" y="{legend_y}" width="26" height="26" '
            f'fill="{item.colour}" stroke="#9aa5a4"/>'
            f'<text x="{x + 34}" y="{legend_y + 21}" font-size="24">{item.label}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — paths are our static data, texts escaped
