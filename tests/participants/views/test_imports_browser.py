"""A coordinator uploads a list, reads the preview, confirms, and watches the progress bar reach
done without a reload; the waiting list has filled."""

import pytest
from playwright.sync_api import expect

from participants.services.imports import import_batch_run
from participants.tasks import import_participants
from tests.conftest import browser_login
from tests.factories import CohortFactory, UserFactory
from tests.participants.imports.spreadsheets import EMPTY, people, xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_imports_a_list_and_the_waiting_list_fills(page, monkeypatch, tmp_path):
    held = []
    monkeypatch.setattr(
        import_participants, "apply_async", lambda kwargs, **_options: held.append(kwargs)
    )
    cohort = CohortFactory(title="Konya dönemi", capacity=2, requires_approval=False)
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    browser_login(page.context, coordinator, page.base_url)
    spreadsheet = tmp_path / "liste.xlsx"
    spreadsheet.write_bytes(xlsx_bytes([*people(4), ["Bozuk Adres", "bozuk@", "", "", "", *EMPTY]]))

    page.goto(page.base_url + f"/konsol/donemler/{cohort.pk}/kayitlar/")
    page.get_by_role("link", name="Katılımcı listesi yükle").click()
    page.get_by_label("Tablo dosyası (XLSX ya da CSV)").set_input_files(spreadsheet)
    page.get_by_role("button", name="Yükle ve önizle").click()

    preview = page.locator(".import-preview tbody tr")
    expect(preview).to_have_count(5)
    expect(preview.nth(4)).to_contain_text("E-posta adresi geçersiz.")
    expect(preview.get_by_text("İçe aktarılacak")).to_have_count(4)
    page.get_by_role("button", name="4 satırı içe aktar").click()

    progress = page.locator("#import-progress")
    expect(progress).to_contain_text("0/4 satır")
    page.evaluate("window.notReloaded = true")
    for kwargs in held:
        import_batch_run(**kwargs)
    expect(progress).to_contain_text("4/4 satır")
    expect(progress).to_contain_text("İçe aktarma tamamlandı.")
    assert page.evaluate("window.notReloaded") is True

    page.get_by_role("link", name="Bekleme listesini gör").click()
    rows = page.locator(".registrations-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Katılımcı 0002")
    expect(rows.nth(1)).to_contain_text("Katılımcı 0003")


def test_a_name_of_151_letters_without_a_space_stays_inside_the_preview_table(page, tmp_path):
    cohort = CohortFactory(title="Konya dönemi", capacity=20)
    browser_login(page.context, UserFactory(roles=["coordinator"], is_staff=True), page.base_url)
    spreadsheet = tmp_path / "liste.xlsx"
    long_name = "Ş" + "a" * 75 + "ğ" * 75
    long_row = [long_name, "ayse.yilmaz@cankaya.bel.tr", "", "", "", *EMPTY]
    spreadsheet.write_bytes(xlsx_bytes([*people(1), long_row]))
    page.goto(page.base_url + f"/konsol/donemler/{cohort.pk}/ice-aktar/")
    page.get_by_label("Tablo dosyası (XLSX ya da CSV)").set_input_files(spreadsheet)
    page.get_by_role("button", name="Yükle ve önizle").click()
    expect(page.locator(".import-preview tbody tr")).to_have_count(2)
    table_width, box_width = page.evaluate(
        "() => { const table = document.querySelector('.import-preview');"
        " return [table.scrollWidth, table.parentElement.clientWidth]; }"
    )
    assert table_width <= box_width
    expect(page.get_by_role("cell", name="Ankara", exact=True)).to_have_count(1)
    # The address beside the long name keeps its parts whole (it wraps only at its <wbr>s).
    address = page.get_by_role("cell", name="ayse.yilmaz@cankaya.bel.tr", exact=True)
    lines = address.evaluate(
        "cell => new Set([...cell.querySelector('span').getClientRects()]"
        ".map(rect => Math.round(rect.top))).size"
    )
    assert 1 <= lines <= 5
