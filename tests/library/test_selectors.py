import pytest
from django.db import connection
from django.utils import translation

from library.selectors import LibraryFilters, library_references
from tests.conftest import skip_or_fail
from tests.factories import (
    CollaborationBasisFactory,
    CollaborationTypeFactory,
    LegalReferenceFactory,
)

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[str]:
    references = library_references(filters=LibraryFilters(query=query))
    return [reference.article_number for reference in references]


@pytest.fixture
def library():
    """One reference per place a visitor reads "işbirliği" on its page, and two without it."""
    donation = CollaborationTypeFactory(name="Bağış", name_en="Donation")
    partnership = CollaborationTypeFactory(name="Ortaklık", name_en="Partnership")

    def reference(article: str, **fields):
        defaults = {"article_heading": "", "summary": "Belediyenin görevleri."}
        return LegalReferenceFactory(
            law_number="5393",
            law_name="Belediye Kanunu",
            article_number=article,
            **(defaults | fields),
        )

    reference("1", article_heading="Kooperatiflerle işbirliği")
    reference("2", summary="Belediye kooperatiflerle işbirliği yapabilir.")
    CollaborationBasisFactory(
        reference=reference("3"),
        collaboration_type=donation,
        explanation="Bu işbirliği bağışla yürür.",
    )
    CollaborationBasisFactory(
        reference=reference("4"),
        collaboration_type=partnership,
        explanation="Meclis kararı gerekir.",
        conditions="İşbirliği protokolü yapılmalıdır.",
    )
    CollaborationBasisFactory(
        reference=reference("5"),
        collaboration_type=partnership,
        explanation="Ortak olunabilir.",
        open_questions="Hangi işbirliği biçimi uygun?",
        explanation_en="It may become a partner.",
    )
    reference("6", review_notes="İşbirliği örnekleri eklenecek.")
    reference("7", summary="Kamu ihalesinin istisnaları.", summary_en="Procurement exceptions.")
    CollaborationBasisFactory(
        reference=reference("8"), collaboration_type=donation, explanation="Yardım yapılabilir."
    )


@pytest.mark.parametrize("query", ["işbirliği", "İŞBİRLİĞİ", "isbirligi", "IŞBIRLIĞI", "İşbirl"])
def test_isbirligi_finds_every_reference_whose_page_says_it_headings_first(library, query):
    found = _found(query)

    assert found[0] == "1"
    assert sorted(found) == ["1", "2", "3", "4", "5", "6"]


def test_title_then_summary_then_how_it_applies_then_notes(library):
    assert _found("işbirliği") == ["1", "2", "3", "4", "5", "6"]


def test_collaboration_type_names_are_searched(library):
    assert _found("bağış") == ["3", "8"]
    assert _found("ORTAKLIK") == ["4", "5"]


def test_every_word_must_be_found_somewhere_on_the_page(library):
    assert _found("işbirliği bağış") == ["3"]
    assert _found("işbirliği ihale") == []


def test_law_number_and_article_as_written_on_the_page(library):
    assert _found("5393 m.7") == ["7"]


def test_no_match_is_an_empty_list(library):
    assert _found("xyzzy") == []


def test_english_texts_are_searched_when_the_page_is_english(library):
    with translation.override("en"):
        assert _found("procurement") == ["7"]
        assert _found("donation") == ["3", "8"]
        assert sorted(_found("partner")) == ["4", "5"]
        assert _found("işbirliği") == ["1", "2", "3", "4", "5", "6"]
    with translation.override("tr"):
        assert _found("procurement") == []


def test_inflected_words_find_the_stem_on_postgresql(library):
    if connection.vendor != "postgresql":
        skip_or_fail("stemming is PostgreSQL's turkish text-search configuration")
    assert _found("işbirliklerinde") == ["1", "2", "3", "4", "5", "6"]
    assert _found("kooperatifler") == ["1", "2"]
