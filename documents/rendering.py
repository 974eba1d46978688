"""The one place that turns templates into PDFs (templates → HTML → PDF with WeasyPrint).

Apps never call WeasyPrint: they register a kind (`documents.registry`) with a `Layout`, and
`render_pdf` does the rest. Per worker process the font configuration, the URL fetcher, the
parsed stylesheets and the images of static files are built once and reused (building them per
render is 2–3× slower and leaks memory); the state is keyed by PID, so a forked pool child
builds its own on first use, and `documents.signals` warms it up when Celery starts the child.

The URL fetcher is the renderer's only window on the world: it serves the project's own static
files (fonts, images, print CSS) from disk under a private origin and small data: images, and
refuses everything else — file://, http(s)://, paths outside static/ — so nothing a user types
can make the renderer read a local file or call the network.
"""

import base64
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import BlockBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A private origin that never resolves (RFC 2606 .invalid): document templates and print CSS
# use relative URLs, which WeasyPrint resolves against it, and only the fetcher answers it.
STATIC_BASE_URL = "https://static.gencisi.invalid/"
STATIC_ROOT = Path(settings.BASE_DIR) / "static"
CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
}
DATA_IMAGE_TYPES = frozenset({"image/svg+xml", "image/png"})
DATA_URL_MAX_BYTES = 64 * 1024


class FetchRefusedError(ValueError):
    """The renderer asked for something that is not one of the project's static files."""


class StaticOnlyFetcher(URLFetcher):
    """Serves files under `root` for URLs under STATIC_BASE_URL and small data: images; refuses
    everything else. File contents are cached in memory (a handful of small, fixed files)."""

    def __init__(self, root: Path = STATIC_ROOT) -> None:
        super().__init__(timeout=1, allowed_protocols=("https", "data"), allow_redirects=False)
        self.root = root.resolve()
        self._files: dict[Path, bytes] = {}
        self._lock = threading.Lock()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:  # noqa: ARG002 — WeasyPrint's API
        if url.startswith("data:"):
            return self._data(url)
        if not url.startswith(STATIC_BASE_URL):
            raise FetchRefusedError(f"refused: {url[:80]}")
        relative = unquote(urlsplit(url).path).lstrip("/")
        path = (self.root / relative).resolve()
        if (
            not path.is_relative_to(self.root)
            or path.suffix.lower() not in CONTENT_TYPES
            or not path.is_file()
        ):
            raise FetchRefusedError(f"refused: {url[:80]}")
        with self._lock:
            body = self._files.get(path)
            if body is None:
                body = self._files[path] = path.read_bytes()
        return URLFetcherResponse(
            url, body=body, headers={"Content-Type": CONTENT_TYPES[path.suffix.lower()]}
        )

    def _data(self, url: str) -> URLFetcherResponse:
        header, _, payload = url[len("data:") :].partition(",")
        parts = header.split(";")
        mime_type = parts[0].strip().lower()
        if mime_type not in DATA_IMAGE_TYPES or len(payload) > DATA_URL_MAX_BYTES * 2:
            raise FetchRefusedError(f"refused data: URL of type {mime_type[:40]!r}")
        body = base64.b64decode(payload) if "base64" in parts[1:] else unquote_to_bytes(payload)
        if len(body) > DATA_URL_MAX_BYTES:
            raise FetchRefusedError("refused: data: URL too large")
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})


@dataclass(frozen=True)
class PageSetup:
    """The CSS @page size and margin of a layout, e.g. PageSetup("A4 landscape", "0")."""

    size: str
    margin: str

    def css(self) -> str:
        return f"@page {{ size: {self.size}; margin: {self.margin}; }}"


@dataclass(frozen=True)
class Layout:
    """What a kind of document looks like: a template, its print CSS (paths under static/), the
    page setup, and the function that turns the kind's plain data into the template context.
    Bump `version` when the template changes so that equal data renders again.

    A one-page layout whose text can run long (a certificate with many long objectives) lists
    `densities`: values of the template's `density` variable, each tighter than the one before,
    tried in turn until `fits` says the laid-out pages hold everything; ordinary inputs are laid
    out once, with the first."""

    name: str
    template: str
    stylesheets: tuple[str, ...]
    page: PageSetup
    context: Callable[[object], Mapping]
    version: int = 1
    densities: tuple[str, ...] = ("",)
    fits: Callable[[list["LaidOutBlock"]], bool] | None = None


@dataclass(frozen=True)
class LaidOutBlock:
    """Where a block element ended up: its page (from 0), classes, top and bottom in mm."""

    page: int
    classes: frozenset[str]
    top: float
    bottom: float


def laid_out_blocks(document) -> list[LaidOutBlock]:
    """The block boxes of elements with a class attribute, absolutely placed ones included, of a
    rendered WeasyPrint document."""
    mm = 25.4 / 96
    blocks = []
    for number, page in enumerate(document.pages):
        # The laid-out box tree is reachable only through this private attribute.
        pending = [page._page_box]
        while pending:
            box = pending.pop()
            box = getattr(box, "_box", box)  # an absolutely placed box sits in a placeholder
            element = getattr(box, "element", None)
            if isinstance(box, BlockBox) and element is not None and element.get("class"):
                blocks.append(
                    LaidOutBlock(
                        page=number,
                        classes=frozenset(element.get("class").split()),
                        top=box.position_y * mm,
                        bottom=(box.position_y + box.margin_height()) * mm,
                    )
                )
            pending.extend(getattr(box, "children", ()))
    return blocks


class ImageCache(dict):
    """WeasyPrint's image cache for one render: images of the project's static files (the logo)
    are parsed once per process and shared; everything else (each certificate's own QR code)
    lives only as long as the render, so the process does not grow with every document."""

    def __init__(self, shared: dict) -> None:
        super().__init__()
        self._shared = shared

    def __contains__(self, key) -> bool:
        return super().__contains__(key) or key in self._shared

    def __getitem__(self, key):
        if super().__contains__(key):
            return super().__getitem__(key)
        return self._shared[key]

    def __setitem__(self, key, value) -> None:
        if isinstance(key, str) and key.startswith(STATIC_BASE_URL):
            self._shared[key] = value
        else:
            super().__setitem__(key, value)


@dataclass
class _Engine:
    pid: int
    font_config: FontConfiguration
    fetcher: StaticOnlyFetcher
    stylesheets: dict[str, list[CSS]] = field(default_factory=dict)
    static_images: dict = field(default_factory=dict)

    def stylesheets_for(self, layout: Layout) -> list[CSS]:
        sheets = self.stylesheets.get(layout.name)
        if sheets is None:
            sheets = [
                CSS(
                    url=STATIC_BASE_URL + path,
                    url_fetcher=self.fetcher,
                    font_config=self.font_config,
                )
                for path in layout.stylesheets
            ]
            sheets.append(CSS(string=layout.page.css(), font_config=self.font_config))
            self.stylesheets[layout.name] = sheets
        return sheets


_engine: _Engine | None = None
_engine_lock = threading.Lock()


def engine() -> _Engine:
    """This process's renderer state, built on first use after a fork."""
    global _engine  # noqa: PLW0603 — one renderer state per process, by design
    current = _engine
    if current is not None and current.pid == os.getpid():
        return current
    with _engine_lock:
        if _engine is None or _engine.pid != os.getpid():
            _engine = _Engine(
                pid=os.getpid(), font_config=FontConfiguration(), fetcher=StaticOnlyFetcher()
            )
        return _engine


def warm_up(layouts: list[Layout]) -> None:
    """Build the state and parse the stylesheets of `layouts` now (at worker start)."""
    state = engine()
    for layout in layouts:
        state.stylesheets_for(layout)


def _html(layout: Layout, context: Mapping, *, language: str, density: str) -> str:
    with translation.override(language):
        return render_to_string(layout.template, {**context, "density": density})


def render_html(layout: Layout, data: object, *, language: str = "tr", density: str = "") -> str:
    return _html(layout, layout.context(data), language=language, density=density)


def render_pdf(layout: Layout, data: object, *, language: str = "tr") -> bytes:
    """Render one document of `layout` from its plain data; returns the PDF bytes."""
    state = engine()
    context = layout.context(data)  # once (the QR code), whatever the densities tried
    for density in layout.densities:
        html = HTML(
            string=_html(layout, context, language=language, density=density),
            base_url=STATIC_BASE_URL,
            url_fetcher=state.fetcher,
        )
        document = html.render(
            stylesheets=state.stylesheets_for(layout),
            font_config=state.font_config,
            cache=ImageCache(state.static_images),
        )
        if layout.fits is None or layout.fits(laid_out_blocks(document)):
            break
    return document.write_pdf()
