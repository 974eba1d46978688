import threading
import time

import pytest
from allauth.account.models import EmailAddress
from django.db import connection, transaction
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.transaction import TransactionManagementError

from accounts.models import User
from core.compiled import (
    CompiledAggregate,
    CompiledQuery,
    Statement,
    ids_statement,
    insert_statement,
    rows_insert,
    statements_run,
)
from participants.models import AuditEntry, Registration
from programs.models import Cohort
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


def _people(*, pk):
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return User.objects.annotate(_verified=Exists(verified)).filter(pk=pk)


def test_rows_are_those_of_the_orm_with_the_annotations(db, django_assert_num_queries):
    query = CompiledQuery(_people, pk=-1_000_001)
    verified, unverified = UserFactory(), UserFactory(verified=False)
    with django_assert_num_queries(1):
        [row] = query.raw(pk=verified.pk)
    assert (row, row.email, row.full_name, bool(row._verified)) == (
        verified,
        verified.email,
        verified.full_name,
        True,
    )
    assert [(row, bool(row._verified)) for row in query.raw(pk=unverified.pk)] == [
        (unverified, False)
    ]
    assert list(query.raw(pk=unverified.pk + 1000)) == []


def test_the_sql_is_built_once(db, django_assert_num_queries):
    calls = []

    def build(*, pk):
        calls.append(pk)
        return _people(pk=pk)

    query = CompiledQuery(build, pk=-1_000_001)
    first, second = UserFactory(), UserFactory()
    assert [list(query.raw(pk=person.pk)) for person in (first, second, first)] == [
        [first],
        [second],
        [first],
    ]
    assert calls == [-1_000_001]


def test_a_marker_must_be_exactly_one_parameter(db):
    missing = CompiledQuery(lambda *, pk: User.objects.filter(pk__gt=0 if pk else 1), pk=-5)
    with pytest.raises(ValueError, match="the marker of 'pk' is 0 parameters"):
        missing.raw(pk=1)
    twice = CompiledQuery(
        lambda *, email: User.objects.filter(email=email, full_name=email), email="x"
    )
    with pytest.raises(ValueError, match="the marker of 'email' is 2 parameters"):
        twice.raw(email="kisi@example.org")


def test_every_marker_needs_a_value(db):
    query = CompiledQuery(_people, pk=-1_000_001)
    with pytest.raises(TypeError, match=r"values for \['pk'\] expected, got \['id'\]"):
        query.raw(id=1)


def _cohorts(*, pk):
    return (
        Cohort.objects.select_related("program", "province")
        .annotate(_sessions=Count("sessions"))
        .filter(pk=pk)
    )


def test_objects_are_those_of_the_orm_with_related_objects_and_annotations(
    db, django_assert_num_queries
):
    query = CompiledQuery(_cohorts, pk=-1_000_001)
    cohort = CohortFactory()
    SessionFactory(cohort=cohort)
    SessionFactory(cohort=cohort)
    [expected] = _cohorts(pk=cohort.pk)
    with django_assert_num_queries(1):
        [row] = query.objects(pk=cohort.pk)
        assert (row.program.title, row.province.name, row._sessions) == (
            expected.program.title,
            expected.province.name,
            2,
        )
    assert {field.attname: getattr(row, field.attname) for field in Cohort._meta.fields} == {
        field.attname: getattr(expected, field.attname) for field in Cohort._meta.fields
    }
    assert query.objects(pk=cohort.pk + 1000) == []


def test_rows_of_a_values_list(db, django_assert_num_queries):
    query = CompiledQuery(
        lambda *, pk: User.objects.filter(pk=pk).values_list("email", "date_joined"), pk=-5
    )
    person = UserFactory()
    with django_assert_num_queries(1):
        assert query.rows(pk=person.pk) == [(person.email, person.date_joined)]


def test_a_locking_query_needs_a_transaction(transactional_db):
    query = CompiledQuery(lambda *, pk: Cohort.objects.select_for_update().filter(pk=pk), pk=-5)
    cohort = CohortFactory()
    with transaction.atomic():
        assert query.objects(pk=cohort.pk) == [cohort]
    with pytest.raises(TransactionManagementError):
        query.objects(pk=cohort.pk)


def _counts(*, pk):
    return User.objects.filter(pk__gte=pk), {
        "people": Count("pk"),
        "staff": Count("pk", filter=Q(is_staff=True)),
        "first": Min("date_joined"),
    }


def test_an_aggregate_is_that_of_the_orm_and_its_sql_is_built_without_running_it(
    db, django_assert_num_queries
):
    query = CompiledAggregate(_counts, pk=-1_000_001)
    first, _second = UserFactory(is_staff=True), UserFactory()
    queryset, aggregates = _counts(pk=first.pk)
    with django_assert_num_queries(1):
        got = query.get(pk=first.pk)
    assert got == queryset.aggregate(**aggregates)
    assert (list(got), got["people"], got["staff"]) == (["people", "staff", "first"], 2, 1)
    assert query.get(pk=10**9) == {"people": 0, "staff": 0, "first": None}


def test_statements_run_in_one_round_trip_in_order_with_their_own_results(
    db, django_assert_num_queries
):
    people = CompiledQuery(lambda *, pk: User.objects.filter(pk=pk), pk=-5)
    counts = CompiledAggregate(_counts, pk=-6)
    first, second = UserFactory(is_staff=True), UserFactory()
    with django_assert_num_queries(1):  # one execute: one message to PostgreSQL
        found, counted, nothing, keys = statements_run(
            [
                people.objects_statement(pk=second.pk),
                counts.get_statement(pk=first.pk),
                Statement(None, (), lambda rows: ("not run", rows)),
                ids_statement(User, Cohort),
            ]
        )
    assert (found, counted["people"], counted["staff"], nothing) == (
        [second],
        2,
        1,
        ("not run", []),
    )
    assert len(keys) == 2
    assert all(isinstance(key, int) for key in keys)
    assert keys[0] > second.pk  # reserved after the last one given


def test_a_count_after_a_lock_in_the_same_round_trip_sees_what_the_lock_waited_for(
    transactional_db,
):
    """PostgreSQL takes a snapshot per statement, so the count sent with the lock in one
    message is taken after the lock was granted: it sees the row the other transaction
    committed while this one waited (a count in the locking statement itself would not)."""
    counting = CompiledAggregate(
        lambda *, cohort: (Registration.objects.filter(cohort_id=cohort), {"n": Count("pk")}),
        cohort=-7,
    )
    locking = CompiledQuery(lambda *, pk: Cohort.objects.select_for_update().filter(pk=pk), pk=-8)
    cohort = CohortFactory()
    holding = threading.Event()

    def another_registration_holding_the_lock():
        try:
            with transaction.atomic():
                Cohort.objects.select_for_update().get(pk=cohort.pk)
                RegistrationFactory(cohort=cohort)
                holding.set()
                time.sleep(0.5)
        finally:
            holding.set()
            connection.close()

    other = threading.Thread(target=another_registration_holding_the_lock)
    other.start()
    holding.wait(10)
    with transaction.atomic():
        [locked], counted = statements_run(
            [locking.objects_statement(pk=cohort.pk), counting.get_statement(cohort=cohort.pk)]
        )
    other.join()
    assert (locked, counted) == (cohort, {"n": 1})


def test_an_insert_statement_writes_what_save_would(db, django_assert_num_queries):
    cohort = CohortFactory()
    person = ParticipantProfileFactory().user
    [key] = statements_run([ids_statement(Registration)])[0]
    registration = Registration(
        pk=key, cohort=cohort, participant=person, status=Registration.Status.CONFIRMED
    )
    entry = AuditEntry(
        actor=person, action=AuditEntry.Action.CONFIRMED, cohort=cohort, registration=registration
    )
    with django_assert_num_queries(1):
        rows_insert([registration, entry])
    saved = Registration.objects.get(pk=key)
    assert (saved.cohort, saved.participant, saved.status, saved.created_at) == (
        cohort,
        person,
        "confirmed",
        registration.created_at,  # auto_now_add: the moment the statement was made
    )
    assert registration.created_at is not None
    assert not registration._state.adding
    assert entry.pk is None  # its key was not reserved: the database gave it one
    logged = AuditEntry.objects.get(registration=saved)
    assert (logged.actor, logged.action, logged.cohort) == (person, "confirmed", cohort)


def test_an_insert_statement_is_built_once_per_model(db):
    cohort = CohortFactory()
    first, second = (ParticipantProfileFactory().user for _ in range(2))
    one = insert_statement(Registration(cohort=cohort, participant=first))
    other = insert_statement(Registration(cohort=cohort, participant=second))
    assert one.sql is other.sql
    assert '"id"' not in one.sql  # no key reserved: the database gives it
    assert one.params != other.params
