"""The document layouts and the plain data they are rendered from.

Apps fill `CertificateData` / `ActionPlanData` / `SignInSheetData` from their models (in the
context builder they register with their kind); the layouts know nothing about models.
"""

import base64
import datetime as dt
import struct
import zlib
from dataclasses import dataclass
from decimal import Decimal

from core.links import absolute_url
from core.text import turkish_upper
from documents.qr import qr_matrix
from documents.rendering import Layout, PageSetup


@dataclass(frozen=True)
class CertificateData:
    participant_name: str
    organisation: str
    programme_title: str
    cohort_title: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    programme_hours: Decimal  # the programme's length: all the cohort's sessions
    attended_hours: Decimal | None  # the person's; None on certificates from before it was printed
    objectives: tuple[str, ...]
    facilitators: tuple[str, ...]
    issued_on: dt.date
    code: str
    verify_path: str  # e.g. "/sertifika/dogrula/GI-2026-0001/"; the QR points at SITE_URL + it
    issuer: str = "Genç İşi Kooperatif"


def certificate_qr_payload(data: CertificateData) -> str:
    """The text of the certificate's QR code: the absolute address of its verification page."""
    return absolute_url(data.verify_path)


# segno's module values (0 light, 1 dark) → grey levels: white, and the ink colour #1d2527 as grey.
QR_GREYS = bytes((0xFF, 0x23)) + bytes(254)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def qr_png_data_uri(payload: str) -> str:
    """One pixel per module, drawn without smoothing (image-rendering: pixelated in the CSS):
    sharp at any print size, and several times cheaper to render than an SVG path. An 8-bit
    greyscale PNG, because WeasyPrint embeds that one nearly as it is, while a palette PNG (what
    segno writes for a colour) is converted to RGB and encoded twice more in every render. A
    fixed mask spares segno scoring all eight (any mask is valid; readers try them all), and
    documents.qr computes the modules from those of an earlier payload of the same length."""
    matrix = qr_matrix(payload)
    header = struct.pack(">IIBBBBB", len(matrix[0]), len(matrix), 8, 0, 0, 0, 0)  # 8-bit grey
    scanlines = b"".join(b"\x00" + row.translate(QR_GREYS) for row in matrix)
    png = b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(scanlines)),
            _png_chunk(b"IEND", b""),
        )
    )
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def certificate_context(data: CertificateData) -> dict:
    payload = certificate_qr_payload(data)
    return {
        "certificate": data,
        "participant_name_upper": turkish_upper(data.participant_name),
        "objectives": [(f"{number:02d}", text) for number, text in enumerate(data.objectives, 1)],
        "qr_payload": payload,
        "qr_data_uri": qr_png_data_uri(payload),
    }


@dataclass(frozen=True)
class LegalReferenceData:
    citation: str  # short form used in the steps table, e.g. "5393 m.14"
    title: str  # e.g. "5393 sayılı Belediye Kanunu, madde 14 (Görev ve sorumluluklar)"
    summary: str
    reviewed: bool = False
    reviewed_on: dt.date | None = None
    reviewed_by: str = ""
    url: str = ""


@dataclass(frozen=True)
class ActionStepData:
    number: int
    description: str
    responsible: str
    due_on: dt.date | None
    status: str
    legal_basis: tuple[str, ...] = ()  # citations of LegalReferenceData


@dataclass(frozen=True)
class ActionPlanData:
    title: str
    group: str
    participants: tuple[str, ...]
    organisations: tuple[str, ...]
    collaboration_type: str
    sdgs: tuple[str, ...]
    goal: str
    steps: tuple[ActionStepData, ...]
    legal_references: tuple[LegalReferenceData, ...]
    cohort: str
    prepared_on: dt.date
    issuer: str = "Genç İşi Kooperatif"
    status: str = ""  # the plan's ("Taslak", "Onaylandı"): a draft must not pass for approved
    problem: str = ""
    starts_on: dt.date | None = None


def action_plan_context(data: ActionPlanData) -> dict:
    return {"plan": data}


@dataclass(frozen=True)
class SignInRowData:
    number: int
    name: str
    organisation: str


@dataclass(frozen=True)
class SignInSheetData:
    """A session's sign-in sheet: who is expected (confirmed participants, in the order the
    app sorted them) with an empty signature column, for public bodies' signed lists."""

    programme_title: str
    cohort_title: str
    session_title: str
    starts_at: dt.datetime  # aware; printed in the site's time zone
    ends_at: dt.datetime
    venue: str
    rows: tuple[SignInRowData, ...]
    issuer: str = "Genç İşi Kooperatif"


def sign_in_sheet_context(data: SignInSheetData) -> dict:
    return {"sheet": data}


FOOT_CLASSES = frozenset({"attribution", "verify"})
PAGE_CLASSES = frozenset({"certificate"})
FOOT_CLEARANCE_MM = 2


def certificate_fits(blocks) -> bool:
    """One page, and the text above the foot ends clear of it (the foot is absolutely placed
    at the bottom, so long objectives would otherwise run into it or onto a second page)."""
    if any(block.page > 0 for block in blocks):
        return False
    foot_top = min((block.top for block in blocks if block.classes & FOOT_CLASSES), default=None)
    flow_bottom = max(
        (block.bottom for block in blocks if not block.classes & (FOOT_CLASSES | PAGE_CLASSES)),
        default=0,
    )
    return foot_top is None or flow_bottom + FOOT_CLEARANCE_MM <= foot_top


CERTIFICATE = Layout(
    name="certificate",
    # 2: room for the long verification code on one line; 3: the lean page (one element per line,
    # facts, foot and objective numbers as plain text, Latin-subset fonts, JPEG logo, grey QR PNG);
    # 4: the person's attended hours and the programme's length, each worded as what it is
    version=4,
    template="documents/certificate.html",
    stylesheets=("documents/base.css", "documents/certificate.css"),
    page=PageSetup(size="A4 landscape", margin="9mm"),  # the frame is the page's border
    context=certificate_context,
    # Long objectives: smaller objective text, then a tighter page, then two columns.
    densities=("", "compact", "dense", "columns"),
    fits=certificate_fits,
)

ACTION_PLAN = Layout(
    name="action_plan",
    # 2: one block per step (its text full width, then a line of labelled facts) instead of a
    # table of narrow columns
    version=2,
    template="documents/action_plan.html",
    stylesheets=("documents/base.css", "documents/paged.css", "documents/action_plan.css"),
    page=PageSetup(size="A4", margin="18mm 16mm 20mm"),
    context=action_plan_context,
)

SIGN_IN_SHEET = Layout(
    name="sign_in_sheet",
    template="documents/sign_in_sheet.html",
    stylesheets=("documents/base.css", "documents/paged.css", "documents/sign_in_sheet.css"),
    page=PageSetup(size="A4", margin="16mm 14mm 18mm"),
    context=sign_in_sheet_context,
)

LAYOUTS = [CERTIFICATE, ACTION_PLAN, SIGN_IN_SHEET]
