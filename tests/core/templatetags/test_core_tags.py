import datetime as dt
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from core.templatetags.core_tags import (
    address_breaks,
    capfirst_tr,
    duration_minutes,
    long_date,
    page_url,
    paragraphs,
    upper_tr,
)


def test_first_letter_is_capitalised_the_turkish_way():
    with translation.override("tr"):
        assert capfirst_tr("iptal edildi") == "İptal edildi"
        assert capfirst_tr("ırmak") == "Irmak"
        assert capfirst_tr("") == ""


def test_first_letter_is_capitalised_the_english_way_on_an_english_page():
    with translation.override("en"):
        assert capfirst_tr("issued") == "Issued"
        assert capfirst_tr("in progress") == "In progress"


def test_upper_tr_never_uses_python_upper():
    assert upper_tr("İnci Işık") == "İNCİ IŞIK"


def test_duration_in_turkish():
    assert duration_minutes(90) == "1 saat 30 dakika"
    assert duration_minutes(120) == "2 saat"


def test_long_date_has_the_weekday():
    assert long_date(dt.date(2026, 11, 26)) == "26 Kasım 2026, Perşembe"


def test_paragraphs_turn_a_short_first_line_into_a_heading_and_escape_text():
    html = paragraphs("Belediyelerin işlevi\nSosyal devlet <ilkesi>.\n\nİkinci paragraf.")
    assert html == (
        '<h3 class="text-heading">Belediyelerin işlevi</h3><p>Sosyal devlet &lt;ilkesi&gt;.</p>'
        "<p>İkinci paragraf.</p>"
    )


def _render(text: str, **context) -> str:
    return Template("{% load core_tags %}" + text).render(Context(context))


def test_number_filters_follow_core_numbers_and_the_page_language():
    values = {"rate": Decimal("40.90"), "hours": Decimal("9.5"), "mean": Decimal("4.22")}
    page = "{{ rate|percent }} {{ hours|hours }} {{ mean|decimal }} {{ none|decimal }}"
    with translation.override("tr"):
        assert _render(page, **values) == "%40,9 9,5 4,22 —"
    with translation.override("en"):
        assert _render(page, **values) == "40.9% 9.5 4.22 —"


def test_page_url_keeps_the_other_parameters(rf):
    request = rf.get("/kurumlar/", {"q": "İzmir & Konak", "sayfa": "3"})

    assert page_url({"request": request}, 4) == "?q=%C4%B0zmir+%26+Konak&sayfa=4"


def test_an_address_may_break_after_the_at_sign_and_before_each_dot_only():
    assert address_breaks("ayse.yilmaz@cankaya.bel.tr") == (
        "ayse<wbr>.yilmaz@<wbr>cankaya<wbr>.bel<wbr>.tr"
    )
    assert address_breaks("bozuk@") == "bozuk@"
    assert address_breaks(".ali") == ".ali"
    assert address_breaks("") == ""
    assert address_breaks(None) == ""


def test_an_address_is_escaped_around_its_breaks():
    rendered = Template("{% load core_tags %}{{ address|address_breaks }}").render(
        Context({"address": '<b>"x"</b>@a.org'})
    )
    assert rendered == "&lt;b&gt;&quot;x&quot;&lt;/b&gt;@<wbr>a<wbr>.org"
