"""ZIP bundles of ready documents (a kind registered as `registry.BundleKind`).

The bundle's data lists its ready members by id and SHA-256, so the same ready members give
the same inputs hash (one build), and a newly ready member makes a new version.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from documents.models import Document


@dataclass(frozen=True)
class BundleMember:
    document_id: int
    sha256: str
    arcname: str  # the file name inside the ZIP


@dataclass(frozen=True)
class BundleData:
    title: str
    members: tuple[BundleMember, ...]


def _unique(name: str, taken: set[str]) -> str:
    """ "Ad.pdf", then "Ad (2).pdf", "Ad (3).pdf"… for two people with the same name."""
    path = PurePath(name or "belge.pdf")
    candidate, number = path.name, 1
    while candidate in taken:
        number += 1
        candidate = f"{path.stem} ({number}){path.suffix}"
    taken.add(candidate)
    return candidate


def bundle_data(*, title: str, documents) -> BundleData:
    """The ready documents among `documents`, in the order given."""
    taken: set[str] = set()
    members = tuple(
        BundleMember(
            document_id=document.pk,
            sha256=document.file_sha256,
            arcname=_unique(document.filename, taken),
        )
        for document in documents
        if document.is_ready
    )
    return BundleData(title=title, members=members)


def bundle_zip(data: BundleData) -> bytes:
    """The ZIP of the members' stored files (PDFs are already compressed: stored, not deflated)."""
    documents = Document.objects.in_bulk([member.document_id for member in data.members])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for member in data.members:
            document = documents[member.document_id]
            with document.file.open("rb") as stream:
                archive.writestr(member.arcname, stream.read())
    return buffer.getvalue()
