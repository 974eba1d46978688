import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from programs.models import Cohort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email: str) -> None:
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("button", name="Çıkış yap")).to_be_visible()


def test_coordinator_writes_to_who_has_not_answered_the_survey_and_the_participant_reads_it(
    page, browser, demo_data
):
    cohort = Cohort.objects.get(title="Ankara dönemi")
    _log_in(page, "koordinator@gencisi.local")
    page.goto(f"{page.base_url}/konsol/donemler/{cohort.pk}/")
    page.get_by_role("link", name="Mesajlar").click()
    page.get_by_role("link", name="Yeni mesaj").click()
    expect(page.get_by_label("Onaylandı")).to_be_checked()
    page.get_by_label("Değerlendirme anketi").select_option(label="anketi yanıtlamamış")
    page.locator("#id_subject").fill("{dönem}: anketi bekliyoruz")
    page.locator("#id_body").fill("Merhaba {ad},\nAnket: {anket}\nTeşekkürler.")
    page.get_by_role("button", name="Önizleme").click()

    expect(page.get_by_role("heading", name="3 alıcı")).to_be_visible()
    expect(page.get_by_text("Onaylandı · anketi yanıtlamamış")).to_be_visible()
    expect(page.get_by_text("[Genç İşi] Ankara dönemi: anketi bekliyoruz")).to_be_visible()
    expect(page.locator(".message-text")).to_contain_text("Merhaba Gül Taş,")
    page.get_by_role("button", name="Gönder").click()

    expect(page.get_by_text("Mesaj 3 kişiye gönderiliyor.")).to_be_visible()
    counts = page.locator(".delivery-counts")
    expect(counts.locator("li", has_text="Gönderildi")).to_contain_text("3")
    expect(counts.locator("li", has_text="Gönderilemedi")).to_contain_text("0")
    expect(page.locator(".deliveries-table tbody tr")).to_have_count(3)
    page.get_by_role("link", name="Mesajlar").first.click()
    row = page.locator(".messages-table tbody tr").first
    expect(row).to_contain_text("{dönem}: anketi bekliyoruz")
    expect(row.locator("td").nth(2)).to_have_text("3")

    participant = browser.new_context(locale="tr-TR").new_page()
    participant.base_url = page.base_url
    _log_in(participant, "katilimci@gencisi.local")
    participant.goto(participant.base_url + "/kayitlarim/")
    messages = participant.locator(".my-messages")
    expect(messages.get_by_role("heading")).to_have_text("Dönemlerinizden mesajlar")
    messages.get_by_text("Ankara dönemi: anketi bekliyoruz").click()
    expect(messages.locator(".message-text")).to_contain_text("Merhaba İnci Çelik,")
    participant.context.close()
