"""Simultaneous edits of one plan version: one wins, the others are told (PostgreSQL locks)."""

import threading

import pytest
from django.db import connection

from action_plans.models import ActionPlan
from action_plans.services.plans import PlanVersionConflictError, plan_update
from tests.conftest import skip_or_fail
from tests.factories import ActionPlanFactory

pytestmark = pytest.mark.django_db(transaction=True)

EDITORS = 8


def test_simultaneous_edits_of_the_same_version_save_exactly_one():
    if connection.vendor != "postgresql":
        skip_or_fail("the concurrency test needs PostgreSQL row locks (set DATABASE_URL)")
    plan = ActionPlanFactory()
    barrier = threading.Barrier(EDITORS)
    saved, conflicts, errors = [], [], []

    def edit(number):
        try:
            barrier.wait(timeout=30)
            plan_update(
                plan_id=plan.pk,
                version=1,
                fields={"title": f"Düzenleme {number}"},
                cooperatives=[],
                sdgs=[],
            )
            saved.append(number)
        except PlanVersionConflictError:
            conflicts.append(number)
        except Exception as error:  # collected and asserted empty below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(number,)) for number in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert (len(saved), len(conflicts)) == (1, EDITORS - 1)
    plan = ActionPlan.objects.get(pk=plan.pk)
    assert (plan.title, plan.version) == (f"Düzenleme {saved[0]}", 2)
