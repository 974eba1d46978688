"""Which kinds of document exist: each app registers its kinds (in its AppConfig.ready).

A kind says what to render — how to build the layout's plain data from the owner object, which
layout, the download file name, and who may download — and the documents app does the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from documents.rendering import Layout


@dataclass(frozen=True)
class DocumentKind:
    name: str
    layout: Layout
    build_data: Callable[[Any], Any]  # owner → the layout's data (e.g. CertificateData)
    filename: Callable[[Any], str]  # the data → a readable file name, e.g. "Sertifika - Ad.pdf"
    can_download: Callable[[Any, Any], bool]  # (user, document) → bool


_kinds: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    _kinds[kind.name] = kind
    return kind


def find(name: str) -> DocumentKind | None:
    return _kinds.get(name)


def get(name: str) -> DocumentKind:
    kind = _kinds.get(name)
    if kind is None:
        raise LookupError(f"no document kind {name!r} is registered")
    return kind
