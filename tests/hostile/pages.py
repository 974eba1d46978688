"""Reading the pages: the forms a page posts to a URL, their values, and what a re-rendered form
must show (Turkish errors next to their fields, typed text kept)."""

import functools
import re
from urllib.parse import urlsplit

import cssselect2
import tinyhtml5
from django.utils import translation

CONTROLS = "input, select, textarea"
SKIPPED_INPUTS = {"submit", "button", "reset", "image", "file"}
TEXT_INPUTS = {"text", "search", "email", "url", "tel"}
# What a browser would have typed into an empty required control, so that create forms can get
# past their required fields and the hostile value reaches the deeper checks.
TYPED = {
    "email": "yeni.kisi@example.org",
    "url": "https://example.org/",
    "number": "5",
    "date": "2026-11-26",
    "datetime-local": "2026-11-20T10:00",
    "time": "10:00",
    "password": "Guclu-Parola-2026!",
    "tel": "0532 123 45 67",
    "checkbox": "on",
}
ENGLISH_WORDS = re.compile(
    r"\b(the|this|that|is|are|must|please|enter|field|value|valid|required|select|ensure|"
    r"characters|cannot|should|your|you|with|number|date|invalid|least|most|not|an?)\b",
    re.IGNORECASE,
)


def parse(html: str) -> cssselect2.ElementWrapper:
    return cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(html))


def text(element: cssselect2.ElementWrapper) -> str:
    return " ".join("".join(element.etree_element.itertext()).split())


def attr(element: cssselect2.ElementWrapper, name: str, default: str | None = None):
    return element.etree_element.get(name, default)


def forms_to(root, path: str, method: str) -> list:
    """The page's forms that send `method` to `path` (an empty action is the page itself)."""
    return [
        form
        for form in root.query_all("form")
        if (attr(form, "method") or "get").lower() == method
        and urlsplit(attr(form, "action") or path).path in ("", path)
    ]


def values(form) -> list[tuple[str, str]]:
    """What a browser would submit from `form` (filling required blanks as a person would),
    plus its first named submit button."""
    items: list[tuple[str, str]] = []
    for control in form.query_all(CONTROLS):
        name, kind = attr(control, "name"), (attr(control, "type") or "text").lower()
        if not name or kind in SKIPPED_INPUTS or attr(control, "disabled") is not None:
            continue
        required = attr(control, "required") is not None
        if control.local_name == "select":
            options = list(control.query_all("option"))
            chosen = [o for o in options if attr(o, "selected") is not None]
            if not chosen and attr(control, "multiple") is None:
                chosen = [o for o in options if _option_value(o)][:1] if required else options[:1]
            items += [(name, _option_value(option)) for option in chosen]
        elif control.local_name == "textarea":
            items.append((name, "".join(control.etree_element.itertext()) or _typed("text")))
        elif kind in {"checkbox", "radio"}:
            if attr(control, "checked") is not None or (required and kind == "checkbox"):
                items.append((name, attr(control, "value", "on")))
        else:
            value = attr(control, "value", "")
            items.append((name, value or (_typed(kind) if required else "")))
    button = form.query('button[name], input[type="submit"][name]')
    if button is not None:
        items.append((attr(button, "name"), attr(button, "value", "")))
    return items


def _option_value(option) -> str:
    value = attr(option, "value")
    return text(option) if value is None else value


def _typed(kind: str) -> str:
    return TYPED.get(kind, "Deneme metni")


def names(forms: list) -> set[str]:
    return {
        attr(control, "name")
        for form in forms
        for control in form.query_all(CONTROLS)
        if attr(control, "name")
    }


@functools.cache
def _english_messages() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """The English msgids that the Turkish catalogues translate (Django's, allauth's, ours):
    exact ones, and patterns for those with placeholders."""
    catalog = translation.trans_real.translation("tr")._catalog
    exact, patterns = set(), []
    for key in catalog.keys():  # noqa: SIM118 — TranslationCatalog is not a dict
        msgid = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
        translated = catalog[key]
        if not msgid or translated == msgid:
            continue
        if re.search(r"%(\(\w+\))?[sd]|\{\w*\}", msgid):
            parts = re.split(r"%(?:\(\w+\))?[sd]|\{\w*\}", msgid)
            patterns.append(re.compile(".+?".join(re.escape(part) for part in parts) + r"\Z"))
        else:
            exact.add(msgid)
    return frozenset(exact), tuple(patterns)


def english(message: str) -> bool:
    """Is this an untranslated English text (a msgid of the catalogue, or English words)?"""
    exact, patterns = _english_messages()
    if message in exact or any(pattern.match(message) for pattern in patterns):
        return True
    return len({word.lower() for word in ENGLISH_WORDS.findall(message)}) >= 2


def problems(root, *, sent: dict[str, list[str]]) -> list[str]:
    """What is wrong on a page that answered a hostile POST with 200: English errors or
    messages, field errors away from their field, typed text lost. `sent` is what the server
    decoded from the body (name → values)."""
    found = [
        f"English message: {line[:200]!r}"
        for element in root.query_all(".errorlist, .messages .message")
        for line in [text(item) for item in element.query_all("li")] or [text(element)]
        if line and english(line)
    ]
    for form in root.query_all("form"):
        errors = [e for e in form.query_all("ul.errorlist") if "nonfield" not in _classes(e)]
        found += [problem for error in errors if (problem := _misplaced(form, error))]
        if errors or form.query('[aria-invalid="true"]') is not None:
            found += _lost_text(form, sent)
    return found


def _classes(element) -> set[str]:
    return set((attr(element, "class") or "").split())


def _misplaced(form, error) -> str | None:
    """A field's error sits in the field's wrapper, and a control there names it in
    aria-describedby (a group of choices is a fieldset with its legend instead)."""
    wrapper = next((a for a in error.ancestors if "field" in _classes(a)), None)
    error_id = attr(error, "id") or ""
    if wrapper is None or not error_id.endswith("_error"):
        return f"error outside a field wrapper: {text(error)[:120]!r} (id {error_id!r})"
    if wrapper.local_name == "fieldset" or any(
        error_id in (attr(control, "aria-describedby") or "").split()
        for control in wrapper.query_all(CONTROLS)
    ):
        return None
    return f"no control beside the error {error_id!r} names it in aria-describedby"


def _lost_text(form, sent: dict[str, list[str]]) -> list[str]:
    lost = []
    for control in form.query_all("input, textarea"):
        name = attr(control, "name")
        if name not in sent or len(sent[name]) != 1:
            continue
        if control.local_name == "input":
            if (attr(control, "type") or "text").lower() not in TEXT_INPUTS:
                continue
            shown = attr(control, "value", "")
        else:
            shown = "".join(control.etree_element.itertext())
        typed = _as_parsed(sent[name][0])
        if shown != typed:
            lost.append(f"{name!r} shows {shown[:60]!r}, not the typed {typed[:60]!r}")
    return lost


def _as_parsed(value: str) -> str:
    """How an HTML parser reads back a value Django rendered verbatim."""
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
