import pytest
from django.db import connection

from participants.selectors.organizations import (
    organizations_console,
    organizations_matching,
    organizations_search,
)
from tests.conftest import skip_or_fail
from tests.factories import OrganizationFactory
from tests.participants.conftest import IZMIR_BY_NAME, IZMIR_BY_PLACE

pytestmark = pytest.mark.django_db


def _names(organizations) -> list[str]:
    return [organization.name for organization in organizations]


@pytest.mark.parametrize("query", ["izmir", "İzmir", "İZMİR", "IZMIR", "Izmir", " izmir "])
def test_izmir_finds_all_seven_izmir_organisations_name_matches_first(izmir_organisations, query):
    assert _names(organizations_search(query=query)) == IZMIR_BY_NAME + IZMIR_BY_PLACE


def test_district_finds_its_organisations_whatever_the_turkish_letters(izmir_organisations):
    assert _names(organizations_search(query="KARSIYAKA")) == ["Karşıyaka Belediyesi"]
    assert _names(organizations_search(query="bayındır")) == [
        "Bayındır Belediyesi",
        "Bayındır Kadın Kooperatifi",
    ]


def test_every_word_must_be_found_in_the_name_or_the_place(izmir_organisations):
    assert _names(organizations_search(query="izmir kadın")) == ["Bayındır Kadın Kooperatifi"]
    assert _names(organizations_search(query="kadin kooperatifi")) == [
        "Bayındır Kadın Kooperatifi",
        "Kadıköy Kadın Kooperatifi",
    ]
    assert organizations_search(query="izmir çankaya") == []


def test_typing_the_start_of_a_word_is_enough(izmir_organisations):
    assert _names(organizations_search(query="izm")) == IZMIR_BY_NAME + IZMIR_BY_PLACE
    assert _names(organizations_search(query="Çank")) == ["Çankaya Belediyesi"]


def test_dotted_and_dotless_i_and_turkish_letters_are_folded():
    for name in ["Şişli Belediyesi", "Sisli Kooperatifi", "İzmir Büyükşehir Belediyesi"]:
        OrganizationFactory(name=name)
    assert sorted(_names(organizations_search(query="ŞİŞLİ"))) == [
        "Sisli Kooperatifi",
        "Şişli Belediyesi",
    ]
    assert _names(organizations_search(query="büyüksehir")) == ["İzmir Büyükşehir Belediyesi"]
    assert _names(organizations_search(query="BUYUKŞEHİR")) == ["İzmir Büyükşehir Belediyesi"]


@pytest.mark.parametrize("query", ["i", "", "   ", "&|!", "'", ":*"])
def test_picker_waits_for_two_letters_and_ignores_search_syntax(izmir_organisations, query):
    assert organizations_search(query=query) == []


def test_search_syntax_in_the_query_is_text_not_an_operator(izmir_organisations):
    assert _names(organizations_search(query="'izmir' & (kadın):*")) == [
        "Bayındır Kadın Kooperatifi"
    ]


def test_picker_shows_at_most_ten(izmir_organisations):
    for number in range(12):
        OrganizationFactory(name=f"Ege Kooperatifi {number}")
    assert len(organizations_search(query="ege")) == 10


def test_console_lists_everything_without_a_query_and_counts_profiles(izmir_organisations):
    assert len(organizations_console()) == 9
    assert _names(organizations_console(query="tire")) == ["Tire Süt Üreticileri Kooperatifi"]
    assert organizations_console(query="tire").get().profile_count == 0


def test_inflected_words_find_the_stem_on_postgresql(izmir_organisations):
    if connection.vendor != "postgresql":
        skip_or_fail("stemming is PostgreSQL's turkish text-search configuration")
    assert _names(organizations_search(query="kooperatifler")) == [
        "Bayındır Kadın Kooperatifi",
        "Ege Sosyal Girişim Kooperatifi",
        "Kadıköy Kadın Kooperatifi",
        "Tire Süt Üreticileri Kooperatifi",
    ]


def test_search_uses_the_gin_index_on_postgresql(izmir_organisations):
    if connection.vendor != "postgresql":
        skip_or_fail("the GIN index exists on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = organizations_matching(query="kadın kooperatifi").explain()
    assert "participants_org_search" in plan
