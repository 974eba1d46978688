import pytest
from playwright.sync_api import expect

from library.demo import load_demo_legal_library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _column_boxes(page) -> tuple[dict, dict]:
    section = page.locator("#ortaklik")
    return (
        section.locator(".bridge-municipal").bounding_box(),
        section.locator(".bridge-cooperative").bounding_box(),
    )


def test_bridge_shows_sides_next_to_each_other_on_desktop_and_stacked_on_phones(page):
    load_demo_legal_library()

    page.goto(page.base_url + "/yasal-dayanaklar/kopru/?type=ortaklik")
    expect(page.get_by_role("heading", level=2, name="Ortaklık")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text(
        "Bu kütüphane bilgilendirme amaçlıdır, hukuki görüş değildir."
    )
    municipal, cooperative = _column_boxes(page)
    assert municipal["y"] == cooperative["y"]
    assert cooperative["x"] > municipal["x"]

    page.set_viewport_size({"width": 390, "height": 844})
    municipal, cooperative = _column_boxes(page)
    assert cooperative["y"] > municipal["y"]
    assert cooperative["x"] == municipal["x"]


def test_library_search_finds_the_cooperatives_law_whatever_the_i(page):
    load_demo_legal_library()

    page.goto(page.base_url + "/yasal-dayanaklar/")
    page.get_by_label("Ara").fill("KOOPERATİFLER")
    page.get_by_label("Alan").select_option(label="Kooperatif mevzuatı")
    page.get_by_role("button", name="Filtrele").click()

    # best match first: core.search ranks article 9 above article 1
    expect(page.locator(".reference-title")).to_have_text(
        ["1163 sayılı Kooperatifler Kanunu m.9", "1163 sayılı Kooperatifler Kanunu m.1"]
    )
