import re

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from certificates.models import Certificate
from programs.models import Cohort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_issues_the_finished_cohorts_certificates_and_anyone_verifies_one(
    browser, page, demo_data
):
    cohort = Cohort.objects.get(title="Ankara dönemi")
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill("koordinator@gencisi.local")
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    page.goto(page.base_url + f"/konsol/donemler/{cohort.pk}/")
    page.get_by_role("link", name="Sertifikalar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sertifikalar: Ankara dönemi")
    expect(page.get_by_text("Devam oranı %80 eşiğinin altında.")).to_have_count(1)

    page.get_by_role("button", name="Uygun tüm katılımcılara sertifika düzenle").click()
    eligible = Certificate.objects.filter(registration__cohort=cohort).count()
    assert eligible >= 3
    expect(page.locator("#certificate-progress progress")).to_have_attribute("value", str(eligible))
    expect(page.locator("#certificate-progress")).to_contain_text(f"{eligible}/{eligible} hazır")

    with page.expect_download() as info:
        page.get_by_role("button", name="Tümünü ZIP olarak indir").click()
    download = info.value
    assert download.suggested_filename == "Sertifikalar - Ankara dönemi.zip"
    assert download.path().read_bytes()[:2] == b"PK"

    code = Certificate.objects.filter(registration__cohort=cohort).first().code
    visitor = browser.new_context(locale="tr-TR", viewport={"width": 390, "height": 844})
    try:
        anonymous = visitor.new_page()
        anonymous.goto(page.base_url + "/sertifika/dogrula/")
        anonymous.get_by_label("Sertifika kodu").fill(code.lower())
        anonymous.get_by_role("button", name="Doğrula").click()
        expect(anonymous.locator(".verify-state")).to_have_text("Geçerli")
    finally:
        visitor.close()


def test_the_rows_show_the_ready_certificates_when_the_progress_bar_finishes(
    page, monkeypatch, coordinator, certificate_cohort, enrol
):
    """The worker is played by the test: the render tasks are held back until the page shows
    the certificates being prepared, then run; the rows change without a reload."""
    from documents import tasks
    from documents.services import documents_render

    held = []
    monkeypatch.setattr(
        tasks.render_documents, "apply_async", lambda kwargs, **_options: held.append(kwargs)
    )
    enrol("İnci Çelik")
    enrol("Ali Yılmaz")
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(coordinator.email)
    page.get_by_label("Parola").fill("correct-horse-battery")
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page).to_have_url(re.compile("/konsol/$"))
    page.goto(page.base_url + f"/sertifika/konsol/donemler/{certificate_cohort.pk}/")
    page.get_by_role("button", name="Uygun tüm katılımcılara sertifika düzenle").click()
    rows = page.locator("#certificate-rows tbody tr")
    expect(page.locator("#certificate-progress")).to_contain_text("0/2 hazır")
    expect(rows.get_by_text("Hazırlanıyor")).to_have_count(2)
    page.evaluate("window.notReloaded = true")

    for batch in held:
        documents_render(**batch)
    expect(page.locator("#certificate-progress")).to_contain_text("2/2 hazır")
    expect(rows.get_by_role("link", name="Düzenlendi")).to_have_count(2)
    expect(rows.get_by_text("Hazırlanıyor")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True

    polls = []
    page.on("request", lambda request: polls.append(request.url))
    page.wait_for_timeout(4500)  # two polling periods
    assert [url for url in polls if "/ilerleme/" in url] == []
