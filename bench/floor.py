"""The floor: bare WeasyPrint rendering a minimal one-page document with the same embedded fonts
and the same reuse (one FontConfiguration, one fetcher, stylesheets parsed once).

    .venv/bin/python bench/floor.py
"""

import os
import sys
import time
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


def timed(render, *, repeat: int, warmup: int = 5) -> float:
    """Median seconds per call."""
    for _ in range(warmup):
        render()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        render()
        samples.append(time.perf_counter() - start)
    return median(samples)


if __name__ == "__main__":
    import django

    django.setup()
    print(f"floor: {timed(floor_renderer(), repeat=50) * 1000:.1f} ms per page")  # noqa: T201
