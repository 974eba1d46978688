import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import CohortFactory, OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_complete_profile_register_and_cancel(page):
    cohort = CohortFactory(title="Bornova dönemi", requires_approval=False, capacity=5)
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")

    page.goto(page.base_url + "/hesap/signup/")
    page.get_by_label("Ad soyad").fill("Derya Işıklı")
    page.get_by_label("E-posta").fill("derya@example.org")
    page.locator("#id_password1").fill("uzun-ve-guclu-parola-42")
    page.get_by_label("Parola (tekrar)").fill("uzun-ve-guclu-parola-42")
    page.get_by_label("Aydınlatma metnini okudum.").check()
    page.get_by_role("main").get_by_role("button").click()
    expect(page).to_have_url(re.compile("/hesap/confirm-email/$"))

    path = re.search(r"/hesap/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(page.base_url + path)
    page.get_by_role("main").get_by_role("button", name="Onayla").click()

    expect(page.get_by_role("heading", name="Katılımcı profili")).to_be_visible()
    page.get_by_label("Telefon").fill("0532 123 45 67")
    page.get_by_label("Kurumunuzu arayın").fill("izmir")
    page.get_by_label(re.compile("İzmir Büyükşehir Belediyesi")).check()
    page.get_by_role("button", name="Profili kaydet").click()
    expect(page.get_by_text("Katılımcı profiliniz kaydedildi.")).to_be_visible()

    page.goto(page.base_url + f"/donemler/{cohort.pk}/kayit/")
    expect(page.get_by_role("heading", name="Bornova dönemi")).to_be_visible()
    # acknowledged at sign-up, for this version of the notice: not asked again
    expect(page.get_by_text(re.compile("okuduğunuzu onayladınız; bu kayıt"))).to_be_visible()
    expect(page.get_by_label("Aydınlatma metnini okudum.")).to_have_count(0)
    page.get_by_role("button", name="Kayıt ol").click()
    expect(page.get_by_text("Kaydınız onaylandı.")).to_be_visible()
    card = page.locator(".registration-card")
    expect(card.locator(".badge")).to_have_text("Onaylandı")

    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="Kaydımı iptal et").click()
    expect(page.get_by_text("Kaydınız iptal edildi.").first).to_be_visible()
    expect(card.locator(".badge")).to_have_text("İptal edildi")
