import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participants.models import Attendance
from tests.factories import CohortFactory, RegistrationFactory, SessionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email):
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label("Parola").fill("correct-horse-battery")
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    # On a phone the main menu folds behind the "Menü" button.
    menu = page.get_by_role("button", name="Menü")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Yoklama")).to_be_visible()


def test_facilitator_marks_on_a_phone_with_htmx_and_counts_follow(browser, live_server):
    facilitator = UserFactory(full_name="Emre Işık", roles=["facilitator"])
    now = timezone.now()
    session = SessionFactory(
        cohort=CohortFactory(starts_on=timezone.localdate()),
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(hours=1),
    )
    session.cohort.facilitators.add(facilitator)
    registration = RegistrationFactory(cohort=session.cohort, participant__full_name="İnci Çelik")
    context = browser.new_context(locale="tr-TR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    try:
        _log_in(page, facilitator.email)
        page.get_by_role("link", name="Yoklama").click()
        page.get_by_role("link", name="Yoklama al").click()
        row = page.locator(f"#kayit-{registration.pk}")
        row.get_by_role("button", name="İnci Çelik: geç kaldı").click()
        expect(row.get_by_role("button", name="İnci Çelik: geç kaldı")).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(page.locator(".count-late dd")).to_have_text("1")
        expect(page.locator(".count-unmarked dd")).to_have_text("0")
        assert page.locator(".messages").count() == 0  # saved in place, no reload
        button_box = row.get_by_role("button", name="İnci Çelik: geldi").bounding_box()
        assert button_box["height"] >= 44

        page.get_by_role("link", name="QR göster").click()
        expect(page.locator("#qr-panel svg.qr-code")).to_be_visible()
    finally:
        context.close()
    assert Attendance.objects.get().status == "late"
