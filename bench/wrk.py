"""wrk runs of the web benchmark: one page for a fixed time at a fixed concurrency, a JSON
summary (bench/wrk.lua), and the wait until gunicorn has worked off what wrk left queued."""

import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from statistics import median

from bench import stack

SCRIPT = stack.ROOT / "bench" / "wrk.lua"


@dataclass(frozen=True)
class Run:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failures: int  # connection errors, timeouts, answers other than 2xx/3xx
    bytes_per_answer: float  # headers included

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Summary:
    """Medians of several runs."""

    per_second: float
    p50_ms: float
    p99_ms: float
    failures: int

    @classmethod
    def of(cls, runs: list[Run]) -> "Summary":
        return cls(
            per_second=median(run.per_second for run in runs),
            p50_ms=median(run.p50_ms for run in runs),
            p99_ms=median(run.p99_ms for run in runs),
            failures=sum(run.failures for run in runs),
        )


def available() -> bool:
    return shutil.which("wrk") is not None


def run(
    url: str,
    *,
    cookie: str,
    threads: int,
    connections: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> Run:
    """One wrk run. The timeout is long: a slow page's latency is measured, not cut off. The
    session cookie and `headers` are sent with every request (-H; bench/wrk.lua keeps them)."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "120s",
        "-s",
        str(SCRIPT),
        "-H",
        "Accept-Language: tr",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(  # noqa: S603 — wrk on loopback, our own arguments
        [*command, url], capture_output=True, text=True, check=True
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return Run(
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        failures=summary["errors"] + summary["status_errors"] + summary["timeouts"],
        bytes_per_answer=summary["bytes"] / summary["requests"] if summary["requests"] else 0.0,
    )


def wait_until_idle(pid: int, *, quiet_seconds: float = 0.5, limit: float = 300) -> float:
    """Wait until gunicorn (master and workers) has used no CPU for `quiet_seconds`: requests
    wrk sent before it stopped are still being answered, and must not slow the next run.
    Returns the seconds waited."""
    started = time.monotonic()
    last = stack.cpu_seconds(pid)
    while time.monotonic() - started < limit:
        time.sleep(quiet_seconds)
        now = stack.cpu_seconds(pid)
        if now - last < 0.02:
            break
        last = now
    return time.monotonic() - started
