"""The web benchmark's targets (bench/web.py): the issue's p99 limits stretch with the run's
floor on a slower machine and never tighten below the issue's values on a faster one."""

from bench import web, wrk
from bench.pages import P99_MS, SLOW_P99_MS, Page


def _runs(*, per_second: float, p99_ms: float) -> list[wrk.Run]:
    return [
        wrk.Run(
            requests=int(per_second * 10),
            seconds=10.0,
            p50_ms=p99_ms / 2,
            p99_ms=p99_ms,
            failures=0,
            bytes_per_answer=20_480,
        )
        for _ in range(3)
    ]


def _result(*, p99_ms: float, page_per_second: float, floor_per_second: float, slow=False):
    page = Page(
        "registrations console",
        "coordinator",
        "/konsol/donemler/3/kayitlar/",
        **({"p99_target_ms": SLOW_P99_MS} if slow else {}),
    )
    return web.PageResult(
        page,
        status=200,
        kilobytes=20.0,
        page_runs=_runs(per_second=page_per_second, p99_ms=p99_ms),
        floor_runs=_runs(per_second=floor_per_second, p99_ms=20.0),
    )


def test_machine_factor_is_one_on_a_machine_as_fast_as_the_issues_or_faster():
    assert web.machine_factor(905.0) == 1.0
    assert web.machine_factor(1_588.0) == 1.0


def test_machine_factor_stretches_by_how_much_slower_the_floor_is():
    assert web.machine_factor(452.5) == 2.0
    assert web.machine_factor(724.0) == 1.25


def test_machine_factor_without_a_floor_is_one():
    assert web.machine_factor(0.0) == 1.0


def test_page_target_p99_limit_is_the_issues_on_a_fast_machine():
    [target] = web.page_targets(
        [_result(p99_ms=101.0, page_per_second=400.0, floor_per_second=1_000.0)], 1.0
    )

    assert target.what == (f"registrations console: ≥ 0.25× floor, p99 ≤ {P99_MS} ms, no failure")
    assert target.measured == "0.400×, p99 101 ms, 0 failed"
    assert target.met is False


def test_page_target_p99_limit_stretches_on_a_slower_machine():
    [target] = web.page_targets(
        [_result(p99_ms=174.0, page_per_second=200.0, floor_per_second=438.0)],
        web.machine_factor(438.0),
    )

    assert target.what == "registrations console: ≥ 0.25× floor, p99 ≤ 207 ms, no failure"
    assert target.met is True


def test_page_target_slow_page_keeps_its_own_limit_stretched():
    [target] = web.page_targets(
        [_result(p99_ms=300.0, page_per_second=200.0, floor_per_second=452.5, slow=True)], 2.0
    )

    assert target.what == "registrations console: ≥ 0.25× floor, p99 ≤ 500 ms, no failure"
    assert target.met is True


def test_page_target_ratio_to_the_floor_is_not_stretched():
    [target] = web.page_targets(
        [_result(p99_ms=50.0, page_per_second=100.0, floor_per_second=452.5)], 2.0
    )

    assert target.measured == "0.221×, p99 50 ms, 0 failed"
    assert target.met is False
