"""The bulk line's arithmetic (bench/bulk.py): a run's throughput as a share of the floor's on
all cores, and what a run that did not finish reports."""

import pytest

from bench.bulk import BulkRun, share_of_floor


def _run(**changes) -> BulkRun:
    values = {
        "size": 500,
        "issued": 500,
        "ready": 500,
        "sent": 500,
        "rows_seconds": 0.3,
        "ready_seconds": 6.9,
        "mailed_seconds": 7.5,
    } | changes
    return BulkRun(**values)


def test_share_of_floor_divides_by_cores_over_the_mean_of_the_floors_around_the_run():
    # 2 cores at 20 ms a render: 100 certificates a second is the ceiling.
    assert share_of_floor(rate=67.0, floor_before=0.018, floor_after=0.022, cores=2) == (
        pytest.approx(0.67)
    )
    assert share_of_floor(rate=50.0, floor_before=0.04, floor_after=0.04, cores=1) == (
        pytest.approx(2.0)
    )


def test_a_finished_run_reports_its_rate_and_times():
    run = _run(ready_seconds=8.0)
    assert run.complete
    assert run.rate == 62.5
    assert str(run) == "500 in 8.0 s (rows 0.30 s; e-mails all sent at 7.5 s)"


def test_a_run_with_pdfs_missing_is_not_complete_and_says_so():
    run = _run(ready=498)
    assert not run.complete
    assert str(run).startswith("498/500 ready: timed out (worker's log: ")


def test_a_run_with_e_mails_missing_is_not_complete_and_says_so():
    run = _run(sent=497)
    assert not run.complete
    assert str(run) == "only 497/500 e-mails sent before the timeout"


def test_a_run_that_issued_fewer_certificates_is_not_complete():
    assert not _run(issued=499, ready=499, sent=499).complete
