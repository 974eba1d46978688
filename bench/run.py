"""`make bench`: the PDF pipeline's benchmarks, printed as a table.

- floor: bare WeasyPrint on the certificate's finished page, same fonts and reuse
  (bench/floor.py), beside a one-line page for scale
- certificate: the same certificate through documents.rendering (target ≤ 1.3× the floor, CPU)
- action plan: 20 steps and the full text of six references (target ≤ 10× the floor, wall)
  Both are measured interleaved with the floor (floor, subject, floor, …: each block of the
  subject against the mean of the floor blocks around it, the median of those ratios), so that
  a shared VM's drift within the run falls on both sides of the ratio.
- RSS growth over 1,000 certificate renders after warm-up (target ≤ 10 MB)
- bulk: a coordinator issues 500 certificates end to end (bench/bulk.py: rows → Celery on
  Redis, 2 worker processes → ready PDFs, e-mails sent), target ≥ 0.67 of the floor's
  throughput on all cores (cores ÷ floor time, the floor measured again right before and right
  after each run: the mean of the two); three runs with one worker, the median counts; needs
  REDIS_URL. Uses its own database
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
from bench.floor import compared, floor_renderer, one_line_renderer, timed  # noqa: E402
from documents import rendering  # noqa: E402
from documents.layouts import ACTION_PLAN, CERTIFICATE  # noqa: E402
from documents.samples import action_plan_data, certificate_data  # noqa: E402

BULK_COUNT = 500
BULK_RUNS = 3  # the median run is the result
PLAN_STEPS = 20
CERTIFICATE_RATIO = 1.3  # × floor (CPU time)
PLAN_RATIO = 10  # × floor (wall time)
RSS_MB = 10  # per 1,000 renders
# Blocks of the certificate and of the plan, each between two blocks of the floor.
CERTIFICATE_ROUNDS = 5
PLAN_ROUNDS = 7
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
    """20 steps and an appendix with the full text of six cited references: six pages (the
    facts, problem and goal with the steps on three, the appendix on three; the row prints the
    count it finds)."""
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


def pipeline_rows(floor_render) -> tuple[list[tuple[str, str, str, str]], int]:
    """The rows of the pipeline against the floor: certificate, plan, RSS growth and the
    fresh-state contrast; returns them and how many targets they missed. The certificate and
    the plan are each measured interleaved with the floor (bench/floor.py `compared`)."""
    rows, misses = [], 0
    certificate = certificate_data({})
    cert = compared(
        lambda: rendering.render_pdf(CERTIFICATE, certificate),
        floor_render,
        rounds=CERTIFICATE_ROUNDS,
        subject_repeat=10,
        floor_repeat=10,
    )
    ratio = cert.cpu_ratio
    misses += ratio > CERTIFICATE_RATIO
    rows.append(
        (
            "certificate (A4 landscape) via the pipeline",
            str(cert.subject),
            f"{ratio:.2f}× floor (CPU; floor {cert.floor}, {cert.rounds} rounds interleaved)",
            f"≤ {CERTIFICATE_RATIO}× floor {verdict(ratio <= CERTIFICATE_RATIO)}",
        )
    )

    plan = sample_plan()
    pages = len(PdfReader(BytesIO(rendering.render_pdf(ACTION_PLAN, plan))).pages)
    plan_time = compared(
        lambda: rendering.render_pdf(ACTION_PLAN, plan),
        floor_render,
        rounds=PLAN_ROUNDS,
        subject_repeat=3,
        floor_repeat=10,
    )
    plan_ratio = plan_time.wall_ratio
    misses += plan_ratio > PLAN_RATIO
    rows.append(
        (
            f"action plan ({pages} pages)",
            str(plan_time.subject),
            (
                f"{plan_ratio:.1f}× floor (wall; floor {plan_time.floor}, "
                f"{plan_time.rounds} rounds interleaved)"
            ),
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
            f"{fresh_time.cpu / cert.subject.cpu:.2f}× pipeline, {fresh_growth:+.2f} MB/render",
            "—",
        )
    )
    return rows, misses


def bulk_row(*, cores: int, redis_url: str) -> tuple[tuple[str, str, str, str], int]:
    """The bulk line: BULK_RUNS issues of BULK_COUNT certificates with one worker, each run
    between two measurements of the floor (a run lasts ten seconds or more and a shared VM's
    speed drifts within a minute); the run with the median share of the floor's all-core
    throughput is the result."""
    target = f"≥ {BULK_SHARE} of {cores} cores ÷ floor"
    if not redis_url:
        return ("bulk", "skipped", "set REDIS_URL to measure", f"{target} NOT MEASURED"), 1
    bulk_database()
    floor_render = floor_renderer()
    measured = []  # (share, run, floor before, floor after)
    with bulk.worker(redis_url=redis_url):
        for _ in range(BULK_RUNS):
            cohort, coordinator = bulk.build_cohort(size=BULK_COUNT)
            before = timed(floor_render, repeat=50)
            run = bulk.measure_bulk(cohort=cohort, coordinator=coordinator)
            after = timed(floor_render, repeat=50)
            if not run.complete:
                return ("bulk", "failed", str(run), f"{target} NOT MEASURED"), 1
            share = bulk.share_of_floor(
                rate=run.rate, floor_before=before.wall, floor_after=after.wall, cores=cores
            )
            measured.append((share, run, before, after))
    shares = ", ".join(f"{item[0]:.3f}" for item in measured)  # in the order they ran
    share, run, before, after = sorted(measured, key=lambda item: item[0])[len(measured) // 2]
    note = (
        f"{share:.3f} of the floor's all-core throughput, median of {BULK_RUNS} runs "
        f"({shares}, in the order they ran); "
        f"that run: floor {before.wall * 1000:.1f} ms before, {after.wall * 1000:.1f} ms after, "
        f"{run}"
    )
    return (
        (
            f"bulk: {BULK_COUNT} certificates, Celery ×2",
            f"{run.rate:.1f}/s",
            note,
            f"{target} {verdict(share >= BULK_SHARE)}",
        ),
        int(share < BULK_SHARE),
    )


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
        more, missed = pipeline_rows(floor_renderer())
        rows += more
        misses += missed

    cores = os.cpu_count() or 1
    row, missed = bulk_row(cores=cores, redis_url=os.environ.get("REDIS_URL", ""))
    rows.append(row)
    misses += missed

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
