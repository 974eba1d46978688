import pytest
from django.core.cache import cache
from django.db import transaction

from core.generations import Generation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def generation():
    cache.delete("test:generation")
    return Generation("test:generation", watched_apps={"programs"})


def _writes(monkeypatch, generation) -> list[str]:
    """The values written to the generation's key, in order."""
    written = []
    real = cache.set

    def recording(key, value, *args, **kwargs):
        if key == generation.key:
            written.append(value)
        return real(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording)
    return written


def test_many_changes_in_one_transaction_replace_it_once_each_and_once_at_the_commit(
    generation, monkeypatch
):
    before = generation.current()
    written = _writes(monkeypatch, generation)
    with transaction.atomic():
        for _ in range(4):
            generation.replace()
        inside = generation.current()
        assert len(written) == 4  # at once, each time: a page rendered now is not kept
    assert len(written) == 5  # and once more at the commit, not four times
    assert generation.current() not in (before, inside)


def test_outside_a_transaction_a_change_replaces_it_once(generation, monkeypatch):
    before = generation.current()
    written = _writes(monkeypatch, generation)
    generation.replace()
    assert len(written) == 1
    assert generation.current() != before


def test_a_change_after_a_rolled_back_savepoint_still_replaces_it_at_the_commit(
    generation, monkeypatch
):
    written = _writes(monkeypatch, generation)
    with transaction.atomic():
        try:
            with transaction.atomic():
                generation.replace()  # its commit callback goes with the savepoint
                raise RuntimeError
        except RuntimeError:
            pass
        generation.replace()
        assert len(written) == 2
    assert len(written) == 3


def test_replaced_up_front_replaces_each_once_before_and_at_the_commit_not_per_row(monkeypatch):
    from core import figure_cache, page_cache
    from core.generations import replaced_up_front
    from tests.factories import CohortFactory

    keys = {page_cache.GENERATION_KEY, figure_cache.GENERATION_KEY}
    written, calls = [], []
    real, real_many = cache.set, cache.set_many

    inside_many = []  # the test cache's set_many calls set for each key

    def recording(key, value, *args, **kwargs):
        if key in keys and not inside_many:
            written.append(key)
            calls.append([key])
        return real(key, value, *args, **kwargs)

    def recording_many(data, *args, **kwargs):
        written.extend(key for key in data if key in keys)
        calls.append(sorted(data))
        inside_many.append(True)
        try:
            return real_many(data, *args, **kwargs)
        finally:
            inside_many.pop()

    monkeypatch.setattr(cache, "set", recording)
    monkeypatch.setattr(cache, "set_many", recording_many)
    with transaction.atomic():
        with replaced_up_front():
            assert sorted(written) == sorted(keys)  # at once, before what follows
            CohortFactory.create_batch(3)  # rows of watched apps
            assert sorted(written) == sorted(keys)  # none of them replaced anything
        page_cache.GENERATION.replace()  # after the block: replaced at the commit already
        assert sorted(written) == sorted([*keys, page_cache.GENERATION_KEY])
    assert sorted(written) == sorted([*keys, *keys, page_cache.GENERATION_KEY])
    # and once more each at the commit; all of them in one cache call each time
    assert calls == [sorted(keys), [page_cache.GENERATION_KEY], sorted(keys)]


def test_replaced_up_front_needs_a_transaction():
    from core.generations import replaced_up_front

    with pytest.raises(RuntimeError), replaced_up_front():
        pass


def test_writes_reads_the_tables_of_inserts_updates_and_deletes():
    from core.generations import writes

    assert writes('INSERT INTO "programs_module" ("title") VALUES (%s)') == [
        ("programs_module", None)
    ]
    assert writes('DELETE FROM "programs_cohort" WHERE "programs_cohort"."id" IN (%s)') == [
        ("programs_cohort", None)
    ]
    assert writes(
        'UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s'
    ) == [("accounts_user", frozenset({"last_login"}))]
    assert writes('UPDATE "programs_cohort" SET "venue" = %s, "title" = %s') == [
        ("programs_cohort", frozenset({"venue", "title"}))
    ]


def test_writes_reads_every_statement_of_several_and_no_select_for_update():
    from core.generations import writes

    assert writes(
        'SELECT "programs_cohort"."id" FROM "programs_cohort" WHERE "programs_cohort"."id" = %s '
        'FOR UPDATE OF "programs_cohort";\nINSERT INTO "participants_registration" ("id") '
        'VALUES (%s);\nINSERT INTO "notifications_notification" ("id") VALUES (%s)'
    ) == [("participants_registration", None), ("notifications_notification", None)]
    assert writes('SELECT "programs_cohort"."id" FROM "programs_cohort" FOR UPDATE') == []


def _page_generation_writes(monkeypatch) -> list[str]:
    from core import page_cache

    return _writes(monkeypatch, page_cache.GENERATION)


def test_a_bulk_update_replaces_the_public_pages_generation(monkeypatch):
    from core.ordering import renumber
    from programs.models import Module
    from tests.factories import ModuleFactory, ProgramFactory

    program = ProgramFactory()
    modules = [ModuleFactory(program=program, position=n) for n in (5, 7)]
    written = _page_generation_writes(monkeypatch)

    renumber(items=modules)  # bulk_update: no signal, in a transaction of its own

    assert len(written) == 2  # at once and at that transaction's commit
    assert list(Module.objects.order_by("position").values_list("position", flat=True)) == [1, 2]


def test_a_queryset_update_and_sql_of_our_own_replace_it(monkeypatch):
    from django.db import connection

    from programs.models import Cohort
    from tests.factories import CohortFactory

    cohort = CohortFactory()
    written = _page_generation_writes(monkeypatch)

    Cohort.objects.filter(pk=cohort.pk).update(venue="Kültür Merkezi")
    assert len(written) == 1
    with connection.cursor() as cursor:
        cursor.execute('UPDATE "programs_cohort" SET "district" = %s', ["Çankaya"])
    assert len(written) == 2


def test_a_login_an_ignored_model_and_other_apps_leave_it(monkeypatch):
    from django.contrib.auth.models import update_last_login
    from django.utils import timezone

    from documents.models import Document
    from tests.factories import AttendanceFactory, RegistrationFactory, SessionFactory, UserFactory

    session = SessionFactory()
    registration = RegistrationFactory(cohort=session.cohort, status="confirmed")
    user = UserFactory()
    written = _page_generation_writes(monkeypatch)

    update_last_login(None, user)  # UPDATE … SET "last_login" only
    AttendanceFactory(session=session, registration=registration).delete()  # ignored model
    Document.objects.update(updated_at=timezone.now())  # documents: an app it does not watch

    assert written == []


def test_a_statement_that_fails_replaces_nothing(monkeypatch):
    from django.db import IntegrityError, transaction

    from tests.factories import ProgramFactory

    ProgramFactory(slug="kooperatif-okulu")
    written = _page_generation_writes(monkeypatch)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgramFactory(slug="kooperatif-okulu")
    assert written == []
