import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from certificates.models import Certificate
from certificates.services import certificate_revoke, certificates_issue
from core import pagination
from documents.models import Document
from participants.services.privacy import personal_data_erase
from tests.factories import CohortFactory, UserFactory


@pytest.fixture
def issued(certificate_cohort, enrol, coordinator, django_capture_on_commit_callbacks):
    """Two eligible participants with ready certificates, one below the threshold."""
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    enrol("Cem Şahin", attended=1)
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    return {c.participant_name: c for c in Certificate.objects.select_related("document")}


def _page(cohort) -> str:
    return reverse("certificates:cohort", kwargs={"cohort_pk": cohort.pk})


def _verify(code: str) -> str:
    return reverse("certificates:verify_code", kwargs={"code": code})


def test_the_cohort_page_lists_who_is_eligible_and_why_not(
    client, coordinator, certificate_cohort, enrol
):
    enrol("İnci Çelik")
    enrol("Cem Şahin", attended=1)
    client.force_login(coordinator)
    html = client.get(_page(certificate_cohort)).content.decode()
    assert "2 onaylı katılımcıdan 1 kişi uygun." in html
    assert "Devam oranı %80 eşiğinin altında." in html
    assert '<span class="badge badge-warn">%50</span>' in html
    assert '<span class="badge badge-ok">%100</span>' in html
    assert html.index("Cem Şahin") < html.index("İnci Çelik")


def test_the_cohort_page_takes_the_same_number_of_queries_for_one_or_three_people(
    client, coordinator, certificate_cohort, enrol, django_assert_num_queries
):
    enrol("Ayşe Kaya")
    client.force_login(coordinator)
    client.get(_page(certificate_cohort))
    with django_assert_num_queries(13) as one:
        client.get(_page(certificate_cohort))
    enrol("Bora Demir")
    enrol("Cem Şahin", attended=1)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(_page(certificate_cohort)).content.decode()
    assert html.count('<th scope="row">') == 3


def test_the_cohort_page_shows_a_page_of_people_and_counts_everyone(
    client, coordinator, certificate_cohort, enrol, monkeypatch
):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    for name, attended in (("Ayşe Kaya", 2), ("Bora Demir", 2), ("Cem Şahin", 1)):
        enrol(name, attended=attended)
    client.force_login(coordinator)
    first = client.get(_page(certificate_cohort)).content.decode()
    # Cem, on the second page, is counted (not eligible) though only Ayşe and Bora are decided.
    assert "3 onaylı katılımcıdan 2 kişi uygun." in first
    assert "Cem Şahin" not in first
    assert first.count('<th scope="row">') == 2
    assert "Sayfa 1 / 2" in first
    second = client.get(_page(certificate_cohort), {"sayfa": 2}).content.decode()
    assert second.count('<th scope="row">') == 1
    assert "Cem Şahin" in second
    assert f'hx-get="{_page(certificate_cohort)}?sayfa=2"' in second


def test_issuing_in_bulk_shows_a_finished_progress_bar_and_the_zip_button(
    client, coordinator, certificate_cohort, enrol, django_capture_on_commit_callbacks
):
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:issue", kwargs={"cohort_pk": certificate_cohort.pk})
        )
    assert response.status_code == 302
    assert response.url == _page(certificate_cohort)
    progress_url = reverse("certificates:progress", kwargs={"cohort_pk": certificate_cohort.pk})
    progress = client.get(progress_url, HTTP_HX_REQUEST="true").content.decode()
    assert '<progress max="2" value="2">2/2</progress>' in progress
    assert "2/2 hazır" in progress
    assert "hx-trigger" not in progress
    assert "Tümünü ZIP olarak indir" in progress
    opened = client.get(progress_url)  # opened in a tab: the page it belongs to
    assert (opened.status_code, opened["Location"]) == (302, _page(certificate_cohort))


def test_a_pending_issue_polls_and_a_failed_one_offers_a_retry(client, coordinator, issued):
    cohort = issued["İnci Çelik"].registration.cohort
    Document.objects.filter(pk=issued["İnci Çelik"].document_id).update(status="queued")
    Document.objects.filter(pk=issued["Ali Yılmaz"].document_id).update(status="failed")
    client.force_login(coordinator)
    url = reverse("certificates:progress", kwargs={"cohort_pk": cohort.pk})
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert '<progress max="2" value="0">0/2</progress>' in html
    assert 'hx-trigger="every 2s"' in html
    assert "1 sertifika hazırlanamadı." in html
    retry = reverse("certificates:retry_failed", kwargs={"cohort_pk": cohort.pk})
    assert f'action="{retry}"' in html


def test_retrying_renders_the_failed_certificates_again(
    client, coordinator, issued, django_capture_on_commit_callbacks
):
    certificate = issued["Ali Yılmaz"]
    Document.objects.filter(pk=certificate.document_id).update(status="failed")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "certificates:retry_failed",
                kwargs={"cohort_pk": certificate.registration.cohort_id},
            )
        )
    certificate.document.refresh_from_db()
    assert certificate.document.status == "ready"


def test_revoking_needs_a_reason_and_keeps_what_was_typed(client, coordinator, issued):
    certificate = issued["İnci Çelik"]
    url = reverse(
        "certificates:revoke",
        kwargs={"cohort_pk": certificate.registration.cohort_id, "pk": certificate.pk},
    )
    client.force_login(coordinator)
    assert 'data-confirm="Bu sertifika iptal edilsin mi?"' in client.get(url).content.decode()
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400
    assert "Lütfen sertifikanın neden iptal edildiğini yazın." in response.content.decode()
    response = client.post(url, {"reason": "Yanlış kişiye düzenlendi"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoke_reason) == (
        "revoked",
        "Yanlış kişiye düzenlendi",
    )
    assert client.post(url, {"reason": "Yine"}).status_code == 404


def test_the_verify_page_shows_a_valid_certificate_and_only_what_it_prints(client, issued):
    certificate = issued["İnci Çelik"]
    response = client.get(_verify(certificate.code))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge badge-ok">Geçerli</span>' in html
    assert "İnci Çelik" in html
    assert "Ankara dönemi" in html
    assert "<dt>Program süresi</dt><dd>6 saat</dd>" in html
    assert "<dt>Katıldığı süre</dt><dd>6 saat</dd>" in html
    assert certificate.registration.participant.email not in html
    assert "Çankaya Belediyesi" not in html


def test_the_verify_page_agrees_with_the_pdf_below_full_attendance(
    client, eleven_hours, enrol, coordinator, django_capture_on_commit_callbacks
):
    enrol("İnci Çelik", attended=3)  # 9.5 of 11 hours
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=eleven_hours, issued_by=coordinator)
    html = client.get(_verify(Certificate.objects.get().code)).content.decode()
    assert "<dt>Program süresi</dt><dd>11 saat</dd>" in html
    assert "<dt>Katıldığı süre</dt><dd>9,5 saat</dd>" in html


def test_the_verify_page_of_an_older_certificate_shows_the_programme_length_it_printed(
    client, issued
):
    """Certificates issued before attended hours were printed (migration 0008 leaves them
    empty) printed the programme's total hours: the page says what those were."""
    certificate = issued["İnci Çelik"]
    Certificate.objects.filter(pk=certificate.pk).update(attended_hours=None)
    html = client.get(_verify(certificate.code)).content.decode()
    assert "<dt>Program süresi</dt><dd>6 saat</dd>" in html
    assert "Katıldığı süre" not in html


def test_a_typed_code_is_found_whatever_its_case_and_spaces(client, issued):
    code = issued["İnci Çelik"].code
    response = client.get(reverse("certificates:verify"), {"kod": code.lower().replace("-", " ")})
    assert response.status_code == 200
    assert "Geçerli" in response.content.decode()


def test_a_revoked_certificate_says_so_with_its_date_and_no_reason(client, issued, coordinator):
    certificate = certificate_revoke(
        certificate=issued["İnci Çelik"], revoked_by=coordinator, reason="Gizli gerekçe"
    )
    html = client.get(_verify(certificate.code)).content.decode()
    when = timezone.localdate(certificate.revoked_at)
    assert f"İptal edildi, {date_format(when, 'DATE_FORMAT')}" in html
    assert "Gizli gerekçe" not in html
    assert "Geçerli" not in html


def test_an_old_version_is_superseded_and_does_not_point_to_the_new_one(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    old = issued["İnci Çelik"]
    participant = old.registration.participant
    participant.full_name = "İnci Çelik Yıldız"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=old.registration.cohort, issued_by=coordinator)
    new = Certificate.objects.get(registration=old.registration, status="valid")
    html = client.get(_verify(old.code)).content.decode()
    assert "Yenisiyle değiştirildi" in html
    assert "İnci Çelik" in html
    assert new.code not in html
    assert "Geçerli" in client.get(_verify(new.code)).content.decode()


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKMN-PQRS-TUVW", "kısa", "../../etc"])
def test_an_unknown_code_is_not_found(client, db, code):
    response = client.get(reverse("certificates:verify"), {"kod": code})
    assert response.status_code == 404
    assert "Bu koda ait bir sertifika bulunamadı." in response.content.decode()


@pytest.mark.parametrize("code", ["", "   ", "\t \n"])
def test_a_blank_code_only_says_that_the_code_is_required(client, db, code):
    response = client.get(reverse("certificates:verify"), {"kod": code})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bu alan zorunludur." in html
    assert "bulunamadı" not in html


def test_the_verify_form_alone_is_a_plain_page(client, db):
    response = client.get(reverse("certificates:verify"))
    assert response.status_code == 200
    assert 'name="kod"' in response.content.decode()


def test_thirty_lookups_in_any_sixty_seconds_across_a_minute_boundary(client, issued):
    """A sliding window: 29 lookups at 12:00:59 and one at 12:01:00 fill it; the 31st is
    refused (a per-minute counter would have started again at 12:01) until 12:01:59, when
    the first 29 leave the window."""
    url = _verify(issued["İnci Çelik"].code)
    start = dt.datetime(2026, 11, 26, 12, 0, 59, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert [client.get(url).status_code for _ in range(29)] == [200] * 29
        clock.move_to(start + dt.timedelta(seconds=1))
        assert client.get(url).status_code == 200
        refused = client.get(url)
        assert refused.status_code == 429
        assert "Bağlantınızdan çok fazla sorgu yapıldı." in refused.content.decode()
        clock.move_to(start + dt.timedelta(seconds=59.9))
        assert client.get(url).status_code == 429
        clock.move_to(start + dt.timedelta(seconds=60))
        assert [client.get(url).status_code for _ in range(29)] == [200] * 29
        assert client.get(url).status_code == 429
        assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


def _fill_the_window(client, url, **headers) -> None:
    for _ in range(30):
        assert client.get(url, **headers).status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_for_gives_no_fresh_allowance(
    client, issued, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    url = _verify(issued["İnci Çelik"].code)
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        _fill_the_window(client, url, HTTP_X_FORWARDED_FOR="203.0.113.1")
        assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429
        assert client.get(url).status_code == 429


def test_behind_one_proxy_each_client_has_its_own_allowance(client, issued, settings):
    """Two people behind the HTTPS proxy (REMOTE_ADDR is the proxy for both); what a client
    writes into X-Forwarded-For itself stands left of what the proxy appended and is ignored."""
    settings.TRUSTED_PROXY_COUNT = 1
    url = _verify(issued["İnci Çelik"].code)
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        _fill_the_window(client, url, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
        forged = "192.0.2.99, 198.51.100.7"
        assert client.get(url, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429
        assert client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 200


def _download(document_id: int) -> str:
    return reverse("documents:download", kwargs={"document_id": document_id})


def _status(client, user, url) -> int:
    client.force_login(user)
    response = client.get(url)
    if response.streaming:  # reading to the end closes the file (and keeps the connection)
        b"".join(response.streaming_content)
    return response.status_code


def test_a_certificate_is_downloaded_by_its_owner_the_cohorts_staff_and_no_one_else(
    client, issued, coordinator, facilitator
):
    certificate = issued["İnci Çelik"]
    url = _download(certificate.document_id)
    other_facilitator = UserFactory(roles=["facilitator"])
    CohortFactory().facilitators.add(other_facilitator)
    assert _status(client, certificate.registration.participant, url) == 200
    assert _status(client, issued["Ali Yılmaz"].registration.participant, url) == 404
    assert _status(client, other_facilitator, url) == 404
    assert _status(client, facilitator, url) == 200
    assert _status(client, coordinator, url) == 200


def test_an_old_certificate_link_leads_to_the_current_one_until_that_is_revoked(
    client, issued, coordinator, facilitator, django_capture_on_commit_callbacks
):
    """The e-mail of the first version still links its PDF after a re-issue (a corrected
    name): the participant lands on the new certificate; staff still open the old PDF (what
    was printed then); anyone else gets 404."""
    old = issued["İnci Çelik"]
    participant = old.registration.participant
    participant.full_name = "İnci Çelik Yıldız"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=old.registration.cohort, issued_by=coordinator)
    new = Certificate.objects.get(registration=old.registration, status="valid")
    client.force_login(participant)
    response = client.get(_download(old.document_id))
    assert (response.status_code, response["Location"]) == (302, _download(new.document_id))
    htmx = client.get(_download(old.document_id), HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == _download(new.document_id)
    assert _status(client, participant, _download(new.document_id)) == 200
    assert _status(client, issued["Ali Yılmaz"].registration.participant, response.url) == 404
    assert (
        _status(client, issued["Ali Yılmaz"].registration.participant, _download(old.document_id))
        == 404
    )
    assert _status(client, facilitator, _download(old.document_id)) == 200
    assert _status(client, coordinator, _download(old.document_id)) == 200
    certificate_revoke(certificate=new, revoked_by=coordinator, reason="Hata")
    assert _status(client, participant, _download(old.document_id)) == 404


def test_the_zip_holds_exactly_the_ready_certificates(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    cohort = issued["İnci Çelik"].registration.cohort
    Document.objects.filter(pk=issued["Ali Yılmaz"].document_id).update(status="failed")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:bundle", kwargs={"cohort_pk": cohort.pk}))
    bundle = Document.objects.get(kind="certificate_bundle")
    assert response.url == _download(bundle.pk)
    assert bundle.status == "ready"
    download = client.get(_download(bundle.pk))
    body = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/zip"
    assert (
        "filename*=UTF-8''Sertifikalar%20-%20Ankara%20d%C3%B6nemi.zip"
        in (download["Content-Disposition"])
    )
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.namelist() == ["Katılım sertifikası - İnci Çelik.pdf"]
        assert archive.read(archive.namelist()[0])[:5] == b"%PDF-"


def test_the_zip_is_downloaded_by_the_cohorts_staff_only(
    client, issued, coordinator, facilitator, django_capture_on_commit_callbacks
):
    cohort = issued["İnci Çelik"].registration.cohort
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificates:bundle", kwargs={"cohort_pk": cohort.pk}))
    url = _download(Document.objects.get(kind="certificate_bundle").pk)
    other_facilitator = UserFactory(roles=["facilitator"])
    assert _status(client, issued["İnci Çelik"].registration.participant, url) == 404
    assert _status(client, other_facilitator, url) == 404
    assert _status(client, facilitator, url) == 200
    assert _status(client, coordinator, url) == 200


def test_the_page_of_the_zip_on_its_way_leads_back_to_the_cohorts_certificates(
    client, issued, coordinator
):
    cohort = issued["İnci Çelik"].registration.cohort
    client.force_login(coordinator)
    response = client.post(reverse("certificates:bundle", kwargs={"cohort_pk": cohort.pk}))
    html = client.get(response.url).content.decode()  # queued: its page, not the file
    assert "<h1>Dönemin tüm sertifikaları (ZIP)</h1>" in html
    back = reverse("certificates:cohort", kwargs={"cohort_pk": cohort.pk})
    assert f'<p class="breadcrumb"><a href="{back}">{cohort.title}</a></p>' in html


def test_my_registrations_links_my_ready_certificate(client, issued):
    certificate = issued["İnci Çelik"]
    client.force_login(certificate.registration.participant)
    html = client.get(reverse("participants:my_registrations")).content.decode()
    assert f'href="{_download(certificate.document_id)}">Sertifikamı indir</a>' in html
    client.force_login(issued["Ali Yılmaz"].registration.participant)
    html = client.get(reverse("participants:my_registrations")).content.decode()
    assert _download(certificate.document_id) not in html


@pytest.fixture
def reissued(issued, coordinator, django_capture_on_commit_callbacks):
    """İnci Çelik's name was corrected and certificates issued again: (old, new)."""
    old = issued["İnci Çelik"]
    participant = old.registration.participant
    participant.full_name = "İnci Çelik Yıldız"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=old.registration.cohort, issued_by=coordinator)
    old.refresh_from_db()
    return old, Certificate.objects.select_related("document").get(
        registration=old.registration, status="valid"
    )


def test_an_old_certificate_link_leads_its_participant_to_the_current_certificate(client, reissued):
    old, new = reissued
    client.force_login(old.registration.participant)
    response = client.get(_download(old.document_id))
    assert (response.status_code, response["Location"]) == (302, _download(new.document_id))
    assert _status(client, old.registration.participant, response["Location"]) == 200
    polled = client.get(_download(old.document_id), headers={"HX-Request": "true"})
    assert polled["HX-Redirect"] == _download(new.document_id)
    html = client.get(reverse("participants:my_registrations")).content.decode()
    assert f'href="{_download(new.document_id)}">Sertifikamı indir</a>' in html
    assert _download(old.document_id) not in html


def test_an_old_certificate_link_is_still_404_for_everyone_else(
    client, reissued, issued, coordinator
):
    old, _new = reissued
    url = _download(old.document_id)
    assert _status(client, issued["Ali Yılmaz"].registration.participant, url) == 404
    other_facilitator = UserFactory(roles=["facilitator"])
    CohortFactory().facilitators.add(other_facilitator)
    assert _status(client, other_facilitator, url) == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page, then the rule above
    assert _status(client, coordinator, url) == 200  # staff keep what was printed then


def test_after_a_revoke_and_a_new_issue_the_old_link_leads_to_the_new_certificate(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    revoked = certificate_revoke(
        certificate=issued["İnci Çelik"], revoked_by=coordinator, reason="Hata"
    )
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=revoked.registration.cohort, issued_by=coordinator)
    new = Certificate.objects.get(registration=revoked.registration, status="valid")
    client.force_login(revoked.registration.participant)
    response = client.get(_download(revoked.document_id))
    assert (response.status_code, response["Location"]) == (302, _download(new.document_id))


def test_a_finished_cohort_without_sessions_gives_nobody_a_certificate(
    client, coordinator, enrol, certificate_cohort
):
    enrol("İnci Çelik")
    certificate_cohort.sessions.all().delete()
    certificate_cohort.ends_on = timezone.localdate() - dt.timedelta(days=1)
    certificate_cohort.save()
    client.force_login(coordinator)
    client.post(reverse("certificates:issue", kwargs={"cohort_pk": certificate_cohort.pk}))
    assert Certificate.objects.count() == 0


def test_a_revoked_certificate_is_no_longer_downloaded_by_its_participant(
    client, issued, coordinator
):
    certificate = certificate_revoke(
        certificate=issued["İnci Çelik"], revoked_by=coordinator, reason="Hata"
    )
    url = _download(certificate.document_id)
    assert _status(client, certificate.registration.participant, url) == 404
    assert _status(client, coordinator, url) == 200


def test_facilitator_of_the_cohort_reads_the_table_without_issue_or_revoke(client, facilitator):
    cohort = CohortFactory()
    cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    html = client.get(
        reverse("certificates:cohort", kwargs={"cohort_pk": cohort.pk})
    ).content.decode()
    assert "Kimler uygun" in html
    assert reverse("certificates:issue", kwargs={"cohort_pk": cohort.pk}) not in html
    assert (
        client.post(reverse("certificates:issue", kwargs={"cohort_pk": cohort.pk})).status_code
        == 403
    )


def test_the_progress_tells_the_table_to_reload_once_it_finishes(client, coordinator, issued):
    certificate = issued["İnci Çelik"]
    cohort = certificate.registration.cohort
    client.force_login(coordinator)
    url = reverse("certificates:progress", kwargs={"cohort_pk": cohort.pk})
    Document.objects.filter(pk=certificate.document_id).update(status="queued")
    pending = client.get(url, HTTP_HX_REQUEST="true")
    assert "HX-Trigger" not in pending
    Document.objects.filter(pk=certificate.document_id).update(status="ready")
    finished = client.get(url, HTTP_HX_REQUEST="true")
    assert finished["HX-Trigger"] == "certificates-finished"
    assert "hx-get" not in finished.content.decode()  # the polling stops
    page = client.get(_page(cohort)).content.decode()
    assert (
        f'<section class="panel" id="certificate-rows" aria-labelledby="uygunluk" '
        f'hx-get="{_page(cohort)}" hx-trigger="certificates-finished from:body" '
        f'hx-select="#certificate-rows" hx-swap="outerHTML">' in page
    )


def test_the_qr_page_of_a_certificate_comes_from_the_cache_without_a_query(
    client, issued, django_assert_num_queries
):
    url = _verify(issued["İnci Çelik"].code)
    assert not client.get(url).has_header("X-Public-Cache")
    with django_assert_num_queries(0):
        again = client.get(url)
    assert (again.status_code, again["X-Public-Cache"]) == (200, "hit")
    html = again.content.decode()
    assert '<span class="badge badge-ok">Geçerli</span>' in html
    assert "İnci Çelik" in html


def test_a_revoked_certificate_shows_revoked_at_once_after_its_page_was_cached(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    certificate = issued["İnci Çelik"]
    assert "Geçerli" in client.get(_verify(certificate.code)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        revoked = certificate_revoke(
            certificate=certificate, revoked_by=coordinator, reason="Hatalı basım"
        )
    html = client.get(_verify(certificate.code)).content.decode()
    when = date_format(timezone.localdate(revoked.revoked_at), "DATE_FORMAT")
    assert f'<span class="badge badge-danger">İptal edildi, {when}</span>' in html
    assert "Geçerli" not in html


def test_a_superseded_certificate_says_so_at_once_after_its_page_was_cached(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    old = issued["İnci Çelik"]
    assert "Geçerli" in client.get(_verify(old.code)).content.decode()
    participant = old.registration.participant
    participant.full_name = "İnci Çelik Yıldız"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue(cohort=old.registration.cohort, issued_by=coordinator)
    html = client.get(_verify(old.code)).content.decode()
    assert "Yenisiyle değiştirildi" in html
    assert "Geçerli" not in html


def test_a_deleted_certificate_is_not_verifiable_from_the_cache(
    client, issued, django_capture_on_commit_callbacks
):
    certificate = issued["İnci Çelik"]
    url = _verify(certificate.code)
    assert "İnci Çelik" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        certificate.delete()  # what the admin's "delete" does
    response = client.get(url)
    assert not response.has_header("X-Public-Cache")
    assert "İnci Çelik" not in response.content.decode()


def test_the_cached_qr_page_is_kept_per_language(client, issued):
    url = _verify(issued["İnci Çelik"].code)
    assert "Geçerli" in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert '<span class="badge badge-ok">Valid</span>' in english
    assert "Geçerli" not in english
    client.cookies["django_language"] = "tr"
    assert client.get(url)["X-Public-Cache"] == "hit"


def test_a_signed_in_visitor_gets_the_qr_page_rendered_for_them(client, issued, participant):
    url = _verify(issued["İnci Çelik"].code)
    client.get(url)
    client.force_login(participant)
    response = client.get(url)
    assert not response.has_header("X-Public-Cache")
    assert participant.full_name in response.content.decode()


ERASED_NOTICE_TR = (
    "Bu sertifika Genç İşi Kooperatif tarafından düzenlenmiştir ve gerçektir. Sahibinin kişisel "
    "verileri kendi isteğiyle (KVKK kapsamında) silindiği için adı artık burada gösterilmiyor."
)
ERASED_NOTICE_EN = (
    "This certificate was issued by Genç İşi Kooperatif and is genuine. Its holder's "
    "personal data was erased at their request (KVKK), so their name is no longer shown here."
)


def _erase(certificate, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        personal_data_erase(user=certificate.registration.participant)


def test_after_the_holders_erasure_the_verify_page_says_it_is_genuine_without_the_name(
    client, issued, django_capture_on_commit_callbacks
):
    certificate = issued["İnci Çelik"]
    before = client.get(reverse("certificates:verify"), {"kod": certificate.code})
    assert "<dt>Katılımcı</dt><dd>İnci Çelik</dd>" in before.content.decode()
    assert ERASED_NOTICE_TR not in before.content.decode()
    _erase(certificate, django_capture_on_commit_callbacks)
    response = client.get(reverse("certificates:verify"), {"kod": certificate.code})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge badge-ok">Geçerli</span>' in html
    assert f"<p>{ERASED_NOTICE_TR}</p>" in html
    assert (
        '<dt>Katılımcı</dt><dd><span class="muted">Gösterilmiyor (kişisel veriler silindi)'
        "</span></dd>" in html
    )
    assert "<dt>Program süresi</dt><dd>6 saat</dd>" in html
    assert "İnci" not in html
    assert "Silinmiş katılımcı" not in html
    client.cookies["django_language"] = "en"
    english = client.get(reverse("certificates:verify"), {"kod": certificate.code})
    html = english.content.decode()
    assert f"<p>{ERASED_NOTICE_EN}</p>" in html
    assert (
        '<dt>Participant</dt><dd><span class="muted">Not shown (personal data erased)</span></dd>'
        in html
    )
    assert "İnci" not in html


def test_the_cached_qr_page_forgets_the_name_at_the_holders_erasure(
    client, issued, django_capture_on_commit_callbacks
):
    certificate = issued["İnci Çelik"]
    url = _verify(certificate.code)
    for language in ("tr", "en"):
        client.cookies["django_language"] = language
        client.get(url)
        cached = client.get(url)
        assert (cached["X-Public-Cache"], "İnci Çelik" in cached.content.decode()) == (
            "hit",
            True,
        )
    _erase(certificate, django_capture_on_commit_callbacks)
    for language, notice in (("tr", ERASED_NOTICE_TR), ("en", ERASED_NOTICE_EN)):
        client.cookies["django_language"] = language
        first = client.get(url)
        assert not first.has_header("X-Public-Cache")
        again = client.get(url)
        assert again["X-Public-Cache"] == "hit"
        for response in (first, again):
            assert "İnci" not in response.content.decode()
            assert notice in response.content.decode()


def test_the_verify_page_takes_as_many_queries_after_the_erasure_as_before(
    client, issued, django_capture_on_commit_callbacks, django_assert_num_queries
):
    certificate = issued["İnci Çelik"]
    with django_assert_num_queries(1):
        client.get(reverse("certificates:verify"), {"kod": certificate.code})
    _erase(certificate, django_capture_on_commit_callbacks)
    with django_assert_num_queries(1):
        client.get(reverse("certificates:verify"), {"kod": certificate.code})


def test_after_the_erasure_the_certificate_list_shows_the_erased_name_and_the_pdf_is_gone(
    client, coordinator, issued, django_capture_on_commit_callbacks
):
    certificate = issued["İnci Çelik"]
    cohort = certificate.registration.cohort
    _erase(certificate, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    url = reverse("certificates:list_export", kwargs={"cohort_pk": cohort.pk, "fmt": "csv"})
    rows = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    erased_row = next(line for line in rows.splitlines() if "Silinmiş katılımcı" in line)
    ali_row = next(line for line in rows.splitlines() if "Ali Yılmaz" in line)
    assert "Çankaya Belediyesi" in ali_row
    assert "Çankaya Belediyesi" not in erased_row  # their organisation would name them too
    assert "İnci" not in rows
    page = client.get(_download(certificate.document_id))
    assert page.status_code == 200
    assert (
        "Bu belge silindi: kişisel verilerinin silinmesini isteyen birinin verilerini "
        "içeriyordu (KVKK)." in page.content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_after_a_committed_erasure_no_cached_copy_shows_the_name(
    client, certificate_cohort, enrol, coordinator, settings
):
    """The real path: every write commits, the forgetting runs at the commit as in production."""
    registration = enrol("İnci Çelik")
    certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    certificate = Certificate.objects.select_related("document").get()
    path = Path(settings.MEDIA_ROOT) / certificate.document.file.name
    url = _verify(certificate.code)
    client.get(url)
    assert "İnci Çelik" in client.get(url).content.decode()
    assert client.get(url)["X-Public-Cache"] == "hit"
    personal_data_erase(user=registration.participant)
    assert not path.exists()
    first, again = client.get(url), client.get(url)
    assert (first.has_header("X-Public-Cache"), again["X-Public-Cache"]) == (False, "hit")
    for response in (first, again):
        assert "İnci" not in response.content.decode()
        assert ERASED_NOTICE_TR in response.content.decode()
