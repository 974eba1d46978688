import datetime as dt
import re

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CohortFactory, SessionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email: str, password: str) -> None:
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label("Parola").fill(password)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("navigation", name="Ana menü")).to_contain_text("Konsol")


def test_coordinator_publishes_a_programme_and_the_public_sees_seats_and_calendar(page, browser):
    UserFactory(
        email="koordinator@example.org",
        full_name="Zeynep Aydın",
        roles=["coordinator"],
        is_staff=True,
        password="guclu-parola-2026",
    )
    UserFactory(full_name="Emre Işık", roles=["facilitator"])
    first_day = timezone.localdate() + dt.timedelta(days=40)
    _log_in(page, "koordinator@example.org", "guclu-parola-2026")

    page.goto(page.base_url + "/konsol/")
    page.get_by_role("main").get_by_role("link", name="Yeni program").click()
    page.get_by_label("Başlık (Türkçe)").fill("Kooperatifler İçin Belediye Mevzuatı")
    page.get_by_label("Özet (Türkçe)").fill("Belediyelerle çalışmak isteyen kooperatifler için.")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kooperatifler İçin Belediye Mevzuatı"
    )
    expect(page.get_by_text("/programlar/kooperatifler-icin-belediye-mevzuati/")).to_be_visible()

    for text in [
        "Kooperatif mevzuatı ile belediye mevzuatı arasında bağ kurmak",
        "Eylem planı hazırlamak",
    ]:
        page.get_by_label("Metin (Türkçe)").fill(text)
        page.get_by_role("button", name="Hedefi ekle").click()
        expect(page.get_by_text(text)).to_be_visible()

    page.get_by_role("link", name="Eğitim dönemi ekle").click()
    page.get_by_label("Başlık", exact=False).first.fill("Manisa dönemi")
    page.get_by_label("İlk gün").fill(first_day.isoformat())
    page.get_by_label(re.compile(r"^Son gün")).fill(first_day.isoformat())
    page.get_by_label("İl", exact=True).select_option(label="Manisa")
    page.get_by_label("Kontenjan").fill("12")
    page.get_by_label("Kayıt başlangıcı").fill(
        (timezone.localdate() - dt.timedelta(days=1)).isoformat() + "T09:00"
    )
    page.get_by_label("Kayıt bitişi").fill(
        (first_day - dt.timedelta(days=2)).isoformat() + "T17:00"
    )
    page.get_by_label("Emre Işık").check()
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manisa dönemi")

    page.get_by_label("Günlük bloklar").fill("09:00-10:30\n11:00-12:30\n14:00-15:30")
    page.get_by_role("button", name="Oturumları ekle").click()
    expect(page.get_by_text("3 oturum eklendi.")).to_be_visible()
    page.get_by_role("button", name="Yayımla").click()
    expect(
        page.get_by_text("Dönem yayımlandı, ancak programı yayımlanana dek herkese kapalı kalır.")
    ).to_be_visible()
    expect(page.locator(".page-head .badge").first).to_have_text("Gizli: program yayında değil")

    page.get_by_role("link", name="Kooperatifler İçin Belediye Mevzuatı").first.click()
    page.get_by_role("button", name="Yayımla").click()
    expect(page.get_by_text("Program yayımlandı.")).to_be_visible()
    expect(page.locator("#donemler .badge")).to_have_text("Yayında")

    visitor = browser.new_context(locale="tr-TR").new_page()
    visitor.goto(page.base_url + "/programlar/kooperatifler-icin-belediye-mevzuati/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Kooperatifler İçin Belediye Mevzuatı"
    )
    expect(visitor.locator(".objective")).to_have_count(2)
    card = visitor.locator(".cohort-card", has_text="Manisa dönemi")
    expect(card).to_contain_text("12 boş yer")
    expect(card).to_contain_text("Emre Işık")
    card.get_by_role("link", name="Manisa dönemi").click()
    expect(visitor.locator(".schedule-item")).to_have_count(3)

    ical_href = visitor.get_by_role("link", name="Tüm oturumları takvimime ekle").get_attribute(
        "href"
    )
    response = visitor.request.get(page.base_url + ical_href)
    assert response.ok
    events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert len(events) == 3
    assert [re.sub(r" \d+$", "", str(event["summary"]).split(" — ")[0]) for event in events] == [
        "Oturum"
    ] * 3
    visitor.context.close()


def test_coordinator_adds_a_question_and_copies_the_cohort_to_a_wednesday(page):
    UserFactory(
        email="koordinator@example.org",
        full_name="Zeynep Aydın",
        roles=["coordinator"],
        is_staff=True,
        password="guclu-parola-2026",
    )
    cohort = CohortFactory(title="Manisa dönemi", starts_on=dt.date(2027, 3, 1))
    SessionFactory(
        cohort=cohort,
        title="Açılış",
        starts_at=timezone.make_aware(dt.datetime(2027, 3, 1, 9, 30)),
        ends_at=timezone.make_aware(dt.datetime(2027, 3, 1, 12, 0)),
    )
    _log_in(page, "koordinator@example.org", "guclu-parola-2026")
    page.goto(page.base_url + f"/konsol/donemler/{cohort.pk}/")
    page.get_by_role("link", name="Soru ekle").click()
    page.get_by_label("Soru (Türkçe)").fill("Hangi sektördesiniz?")
    page.locator("#id_kind").select_option(label="Tek seçim")
    page.get_by_label("Seçenekler").fill("Kamu\nKooperatif")
    page.get_by_label("Zorunlu").check()
    page.get_by_role("button", name="Kaydet").click()
    expect(page.locator("#sorular")).to_contain_text("Tek seçim: Kamu, Kooperatif · Zorunlu")

    page.get_by_role("link", name="Kopyala").click()
    page.get_by_label("Yeni dönemin ilk günü").fill("2027-05-05")
    page.get_by_role("button", name="Taslak olarak kopyala").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neler kopyalandı")
    expect(page.get_by_role("main")).to_contain_text("Pazartesi, 10 Mayıs 2027")
    expect(page.get_by_role("main")).to_contain_text("09:30–12:00")
    page.get_by_role("link", name="Kopyayı aç").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manisa dönemi (kopya)")
    expect(page.locator("#sorular")).to_contain_text("Hangi sektördesiniz?")
