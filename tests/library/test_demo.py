"""The demo library cites only what shared/LEGAL_FACTS.md states, and nothing as reviewed."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from library.demo import demo_data, load_demo_legal_library
from library.models import CollaborationBasis, CollaborationType, LegalReference, StepTemplate

pytestmark = pytest.mark.django_db

# Every (law, article) of LEGAL_FACTS.md's table, one per article.
FACTS = {
    ("2709", "2"),
    ("2709", "171"),
    ("5393", "14"),
    ("5393", "15"),
    ("5393", "18"),
    ("5393", "60"),
    ("5393", "70"),
    ("5393", "75"),
    ("5393", "77"),
    ("5216", "7"),
    ("5216", "24"),
    ("5216", "26"),
    ("1163", "1"),
    ("1163", "9"),
    ("4734", "3"),
    ("4734", "22"),
    ("5018", "29"),
    ("regulation", "5"),
    ("4046", "26"),
    ("6698", "5"),
    ("6698", "7"),
    ("6698", "10"),
    ("6698", "11"),
    ("6698", "13"),
}
# "Mapping to the four collaboration types" of LEGAL_FACTS.md.
MAPPING = {
    "mal-ve-hizmet-alimi": {("4734", "3"), ("4734", "22"), ("5393", "14")},
    "bagis": {("5393", "15"), ("5018", "29"), ("regulation", "5")},
    "esgudum": {("5393", "75"), ("5393", "77")},
    "ortaklik": {("1163", "9"), ("5393", "18"), ("5393", "60"), ("5393", "70"), ("4046", "26")},
}
LAW_NAMES = {
    "2709": "Türkiye Cumhuriyeti Anayasası",
    "5393": "Belediye Kanunu",
    "5216": "Büyükşehir Belediyesi Kanunu",
    "1163": "Kooperatifler Kanunu",
    "4734": "Kamu İhale Kanunu",
    "5018": "Kamu Mali Yönetimi ve Kontrol Kanunu",
    "4046": "Özelleştirme Uygulamaları Kanunu",
    "6698": "Kişisel Verilerin Korunması Kanunu",
}
PARTLY_VERIFIED = {("5393", "15"), ("5393", "60"), ("5393", "70"), ("5393", "75")}


def _key(reference: LegalReference) -> tuple[str, str]:
    return (reference.law_number or reference.kind, reference.article_number)


@pytest.fixture
def library():
    return load_demo_legal_library()


def test_demo_references_are_exactly_the_facts_table(library):
    references = list(LegalReference.objects.all())

    assert {_key(reference) for reference in references} == FACTS
    assert len(references) == len(FACTS)
    assert {r.law_number: r.law_name for r in references if r.law_number} == LAW_NAMES


def test_every_demo_reference_awaits_legal_review_with_notes(library):
    assert set(LegalReference.objects.values_list("review_status", flat=True)) == {"awaiting"}
    assert not LegalReference.objects.filter(review_notes="").exists()
    assert not LegalReference.objects.exclude(reviewer=None).exists()


def test_regulation_is_stored_without_a_built_link(library):
    regulation = LegalReference.objects.get(kind="regulation")

    [aid_regulation] = [row for row in demo_data("references") if row["kind"] == "regulation"]
    assert (regulation.law_name, regulation.law_number) == (aid_regulation["law_name"], "")
    assert regulation.consolidated_text_url == regulation.pdf_url == ""


def test_partly_verified_articles_say_so(library):
    for reference in LegalReference.objects.all():
        if _key(reference) in PARTLY_VERIFIED:
            assert "kısmen doğrulan" in reference.summary
            assert "kısmen doğrulan" in reference.review_notes


def test_pending_bill_is_an_open_question_on_partnership(library):
    notes = LegalReference.objects.get(law_number="1163", article_number="9").review_notes
    assert "2026" in notes
    assert "bilinmiyor" in notes
    assert CollaborationBasis.objects.filter(
        collaboration_type__slug="ortaklik", open_questions__contains="2026"
    ).exists()


def test_four_types_in_the_seed_order_with_the_facts_mapping(library):
    assert list(CollaborationType.objects.values_list("name", flat=True)) == [
        "Mal ve hizmet alımı",
        "Bağış",
        "Eşgüdüm",
        "Ortaklık",
    ]
    for collaboration_type in CollaborationType.objects.all():
        cited = {_key(basis.reference) for basis in collaboration_type.bases.all()}
        assert cited == MAPPING[collaboration_type.slug], collaboration_type.slug


def test_bases_sit_on_the_right_side(library):
    sides = {
        (_key(basis.reference), basis.side)
        for basis in CollaborationBasis.objects.select_related("reference")
    }

    assert (("1163", "9"), "cooperative") in sides
    assert (("5393", "18"), "municipal") in sides
    assert (("4734", "3"), "general") in sides
    assert all(side != "cooperative" for (law, _), side in sides if law != "1163")


def test_step_templates_cite_only_their_types_mapped_articles(library):
    citation = re.compile(r"(\d{4}) m\.(\d+)")
    for step in StepTemplate.objects.select_related("collaboration_type"):
        allowed = MAPPING[step.collaboration_type.slug]
        assert {_key(reference) for reference in step.references.all()} <= allowed
        assert set(citation.findall(step.description)) <= allowed, step.description
    assert StepTemplate.objects.filter(
        description="Meclis kararı taslağının hazırlanması (5393 m.18)"
    ).exists()


def test_every_type_has_ordered_steps(library):
    for collaboration_type in CollaborationType.objects.all():
        positions = list(
            collaboration_type.step_templates.order_by("position").values_list(
                "position", flat=True
            )
        )
        assert positions == list(range(1, len(positions) + 1))
        assert len(positions) >= 3


def test_loading_twice_changes_nothing_and_keeps_a_recorded_review(library, coordinator):
    reference = LegalReference.objects.get(law_number="5393", article_number="14")
    reference.review_status = LegalReference.ReviewStatus.REVIEWED
    reference.reviewer = coordinator
    reference.review_notes = "Kontrol edildi."
    reference.save()
    counts = (
        LegalReference.objects.count(),
        CollaborationBasis.objects.count(),
        StepTemplate.objects.count(),
    )

    load_demo_legal_library()

    assert (
        LegalReference.objects.count(),
        CollaborationBasis.objects.count(),
        StepTemplate.objects.count(),
    ) == counts
    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.REVIEWED
    assert reference.review_notes == "Kontrol edildi."


def test_every_demo_text_has_its_english_translation(library):
    for reference in LegalReference.objects.all():
        assert reference.summary_en.strip(), reference.label
    for basis in CollaborationBasis.objects.select_related("reference"):
        assert basis.explanation_en.strip(), str(basis)
        assert bool(basis.conditions_en) == bool(basis.conditions), str(basis)
        assert bool(basis.open_questions_en) == bool(basis.open_questions), str(basis)
    for step in StepTemplate.objects.all():
        assert step.description_en.strip(), step.description
        assert step.responsible_role_en.strip(), step.description


def _english_pairs():
    for reference in LegalReference.objects.all():
        yield reference.summary, reference.summary_en
    for basis in CollaborationBasis.objects.all():
        yield basis.explanation, basis.explanation_en
        yield basis.conditions, basis.conditions_en
        yield basis.open_questions, basis.open_questions_en
    for step in StepTemplate.objects.all():
        yield step.description, step.description_en


def test_english_cites_the_same_numbers_and_keeps_the_hedges(library):
    """No article or number is added or lost (only a law's own number may be spelled out), and
    every "partly verified", "legal opinion" and pending-bill caveat survives translation."""
    numbers = re.compile(r"\d+")
    law_numbers = set(LAW_NAMES)
    hedges = {
        "kısmen doğrulan": "partly verified",
        "hukuki görüş": "legal opinion",
        "kincil kaynaklara göre": "according to secondary sources",
        "kanun teklifi": "bill",
        "bilinmiyor": "not known",
    }
    for turkish, english in _english_pairs():
        turkish_numbers = set(numbers.findall(turkish))
        english_numbers = set(numbers.findall(english))
        assert turkish_numbers <= english_numbers, english
        assert english_numbers <= turkish_numbers | law_numbers, english
        for turkish_hedge, english_hedge in hedges.items():
            if turkish_hedge.casefold() in turkish.casefold():
                assert english_hedge.casefold() in english.casefold(), english


def test_reference_page_shows_the_english_summary_after_switching_language(client, library):
    reference = LegalReference.objects.get(law_number="1163", article_number="9")
    url = reverse("library:reference_detail", args=[reference.pk])
    # The middleware activates the visitor's language in this thread; the override restores
    # Turkish afterwards so later tests do not run in English.
    with translation.override("tr"):
        assert reference.summary in client.get(url).content.decode()
        client.post(reverse("set_language"), {"language": "en", "next": url})
        response = client.get(url)
    content = response.content.decode()

    assert response.headers["Content-Language"] == "en"

    assert (
        "Provides that public legal persons may help found cooperatives and may become partners "
        "in cooperatives. It is the basis in cooperative legislation for a municipality becoming "
        "a partner in a cooperative."
    ) in content
    assert reference.summary not in content
