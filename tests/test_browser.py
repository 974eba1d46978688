"""A visitor's first steps in Chromium, across apps: the home page, logging in as the demo
participant, switching the language, tables on a phone. Not about one module, so it lives at
the top of tests/; each app's own journeys are in tests/<app>/test_browser.py."""

import re

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from programs.demo import SEED_TITLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_programme_and_demo_participant_logs_in(page, demo_data):
    page.goto(page.base_url + "/")
    expect(page).to_have_title(re.compile(SEED_TITLE))
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    expect(page.locator(".objective")).to_have_count(5)

    page.get_by_role("link", name="Giriş yap").click()
    page.get_by_label("E-posta").fill("katilimci@gencisi.local")
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()

    expect(page.get_by_role("navigation", name="Ana menü")).to_contain_text("İnci Çelik")


def test_language_switcher_turns_the_page_english(page, demo_data):
    page.goto(page.base_url + "/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Social Cooperativism Training for Municipalities"
    )


@pytest.mark.parametrize(
    "path",
    [
        "participants:attendance_cohort",
        "programs:console_good_practices",
        "participants:failed_emails",
    ],
)
def test_wide_tables_scroll_inside_their_box_on_a_phone(browser, live_server, demo_data, path):
    from django.urls import reverse

    from programs.models import Cohort

    kwargs = (
        {"cohort_id": Cohort.objects.get(title__icontains="Ankara").pk}
        if path == "participants:attendance_cohort"
        else {}
    )
    context = browser.new_context(locale="tr-TR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/hesap/login/")
    page.get_by_label("E-posta").fill("koordinator@gencisi.local")
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Giriş yap").click()
    expect(page).not_to_have_url(re.compile("/hesap/login/"))
    page.goto(live_server.url + reverse(path, kwargs=kwargs))
    expect(page.locator("table").first).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
