from pathlib import Path

import pytest
from django.urls import reverse

from documents import services
from documents.models import Document
from tests.factories import UserFactory


@pytest.fixture
def ready_document(owner_job, django_capture_on_commit_callbacks):
    job = owner_job(name="İnci Işık")
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_request(kind="test_certificate", owner=job)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    return document


def _url(document) -> str:
    return reverse("documents:download", kwargs={"document_id": document.pk})


def test_owner_downloads_the_pdf_with_a_readable_turkish_file_name(
    client, participant, ready_document
):
    client.force_login(participant)
    response = client.get(_url(ready_document))
    body = b"".join(response.streaming_content)
    response.close()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="katilim-sertifikasi-inci-isik.pdf"; '
        "filename*=UTF-8''Kat%C4%B1l%C4%B1m%20sertifikas%C4%B1%20-%20%C4%B0nci%20I%C5%9F%C4%B1k.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    with ready_document.file.open("rb") as stored:
        assert body == stored.read()


def test_coordinator_may_download_any_document(client, coordinator, ready_document):
    client.force_login(coordinator)
    response = client.get(_url(ready_document))
    response.close()
    assert response.status_code == 200


@pytest.mark.parametrize("role", [None, "facilitator"])
def test_someone_elses_document_is_not_found(client, ready_document, role):
    client.force_login(UserFactory(roles=[role] if role else None))
    assert client.get(_url(ready_document)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, ready_document):
    response = client.get(_url(ready_document))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_document_of_an_unregistered_kind_is_not_found_even_for_a_coordinator(
    client, coordinator, ready_document
):
    Document.objects.filter(pk=ready_document.pk).update(kind="unknown")
    client.force_login(coordinator)
    assert client.get(_url(ready_document)).status_code == 404


@pytest.mark.parametrize("status", [Document.Status.RENDERING, Document.Status.QUEUED])
def test_a_pending_document_shows_a_polling_status_page_and_never_its_file(
    client, participant, ready_document, status
):
    Document.objects.filter(pk=ready_document.pk).update(status=status)
    client.force_login(participant)
    response = client.get(_url(ready_document))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert f'hx-get="{_url(ready_document)}"' in html
    assert "Belgeniz hazırlanıyor." in html
    fragment = client.get(_url(ready_document), HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="document-')
    assert "<html" not in fragment


def test_the_status_fragment_offers_the_download_once_ready(client, participant, ready_document):
    client.force_login(participant)
    fragment = client.get(_url(ready_document), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in fragment
    assert "PDF'yi indir" in fragment


def test_a_failed_document_is_never_served_and_offers_a_retry(
    client, participant, ready_document, django_capture_on_commit_callbacks
):
    Document.objects.filter(pk=ready_document.pk).update(
        status=Document.Status.FAILED, error="ValueError: broken"
    )
    client.force_login(participant)
    response = client.get(_url(ready_document))
    html = response.content.decode()
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Belge hazırlanamadı." in html
    assert "ValueError" not in html
    retry_url = reverse("documents:retry", kwargs={"document_id": ready_document.pk})
    assert f'action="{retry_url}"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)
    assert response.status_code == 302
    assert response.url == _url(ready_document)
    ready_document.refresh_from_db()
    assert ready_document.status == Document.Status.READY


def test_someone_else_cannot_retry_a_failed_document(client, ready_document):
    Document.objects.filter(pk=ready_document.pk).update(status=Document.Status.FAILED)
    client.force_login(UserFactory())
    url = reverse("documents:retry", kwargs={"document_id": ready_document.pk})
    assert client.post(url).status_code == 404
    assert Document.objects.get(pk=ready_document.pk).status == Document.Status.FAILED


def test_download_query_count(client, participant, ready_document, django_assert_num_queries):
    client.force_login(participant)
    with django_assert_num_queries(4):
        response = client.get(_url(ready_document))
    response.close()


def test_a_ready_document_whose_file_is_gone_is_not_found(client, participant, ready_document):
    Path(ready_document.file.path).unlink()
    client.force_login(participant)
    assert client.get(_url(ready_document)).status_code == 404


def test_an_old_link_leads_to_the_newest_version(
    client, participant, ready_document, django_capture_on_commit_callbacks
):
    job = ready_document.owner
    job.result = {"name": "İnci Işık Çelik"}
    job.save()
    with django_capture_on_commit_callbacks(execute=True):
        newer = services.document_request(kind="test_certificate", owner=job)
    client.force_login(participant)
    response = client.get(_url(ready_document))
    assert (response.status_code, response["Location"]) == (302, _url(newer))
    polled = client.get(_url(ready_document), HTTP_HX_REQUEST="true")
    assert (polled.status_code, polled["HX-Redirect"]) == (200, _url(newer))
