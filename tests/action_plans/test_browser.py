import pytest
from playwright.sync_api import expect

from library.demo import load_demo_legal_library
from tests.factories import CohortFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email: str) -> None:
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label("Parola").fill("correct-horse-battery")
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("button", name="Çıkış yap")).to_be_visible()


def test_facilitator_forms_a_group_plans_a_partnership_and_approves_it(page):
    load_demo_legal_library()
    cohort = CohortFactory(title="Ankara dönemi")
    facilitator = UserFactory(roles=["facilitator"], full_name="Emre Işık")
    cohort.facilitators.add(facilitator)
    for name in ("Ayşe Demir", "Burak Aydın", "Cemile Şahin"):
        RegistrationFactory(cohort=cohort, participant__full_name=name)
    RegistrationFactory(cohort=cohort, participant__full_name="Bekleyen Kişi", status="pending")
    _log_in(page, facilitator.email)

    # Form a work group from the cohort's confirmed participants.
    page.get_by_role("navigation", name="Ana menü").get_by_role(
        "link", name="Eylem planları"
    ).click()
    page.get_by_role("link", name="0 grup").click()
    page.get_by_role("link", name="Çalışma grubu oluştur").click()
    expect(page.get_by_label("Bekleyen Kişi")).to_have_count(0)
    page.get_by_label("Grubun adı").fill("Kadın kooperatifleri grubu")
    page.get_by_label("Tema / sektör").select_option(label="Kadın kooperatifleri")
    page.get_by_label("Ayşe Demir").check()
    page.get_by_label("Burak Aydın").check()
    page.get_by_role("button", name="Kaydet").click()
    expect(page.locator(".messages")).to_contain_text(
        "Kadın kooperatifleri grubu çalışma grubu kaydedildi."
    )

    # The wizard: partnership, its legal basis, the template's steps.
    page.get_by_role("link", name="Plan başlat").click()
    page.get_by_role("link", name="Ortaklık", exact=True).click()
    expect(page.get_by_role("note")).to_contain_text("hukuki görüş değildir")
    expect(
        page.get_by_role("link", name="1163 sayılı Kooperatifler Kanunu m.9", exact=True)
    ).to_be_visible()
    expect(page.get_by_label("Plan kimin?").locator("option:checked")).to_contain_text(
        "Kadın kooperatifleri grubu"
    )
    page.get_by_label("Planın başlığı").fill("Kadın kooperatifine belediye ortaklığı")
    page.get_by_role("button", name="Taslak planı oluştur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kadın kooperatifine belediye ortaklığı"
    )
    steps = page.locator(".plan-steps .step-text")
    expect(steps).to_have_count(6)
    first_text = steps.nth(0).inner_text()
    second_text = steps.nth(1).inner_text()

    # Reorder in place (htmx): the first step moves down, the page is not reloaded.
    page.evaluate("window.noReload = true")
    page.get_by_role("button", name="Aşağı taşı: 1").click()
    expect(steps.nth(0)).to_have_text(second_text)
    expect(steps.nth(1)).to_have_text(first_text)
    assert page.evaluate("window.noReload") is True

    # Edit a step to cite 1163 m.9.
    page.locator(".plan-steps .step-item").nth(2).get_by_role("link", name="Düzenle").click()
    page.get_by_label("Adım *").fill("Ortaklık başvurusunun kooperatife yapılması")
    page.get_by_label("Dayandığı yasal dayanaklar").select_option(
        label="1163 sayılı Kooperatifler Kanunu m.9"
    )
    page.get_by_role("button", name="Kaydet").click()
    third = page.locator(".plan-steps .step-item").nth(2)
    expect(third.locator(".step-text")).to_have_text("Ortaklık başvurusunun kooperatife yapılması")
    expect(third.get_by_role("link", name="1163 sayılı Kooperatifler Kanunu m.9")).to_be_visible()

    # Change a status inline, then submit and approve.
    page.get_by_label("Durum: 1").select_option(label="Tamamlandı")
    expect(page.locator("#plan-workspace")).to_contain_text("Adımın durumu kaydedildi.")
    expect(page.locator(".plan-progress").first).to_contain_text("6 adımdan 1 tanesi tamamlandı")
    page.get_by_role("button", name="Onaya gönder").click()
    expect(page.locator(".messages")).to_contain_text(
        "Plan onaya gönderildi; şimdi onaylayabilir ya da geri gönderebilirsiniz."
    )
    page.get_by_role("button", name="Onayla").click()
    expect(page.locator(".messages")).to_contain_text("Plan onaylandı.")
    expect(page.locator(".plan-head .badge")).to_have_text("Onaylandı")
    expect(page.get_by_role("link", name="Planı düzenle")).to_have_count(0)
