"""Document kinds for the tests, owned by a BackgroundJob whose `result` carries the inputs.

Loaded through settings.DOCUMENT_KIND_MODULES (gencisi/settings/test.py), so the real worker
started by the worker tests knows them too.
"""

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
