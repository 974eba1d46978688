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


def test_coordinator_copies_a_cohort_imports_a_list_and_prints_the_sign_in_sheet(
    page, monkeypatch, tmp_path
):
    """Issue 14's journey: last cohort copied to a new start date, a list imported into the
    copy (the waiting list fills), the first session's sign-in sheet printed."""
    import datetime as dt

    from django.utils import timezone
    from pypdf import PdfReader

    from documents.models import Document
    from documents.services import documents_render
    from documents.tasks import render_documents
    from participants.services.imports import import_batch_run
    from participants.tasks import import_participants
    from tests.conftest import browser_login
    from tests.factories import SessionFactory, UserFactory
    from tests.participants.imports.spreadsheets import people, xlsx_bytes

    held_imports, held_documents = [], []
    monkeypatch.setattr(
        import_participants, "apply_async", lambda kwargs, **_o: held_imports.append(kwargs)
    )
    monkeypatch.setattr(
        render_documents, "apply_async", lambda kwargs, **_o: held_documents.append(kwargs)
    )
    last = CohortFactory(
        title="Manisa dönemi", starts_on=dt.date(2027, 3, 1), capacity=3, requires_approval=False
    )
    SessionFactory(
        cohort=last,
        title="Açılış",
        starts_at=timezone.make_aware(dt.datetime(2027, 3, 1, 9, 30)),
        ends_at=timezone.make_aware(dt.datetime(2027, 3, 1, 12, 0)),
    )
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    browser_login(page.context, coordinator, page.base_url)

    page.goto(page.base_url + f"/konsol/donemler/{last.pk}/")
    page.get_by_role("link", name="Kopyala").click()
    page.get_by_label("Yeni dönemin ilk günü").fill("2027-05-05")
    page.get_by_role("button", name="Taslak olarak kopyala").click()
    expect(page.get_by_role("main")).to_contain_text("Pazartesi, 10 Mayıs 2027")
    page.get_by_role("link", name="Kopyayı aç").click()
    copy_url = page.url

    page.goto(copy_url.rstrip("/") + "/kayitlar/")
    page.get_by_role("link", name="Katılımcı listesi yükle").click()
    spreadsheet = tmp_path / "liste.xlsx"
    spreadsheet.write_bytes(xlsx_bytes(people(5)))
    page.get_by_label("Tablo dosyası (XLSX ya da CSV)").set_input_files(spreadsheet)
    page.get_by_role("button", name="Yükle ve önizle").click()
    page.get_by_role("button", name="5 satırı içe aktar").click()
    for kwargs in held_imports:
        import_batch_run(**kwargs)
    expect(page.locator("#import-progress")).to_contain_text("İçe aktarma tamamlandı.")
    page.get_by_role("link", name="Bekleme listesini gör").click()
    rows = page.locator(".registrations-table tbody tr")
    expect(rows).to_have_count(2)  # three seats: the last two wait

    page.goto(copy_url)
    page.get_by_role("button", name="İmza listesi").first.click()
    for kwargs in held_documents:
        documents_render(**kwargs)
    expect(page.get_by_role("link", name="PDF'yi indir")).to_be_visible()
    document = Document.objects.latest("pk")
    with document.file.open("rb") as pdf:
        text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert [name in text for name in ("Katılımcı 0000", "Katılımcı 0001", "Katılımcı 0002")] == [
        True
    ] * 3
    assert "Katılımcı 0003" not in text
    assert "10 Mayıs 2027" in text
