"""The floor: bare WeasyPrint, with the same embedded fonts and the same reuse (one
FontConfiguration, one fetcher, stylesheets parsed once, static images decoded once).

- the floor document: the certificate's finished page (the HTML our template produced, QR code
  inlined), so that the certificate row measures exactly what the pipeline adds — template,
  QR code, fit check, fetcher;
- for scale, WeasyPrint's fixed cost: a one-line page.

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


def bare_renderer(html_text: str, *, stylesheets: tuple[str, ...], page_css: str):
    """A function rendering `html_text` with bare WeasyPrint and state built once here."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from documents.rendering import STATIC_BASE_URL, ImageCache, StaticOnlyFetcher

    font_config = FontConfiguration()
    fetcher = StaticOnlyFetcher()
    sheets = [
        CSS(url=STATIC_BASE_URL + path, url_fetcher=fetcher, font_config=font_config)
        for path in stylesheets
    ]
    sheets.append(CSS(string=page_css, font_config=font_config))
    static_images: dict = {}

    def render() -> bytes:
        html = HTML(string=html_text, base_url=STATIC_BASE_URL, url_fetcher=fetcher)
        return html.write_pdf(
            stylesheets=sheets, font_config=font_config, cache=ImageCache(static_images)
        )

    return render


def floor_renderer():
    """Bare WeasyPrint on the certificate's finished page: the floor document."""
    from documents import rendering
    from documents.layouts import CERTIFICATE
    from documents.samples import certificate_data

    html_text = rendering.render_html(CERTIFICATE, certificate_data({}))
    return bare_renderer(
        html_text, stylesheets=CERTIFICATE.stylesheets, page_css=CERTIFICATE.page.css()
    )


def one_line_renderer():
    """Bare WeasyPrint on a one-line A4 page: WeasyPrint's fixed cost per document."""
    return bare_renderer(
        HTML_TEXT,
        stylesheets=("documents/base.css",),
        page_css="@page { size: A4; margin: 20mm; }",
    )


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
    print(f"floor (the certificate page): {timed(floor_renderer(), repeat=50)}")  # noqa: T201
    print(f"one-line page: {timed(one_line_renderer(), repeat=50)}")  # noqa: T201
