"""A newcomer on a 360 px phone: from the cohort page to "Kayıtlarım" with one form and one
e-mail link."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from participants.models import Registration
from tests.factories import CohortFactory, OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_cohort_page_to_my_registrations_with_one_form_and_one_link(browser, live_server):
    cohort = CohortFactory(title="Bornova dönemi", requires_approval=False, capacity=5)
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    context = browser.new_context(locale="tr-TR", viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}/donemler/{cohort.pk}/")
        page.get_by_role("main").get_by_role("link", name="Kayıt ol").click()
        expect(page.get_by_role("heading", name="Tek adımda kayıt")).to_be_visible()
        page.locator("#id_full_name").fill("Derya Işıklı")
        page.locator("#id_email").fill("derya@example.org")
        page.locator("#id_password1").fill("uzun-ve-guclu-parola-42")
        page.locator("#id_phone").fill("0532 123 45 67")
        page.get_by_label("Kurumunuzu arayın").fill("izmir")
        page.get_by_label(re.compile("İzmir Büyükşehir Belediyesi")).check()
        page.get_by_label("Aydınlatma metnini okudum.").check()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
        page.get_by_role("button", name="Hesabımı oluştur ve kaydol").click()
        expect(page).to_have_url(re.compile("/hesap/confirm-email/$"))
        assert not Registration.objects.exists()  # no seat before the link

        (message,) = mail.outbox
        path = re.search(r"/hesap/confirm-email/\S+/", message.body).group(0)
        page.goto(live_server.url + path)
        page.get_by_role("main").get_by_role("button", name="Onayla").click()

        expect(page.get_by_role("heading", name="Kayıtlarım")).to_be_visible()
        card = page.locator(".registration-card")
        expect(card).to_contain_text("Bornova dönemi")
        expect(card.locator(".badge").first).to_have_text("Onaylandı")
    finally:
        context.close()
    assert Registration.objects.get().status == "confirmed"
