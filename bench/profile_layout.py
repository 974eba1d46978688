"""The fixed cost of a signed-in page (issue 15): what every signed-in request pays before and
around its view, measured in this process on the bench's scale data:

    .venv/bin/python bench/profile_layout.py [requests]   # 200 by default

Production settings (bench/settings.py) and the bench's database (BENCH_WEB_DATABASE_URL), as
bench/profile_page.py. Each address is called straight through Django's WSGI handler (no test
client), with the Cookie header a browser sends after logging in (session and CSRF cookies),
`requests` times after a warm-up: the median time per request, the queries per request (and
how many ran before the view), then once more under cProfile, the time of the layout's parts.
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stack  # noqa: E402

# The parts of a request, by the functions that do them (cumulative time under cProfile).
PARTS = {
    "session: load": ("django/contrib/sessions/backends/base.py", "_get_session"),
    "session: middleware response": ("django/contrib/sessions/middleware.py", "process_response"),
    "user: load": ("django/contrib/auth/__init__.py", "get_user"),
    "locale middleware": ("core/middleware.py", "__call__"),
    "CSRF: process_view": ("django/middleware/csrf.py", "process_view"),
    "CSRF: process_response": ("django/middleware/csrf.py", "process_response"),
    "security middleware": ("django/middleware/security.py", "process_response"),
    "messages: response": ("django/contrib/messages/middleware.py", "process_response"),
    "health check": ("django/db/backends/base/base.py", "close_if_health_check_failed"),
    "connection: request_started": ("django/db/__init__.py", "reset_queries"),
    "connection: request_finished": ("django/db/__init__.py", "close_old_connections"),
    "URL resolve": ("django/core/handlers/base.py", "resolve_request"),
    "view (all of it)": ("django/core/handlers/base.py", "_get_response"),
    "template render (all)": ("django/template/backends/django.py", "render"),
    "context processors": ("django/template/context.py", "bind_template"),
    "{% url %}": ("django/template/defaulttags.py", "render"),
    "reverse()": ("django/urls/base.py", "reverse"),
    "{% include %}": ("django/template/loader_tags.py", "render"),
    "{% trans %}": ("django/templatetags/i18n.py", "render"),
    "{% static %}": ("django/templatetags/static.py", "render"),
    "{% csrf_token %}": ("django/template/defaulttags.py", "render"),
    "roles (context processor)": ("gencisi/context_processors.py", "__init__"),
    "cache get": ("django/core/cache/backends/redis.py", "get"),
    "cache get_many": ("django/core/cache/backends/redis.py", "get_many"),
}


SORT = os.environ.get("LAYOUT_SORT", "tottime")
TOP = int(os.environ.get("LAYOUT_TOP", "15"))


def environ_for(path: str, cookie: str, *, form: dict | None = None) -> dict:
    """A request as gunicorn hands it to Django: a GET, or a POST of `form` (from the site's
    own origin, as a browser sends it)."""
    body = urllib.parse.urlencode(form).encode() if form is not None else b""
    environ = {
        "REQUEST_METHOD": "GET" if form is None else "POST",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT_LANGUAGE": "tr",
        "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    if form is not None:
        environ |= {
            "HTTP_ORIGIN": "http://testserver",
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
        }
    return environ


class Queries:
    """Counts the queries, and those that ran before the view was called."""

    def __init__(self) -> None:
        self.sql: list[tuple[str, bool]] = []
        self.in_view = False

    def __call__(self, execute, sql, params, many, context):
        self.sql.append((sql, self.in_view))
        return execute(sql, params, many, context)


def call(handler, path: str, cookie: str) -> tuple[str, bytes]:
    status = []
    body = b"".join(handler(environ_for(path, cookie), lambda s, _headers, *_: status.append(s)))
    return status[0], body


def measure(handler, label: str, path: str, cookie: str, requests: int) -> list[str]:
    from django.core.handlers import base
    from django.db import connection

    status, body = call(handler, path, cookie)
    if not status.startswith("200"):
        stack.fail("bench/profile_layout.py", f"{label}: {path} answered {status}")
    for _ in range(20):
        call(handler, path, cookie)
    times, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        call(handler, path, cookie)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    # The queries of one request, and which ran before the view.
    queries = Queries()
    original = base.BaseHandler._get_response

    def _get_response(self, request):
        # resolve, then the view middleware and the view: the queries before are the
        # middleware's (session, user, health check)
        queries.in_view = True
        return original(self, request)

    base.BaseHandler._get_response = _get_response
    try:
        with connection.execute_wrapper(queries):
            call(handler, path, cookie)
    finally:
        base.BaseHandler._get_response = original
    before_view = [sql for sql, in_view in queries.sql if not in_view]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        call(handler, path, cookie)
    profiler.disable()
    stats = pstats.Stats(profiler)
    ms_total = statistics.median(times) * 1000
    lines = [
        f"## {label} `{path}`",
        (
            f"{len(body) / 1024:.1f} KB; median {ms_total:.2f} ms "
            f"(CPU {statistics.median(cpu) * 1000:.2f} ms, least {min(cpu) * 1000:.2f} ms), "
            f"p10 {sorted(times)[len(times) // 10] * 1000:.2f} ms over {requests} requests; "
            f"{len(queries.sql)} queries, {len(before_view)} before the view:"
        ),
        *(f"  - `{sql[:140]}`" for sql in before_view),
        "Under cProfile (ms per request, cumulative; cProfile slows Python ~2×):",
    ]
    total = sum(
        entry[3]
        for key, entry in stats.stats.items()
        if key[2] == "__call__" and key[0].endswith("django/core/handlers/wsgi.py")
    )
    lines.append(f"  - WSGI handler in all: {total * 1000 / requests:.2f}")
    lines.append(f"  - Python function calls per request: {stats.total_calls / requests:.0f}")
    for part, (file_end, function) in PARTS.items():
        cumulative = sum(
            entry[3]
            for (filename, _, name), entry in stats.stats.items()
            if filename.endswith(file_end) and name == function
        )
        if cumulative:
            lines.append(f"  - {part}: {cumulative * 1000 / requests:.2f}")
    hot = io.StringIO()
    pstats.Stats(profiler, stream=hot).sort_stats(SORT).print_stats(TOP)
    lines += ["", f"Top functions ({SORT}):", "```", hot.getvalue().split("\n\n", 2)[-1], "```"]
    return lines


def main() -> int:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    stack.profile_in_process()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from bench.web import ROLE_EMAILS

    handler = WSGIHandler()
    cookies = {"anonymous": ""}
    for role, email in ROLE_EMAILS.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        client.get(reverse("site:home"))  # the CSRF cookie, as a browser has it
        cookies[role] = "; ".join(
            f"{name}={morsel.value}" for name, morsel in client.cookies.items()
        )
    addresses = [
        ("floor: 50-row table (anonymous)", reverse("bench_floor_table"), "anonymous"),
        (
            "floor: 50-row table (coordinator's cookies)",
            reverse("bench_floor_table"),
            "coordinator",
        ),
        (
            "signed-in layout, empty page (coordinator)",
            reverse("bench_signed_in_layout"),
            "coordinator",
        ),
        (
            "signed-in layout, empty page (participant)",
            reverse("bench_signed_in_layout"),
            "participant",
        ),
        ("coordinator dashboard", reverse("programs:console_dashboard"), "coordinator"),
    ]
    wanted = os.environ.get("LAYOUT_PAGES", "")
    for label, path, role in addresses:
        if wanted and wanted not in label:
            continue
        print("\n".join(measure(handler, label, path, cookies[role], requests)))  # noqa: T201
        print()  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
