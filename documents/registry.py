"""Which kinds of document exist: each app registers its kinds (in its AppConfig.ready).

A kind says what to render — how to build the layout's plain data from the owner object, which
layout, the download file name, and who may download — and the documents app does the rest.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from documents import rendering
from documents.rendering import Layout


@dataclass(frozen=True)
class DocumentKind:
    name: str
    layout: Layout
    build_data: Callable[[Any], Any]  # owner → the layout's data (e.g. CertificateData)
    filename: Callable[[Any], str]  # the data → a readable file name, e.g. "Sertifika - Ad.pdf"
    can_download: Callable[[Any, Any], bool]  # (user, document) → bool
    # For an old link its reader may no longer open: document → the document that replaced
    # its owner (a re-issued certificate's newest version), or None.
    replacement: Callable[[Any], Any] | None = None

    suffix = ".pdf"
    content_type = "application/pdf"
    keeps_old_files = True  # a PDF of an earlier version is what was printed then

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

    suffix = ".zip"
    content_type = "application/zip"
    keeps_old_files = False  # a ZIP only copies other documents: older ones are deleted
    layout_key = ("zip", 1)
    replacement = None

    def build_data(self, owner):
        from documents.bundles import bundle_data

        return bundle_data(title=self.title(owner), documents=self.members(owner))

    def filename(self, data) -> str:
        return f"{data.title}.zip"

    def render(self, data) -> bytes:
        from documents.bundles import bundle_zip

        return bundle_zip(data)


Kind = DocumentKind | BundleKind

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
