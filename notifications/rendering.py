"""The one layout of every e-mail: the kind's own text (its `.txt` templates) inside the site's
frame, as plain text and as HTML (multipart/alternative), with a footer that says why the
person gets it (the kind's `reason`). Every registered kind gets it, allauth's e-mails too
(they are kinds: notifications/accounts.py).

The HTML is made from the kind's text, so that a kind needs no HTML template: paragraphs stay
paragraphs, a line that is only an address becomes a button with the address under it, other
addresses become links, everything else is escaped. Inline styles are the only kind a mail
client keeps (the site's Content-Security-Policy does not apply to mail); the colours are the
site's (static/css/site.css, tests/notifications/test_rendering.py compares them). No image,
font or stylesheet is fetched from anywhere.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape, format_html, format_html_join, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from notifications.registry import NotificationKind

# The site's colours (static/css/site.css :root) and font stack, for inline styles.
COLOURS = {
    "ink": "#1d2527",
    "ink_soft": "#4a5659",
    "paper": "#fbfaf7",
    "card": "#fff",
    "line": "#d9dedd",
    "brand": "#0e5a57",
    "brand_tint": "#e3f1ef",
    "accent": "#c4511d",
}
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'
SUBJECT_MAX_LENGTH = 250
_ADDRESS_LINE = re.compile(r"^https?://\S+$")
_BLOCKS = re.compile(r"\n[ \t]*\n")
# What Django's urlize can make a link of (its simple_url_re, simple_url_2_re and e-mail
# addresses): a line without any of these is only escaped by it.
_MAY_LINK = ("://", "www.", "@", ".com", ".edu", ".gov", ".int", ".mil", ".net", ".org")


@dataclass(frozen=True)
class Blank:
    """A context value not known yet when the e-mail is rendered, filled in afterwards
    (`RenderedEmail.filled`) without rendering again: an e-mail rendered before a lock for
    the outcome it expects, its waiting-list place decided in the lock. Printed plainly by
    the templates (no filter)."""

    name: str

    def __str__(self) -> str:
        return f"\ue000{self.name}\ue001"  # private-use characters: nothing escapes them


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str

    def filled(self, **values) -> "RenderedEmail":
        """The e-mail with each `Blank` named in `values` replaced by its value."""
        subject, text, html = self.subject, self.text, self.html
        for name, value in values.items():
            blank = str(Blank(name))
            subject = subject.replace(blank, str(value))
            text = text.replace(blank, str(value))
            html = html.replace(blank, escape(value))
        return RenderedEmail(subject=subject, text=text, html=html)


def _linked(line: str) -> str:
    """`urlize(line, autoescape=True)`, without its word-by-word work for a line it would
    only escape (most lines: urlize is the dearest part of an e-mail's HTML)."""
    lowered = line.lower()
    if any(marker in lowered for marker in _MAY_LINK):
        return urlize(line, autoescape=True)
    return escape(line)


def _paragraph(lines: list[str]) -> SafeString:
    joined = mark_safe("<br>\n".join(_linked(line) for line in lines))  # noqa: S308 — each line escaped
    return format_html('<p style="margin:0 0 16px;line-height:1.5">{}</p>', joined)


def _button(address: str) -> SafeString:
    return format_html(
        '<p style="margin:8px 0 4px"><a href="{address}" style="display:inline-block;'
        "background:{brand};color:#ffffff;font-weight:bold;text-decoration:none;"
        'padding:10px 18px;border-radius:8px">{label}</a></p>'
        '<p style="margin:0 0 16px;font-size:13px;line-height:1.4;word-break:break-all">'
        '<a href="{address}" style="color:{brand}">{address}</a></p>',
        address=address,
        brand=COLOURS["brand"],
        label=_("Open the link"),
    )


def text_to_html(text: str) -> SafeString:
    """The kind's plain text as HTML paragraphs (see the module's docstring). Line ends are
    read as a browser sends them too (a coordinator's message typed in a textarea: "\r\n")."""
    parts = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in _BLOCKS.split(text.strip()):
        lines: list[str] = []
        for line in (line.strip() for line in block.splitlines()):
            if _ADDRESS_LINE.match(line):
                if lines:
                    parts.append(_paragraph(lines))
                    lines = []
                parts.append(_button(line))
            elif line:
                lines.append(line)
        if lines:
            parts.append(_paragraph(lines))
    return format_html_join("\n", "{}", ((part,) for part in parts))


def email_render(
    *, kind: NotificationKind, recipient, language: str, context: dict
) -> RenderedEmail:
    """Subject, plain text and HTML of one e-mail of `kind` in `language`; `context` is what
    the kind's templates read besides `user` (the recipient, None for an address without an
    account)."""
    with override(language):
        data = {"user": recipient, **context}
        subject = " ".join(render_to_string(kind.subject_template, data).split())
        body = render_to_string(kind.body_template, data).strip()
        layout = {
            "language": language,
            "subject": subject,
            "body": body,
            "body_html": text_to_html(body),
            "reason": kind.reason(data),
            "site_url": settings.SITE_URL,
            "site_host": urlsplit(settings.SITE_URL).netloc,
            "colours": COLOURS,
            "font": FONT,
        }
        text = render_to_string("notifications/email/layout.txt", layout)
        html = render_to_string("notifications/email/layout.html", layout)
    return RenderedEmail(
        subject=subject[:SUBJECT_MAX_LENGTH], text=text.strip() + "\n", html=html.strip() + "\n"
    )
