import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_login_goes_from_email_to_password_and_enter_logs_in(page):
    UserFactory(email="ayse@example.org", full_name="Ayşe Yılmaz")
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("E-posta").focus()
    page.keyboard.type("ayse@example.org")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Parola")).to_be_focused()
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/hesap/(login|password)/"))
    expect(page.get_by_role("navigation", name="Ana menü")).to_contain_text("Ayşe Yılmaz")


def test_forgotten_password_link_follows_the_login_button(page):
    page.goto(page.base_url + "/hesap/login/")
    page.get_by_label("Parola").focus()
    page.keyboard.press("Tab")  # the "remember me" box
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("button", name="Giriş yap")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Parolanızı mı unuttunuz?")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/hesap/password/reset/$"))
