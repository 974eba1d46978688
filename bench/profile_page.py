"""Where a page of the web benchmark spends its time, on the bench's scale data:

    .venv/bin/python bench/profile_page.py "programme overview"   # (part of) a page label

In this process (production settings, the bench's database as `make bench` left it), the page
is requested once to warm up, then once measured: wall time; the queries (count, time, the
slowest ones with EXPLAIN (ANALYZE, BUFFERS)); the time inside the template and the queries
the template itself ran (lazy querysets); then once more under cProfile: the Python functions
with the most time.
"""

import cProfile
import io
import pstats
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stack  # noqa: E402

SLOWEST = 3
PLAN_LINES = 30


class Recorder:
    """Every query's SQL, parameters and time, and whether a template was rendering."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str, object, bool]] = []
        self.in_template = 0
        self.template_seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql, params, self.in_template > 0))

    @contextmanager
    def watching_templates(self):
        from django.template.backends.django import Template

        original = Template.render
        recorder = self

        def render(template, context=None, request=None):
            recorder.in_template += 1
            started = time.perf_counter()
            try:
                return original(template, context, request)
            finally:
                recorder.in_template -= 1
                if not recorder.in_template:
                    recorder.template_seconds += time.perf_counter() - started

        Template.render = render
        try:
            yield
        finally:
            Template.render = original


def explain(sql: str, params) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        lines = [row[0] for row in cursor.fetchall()]
    more = f"\n      … {len(lines) - PLAN_LINES} more lines" if len(lines) > PLAN_LINES else ""
    return "\n".join(f"      {line}" for line in lines[:PLAN_LINES]) + more


# The view renders every request: the per-person page cache never answers a hard reload.
FRESH = {"Cache-Control": "no-cache"}


def profile(page, client) -> str:
    from django.db import connection

    client.get(page.path, headers=FRESH)  # warm up: imports, template loading, the connection
    recorder = Recorder()
    with connection.execute_wrapper(recorder), recorder.watching_templates():
        started = time.perf_counter()
        response = client.get(page.path, headers=FRESH)
        total = time.perf_counter() - started
    profiler = cProfile.Profile()  # a third request: cProfile slows Python down
    profiler.enable()
    client.get(page.path, headers=FRESH)
    profiler.disable()
    db = sum(seconds for seconds, *_ in recorder.queries)
    db_in_template = sum(seconds for seconds, _, _, inside in recorder.queries if inside)
    template = recorder.template_seconds - db_in_template
    lines = [
        f"## {page.label} `{page.path}` ({page.role})",
        (
            f"status {response.status_code}, {len(response.content) / 1024:.0f} KB, "
            f"{total * 1000:.0f} ms in all: database {db * 1000:.0f} ms "
            f"({len(recorder.queries)} queries, {db_in_template * 1000:.0f} ms of them from the "
            f"template), template rendering {template * 1000:.0f} ms, the rest (view, middleware) "
            f"{(total - db - template) * 1000:.0f} ms"
        ),
        "",
    ]
    for seconds, sql, params, inside in sorted(recorder.queries, key=lambda q: -q[0])[:SLOWEST]:
        where = "from the template" if inside else "from the view"
        lines += [
            f"- {seconds * 1000:.0f} ms {where}: `{sql[:600]}{'…' if len(sql) > 600 else ''}`",
            "",
            explain(sql, params),
            "",
        ]
    own = io.StringIO()
    own_code = rf"^{ROOT}/(?!\.venv/|bench/)"
    pstats.Stats(profiler, stream=own).sort_stats("cumulative").print_stats(own_code, 20)
    hot = io.StringIO()
    pstats.Stats(profiler, stream=hot).sort_stats("tottime").print_stats(12)
    return "\n".join(
        [
            *lines,
            "The project's functions by cumulative time (cProfile):",
            own.getvalue().split("\n\n", 2)[-1],
            "All functions by their own time:",
            hot.getvalue().split("\n\n", 2)[-1],
        ]
    )


def main() -> int:
    wanted = " ".join(sys.argv[1:]).lower()
    stack.profile_in_process()
    from django.test import Client

    from accounts.models import User
    from bench.pages import pages
    from bench.web import ROLE_EMAILS

    chosen = [page for page in pages() if wanted in page.label.lower()]
    if not chosen:
        stack.fail(
            "bench/profile_page.py", f"no page of bench/pages.py has {wanted!r} in its label"
        )
    for page in chosen:
        client = Client()
        if page.role in ROLE_EMAILS:
            client.force_login(User.objects.get(email=ROLE_EMAILS[page.role]))
        print(profile(page, client))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
