"""Document kinds for the tests, owned by a BackgroundJob whose `result` carries the inputs.

Loaded through settings.DOCUMENT_KIND_MODULES (gencisi/settings/test.py), so the real worker
started by the worker tests knows them too; a worker started with TEST_RENDER_BLOCK_DIR also
gets a real certificate kind that a test can block mid-render (see `_blocking_when_asked`).
"""

import dataclasses
import os
import time
from pathlib import Path

from accounts.permissions import is_coordinator
from documents import registry
from documents.layouts import ACTION_PLAN, CERTIFICATE, CertificateData
from documents.samples import action_plan_data, certificate_data


def checked_certificate_data(inputs: dict) -> CertificateData:
    if inputs.get("fail"):
        raise RuntimeError("the context builder broke")
    return certificate_data(inputs)


def waiting_certificate_data(inputs: dict) -> CertificateData:
    """Blocks the first render in a worker (not the request in the test process) for up to a
    minute, so that a test can kill the worker mid-render; with "block": False in its inputs a
    document renders at once."""
    flags = Path(inputs["flag_dir"])
    blocks = inputs.get("block", True)
    if blocks and os.getpid() != inputs["test_pid"] and not any(flags.glob("started-*")):
        (flags / f"started-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.05)
    return certificate_data(inputs)


def paused_certificate_data(inputs: dict) -> CertificateData:
    """In a worker (not the test process), the first render says so (`paused-<pid>` in its
    flag folder) and waits, for up to a minute, until the test creates `resume` there: the test
    does something to the worker meanwhile (e.g. kills its database connection)."""
    flags = Path(inputs["flag_dir"])
    if os.getpid() != inputs["test_pid"] and not (flags / "resume").exists():
        (flags / f"paused-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while not (flags / "resume").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return certificate_data(inputs)


def _blocking_when_asked(build_data):
    """`build_data` of a kind, which in a worker started with TEST_RENDER_BLOCK_DIR blocks one
    render once the test has created `block` in that folder: the first render after that
    writes its process id to `started` and waits (up to a minute) to be killed."""
    folder = Path(os.environ["TEST_RENDER_BLOCK_DIR"])

    def blocking(owner):
        if (folder / "block").exists():
            try:
                flag = os.open(folder / "started", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return build_data(owner)
            os.write(flag, str(os.getpid()).encode())
            os.close(flag)
            time.sleep(60)
        return build_data(owner)

    return blocking


def owner_or_coordinator(user, document) -> bool:
    return is_coordinator(user) or document.owner.requested_by_id == user.pk


def _filename(data) -> str:
    if isinstance(data, CertificateData):
        return f"Katılım sertifikası - {data.participant_name}.pdf"
    return f"Eylem planı - {data.title}.pdf"


registry.register(
    registry.DocumentKind(
        name="test_certificate",
        layout=CERTIFICATE,
        build_data=lambda job: checked_certificate_data(job.result),
        filename=_filename,
        can_download=owner_or_coordinator,
    )
)
registry.register(
    registry.DocumentKind(
        name="test_action_plan",
        layout=ACTION_PLAN,
        build_data=lambda job: action_plan_data(job.result),
        filename=_filename,
        can_download=owner_or_coordinator,
    )
)
registry.register(
    registry.DocumentKind(
        name="test_paused_certificate",
        layout=CERTIFICATE,
        build_data=lambda job: paused_certificate_data(job.result),
        filename=_filename,
        can_download=owner_or_coordinator,
    )
)
if os.environ.get("TEST_RENDER_BLOCK_DIR"):
    # The worker of a test that kills it in the middle of a bulk issue of real certificates.
    certificate = registry.get("certificate")
    registry.register(
        dataclasses.replace(certificate, build_data=_blocking_when_asked(certificate.build_data))
    )
registry.register(
    registry.DocumentKind(
        name="test_waiting_certificate",
        layout=CERTIFICATE,
        build_data=lambda job: waiting_certificate_data(job.result),
        filename=_filename,
        can_download=owner_or_coordinator,
    )
)


def _bundle_members(job):
    from documents.models import Document

    documents = Document.objects.in_bulk(job.result["document_ids"])
    return [documents[pk] for pk in job.result["document_ids"]]


registry.register(
    registry.BundleKind(
        name="test_bundle",
        members=_bundle_members,
        title=lambda job: job.result["title"],
        can_download=owner_or_coordinator,
    )
)


def _spreadsheet_table(job):
    from core.exports import Table

    rows = job.result["rows"]
    return Table(
        filename_stem=job.result["title"],
        sheet="Tablo",
        headers=["Ad", "Sayı"],
        rows=iter(rows),
        total=len(rows),
    )


registry.register(
    registry.SpreadsheetKind(
        name="test_spreadsheet",
        table=_spreadsheet_table,
        title=lambda job: job.result["title"],
        can_download=owner_or_coordinator,
    )
)
