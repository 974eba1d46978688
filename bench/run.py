"""`make bench`: the PDF pipeline's benchmarks, printed as a table.

- floor: bare WeasyPrint, minimal one-page document, same fonts and reuse (bench/floor.py)
- certificate: one certificate through documents.rendering (target ≤ 1.3× the floor)
- action plan: a 6-page plan (target ≤ 300 ms)
- RSS growth over 1,000 certificate renders after warm-up (target ≤ 10 MB)
- bulk: 500 certificates end-to-end (request → Celery on Redis, 2 worker processes → ready
  rows), target ≥ 50/s; needs REDIS_URL. Uses its own database (BENCH_DATABASE_URL, default a
  fresh SQLite file under .data/) and a temporary MEDIA_ROOT.
"""

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEDIA = Path(tempfile.mkdtemp(prefix="gencisi-bench-"))
BENCH_DB = ROOT / ".data" / "bench.sqlite3"
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "gencisi.settings.local",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DB}"),
        "DOCUMENT_KIND_MODULES": "bench.kinds",
        "MEDIA_ROOT": str(MEDIA),
        "LOG_LEVEL": "WARNING",
        "DJANGO_DEBUG": "false",  # as in production: no query log, no debug templates
    }
)

import django  # noqa: E402

django.setup()

from pypdf import PdfReader  # noqa: E402

from bench.floor import floor_renderer, timed  # noqa: E402
from documents import rendering  # noqa: E402
from documents.layouts import ACTION_PLAN, CERTIFICATE  # noqa: E402
from documents.samples import action_plan_data, certificate_data  # noqa: E402

BULK_COUNT = 500
PLAN_STEPS = 20


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def plan_steps() -> list[str]:
    return [
        f"Adım {n}: belediye ve kooperatif temsilcileriyle görüşme yapılması, görüşme notlarının "
        "çalışma grubuyla paylaşılması ve bir sonraki adımın takvime bağlanması; gerekirse meclis "
        "kararı için taslak hazırlanması."
        for n in range(1, PLAN_STEPS + 1)
    ]


# Placeholder text of a realistic length for the appendix (the full text of each reference).
PLAN_REFERENCE_SUMMARY = (
    "Örnek özet metni: bu paragraf, eylem planı ekinin gerçek uzunlukta bir yasal dayanak "
    "özetiyle nasıl göründüğünü ve ne kadar sürede hazırlandığını ölçmek için yazılmıştır. "
    * 5
    + "\n"
    + "İkinci paragraf: dayanağın hangi koşullarda uygulanabileceği, hangi kararların gerektiği "
    "ve açık soruların neler olduğu burada anlatılır. " * 4
)


def sample_plan():
    """Six pages: 20 steps (three pages, the table header repeated) and an appendix with the
    full text of six cited references."""
    return action_plan_data(
        {"steps": plan_steps(), "references": 6, "reference_summary": PLAN_REFERENCE_SUMMARY}
    )


def bare_renderer(layout, data):
    """WeasyPrint alone on the document's finished HTML, with the same reused state: what the
    pipeline adds on top (template, QR code, fetcher) is the difference to the pipeline row."""
    from weasyprint import HTML

    state = rendering.engine()
    html_text = rendering.render_html(layout, data)
    sheets = state.stylesheets_for(layout)

    def render() -> bytes:
        html = HTML(string=html_text, base_url=rendering.STATIC_BASE_URL, url_fetcher=state.fetcher)
        return html.write_pdf(
            stylesheets=sheets,
            font_config=state.font_config,
            cache=rendering.ImageCache(state.static_images),
        )

    return render


def measure_bulk() -> tuple[str, str]:
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        return "skipped", "set REDIS_URL to measure"
    from django.core.management import call_command
    from django.db import transaction

    from core.models import BackgroundJob
    from documents import services
    from documents.models import Document
    from gencisi.celery import app

    if "BENCH_DATABASE_URL" not in os.environ:
        BENCH_DB.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    Document.objects.filter(kind="bench_certificate").delete()
    queue = f"bench-{uuid.uuid4().hex}"
    app.conf.update(broker_url=redis_url, task_default_queue=queue, task_always_eager=False)
    worker = subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
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
            "2",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env={**os.environ, "REDIS_URL": redis_url},
    )
    try:
        time.sleep(6)  # let both pool processes start and warm up
        owners = [
            BackgroundJob.objects.create(
                kind=BackgroundJob.Kind.WORKER_CHECK,
                result={"name": f"Katılımcı {n}", "code": f"GI-BENCH-{n:04d}"},
            )
            for n in range(BULK_COUNT)
        ]
        start = time.perf_counter()
        with transaction.atomic():
            ids = [
                services.document_request(kind="bench_certificate", owner=owner).pk
                for owner in owners
            ]
        deadline = time.monotonic() + 300
        ready = 0
        while time.monotonic() < deadline:
            ready = Document.objects.filter(pk__in=ids, status=Document.Status.READY).count()
            if ready == BULK_COUNT:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    if ready < BULK_COUNT:
        return f"{ready}/{BULK_COUNT} ready", "timed out"
    return f"{BULK_COUNT / elapsed:.0f}/s", f"{BULK_COUNT} in {elapsed:.1f} s"


def fresh_state_renderer(layout, data):
    """For contrast: what the pipeline avoids — a new FontConfiguration, fetcher and parsed
    stylesheets for every render."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html_text = rendering.render_html(layout, data)

    def render() -> bytes:
        font_config = FontConfiguration()
        fetcher = rendering.StaticOnlyFetcher()
        sheets = [
            CSS(url=rendering.STATIC_BASE_URL + path, url_fetcher=fetcher, font_config=font_config)
            for path in layout.stylesheets
        ]
        sheets.append(CSS(string=layout.page.css(), font_config=font_config))
        html = HTML(string=html_text, base_url=rendering.STATIC_BASE_URL, url_fetcher=fetcher)
        return html.write_pdf(stylesheets=sheets, font_config=font_config)

    return render


def main() -> None:
    rows = []
    floor = timed(floor_renderer(), repeat=50)
    rows.append(("floor: bare WeasyPrint, 1 page", str(floor), "", "—"))

    certificate = certificate_data({"name": "İnci Işık", "code": "GI-2026-7K4Q"})
    bare = timed(bare_renderer(CERTIFICATE, certificate), repeat=50)
    rows.append(
        (
            "bare WeasyPrint, same certificate HTML",
            str(bare),
            f"{bare.cpu / floor.cpu:.2f}× floor",
            "—",
        )
    )
    cert = timed(lambda: rendering.render_pdf(CERTIFICATE, certificate), repeat=50)
    ratio = cert.cpu / floor.cpu
    rows.append(
        (
            "certificate (A4 landscape) via pipeline",
            str(cert),
            f"{ratio:.2f}× floor, {cert.cpu / bare.cpu:.2f}× bare",
            "≤ 1.3× floor " + ("ok" if ratio <= 1.3 else "MISSED"),
        )
    )

    plan = sample_plan()
    pages = len(PdfReader(BytesIO(rendering.render_pdf(ACTION_PLAN, plan))).pages)
    plan_time = timed(lambda: rendering.render_pdf(ACTION_PLAN, plan), repeat=20, warmup=2)
    rows.append(
        (
            f"action plan ({pages} pages)",
            str(plan_time),
            "",
            "≤ 300 ms " + ("ok" if plan_time.wall <= 0.3 else "MISSED"),
        )
    )

    for n in range(100):
        rendering.render_pdf(CERTIFICATE, certificate_data({"name": f"Isınma {n}"}))
    gc.collect()
    before = rss_mb()
    for n in range(1000):
        rendering.render_pdf(CERTIFICATE, certificate_data({"name": f"Katılımcı {n}"}))
    gc.collect()
    growth = rss_mb() - before
    rows.append(
        (
            "RSS growth, 1,000 certificates",
            f"{growth:+.1f} MB",
            f"{before:.0f} MB before",
            "≤ 10 MB " + ("ok" if growth <= 10 else "MISSED"),
        )
    )

    fresh = fresh_state_renderer(CERTIFICATE, certificate)
    fresh_time = timed(fresh, repeat=20)
    gc.collect()
    before = rss_mb()
    for _ in range(200):
        fresh()
    gc.collect()
    fresh_growth = (rss_mb() - before) / 200
    rows.append(
        (
            "for contrast: new fonts/fetcher/CSS per render",
            str(fresh_time),
            f"{fresh_time.cpu / cert.cpu:.2f}× pipeline, {fresh_growth:+.2f} MB/render",
            "—",
        )
    )

    bulk, note = measure_bulk()
    target = "≥ 50/s"
    if bulk.endswith("/s"):
        target += " ok" if float(bulk[:-2]) >= 50 else " MISSED"
    rows.append(("bulk: 500 certificates, Celery ×2", bulk, note, target))

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(  # noqa: T201
        f"\nPDF benchmarks: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}, "
        f"load average {load}\n"
    )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in [("measurement", "result", "", "target"), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))  # noqa: T201


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(MEDIA, ignore_errors=True)
