"""Every style variant the templates and models ask for exists in static/css/site.css.

A variant class without a rule (a typo, a rule that was deleted) renders as the plain component
and nobody notices; stylelint checks the stylesheet itself, the component gallery's browser test
checks what the variants look like.

It spans every app, so it lives at the top of tests/ (not under one app's mirror).
"""

import re
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SITE_CSS = BASE_DIR / "static" / "css" / "site.css"
# The PDF layouts have their own print stylesheets (static/documents/).
PDF_TEMPLATES = {"documents/certificate.html", "documents/action_plan.html"}
APPS = ("accounts", "action_plans", "core", "documents", "participants", "programs")
VARIANT = re.compile(r"^(badge|button|message|mark|check|choice)-[a-z0-9-]+$")


def defined_classes() -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(), flags=re.DOTALL)
    return set(re.findall(r"\.([a-zA-Z][\w-]*)", css))


def variant_classes_in_templates() -> dict[str, set[str]]:
    """{class: templates} for the literal variant classes of class="…" attributes (text inside
    {% %} tags is code, a token with {{ }} is computed and checked where it is computed)."""
    found: dict[str, set[str]] = {}
    templates = BASE_DIR / "templates"
    for path in templates.rglob("*.html"):
        name = path.relative_to(templates).as_posix()
        if name in PDF_TEMPLATES:
            continue
        for value in re.findall(r'class="([^"]*)"', path.read_text()):
            for token in re.sub(r"{%.*?%}", " ", value).split():
                if VARIANT.match(token):
                    found.setdefault(token, set()).add(name)
    return found


def badge_classes_in_models() -> set[str]:
    found = set()
    for app in APPS:
        for path in (BASE_DIR / app).rglob("*.py"):
            found.update(re.findall(r"\"(badge-[a-z-]+)\"", path.read_text()))
    return found


def test_every_variant_class_of_a_template_has_a_rule():
    found = variant_classes_in_templates()
    assert {"badge-ok", "button-danger", "message-error", "mark-late"} <= set(found)
    missing = {
        name: templates for name, templates in found.items() if name not in defined_classes()
    }
    assert missing == {}


def test_every_badge_class_a_model_computes_has_a_rule():
    computed = badge_classes_in_models()
    assert {"badge-ok", "badge-warn", "badge-danger", "badge-accent"} <= computed
    assert computed - defined_classes() == set()
