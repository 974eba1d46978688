"""The component gallery in Chromium: every rule of site.css is parsed, and the variants of each
component look different where they mean different things (computed styles, not class names)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import browser_login

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"

# The badge modifiers the site uses; "" is the plain badge. A new one needs its CSS rule.
BADGE_VARIANTS = {"", "badge-ok", "badge-warn", "badge-danger", "badge-accent", "badge-plain"}

STYLE_RULE_SELECTORS = """() => {
  const sheet = [...document.styleSheets].find((s) => s.href && s.href.includes("/css/site"));
  const selectors = [];
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) selectors.push(rule.selectorText);
      else if (!(rule instanceof CSSKeyframesRule) && rule.cssRules) walk(rule.cssRules);
    }
  };
  walk(sheet.cssRules);
  return selectors;
}"""

COMPUTED = """(element) => {
  const style = getComputedStyle(element);
  return {
    background: style.backgroundColor, color: style.color, border: style.borderTopColor,
    borderLeft: style.borderLeftColor, opacity: style.opacity, cursor: style.cursor,
    decoration: style.textDecorationLine, paddingTop: parseFloat(style.paddingTop),
    fontSize: parseFloat(style.fontSize),
  };
}"""


def style_rule_selectors(css: str) -> list[str]:
    """The selectors of every style rule in a stylesheet's source, inside @media too (not
    @keyframes steps), as written."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    selectors: list[str] = []
    stack: list[str] = []
    start = 0
    for index, char in enumerate(css):
        if char == "{":
            prelude = css[start:index].strip()
            in_keyframes = any(parent.startswith("@keyframes") for parent in stack)
            if not prelude.startswith("@") and not in_keyframes:
                selectors.append(prelude)
            stack.append(prelude)
            start = index + 1
        elif char == "}":
            stack.pop()
            start = index + 1
        elif char == ";":
            start = index + 1
    return selectors


def normalised(selector: str) -> str:
    """Whitespace and quotes aside, and `*` before another simple selector (the browser writes
    `*::before` as `::before`)."""
    return re.sub(r"\*(?=[.#\[:])", "", re.sub(r"[\s\"']", "", selector))


def test_the_source_parser_finds_rules_inside_media_and_skips_keyframes():
    css = """/* a { } */ a, b > c { color: red; }
    @media (max-width: 640px) { .x:hover { color: red; } }
    @keyframes spin { to { transform: rotate(360deg); } }
    ...broken { color: red; }"""
    assert style_rule_selectors(css) == ["a, b > c", ".x:hover", "...broken"]


@pytest.fixture
def gallery(page, coordinator):
    browser_login(page.context, coordinator, page.base_url)
    page.goto(page.base_url + reverse("site:component_gallery"))
    return page


def computed(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(COMPUTED)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_browser_keeps_every_rule_of_site_css(gallery):
    in_source = Counter(normalised(s) for s in style_rule_selectors(SITE_CSS.read_text()))
    in_browser = Counter(normalised(s) for s in gallery.evaluate(STYLE_RULE_SELECTORS))
    assert in_source - in_browser == Counter(), "rules the browser dropped"
    assert sum(in_browser.values()) == sum(in_source.values())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_button_variants_differ_in_colour_and_state(gallery):
    primary = computed(gallery, "[data-sample=button-primary]")
    secondary = computed(gallery, "[data-sample=button-secondary]")
    danger = computed(gallery, "[data-sample=button-danger]")
    for key in ("background", "color", "border"):
        assert danger[key] != primary[key], key
    assert secondary["background"] != primary["background"]
    assert secondary["color"] != primary["color"]
    assert danger["color"] != secondary["color"]
    assert danger["border"] != secondary["border"]
    # Small buttons and links styled as buttons keep their variant's colours.
    for sample, like in (
        ("button-small-primary", primary),
        ("button-small-secondary", secondary),
        ("button-small-danger", danger),
        ("link-primary", primary),
        ("link-secondary", secondary),
    ):
        style = computed(gallery, f"[data-sample={sample}]")
        assert (style["background"], style["color"], style["border"]) == (
            like["background"],
            like["color"],
            like["border"],
        ), sample
    assert (
        computed(gallery, "[data-sample=button-small-primary]")["paddingTop"]
        < primary["paddingTop"]
    )
    # Disabled buttons are dimmed and say so to the pointer.
    for sample in ("button-primary-disabled", "button-small-secondary-disabled"):
        disabled = computed(gallery, f"[data-sample={sample}]")
        assert float(disabled["opacity"]) < float(primary["opacity"]) == 1.0
        assert disabled["cursor"] == "not-allowed"
    # A button that looks like a link.
    link_button = computed(gallery, "[data-sample=link-button]")
    assert link_button["background"] == "rgba(0, 0, 0, 0)"
    assert link_button["decoration"] == "underline"
    assert link_button["color"] == computed(gallery, ".gallery-toc a")["color"]
    # A danger button fills red under the pointer.
    gallery.locator("[data-sample=button-danger]").hover()
    hovered = computed(gallery, "[data-sample=button-danger]")
    assert hovered["background"] == danger["color"]
    assert hovered["color"] == "rgb(255, 255, 255)"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_badges_messages_and_choices_differ_by_what_they_mean(gallery):
    badges = gallery.locator("[data-sample] > .badge").evaluate_all(
        """(badges) => badges.map((badge) => ({
            sample: badge.parentElement.dataset.sample,
            variant: [...badge.classList].filter((name) => name !== "badge").sort().join(" "),
            background: getComputedStyle(badge).backgroundColor,
            color: getComputedStyle(badge).color,
        }))"""
    )
    samples = {badge["sample"] for badge in badges}
    for family, count in (
        ("registration-", 5),
        ("program-", 3),
        ("cohort-", 4),
        ("seats-", 2),
        ("attendance-", 4),
        ("certificate-", 3),
        ("plan-", 4),
        ("step-", 4),
        ("review-", 3),
        ("effect-", 2),
    ):
        assert len({s for s in samples if s.startswith(family)}) == count, family
    colours_by_variant: dict[str, set] = {}
    for badge in badges:
        colours_by_variant.setdefault(badge["variant"], set()).add(
            (badge["background"], badge["color"])
        )
    assert set(colours_by_variant) == BADGE_VARIANTS
    assert all(len(colours) == 1 for colours in colours_by_variant.values()), colours_by_variant
    distinct = {colours.pop() for colours in colours_by_variant.values()}
    assert len(distinct) == len(BADGE_VARIANTS), colours_by_variant

    # Statuses that mean different things look different.
    def colours(sample: str) -> tuple:
        style = computed(gallery, f"[data-sample={sample}] > .badge")
        return style["background"], style["color"]

    for family in (
        ("registration-confirmed", "registration-pending", "registration-waitlisted"),
        ("registration-confirmed", "registration-rejected"),
        ("certificate-valid", "certificate-revoked", "certificate-superseded"),
        ("cohort-published", "cohort-draft", "cohort-cancelled"),
        ("program-published", "program-draft", "program-archived"),
        ("plan-draft", "plan-submitted", "plan-approved", "plan-returned"),
        ("review-awaiting", "review-reviewed", "review-outdated"),
        ("attendance-present", "attendance-late", "attendance-absent", "attendance-unmarked"),
    ):
        assert len({colours(sample) for sample in family}) == len(family), family

    # Messages of each level, and the pressed attendance choices.
    messages = gallery.locator("section[aria-labelledby=g-messages] .messages .message")
    styles = messages.evaluate_all(
        """(items) => items.map((item) => [getComputedStyle(item).backgroundColor,
                                           getComputedStyle(item).borderLeftColor])"""
    )
    assert len(styles) == 4
    assert len({tuple(style) for style in styles}) == 4
    choices = {
        computed(gallery, f"[data-sample=choice-{status}]")["background"]
        for status in ("present", "late", "absent")
    }
    assert len(choices) == 3
