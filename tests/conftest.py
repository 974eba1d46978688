import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.roles import COORDINATOR, FACILITATOR
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def skip_or_fail(reason: str) -> None:
    """Outside CI a missing service skips the test; in CI it fails it (nothing silently skips)."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def pytest_runtest_logreport(report) -> None:
    if IN_CI and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"A test was skipped in CI, which counts as a failure: {report.longrepr}"


@pytest.fixture(autouse=True)
def _isolated_state(settings, tmp_path):
    """Each test gets its own media folder and an empty cache (allauth's rate limits live there)."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def participant(db):
    return UserFactory(full_name="Ali Veli Katılımcı")


@pytest.fixture
def facilitator(db):
    return UserFactory(full_name="Emre Işık", roles=[FACILITATOR])


@pytest.fixture
def coordinator(db):
    return UserFactory(full_name="Zeynep Aydın", roles=[COORDINATOR], is_staff=True)


@pytest.fixture
def demo_data(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        skip_or_fail(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="tr-TR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


def browser_login(context, user, base_url: str) -> None:
    """Log a browser context in as `user` by giving it a session cookie, as the login form would.
    For tests about what a logged-in person sees; the login form itself is tested in
    tests/test_browser.py and tests/accounts/."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter((violation) => ["serious", "critical"].includes(violation.impact))
  .map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }))"""


def serious_axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now.

    axe is evaluated through DevTools (Playwright's page.evaluate), which the page's
    Content-Security-Policy does not govern, so the site's strict CSP stays on while axe runs
    (tests/test_a11y.py checks both)."""
    if not AXE_JS.exists():
        skip_or_fail(f"{AXE_JS} is missing (make install runs npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())
    return page.evaluate(AXE_RUN)


def _database_url_for_subprocess() -> str:
    from django.db import connection

    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    host, port = config["HOST"] or "127.0.0.1", config["PORT"] or 5432
    return f"postgres://{auth}@{host}:{port}/{config['NAME']}"


def _forget_broker_state(app) -> None:
    """Drop the connection pool and the routing tables built from the previous configuration."""
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture
def celery_worker_process(transactional_db, settings, tmp_path):
    """A real `celery worker` subprocess on Redis (or a folder queue on a laptop without Redis),
    consuming a queue of its own, with the web side's app publishing to it (not eager)."""
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    from gencisi.celery import app

    queue = f"test-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gencisi.settings.test",
        "DATABASE_URL": _database_url_for_subprocess(),
        "CELERY_QUEUE": queue,  # what the worker's own tasks send goes to this queue too
    }
    if settings.REDIS_URL:
        broker, options = settings.REDIS_URL, {"visibility_timeout": 3600}
    else:
        if IN_CI:
            pytest.fail("required in CI: REDIS_URL for the real-worker test")
        broker_dir = tmp_path / "broker"
        broker_dir.mkdir()
        env["BROKER_DIR"] = str(broker_dir)
        broker = "filesystem://"
        (broker_dir / "control").mkdir()
        options = {
            "data_folder_in": str(broker_dir),
            "data_folder_out": str(broker_dir),
            "control_folder": str(broker_dir / "control"),
        }
    saved = {
        key: app.conf[key]
        for key in (
            "broker_url",
            "broker_transport_options",
            "task_always_eager",
            "task_default_queue",
        )
    }
    app.conf.update(
        broker_url=broker,
        broker_transport_options=options,
        task_always_eager=False,
        task_default_queue=queue,
    )
    _forget_broker_state(app)
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "gencisi",
            "worker",
            "--queues",
            queue,
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.close()
        app.conf.update(saved)
        _forget_broker_state(app)
