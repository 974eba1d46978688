"""The floor: bare WeasyPrint rendering a minimal one-page document with the same embedded fonts
and the same reuse (one FontConfiguration, one fetcher, stylesheets parsed once).

    .venv/bin/python bench/floor.py
"""

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gencisi.settings.local")

HTML_TEXT = (
    '<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>Taban</title></head>'
    "<body><h1>Genç İşi Kooperatif</h1><p>İnci Işık · 26 Kasım 2026</p></body></html>"
)


def floor_renderer():
    """A function rendering the minimal document with reused WeasyPrint state."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from documents.rendering import STATIC_BASE_URL, StaticOnlyFetcher

    font_config = FontConfiguration()
    fetcher = StaticOnlyFetcher()
    stylesheets = [
        CSS(
            url=STATIC_BASE_URL + "documents/base.css", url_fetcher=fetcher, font_config=font_config
        ),
        CSS(string="@page { size: A4; margin: 20mm; }", font_config=font_config),
    ]

    def render() -> bytes:
        html = HTML(string=HTML_TEXT, base_url=STATIC_BASE_URL, url_fetcher=fetcher)
        return html.write_pdf(stylesheets=stylesheets, font_config=font_config)

    return render


@dataclass(frozen=True)
class Timing:
    """Median seconds per call: wall clock, and this process's CPU time (steadier on a shared
    machine; ratios use it)."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall * 1000:.1f} ms (CPU {self.cpu * 1000:.1f})"


def timed(render, *, repeat: int, warmup: int = 5) -> Timing:
    for _ in range(warmup):
        render()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        render()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(wall=median(walls), cpu=median(cpus))


if __name__ == "__main__":
    import django

    django.setup()
    print(f"floor: {timed(floor_renderer(), repeat=50)} per page")  # noqa: T201
