"""Which kinds of document exist: each app registers its kinds (in its AppConfig.ready).

A kind says what to render — how to build the layout's plain data from the owner object, which
layout, the download file name, and who may download — and the documents app does the rest.
A kind may also say how the document's own page (where it is prepared, then downloaded) is
headed and where it leads back to (`page`); without it the page says "Document".
"""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from core.exports import XLSX_TYPE, xlsx_write
from documents import rendering
from documents.rendering import Layout


@dataclass(frozen=True)
class DocumentPage:
    """The heading of a document's page and the link back to where it was asked for."""

    heading: str
    back_url: str
    back_label: str


@dataclass(frozen=True)
class DocumentKind:
    name: str
    layout: Layout
    build_data: Callable[[Any], Any]  # owner → the layout's data (e.g. CertificateData)
    filename: Callable[[Any], str]  # the data → a readable file name, e.g. "Sertifika - Ad.pdf"
    can_download: Callable[[Any, Any], bool]  # (user, document) → bool
    # document → the document that now stands in its place (e.g. the current certificate of the
    # same person after a re-issue), or None: where an old link leads those who may no longer
    # download the old one.
    replacement: Callable[[Any], Any] | None = None
    page: Callable[[Any], DocumentPage] | None = None  # owner → its page's heading and way back

    suffix = ".pdf"
    content_type = "application/pdf"
    keeps_old_files = True  # a PDF of an earlier version is what was printed then
    rebuilds = False  # the same inputs reuse the file

    @property
    def layout_key(self) -> tuple[str, int]:
        return (self.layout.name, self.layout.version)

    def render(self, data) -> bytes:
        return rendering.render_pdf(self.layout, data)


@dataclass(frozen=True)
class BundleKind:
    """A ZIP of other documents (e.g. every certificate of a cohort): `members` lists the
    documents that belong in it; the ready ones are zipped, under their download file names."""

    name: str
    members: Callable[[Any], Iterable[Any]]  # owner → documents.Document rows
    title: Callable[[Any], str]  # owner → the file name without ".zip"
    can_download: Callable[[Any, Any], bool]  # (user, document) → bool
    page: Callable[[Any], DocumentPage] | None = None  # owner → its page's heading and way back

    suffix = ".zip"
    content_type = "application/zip"
    keeps_old_files = False  # a ZIP only copies other documents: older ones are deleted
    rebuilds = False
    layout_key = ("zip", 1)

    def build_data(self, owner):
        from documents.bundles import bundle_data

        return bundle_data(title=self.title(owner), documents=self.members(owner))

    def filename(self, data) -> str:
        return f"{data.title}.zip"

    def render(self, data) -> bytes:
        from documents.bundles import bundle_zip

        return bundle_zip(data)


@dataclass(frozen=True)
class SpreadsheetData:
    title: str


@dataclass(frozen=True)
class SpreadsheetKind:
    """A large table as an XLSX file built by the worker (an export too big to build inside a
    request): `table` gives the owner's core.exports.Table, its rows read in chunks while they
    are written, and the document's progress counts the rows written. Every request builds the
    file again (the data may have changed since), unless one is still on its way; the file of
    an older version is deleted once a newer one is ready."""

    name: str
    table: Callable[[Any], Any]  # owner → core.exports.Table
    title: Callable[[Any], str]  # owner → the file name without ".xlsx"
    can_download: Callable[[Any, Any], bool]  # (user, document) → bool
    page: Callable[[Any], DocumentPage] | None = None  # owner → its page's heading and way back

    suffix = ".xlsx"
    content_type = XLSX_TYPE
    keeps_old_files = False
    rebuilds = True
    layout_key = ("xlsx", 1)

    def build_data(self, owner) -> SpreadsheetData:
        return SpreadsheetData(title=self.title(owner))

    def filename(self, data: SpreadsheetData) -> str:
        return f"{data.title}.xlsx"

    def render_table(self, owner, *, progress: Callable[[int, int], None]) -> bytes:
        """The workbook of the owner's table; `progress(done, total)` as the rows go in."""
        table = self.table(owner)
        total = table.total or 0
        progress(0, total)
        buffer = io.BytesIO()
        xlsx_write(
            buffer,
            sheet=table.sheet,
            headers=table.headers,
            rows=table.rows,
            progress=lambda done: progress(done, max(total, done)),
        )
        return buffer.getvalue()


Kind = DocumentKind | BundleKind | SpreadsheetKind

_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _kinds[kind.name] = kind
    return kind


def find(name: str) -> Kind | None:
    return _kinds.get(name)


def get(name: str) -> Kind:
    kind = _kinds.get(name)
    if kind is None:
        raise LookupError(f"no document kind {name!r} is registered")
    return kind
