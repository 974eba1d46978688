import pytest
from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef

from accounts.models import User
from core.compiled import CompiledQuery
from tests.factories import UserFactory


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
