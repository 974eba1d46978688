import base64
import io
import re

import pytest
import segno
from PIL import Image
from pypdf import PdfReader

from documents import layouts, rendering
from documents.layouts import ACTION_PLAN, CERTIFICATE, certificate_qr_payload
from documents.rendering import STATIC_BASE_URL, FetchRefusedError, StaticOnlyFetcher
from documents.samples import action_plan_data, certificate_data
from tests.documents.conftest import pdf_page_count, pdf_text


def test_certificate_shows_the_name_upper_cased_the_turkish_way_and_its_code():
    data = certificate_data({"name": "İnci Işık", "code": "GI-2026-ABCD"})
    pdf = rendering.render_pdf(CERTIFICATE, data)
    text = pdf_text(pdf)
    assert pdf_page_count(pdf) == 1
    assert "İNCİ IŞIK" in text
    assert "GI-2026-ABCD" in text
    assert "KATILIM SERTİFİKASI" in text
    assert "26 Kasım 2026" in text
    assert "01" in text
    assert "Kooperatif mevzuatı ile belediye mevzuatı arasında bağ kurmak" in text
    assert "Emre Işık" in text


def test_certificate_qr_encodes_the_site_address_of_its_verify_page(settings, monkeypatch):
    settings.SITE_URL = "https://egitim.example.org/"
    encoded = []
    real = layouts.qr_matrix

    def spying(content):
        encoded.append(content)
        return real(content)

    monkeypatch.setattr(layouts, "qr_matrix", spying)
    data = certificate_data({"code": "GI-2026-ABCD"})
    context = layouts.certificate_context(data)
    assert (
        certificate_qr_payload(data) == "https://egitim.example.org/sertifika/dogrula/GI-2026-ABCD/"
    )
    assert encoded == ["https://egitim.example.org/sertifika/dogrula/GI-2026-ABCD/"]
    assert context["qr_data_uri"].startswith("data:image/png;base64,")


def test_certificate_qr_is_an_8_bit_grey_png_of_segnos_modules():
    payload = "https://egitim.example.org/sertifika/dogrula/ABCD-EFGH-JKMN-PQRS-TUVW/"
    uri = layouts.qr_png_data_uri(payload)
    image = Image.open(io.BytesIO(base64.b64decode(uri.removeprefix("data:image/png;base64,"))))
    matrix = segno.make_qr(payload, error="m", mask=0).matrix
    assert (image.format, image.mode, image.size) == ("PNG", "L", (len(matrix[0]), len(matrix)))
    greys = b"".join(bytes(0x23 if dark else 0xFF for dark in row) for row in matrix)
    assert image.tobytes() == greys


def test_user_markup_in_a_plan_renders_as_text_and_is_never_fetched(fetched_urls):
    data = action_plan_data(
        {
            "steps": ['<img src="file:///etc/passwd">', "http://example.com/logo.png"],
            "reference_summary": '<link rel="stylesheet" href="https://example.com/x.css">',
        }
    )
    html = rendering.render_html(ACTION_PLAN, data)
    pdf = rendering.render_pdf(ACTION_PLAN, data)
    text = re.sub(r"\s+", "", pdf_text(pdf))
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert '<img src="file:///etc/passwd">' not in html
    assert '<imgsrc="file:///etc/passwd">' in text
    assert "http://example.com/logo.png" in text
    assert STATIC_BASE_URL + "img/logo.svg" in fetched_urls
    assert all(url.startswith((STATIC_BASE_URL, "data:image/")) for url in fetched_urls)
    assert not [url for url in fetched_urls if "passwd" in url or "example.com" in url]


def test_action_plan_prints_each_step_whole_with_its_labelled_facts():
    data = action_plan_data(
        {"steps": [f"Adım {n}: " + "görüşme ve rapor " * 6 for n in range(1, 41)]}
    )
    pdf = rendering.render_pdf(ACTION_PLAN, data)
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
    pages_with_steps = [text for text in pages if "görüşme ve rapor" in text]
    assert len(pages_with_steps) == 4
    # A step never breaks across pages: each page holds as many steps as lines of facts.
    assert [text.count("Adım ") for text in pages_with_steps] == [
        text.count("Sorumlu: ") for text in pages_with_steps
    ]
    assert sum(text.count("Adım ") for text in pages_with_steps) == 40
    assert (
        "12 Adım 12: görüşme ve rapor görüşme ve rapor görüşme ve rapor görüşme ve rapor "
        "görüşme ve rapor görüşme ve rapor Sorumlu: Strateji Geliştirme Müdürlüğü · "
        "Son tarih: 12.01.2027 · Durum: Planlandı · Yasal dayanak: 5393 m.18, 1163 m.9"
    ) in " ".join(pages)
    assert "Hukuki inceleme bekliyor" in pages[-1]
    assert "Kamu tüzel kişileri kooperatife ortak olabilir." in pages[-1]
    assert f"Sayfa {len(pages)} / {len(pages)}" in pages[-1]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.svg",
        "https://example.com/documents/base.css",
        "https://static.gencisi.invalid.example.com/documents/base.css",
        STATIC_BASE_URL + "../../../../etc/passwd",
        STATIC_BASE_URL + "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        STATIC_BASE_URL + "../gencisi/settings/base.py",
        STATIC_BASE_URL + "js/site.js",
        STATIC_BASE_URL + "fonts/yok.ttf",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml;base64," + "A" * 200_000,
        "ftp://example.com/x.png",
    ],
)
def test_fetcher_refuses_everything_but_the_projects_static_files(url):
    with pytest.raises(FetchRefusedError):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_static_fonts_css_and_images():
    fetcher = StaticOnlyFetcher()
    font = fetcher.fetch(STATIC_BASE_URL + "fonts/DejaVuSans.ttf")
    css = fetcher.fetch(STATIC_BASE_URL + "documents/base.css")
    logo = fetcher.fetch(STATIC_BASE_URL + "img/logo.svg")
    print_logo = fetcher.fetch(STATIC_BASE_URL + "img/logo-print.jpg")
    image = fetcher.fetch(
        "data:image/svg+xml,%3Csvg%20xmlns%3D%22http://www.w3.org/2000/svg%22/%3E"
    )
    assert font.content_type == "font/ttf"
    assert font.read(4) == b"\x00\x01\x00\x00"
    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    assert logo.content_type == "image/svg+xml"
    assert print_logo.content_type == "image/jpeg"
    assert print_logo.read(3) == b"\xff\xd8\xff"
    assert image.read() == b'<svg xmlns="http://www.w3.org/2000/svg"/>'


def test_renderer_state_is_built_once_per_process(monkeypatch):
    first = rendering.engine()
    assert rendering.engine() is first
    assert first.stylesheets_for(CERTIFICATE) is first.stylesheets_for(CERTIFICATE)
    monkeypatch.setattr(rendering.os, "getpid", lambda: first.pid + 1)
    forked = rendering.engine()
    assert forked is not first
    assert forked.pid == first.pid + 1
    monkeypatch.undo()
    monkeypatch.setattr(rendering, "_engine", first)


def test_documents_render_in_the_language_asked_for():
    data = certificate_data({"name": "İnci Işık"})
    html = rendering.render_html(CERTIFICATE, data, language="en")
    assert '<html lang="en">' in html
    assert "CERTIFICATE OF PARTICIPATION" in html
    assert "İNCİ IŞIK" in html
    assert '<html lang="tr">' in rendering.render_html(CERTIFICATE, data)


@pytest.fixture
def densities_tried(monkeypatch):
    tried = []
    real = rendering._html

    def spying(layout, context, **kwargs):
        tried.append(kwargs["density"])
        return real(layout, context, **kwargs)

    monkeypatch.setattr(rendering, "_html", spying)
    return tried


def _longest_certificate(*, objectives: int, length: int):
    """Every field at a length the forms allow and people use, `objectives` of `length`."""
    import dataclasses

    sentence = "Belediyelerin kooperatiflerle işbirliği yöntemlerini geliştirmek ve izlemek; "
    return dataclasses.replace(
        certificate_data({"name": "Ayşe Gülşen Çağlayan-Şimşekoğlu Öztürkmenoğlu"}),
        organisation="T.C. Karşıyaka Belediyesi Kadın ve Aile Hizmetleri Müdürlüğü",
        programme_title="Belediyeler İçin Sosyal Kooperatifçilik ve Yerel Kalkınma Eğitimi: "
        "Uygulamalı Modüller",
        cohort_title="İzmir ve Ege Bölgesi Belediyeleri Dönemi 2026/2",
        place="Karşıyaka Belediyesi Kültür Merkezi Konferans Salonu, Karşıyaka/İzmir",
        objectives=tuple((sentence * 5)[:length] for _ in range(objectives)),
        facilitators=("Emre Işık", "Zeynep Aydın", "Mehmet Ali Büyükşahin"),
    )


def test_an_ordinary_certificate_is_laid_out_once(densities_tried):
    pdf = rendering.render_pdf(CERTIFICATE, certificate_data({}))
    assert densities_tried == [""]
    assert pdf_page_count(pdf) == 1


def test_the_certificate_context_and_its_qr_code_are_built_once_whatever_the_densities(
    monkeypatch,
):
    calls = []
    real = layouts.qr_png_data_uri
    monkeypatch.setattr(
        layouts, "qr_png_data_uri", lambda payload: calls.append(1) or real(payload)
    )
    rendering.render_pdf(CERTIFICATE, _longest_certificate(objectives=10, length=300))
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("objectives", "length", "densities"),
    [
        (6, 150, [""]),
        (8, 150, ["", "compact"]),
        (6, 250, ["", "compact", "dense"]),
        (10, 300, ["", "compact", "dense"]),
    ],
)
def test_long_objectives_tighten_the_certificate_until_it_fits_one_page(
    objectives, length, densities, densities_tried, settings
):
    settings.SITE_URL = "https://egitim.gencisikooperatif.org.tr"
    data = _longest_certificate(objectives=objectives, length=length)
    pdf = rendering.render_pdf(CERTIFICATE, data)
    assert densities_tried == densities
    assert pdf_page_count(pdf) == 1
    html = rendering.render_html(CERTIFICATE, data, density=densities[-1])
    assert layouts.certificate_fits(rendering.laid_out_blocks(_laid_out(html)))
    assert data.objectives[-1][:60] in pdf_text(pdf).replace("\n", " ")


def _laid_out(html: str):
    from weasyprint import HTML

    state = rendering.engine()
    return HTML(string=html, base_url=STATIC_BASE_URL, url_fetcher=state.fetcher).render(
        stylesheets=state.stylesheets_for(CERTIFICATE), font_config=state.font_config
    )


def test_a_certificate_whose_objectives_reach_the_foot_does_not_fit():
    data = _longest_certificate(objectives=10, length=300)
    blocks = rendering.laid_out_blocks(_laid_out(rendering.render_html(CERTIFICATE, data)))
    assert not layouts.certificate_fits(blocks)
