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
from collections.abc import Callable
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


@dataclass(frozen=True)
class Clocks:
    """Where the times come from: the real clocks, or a test's."""

    wall: Callable[[], float] = time.perf_counter
    cpu: Callable[[], float] = time.process_time


def _samples(render, *, repeat: int, clocks: Clocks) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = clocks.wall(), clocks.cpu()
        render()
        walls.append(clocks.wall() - wall)
        cpus.append(clocks.cpu() - cpu)
    return walls, cpus


def timed(render, *, repeat: int, warmup: int = 5, clocks: Clocks = Clocks()) -> Timing:
    for _ in range(warmup):
        render()
    walls, cpus = _samples(render, repeat=repeat, clocks=clocks)
    return Timing(wall=median(walls), cpu=median(cpus))


def bracketed_ratios(floors: list[float], subjects: list[float]) -> list[float]:
    """Each subject block's median against the mean of the floor blocks right before and right
    after it: `floors` has one block more than `subjects` (F S F S F)."""
    if len(floors) != len(subjects) + 1:
        raise ValueError("one floor block before each subject block and one after the last")
    return [
        subject / ((floors[index] + floors[index + 1]) / 2)
        for index, subject in enumerate(subjects)
    ]


@dataclass(frozen=True)
class Comparison:
    """A subject measured interleaved with the floor. The ratios are the medians of the
    bracketed block ratios, so that a shared machine's drift — the floor moved by 40 % within
    minutes on one VM — falls on both sides of every ratio."""

    subject: Timing
    floor: Timing
    wall_ratio: float
    cpu_ratio: float
    rounds: int


def compared(
    subject,
    floor,
    *,
    rounds: int,
    subject_repeat: int,
    floor_repeat: int,
    warmup: int = 2,
    clocks: Clocks = Clocks(),
) -> Comparison:
    """Floor, subject, floor, subject, …, floor: `rounds` blocks of the subject, each between
    two blocks of the floor (as the web part interleaves its floor view)."""
    for _ in range(warmup):
        floor()
        subject()
    floor_blocks = [_samples(floor, repeat=floor_repeat, clocks=clocks)]
    subject_blocks = []
    for _ in range(rounds):
        subject_blocks.append(_samples(subject, repeat=subject_repeat, clocks=clocks))
        floor_blocks.append(_samples(floor, repeat=floor_repeat, clocks=clocks))

    def ratio(part: int) -> float:
        return median(
            bracketed_ratios(
                [median(block[part]) for block in floor_blocks],
                [median(block[part]) for block in subject_blocks],
            )
        )

    def overall(blocks) -> Timing:
        return Timing(
            wall=median(value for block in blocks for value in block[0]),
            cpu=median(value for block in blocks for value in block[1]),
        )

    return Comparison(
        subject=overall(subject_blocks),
        floor=overall(floor_blocks),
        wall_ratio=ratio(0),
        cpu_ratio=ratio(1),
        rounds=rounds,
    )


if __name__ == "__main__":
    import django

    django.setup()
    print(f"floor (the certificate page): {timed(floor_renderer(), repeat=50)}")  # noqa: T201
    print(f"one-line page: {timed(one_line_renderer(), repeat=50)}")  # noqa: T201
