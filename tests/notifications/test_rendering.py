"""The one layout of every e-mail: every registered kind renders in Turkish and English
through it (plain text and HTML, the footer's reason), with none of allauth's stock sentences
left, and the layout's colours are the site's."""

import re
from pathlib import Path

import polib
import pytest
from allauth import __file__ as allauth_file
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import urlize
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import User
from notifications import registry
from notifications.previews import email_preview
from notifications.rendering import COLOURS, Blank, _linked, email_render, text_to_html

ALLAUTH = Path(allauth_file).parent
KINDS = [kind.name for kind in registry.kinds()]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Sentences of allauth's own e-mails that the issue found in ours, besides those read from
# its catalogue below.
STOCK_PHRASES = ["Hello from", "Merhaba!", "'ten Merhaba", "ziyaret ediniz", "Thank you for using"]
# A literal piece of one of allauth's texts at least this long counts as its sentence.
MIN_PHRASE = 18


def _allauth_email_phrases() -> list[str]:
    """Every text of allauth's e-mail templates (account/email/), in English and in allauth's
    own Turkish, cut at its placeholders into pieces of at least MIN_PHRASE characters."""
    templates = "".join(
        path.read_text() for path in (ALLAUTH / "templates/account/email").glob("*")
    )
    catalogue = polib.pofile(str(ALLAUTH / "locale/tr/LC_MESSAGES/django.po"))
    phrases = set(STOCK_PHRASES)
    for entry in catalogue:
        english = re.sub(r"%\((\w+)\)s", r"{{ \1 }}", entry.msgid)
        if entry.msgid and any(line.strip() in templates for line in english.splitlines()[:1]):
            for text in (entry.msgid, entry.msgstr):
                for piece in re.split(r"%\(\w+\)s|\n", text):
                    if len(piece.strip()) >= MIN_PHRASE:
                        phrases.add(piece.strip())
    return sorted(phrases)


ALLAUTH_PHRASES = _allauth_email_phrases()


def test_the_stock_phrases_are_read_from_allauths_catalogue():
    assert len(ALLAUTH_PHRASES) > 40
    assert "You're receiving this email because user" in ALLAUTH_PHRASES
    assert "To confirm this is correct, go to" in ALLAUTH_PHRASES


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scan_finds_allauths_own_sign_up_email(language):
    """What the issue found: allauth's template (no longer used) is caught by the scan."""
    with override(language):
        stock = render_to_string(
            "account/email/email_confirmation_signup_message.txt",
            {
                "user": _recipient(language),
                "activate_url": "http://127.0.0.1:8101/hesap/confirm-email/x/",
                "current_site": {"name": "127.0.0.1:8101", "domain": "127.0.0.1:8101"},
            },
        )
    assert [phrase for phrase in ALLAUTH_PHRASES if phrase in stock]


def _recipient(language: str) -> User:
    return User(full_name="Ayşe Yılmaz", email="ayse@example.org", language=language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", KINDS)
def test_every_kind_renders_through_the_layout_with_no_stock_sentence(name, language):
    kind = registry.get(name)
    email = email_preview(kind=kind, language=language)
    assert email is not None, f"{name} registers no preview"
    assert email.subject
    assert "\n" not in email.subject
    reason = (
        email_render(
            kind=kind, recipient=_recipient(language), language=language, context=kind.preview()
        )
        .text.rstrip()
        .rsplit("\n", 1)[-1]
    )
    assert reason.startswith("Bu e-postayı" if language == "tr" else "You receive this e-mail")
    assert email.text.endswith(reason + "\n")
    assert "Genç İşi Kooperatif\n" in email.text
    assert email.html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{language}">' in email.html
    assert reason in email.html.replace("&#x27;", "'").replace("&quot;", '"')
    for text in (email.subject, email.text, email.html):
        found = [phrase for phrase in ALLAUTH_PHRASES if phrase in text]
        assert not found, f"{name} ({language}) says allauth's {found}"


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_is_written_in_each_language(name):
    kind = registry.get(name)
    turkish = email_preview(kind=kind, language="tr")
    english = email_preview(kind=kind, language="en")
    assert turkish.subject != english.subject
    assert "Bu e-postayı" in turkish.text
    assert "You receive this e-mail" in english.text


def test_the_layouts_colours_are_the_sites():
    stylesheet = (settings.BASE_DIR / "static/css/site.css").read_text()
    for name, value in COLOURS.items():
        assert f"--{name.replace('_', '-')}: {value};" in stylesheet


def test_text_becomes_escaped_paragraphs_with_a_button_for_each_link_line():
    html = text_to_html(
        "Sayın <Ayşe>,\n\nBağlantınız:\nhttps://egitim.example.org/kayitlarim/\n\n"
        "Soru: https://egitim.example.org/sss/ adresinde."
    )
    assert html == (
        '<p style="margin:0 0 16px;line-height:1.5">Sayın &lt;Ayşe&gt;,</p>\n'
        '<p style="margin:0 0 16px;line-height:1.5">Bağlantınız:</p>\n'
        '<p style="margin:8px 0 4px"><a href="https://egitim.example.org/kayitlarim/" '
        'style="display:inline-block;background:#0e5a57;color:#ffffff;font-weight:bold;'
        'text-decoration:none;padding:10px 18px;border-radius:8px">Bağlantıyı aç</a></p>'
        '<p style="margin:0 0 16px;font-size:13px;line-height:1.4;word-break:break-all">'
        '<a href="https://egitim.example.org/kayitlarim/" style="color:#0e5a57">'
        "https://egitim.example.org/kayitlarim/</a></p>\n"
        '<p style="margin:0 0 16px;line-height:1.5">Soru: <a href="https://egitim.example.org/'
        'sss/">https://egitim.example.org/sss/</a> adresinde.</p>'
    )


def test_paragraphs_typed_in_a_browser_stay_paragraphs():
    """A textarea sends "\r\n" (a coordinator's message to a cohort)."""
    html = text_to_html("Merhaba,\r\n\r\nYarın 10.00'da\r\nÇankaya'dayız.\r\n")
    assert html == (
        '<p style="margin:0 0 16px;line-height:1.5">Merhaba,</p>\n'
        '<p style="margin:0 0 16px;line-height:1.5">Yarın 10.00&#x27;da<br>\n'
        "Çankaya&#x27;dayız.</p>"
    )


def test_the_html_fetches_nothing_from_anywhere():
    for name in KINDS:
        html = email_preview(kind=registry.get(name), language="tr").html
        assert "<img" not in html
        assert "<link" not in html
        assert "url(" not in html
        assert "<script" not in html


def test_a_blank_is_filled_in_after_rendering_as_if_rendered_with_its_value():
    from participants.emails import RegistrationEmail, preview_registration

    kind = registry.get(RegistrationEmail.WAITLISTED)
    registration = preview_registration("waitlisted")
    user = User(full_name="Ayşe <Yılmaz>", email="ayse@example.org")

    def render(position):
        return email_render(
            kind=kind,
            recipient=user,
            language="tr",
            context={**kind.context(registration), "position": position},
        )

    drafted = render(Blank("position"))
    assert "\ue000" in drafted.text
    assert drafted.filled(position=7) == render(7)
    assert "listesine alındınız, sıra 7." in render(7).text


# Words urlize links or nearly links, among Turkish text and the characters HTML escapes.
_PIECES = st.sampled_from(
    [
        "Kaydınız onaylandı.",
        "İzmir",
        "ığüşöç",
        "https://gencisi.example.org/kayitlarim/",
        "http://a.b",
        "www.belediye.gov.tr",
        "kooperatif.org",
        "ornek.COM/yol",
        "kisi@example.org",
        "e-posta: ali@",
        "(https://x.example.net).",
        "<b>",
        "&",
        '"',
        "'",
        ":",
        ".",
        "@",
        " ",
        "\t",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=8).map("".join))
def test_a_line_is_linked_exactly_as_urlize_links_it(line):
    """The fast path (a line without anything urlize could link is only escaped) gives
    urlize's own output for every line."""
    assert _linked(line) == urlize(line, autoescape=True)
