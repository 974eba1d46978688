"""`make bench`: the PDF pipeline's benchmarks, printed as a table.

- floor: bare WeasyPrint on the certificate's finished page, same fonts and reuse
  (bench/floor.py), beside a one-line page for scale
- certificate: the same certificate through documents.rendering (target ≤ 1.3× the floor)
- action plan: 20 steps and the full text of six references (target ≤ 10× the floor)
- RSS growth over 1,000 certificate renders after warm-up (target ≤ 10 MB)
- bulk: a coordinator issues 500 certificates end to end (bench/bulk.py: rows → Celery on
  Redis, 2 worker processes → ready PDFs, e-mails sent), target ≥ 0.67 of the floor's
  throughput on all cores (cores ÷ floor time, the floor measured again right before and right
  after the bulk line: the mean of the two); needs REDIS_URL. Uses its own database
  (BENCH_DATABASE_URL, default a fresh SQLite file under .data/; a PostgreSQL database that does
  not exist is created, one that does is migrated and kept) and a temporary MEDIA_ROOT.

`bench/run.py bulk` measures the floor and the bulk line only.

Targets are ratios to the floor measured in the same run (absolute times do not travel between
machines); exits 1 when one is missed (or the bulk line could not be measured).
"""

import gc
import os
import shutil
import sys
import tempfile
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
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(MEDIA),
        "LOG_LEVEL": "WARNING",
        "DJANGO_DEBUG": "false",  # as in production: no query log, no debug templates
    }
)

import django  # noqa: E402

django.setup()

from pypdf import PdfReader  # noqa: E402

from bench import bulk, stack  # noqa: E402
from bench.floor import floor_renderer, one_line_renderer, timed  # noqa: E402
from documents import rendering  # noqa: E402
from documents.layouts import ACTION_PLAN, CERTIFICATE  # noqa: E402
from documents.samples import action_plan_data, certificate_data  # noqa: E402

BULK_COUNT = 500
PLAN_STEPS = 20
CERTIFICATE_RATIO = 1.3  # × floor (CPU time)
PLAN_RATIO = 10  # × floor (wall time)
RSS_MB = 10  # per 1,000 renders
BULK_SHARE = 0.67  # of cores ÷ floor wall time


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
    """20 steps and an appendix with the full text of six cited references: six pages while the
    steps were a table of narrow columns, five since each step is a block (issue 15)."""
    return action_plan_data(
        {"steps": plan_steps(), "references": 6, "reference_summary": PLAN_REFERENCE_SUMMARY}
    )


def bulk_database() -> None:
    """The bulk line's own database, created or migrated."""
    from django.core.management import call_command

    url = os.environ.get("BENCH_DATABASE_URL")
    if url is None:
        BENCH_DB.unlink(missing_ok=True)
    elif stack.is_postgresql(url):
        stack.create_database(url, replace=False)  # when missing; an existing one is migrated
    call_command("migrate", verbosity=0)


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


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def pipeline_rows(floor) -> tuple[list[tuple[str, str, str, str]], int]:
    """The rows of the pipeline against the floor: certificate, plan, RSS growth and the
    fresh-state contrast; returns them and how many targets they missed."""
    rows, misses = [], 0
    certificate = certificate_data({})
    cert = timed(lambda: rendering.render_pdf(CERTIFICATE, certificate), repeat=50)
    ratio = cert.cpu / floor.cpu
    misses += ratio > CERTIFICATE_RATIO
    rows.append(
        (
            "certificate (A4 landscape) via the pipeline",
            str(cert),
            f"{ratio:.2f}× floor (CPU)",
            f"≤ {CERTIFICATE_RATIO}× floor {verdict(ratio <= CERTIFICATE_RATIO)}",
        )
    )

    plan = sample_plan()
    pages = len(PdfReader(BytesIO(rendering.render_pdf(ACTION_PLAN, plan))).pages)
    plan_time = timed(lambda: rendering.render_pdf(ACTION_PLAN, plan), repeat=20, warmup=2)
    plan_ratio = plan_time.wall / floor.wall
    misses += plan_ratio > PLAN_RATIO
    rows.append(
        (
            f"action plan ({pages} pages)",
            str(plan_time),
            f"{plan_ratio:.1f}× floor (wall)",
            f"≤ {PLAN_RATIO}× floor {verdict(plan_ratio <= PLAN_RATIO)}",
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
    misses += growth > RSS_MB
    rows.append(
        (
            "RSS growth, 1,000 certificates",
            f"{growth:+.1f} MB",
            f"{before:.0f} MB before",
            f"≤ {RSS_MB} MB {verdict(growth <= RSS_MB)}",
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
    return rows, misses


def main(*, bulk_only: bool = False) -> int:
    rows, misses = [], 0
    one_line = timed(one_line_renderer(), repeat=50)
    rows.append(("for scale: bare WeasyPrint, a one-line page", str(one_line), "", "—"))
    floor = timed(floor_renderer(), repeat=50)
    rows.append(
        (
            "floor: bare WeasyPrint, the certificate page",
            str(floor),
            f"{floor.cpu / one_line.cpu:.2f}× one-line page",
            "—",
        )
    )
    if not bulk_only:
        more, missed = pipeline_rows(floor)
        rows += more
        misses += missed

    cores = os.cpu_count() or 1
    # The bulk line runs for ten seconds or more, and a shared VM's speed drifts within a
    # minute: its floor is measured again right before it and right after it, and the mean of
    # the two medians is what it is compared with (as the web part interleaves its floor).
    redis_url = os.environ.get("REDIS_URL", "")
    if redis_url:
        bulk_database()
        before = timed(floor_renderer(), repeat=50)
        bulk_rate, note = bulk.measure_bulk(size=BULK_COUNT, redis_url=redis_url)
        after = timed(floor_renderer(), repeat=50)
    else:
        bulk_rate, note = "skipped", "set REDIS_URL to measure"
        before = after = floor
    ceiling = cores / ((before.wall + after.wall) / 2)
    target = f"≥ {BULK_SHARE} × {cores} cores ÷ floor = {BULK_SHARE * ceiling:.0f}/s"
    if bulk_rate.endswith("/s"):
        share = float(bulk_rate[:-2]) / ceiling
        note = (
            f"{share:.2f} of the floor's all-core throughput (floor {before.wall * 1000:.1f} ms "
            f"before, {after.wall * 1000:.1f} ms after); {note}"
        )
        misses += share < BULK_SHARE
        target += f" {verdict(share >= BULK_SHARE)}"
    else:
        misses += 1
        target += " NOT MEASURED"
    rows.append(("bulk: 500 certificates, Celery ×2", bulk_rate, note, target))

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(  # noqa: T201
        f"\nPDF benchmarks: {cores} CPU(s), Python {sys.version.split()[0]}, load average {load}\n"
    )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in [("measurement", "result", "", "target"), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))  # noqa: T201
    print(f"\n{misses} PDF target(s) missed" if misses else "\nEvery PDF target met")  # noqa: T201
    return 1 if misses else 0


if __name__ == "__main__":
    try:
        code = main(bulk_only=sys.argv[1:] == ["bulk"])
    finally:
        shutil.rmtree(MEDIA, ignore_errors=True)
    sys.exit(code)
