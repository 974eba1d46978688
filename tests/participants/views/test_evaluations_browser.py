import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from participants.models import SurveyResponse
from programs.models import Cohort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email: str) -> None:
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("button", name="Çıkış yap")).to_be_visible()


def test_participant_answers_the_survey_and_the_coordinator_sees_the_new_numbers(
    page, browser, demo_data
):
    cohort = Cohort.objects.get(title="Ankara dönemi")
    _log_in(page, "katilimci@gencisi.local")
    page.get_by_role("link", name="Kayıtlarım").click()
    page.get_by_role("link", name="Anketi doldurun").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Değerlendirme anketi")

    page.get_by_role("button", name="Yanıtlarımı gönder").click()
    expect(page.get_by_text("Bazı yanıtlar eksik ya da geçersiz")).to_be_visible()

    for radio in page.locator('input[type="radio"][value="5"]').all():
        radio.check()
    page.get_by_label("Eğitimin hangi yönü geliştirilmeli?").fill("Daha çok saha ziyareti")
    page.get_by_role("button", name="Yanıtlarımı gönder").click()
    expect(page.get_by_text("Teşekkürler! Yanıtlarınız kaydedildi.")).to_be_visible()

    coordinator = browser.new_context(locale="tr-TR").new_page()
    coordinator.base_url = page.base_url
    _log_in(coordinator, "koordinator@gencisi.local")
    coordinator.goto(f"{page.base_url}/konsol/donemler/{cohort.pk}/degerlendirme/")
    expect(coordinator.locator("svg.chart").first).to_be_visible()
    responses = coordinator.locator(".stat", has_text="Yanıtlar").locator(".stat-value")
    expect(responses).to_have_text("10")
    expect(coordinator.get_by_text("Daha çok saha ziyareti")).to_be_visible()
    coordinator.context.close()


def test_coordinator_asks_for_the_programmes_responses_as_excel_and_downloads_it(page, demo_data):
    """The XLSX button asks for the document and leads to its address; the worker (eager here)
    has built it by then, so the file comes at once and the report stays on screen. It holds
    every response of the programme."""
    cohort = Cohort.objects.get(title="Ankara dönemi")
    _log_in(page, "koordinator@gencisi.local")
    page.goto(f"{page.base_url}/konsol/programlar/{cohort.program.pk}/degerlendirme/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tüm yanıtlar (XLSX)").click()
    assert download.value.suggested_filename == (
        f"Değerlendirme yanıtları – {cohort.program.title}.xlsx"
    )
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet["A1"].value == "Eğitim dönemi"
    responses = SurveyResponse.objects.filter(cohort__program=cohort.program).count()
    assert sheet.max_row - 1 == responses
    expect(page.get_by_role("heading", level=1)).to_have_text("Değerlendirme raporu: tüm dönemler")
