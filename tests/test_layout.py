"""No action is out of view on the pages with rows of records, at 1280 px (a laptop) and 390 px
(a phone), for every role that sees them, on the demo data.

The criterion: the page does not scroll sideways, and every action in `main` — a button, a link
styled as a button, a link in a table's actions cell — lies horizontally inside the viewport and
inside every ancestor that clips its overflow (a table's scroll box). So each one can be seen and
pressed without scrolling anything sideways. Wide tables become one card per row on phones
(`.stacked-table` in site.css).

It spans every app, so it lives at the top of tests/ (not under one app's mirror).
"""

import pytest

from tests.conftest import browser_login
from tests.main_pages import demo_user, main_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
PAGES_WITH_ROWS = {
    "my registrations",
    "plan",
    "attendance grid",
    "attendance rates",
    "work groups",
    "cohort plans",
    "registrations, full cohort",
    "registrations, finished cohort",
    "certificates",
    "console",
    "programme console",
    "cohort console",
    "organisations",
    "failed e-mails",
    "survey questions",
    "legal console",
    "collaboration type",
    "good practices console",
    "component gallery",
}

ACTIONS_OUT_OF_VIEW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  }
  const actions = document.querySelectorAll(
    "main button, main a.button, main input[type=submit], main .row-actions a");
  for (const action of actions) {
    const box = action.getBoundingClientRect();
    if (!box.width || !box.height) continue;  // not displayed
    let hidden = box.left < 0 || box.right > width + 0.5;
    for (let parent = action.parentElement; parent && !hidden; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== "visible") {
        const clip = parent.getBoundingClientRect();
        hidden = box.left < clip.left - 0.5 || box.right > clip.right + 0.5;
      }
    }
    if (hidden) {
      const label = (action.getAttribute("aria-label") || action.textContent).trim();
      problems.push(`${label} at ${Math.round(box.left)}–${Math.round(box.right)} px`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("role", ["participant", "facilitator", "coordinator"])
def test_every_action_of_every_row_is_in_view_on_a_laptop_and_a_phone(
    browser, live_server, demo_data, role
):
    pages = {name: path for name, path in main_pages(role).items() if name in PAGES_WITH_ROWS}
    assert pages
    problems = {}
    for width in WIDTHS:
        context = browser.new_context(locale="tr-TR", viewport={"width": width, "height": 900})
        browser_login(context, demo_user(role), live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            for name, path in pages.items():
                assert page.goto(live_server.url + path).status == 200, name
                found = page.evaluate(ACTIONS_OUT_OF_VIEW)
                if found:
                    problems[f"{name} at {width} px"] = found
        finally:
            context.close()
    assert problems == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_seat_is_in_view_for_every_waitlisted_registration(browser, live_server, demo_data, width):
    context = browser.new_context(locale="tr-TR", viewport={"width": width, "height": 900})
    browser_login(context, demo_user("coordinator"), live_server.url)
    page = context.new_page()
    page.goto(live_server.url + main_pages("coordinator")["registrations, full cohort"])
    seat = page.get_by_role("button", name="Yer ver")
    assert seat.count() == 4  # the demo's waiting list
    for index in range(seat.count()):
        box = seat.nth(index).bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
    assert page.evaluate(ACTIONS_OUT_OF_VIEW) == []
    context.close()
