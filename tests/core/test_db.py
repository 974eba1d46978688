import datetime as dt
import re

import pytest
from django.db import connection, transaction
from django.db.models import F, Value
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.db import committed_state, turkish_fold_sql, update_rows
from core.models import BackgroundJob, Province
from core.selectors import provinces_by_name
from core.text import turkish_fold


def test_provinces_sort_with_turkish_collation(db):
    names = list(provinces_by_name().values_list("name", flat=True))
    assert len(names) == 81
    assert names.index("Bursa") < names.index("Çanakkale") < names.index("Denizli")
    assert names.index("Hatay") < names.index("Iğdır") < names.index("Isparta")
    assert names.index("Isparta") < names.index("İstanbul") < names.index("İzmir")
    assert names.index("Sinop") < names.index("Şanlıurfa") < names.index("Tekirdağ")
    assert names[0] == "Adana"
    assert names[-1] == "Zonguldak"


def test_turkish_fold_in_sql_agrees_with_python_on_every_province(db):
    vendor = connection.vendor
    provinces = Province.objects.annotate(
        folded=turkish_fold_sql(F("name"), vendor=vendor),
        shouted=turkish_fold_sql(Value("IŞIK İZMİR Çağ Öğün ŞÜKRÜ ışık"), vendor=vendor),
    )
    pairs = [(province.folded, turkish_fold(province.name)) for province in provinces]

    assert len(pairs) == 81
    assert all(folded == expected for folded, expected in pairs)
    assert provinces.first().shouted == "isik izmir cag ogun sukru isik"


def test_update_rows_gives_each_row_its_own_values_in_one_query(db):
    kind = BackgroundJob.Kind.WORKER_CHECK
    first, second, untouched = BackgroundJob.objects.bulk_create(
        BackgroundJob(kind=kind, error="eski") for _ in range(3)
    )
    started = timezone.now() - dt.timedelta(minutes=5)
    finished = timezone.now()

    with CaptureQueriesContext(connection) as queries:
        updated = update_rows(
            BackgroundJob,
            changes={
                first.pk: {"error": "İlk: ‘tırnak’ ve %s", "attempts": 2, "started_at": started},
                second.pk: {"error": "", "attempts": 7, "started_at": None},
            },
            same={"status": BackgroundJob.Status.DONE, "finished_at": finished},
        )

    assert updated == 2
    assert len(queries) == 1
    rows = {
        job.pk: (job.status, job.error, job.attempts, job.started_at, job.finished_at)
        for job in BackgroundJob.objects.all()
    }
    assert rows == {
        first.pk: ("done", "İlk: ‘tırnak’ ve %s", 2, started, finished),
        second.pk: ("done", "", 7, None, finished),
        untouched.pk: ("queued", "eski", 0, None, None),
    }


def test_update_rows_with_nothing_to_change_runs_no_query(db):
    with CaptureQueriesContext(connection) as queries:
        assert update_rows(BackgroundJob, changes={}, same={"error": "x"}) == 0

    assert len(queries) == 0


@pytest.mark.django_db(transaction=True)
def test_committed_state_changes_with_every_commit_even_a_bulk_update():
    job = BackgroundJob.objects.create(kind="worker_check")
    before = committed_state()
    assert re.fullmatch(r"\d+:\d+:[\d,]*", before)
    BackgroundJob.objects.filter(pk=job.pk).update(status="done")  # no signal, committed
    after = committed_state()
    assert after != before
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        BackgroundJob.objects.filter(pk=job.pk).update(status="failed")
        assert committed_state() is None  # its own rows would be in no snapshot
    assert [query["sql"].split()[0] for query in queries] == ["BEGIN", "UPDATE", "COMMIT"]
    assert committed_state() not in {None, before, after}


def test_committed_state_is_none_in_a_test_transaction(db):
    assert committed_state() is None
