"""axe-core (node_modules/axe-core, installed by `make install`) on the main pages of every role:
no serious or critical violation.

axe is injected with Playwright's page.evaluate, i.e. through DevTools, which the page's
Content-Security-Policy does not govern; the browser context does not bypass CSP. So the pages
are tested exactly as served: every response carries the strict policy, and the browser reports
no CSP violation on any of them (a page that needed an inline script or style would fail here).

It spans every app, so it lives at the top of tests/ (not under one app's mirror).
"""

from urllib.parse import urlsplit

import pytest

from core.middleware import CONTENT_SECURITY_POLICY
from tests.conftest import browser_login, serious_axe_violations
from tests.main_pages import ROLES, demo_user, main_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _csp_reports(page) -> list[str]:
    reports: list[str] = []
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reports


def test_axe_runs_beside_a_strict_csp_that_still_blocks_inline_script(page):
    reports = _csp_reports(page)
    response = page.goto(page.base_url + "/")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.inlineRan = true;")
    assert page.evaluate("window.inlineRan") is None
    assert reports, "the browser reported the blocked inline script"
    assert serious_axe_violations(page) == []
    # The harness sees a violation when there is one: an image without a text alternative.
    page.evaluate(
        """() => { const img = document.createElement("img"); img.src = "/static/img/logo.svg";
                   document.querySelector("main").append(img); }"""
    )
    assert [violation["rule"] for violation in serious_axe_violations(page)] == ["image-alt"]


@pytest.mark.parametrize("role", ROLES)
def test_main_pages_have_no_serious_accessibility_violation(browser, live_server, demo_data, role):
    context = browser.new_context(locale="tr-TR", viewport={"width": 1280, "height": 900})
    user = demo_user(role)
    if user is not None:
        browser_login(context, user, live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    reports = _csp_reports(page)
    problems = {}
    try:
        for name, path in main_pages(role).items():
            response = page.goto(live_server.url + path)
            assert urlsplit(page.url).path == path, f"{name}: redirected to {page.url}"
            assert response.status in {200, 404}, f"{name}: {response.status}"
            assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, name
            violations = serious_axe_violations(page)
            if violations:
                problems[name] = violations
    finally:
        context.close()
    assert problems == {}
    assert reports == []
