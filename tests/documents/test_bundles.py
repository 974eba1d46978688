import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from core.models import BackgroundJob
from documents import services
from documents.models import Document


@pytest.fixture
def request_ready(owner_job, django_capture_on_commit_callbacks):
    def make(kind: str, owner) -> Document:
        with django_capture_on_commit_callbacks(execute=True):
            document = services.document_request(kind=kind, owner=owner)
        document.refresh_from_db()
        return document

    return make


def _zip_names(document: Document) -> list[str]:
    with document.file.open("rb") as stream:
        return zipfile.ZipFile(io.BytesIO(stream.read())).namelist()


def test_a_bundle_zips_its_ready_members_under_unique_names(owner_job, request_ready):
    first = request_ready("test_certificate", owner_job(name="İnci Işık"))
    twin = request_ready("test_certificate", owner_job(name="İnci Işık"))
    pending = request_ready("test_certificate", owner_job(name="Ali Veli"))
    Document.objects.filter(pk=pending.pk).update(status="queued")
    job = owner_job(document_ids=[first.pk, twin.pk, pending.pk], title="Sertifikalar - Dönem")
    bundle = request_ready("test_bundle", job)
    assert (bundle.status, bundle.filename) == ("ready", "Sertifikalar - Dönem.zip")
    assert bundle.file.name.endswith(".zip")
    assert _zip_names(bundle) == [
        "Katılım sertifikası - İnci Işık.pdf",
        "Katılım sertifikası - İnci Işık (2).pdf",
    ]


def test_the_same_ready_members_build_once_and_a_newly_ready_one_builds_again(
    owner_job, request_ready
):
    first = request_ready("test_certificate", owner_job(name="İnci Işık"))
    late = request_ready("test_certificate", owner_job(name="Ali Veli"))
    Document.objects.filter(pk=late.pk).update(status="queued")
    job = owner_job(document_ids=[first.pk, late.pk], title="Paket")
    bundle = request_ready("test_bundle", job)
    assert request_ready("test_bundle", job).pk == bundle.pk
    Document.objects.filter(pk=late.pk).update(status="ready")
    again = request_ready("test_bundle", job)
    assert (again.version, len(_zip_names(again))) == (2, 2)


def test_a_newer_zip_deletes_the_file_of_the_older_one_but_keeps_pdf_versions(
    owner_job, request_ready
):
    member = request_ready("test_certificate", owner_job(name="İnci Işık"))
    job = owner_job(document_ids=[member.pk], title="Paket")
    old_zip = request_ready("test_bundle", job)
    old_path = Path(old_zip.file.path)
    member_job = member.owner
    member_job.result = {"name": "İnci Işık Çelik"}
    member_job.save()
    new_member = request_ready("test_certificate", member_job)
    job.result = {"document_ids": [new_member.pk], "title": "Paket"}
    job.save()
    new_zip = request_ready("test_bundle", job)
    old_zip.refresh_from_db()
    member.refresh_from_db()
    assert (old_zip.superseded_by, old_zip.file.name) == (new_zip, "")
    assert not old_path.exists()
    assert Path(new_zip.file.path).exists()
    assert member.superseded_by == new_member
    assert Path(member.file.path).exists()


def test_a_bundle_downloads_as_a_zip(client, participant, owner_job, request_ready):
    member = request_ready("test_certificate", owner_job(name="İnci Işık"))
    bundle = request_ready("test_bundle", owner_job(document_ids=[member.pk], title="Paket"))
    client.force_login(participant)
    response = client.get(reverse("documents:download", kwargs={"document_id": bundle.pk}))
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"paket.zip\"; filename*=UTF-8''Paket.zip"
    )
    assert body[:2] == b"PK"
    assert BackgroundJob.objects.count() == 2


def test_a_ready_bundle_offers_a_zip_on_its_status_page(
    client, participant, owner_job, request_ready
):
    member = request_ready("test_certificate", owner_job(name="İnci Işık"))
    bundle = request_ready("test_bundle", owner_job(document_ids=[member.pk], title="Paket"))
    client.force_login(participant)
    html = client.get(
        reverse("documents:download", kwargs={"document_id": bundle.pk}), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "ZIP indir" in html
