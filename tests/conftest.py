import asyncio
import io
import os
import shutil
import threading
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


def database_url_for_subprocess() -> str:
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


def spare_port() -> int:
    """A TCP port on the loopback that nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A `redis-server` of the test's own on a spare port, without persistence: `stop()` and
    `start()` it again on the same port (it comes back empty, as after a crash)."""

    def __init__(self, directory) -> None:
        self.port = spare_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process = None

    def start(self) -> None:
        import subprocess
        import time

        import redis

        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server"):
        skip_or_fail("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class ScriptedSMTPHandler:
    """An aiosmtpd handler that answers RCPT TO and DATA from scripts, then accepts.

    `replies["RCPT"]` / `replies["DATA"]`: replies used one per command, in order, before the
    default 250 (e.g. ["451 4.3.0 Try again later"]); `refuse[address]`: a reply given to every
    RCPT TO of that address. `delivered` keeps (recipients, message) of what was accepted with
    250 after DATA; `log` keeps (command, reply) of every answered command."""

    def __init__(self) -> None:
        self.replies: dict[str, list[str]] = {"RCPT": [], "DATA": []}
        self.refuse: dict[str, str] = {}
        self.delivered: list[tuple[list[str], str]] = []
        self.log: list[tuple[str, str]] = []
        self.times: list[float] = []  # time.monotonic() of each entry of `log`
        # Set `hold` to a threading.Event to make DATA wait until it is set; `holding` is set
        # while DATA waits (the test acts on the sender meanwhile).
        self.hold = None
        self.holding = threading.Event()

    def _reply(self, command: str, default: str, *, fixed: str | None = None) -> str:
        import time

        if fixed is not None:
            reply = fixed
        else:
            reply = self.replies[command].pop(0) if self.replies[command] else default
        self.log.append((command, reply))
        self.times.append(time.monotonic())
        return reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self._reply("RCPT", "250 OK", fixed=self.refuse.get(address))
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.hold is not None:
            self.holding.set()
            while not self.hold.is_set():
                await asyncio.sleep(0.05)
        reply = self._reply("DATA", "250 Message accepted for delivery")
        if reply.startswith("250"):
            self.delivered.append(
                (list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace"))
            )
        return reply

    def delivered_to(self) -> list[str]:
        return sorted(address for recipients, _ in self.delivered for address in recipients)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a spare port, scripted by `smtp_server.handler`; this
    process's Django sends to it (`smtp_server.env` gives a worker the same settings)."""
    from aiosmtpd.controller import Controller

    handler = ScriptedSMTPHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=spare_port())
    controller.start()
    controller.handler = handler
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_TIMEOUT = 5
    controller.env = {
        "TEST_EMAIL_BACKEND": settings.EMAIL_BACKEND,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(controller.port),
        "EMAIL_TIMEOUT": "5",
    }
    try:
        yield controller
    finally:
        controller.stop()


def wait_for(predicate, *, timeout: float, what: str):
    """Poll `predicate` every 0.1 s until it returns something true; fail after `timeout` s."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def publish_to():
    """`publish_to(broker_url, transport_options, queue)`: the web side's Celery app publishes
    there for the rest of the test (not eagerly); its configuration is restored afterwards."""
    from gencisi.celery import app

    keys = ("broker_url", "broker_transport_options", "task_always_eager", "task_default_queue")
    saved = {key: app.conf[key] for key in keys}

    def point(broker_url: str, transport_options: dict, queue: str) -> None:
        app.conf.update(
            broker_url=broker_url,
            broker_transport_options=transport_options,
            task_always_eager=False,
            task_default_queue=queue,
        )
        _forget_broker_state(app)

    try:
        yield point
    finally:
        app.conf.update(saved)
        _forget_broker_state(app)


@pytest.fixture
def celery_worker(transactional_db, settings, tmp_path, publish_to):
    """Starts real `celery worker` subprocesses against the test database:
    `celery_worker(broker_url=…, env={…}, concurrency=…)`. The broker is REDIS_URL unless given
    (on a laptop without Redis, a folder queue); each test has a queue of its own, and the web
    side's app publishes to it (not eagerly). The workers are stopped after the test."""
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    queue = f"test-{uuid.uuid4().hex}"
    workers = []

    def start(*, broker_url: str | None = None, env: dict | None = None, concurrency: int = 1):
        worker_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "gencisi.settings.test",
            "DATABASE_URL": database_url_for_subprocess(),
            "CELERY_QUEUE": queue,  # what the worker's own tasks send goes to this queue too
            **(env or {}),
        }
        broker_url = broker_url or settings.REDIS_URL
        if broker_url:
            worker_env["REDIS_URL"] = broker_url
            options = settings.REDIS_BROKER_TRANSPORT_OPTIONS
        else:
            if IN_CI:
                pytest.fail("required in CI: REDIS_URL for the real-worker test")
            broker_dir = tmp_path / "broker"
            (broker_dir / "control").mkdir(parents=True, exist_ok=True)
            worker_env["BROKER_DIR"] = str(broker_dir)
            broker_url = "filesystem://"
            options = {
                "data_folder_in": str(broker_dir),
                "data_folder_out": str(broker_dir),
                "control_folder": str(broker_dir / "control"),
            }
        publish_to(broker_url, options, queue)
        log = (tmp_path / f"worker-{len(workers)}.log").open("w")
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
                str(concurrency),
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=Path(__file__).resolve().parent.parent,
            env=worker_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        workers.append((worker, log))
        return worker

    try:
        yield start
    finally:
        for worker, log in workers:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            log.close()


@pytest.fixture
def celery_worker_process(celery_worker):
    """A real `celery worker` subprocess on Redis (or a folder queue on a laptop without Redis),
    consuming a queue of its own, with the web side's app publishing to it (not eager)."""
    return celery_worker()
