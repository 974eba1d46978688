"""The privacy notice (aydınlatma metni, KVKK law 6698 art. 10) as a versioned template.

Changing the text means a new VERSION: people acknowledge a version, and the next
registration or profile form asks again when theirs is older.
"""

from django.utils.translation import get_language

VERSION = "2026-11-demo-1"
TEMPLATES = {
    "tr": "participants/privacy/notice_tr.html",
    "en": "participants/privacy/notice_en.html",
}


def notice_template(language: str | None = None) -> str:
    """The notice's template in `language` (the active one by default), Turkish otherwise."""
    language = (language or get_language() or "tr")[:2]
    return TEMPLATES.get(language, TEMPLATES["tr"])
