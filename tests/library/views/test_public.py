import pytest
from django.urls import reverse

from library.models import LegalReference
from tests.factories import (
    CollaborationBasisFactory,
    CollaborationTypeFactory,
    LegalReferenceFactory,
)

pytestmark = pytest.mark.django_db

NOTICE = "Bu kütüphane bilgilendirme amaçlıdır, hukuki görüş değildir."


def _labels(response) -> list[str]:
    return [reference.label for reference in response.context["references"]]


@pytest.fixture
def cooperatives_law():
    return LegalReferenceFactory(
        law_number="1163",
        law_name="Kooperatifler Kanunu",
        article_number="9",
        article_heading="Tüzel kişilerin ortaklığı",
        domain=LegalReference.Domain.COOPERATIVE,
        summary="Kamu tüzel kişileri kooperatiflere ortak olabilir.",
    )


@pytest.fixture
def municipal_law():
    return LegalReferenceFactory(
        law_number="5393",
        law_name="Belediye Kanunu",
        article_number="14",
        domain=LegalReference.Domain.MUNICIPAL,
        summary="Belediye hizmeti yapar veya yaptırır.",
    )


def test_library_is_open_to_visitors_and_shows_status_and_notice(client, municipal_law):
    response = client.get(reverse("library:library"))

    assert response.status_code == 200
    assert _labels(response) == ["5393 sayılı Belediye Kanunu m.14"]
    content = response.content.decode()
    assert NOTICE in content
    assert "Hukuki inceleme bekliyor" in content


@pytest.mark.parametrize("query", ["kooperatıf", "KOOPERATİF", "Kooperatifler", "1163 m.9"])
def test_turkish_search_ignores_case_and_dotted_i(client, cooperatives_law, municipal_law, query):
    response = client.get(reverse("library:library"), {"q": query})

    assert _labels(response) == ["1163 sayılı Kooperatifler Kanunu m.9"]


def test_library_filters_by_domain_law_status_and_type(client, cooperatives_law, municipal_law):
    partnership = CollaborationTypeFactory(slug="ortaklik", name="Ortaklık")
    CollaborationBasisFactory(collaboration_type=partnership, reference=cooperatives_law)
    municipal_law.review_status = LegalReference.ReviewStatus.REVIEWED
    municipal_law.save()
    url = reverse("library:library")

    assert _labels(client.get(url, {"domain": "cooperative"})) == [cooperatives_law.label]
    assert _labels(client.get(url, {"law": "Belediye Kanunu"})) == [municipal_law.label]
    assert _labels(client.get(url, {"status": "reviewed"})) == [municipal_law.label]
    assert _labels(client.get(url, {"type": "ortaklik"})) == [cooperatives_law.label]


def test_unknown_filter_values_are_ignored(client, cooperatives_law, municipal_law):
    response = client.get(
        reverse("library:library"), {"domain": "x", "status": "y", "type": "z", "law": "w"}
    )

    assert response.status_code == 200
    assert len(_labels(response)) == 2


def test_library_orders_by_domain_then_numerically_by_article(client):
    LegalReferenceFactory(law_number="5393", article_number="14", domain="municipal")
    LegalReferenceFactory(law_number="5393", article_number="9", domain="municipal")
    LegalReferenceFactory(law_number="2709", article_number="171", domain="constitution")

    assert _labels(client.get(reverse("library:library"))) == [
        "2709 sayılı Belediye Kanunu m.171",
        "5393 sayılı Belediye Kanunu m.9",
        "5393 sayılı Belediye Kanunu m.14",
    ]


def test_retired_reference_is_hidden_from_visitors(client, municipal_law):
    municipal_law.is_active = False
    municipal_law.save()

    assert _labels(client.get(reverse("library:library"))) == []
    detail = reverse("library:reference_detail", kwargs={"reference_id": municipal_law.pk})
    assert client.get(detail).status_code == 404


def _library_with(count: int) -> None:
    collaboration_type = CollaborationTypeFactory()
    for _ in range(count):
        CollaborationBasisFactory(collaboration_type=collaboration_type)


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("query", ["", "belediye"])
def test_library_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, count, query
):
    _library_with(count)

    # session-less visitor: collaboration types, law names, count, the page, its bases
    with django_assert_num_queries(5):
        response = client.get(reverse("library:library"), {"q": query})
    assert len(response.context["references"]) == count


def test_search_explains_what_it_reads_and_says_when_nothing_matches(client, municipal_law):
    response = client.get(reverse("library:library"), {"q": "işbirliği"})

    html = response.content.decode()
    assert "Her sözcüğü kanun ve madde adında, özette ve maddenin her işbirliği türüne" in html
    assert "Bu filtrelere uyan yasal dayanak yok." in html
    assert 'value="işbirliği"' in html


def test_search_finds_what_the_collaboration_bases_say(client, cooperatives_law, municipal_law):
    CollaborationBasisFactory(
        reference=municipal_law,
        collaboration_type=CollaborationTypeFactory(name="Eşgüdüm"),
        explanation="Kooperatiflerle işbirliği protokolü yapılabilir.",
    )

    response = client.get(reverse("library:library"), {"q": "ISBIRLIGI"})

    assert _labels(response) == [municipal_law.label]


def test_detail_shows_links_and_how_it_supports_each_type(client, municipal_law):
    procurement = CollaborationTypeFactory(name="Mal ve hizmet alımı")
    CollaborationBasisFactory(
        collaboration_type=procurement,
        reference=municipal_law,
        explanation="Belediye hizmeti yaptırabilir.",
        conditions="Görev alanında olmalı.",
        open_questions="Sınır nedir?",
    )

    response = client.get(
        reverse("library:reference_detail", kwargs={"reference_id": municipal_law.pk})
    )

    content = response.content.decode()
    assert "https://www.mevzuat.gov.tr/MevzuatMetin/1.5.5393.pdf" in content
    assert "MevzuatNo=5393&amp;MevzuatTur=1&amp;MevzuatTertip=5" in content
    for text in ("Mal ve hizmet alımı", "Belediye hizmeti yaptırabilir.", "Görev alanında olmalı."):
        assert text in content
    assert "Sınır nedir?" in content
    assert NOTICE in content


def test_regulation_detail_has_no_built_link(client):
    regulation = LegalReferenceFactory(
        kind="regulation", law_number="", law_name="Yardım yönetmeliği", article_number="5"
    )

    response = client.get(
        reverse("library:reference_detail", kwargs={"reference_id": regulation.pk})
    )

    assert "mevzuat.gov.tr/MevzuatMetin" not in response.content.decode()


@pytest.fixture
def bridge_data(cooperatives_law, municipal_law):
    partnership = CollaborationTypeFactory(slug="ortaklik", name="Ortaklık", position=4)
    donation = CollaborationTypeFactory(slug="bagis", name="Bağış", position=2)
    procurement_law = LegalReferenceFactory(law_number="4046", domain="other")
    CollaborationBasisFactory(
        collaboration_type=partnership, reference=cooperatives_law, side="cooperative"
    )
    CollaborationBasisFactory(
        collaboration_type=partnership, reference=municipal_law, side="municipal"
    )
    CollaborationBasisFactory(
        collaboration_type=partnership, reference=procurement_law, side="general"
    )
    CollaborationBasisFactory(collaboration_type=donation, reference=municipal_law)
    return partnership


def _sides(row) -> tuple:
    return (
        [basis.reference.law_number for basis in row.municipal],
        [basis.reference.law_number for basis in row.cooperative],
        [basis.reference.law_number for basis in row.general],
    )


def test_bridge_page_groups_each_type_by_side(client, bridge_data):
    response = client.get(reverse("library:bridge"))

    rows = response.context["rows"]
    assert [row.collaboration_type.slug for row in rows] == ["bagis", "ortaklik"]
    assert _sides(rows[0]) == (["5393"], [], [])
    assert _sides(rows[1]) == (["5393"], ["1163"], ["4046"])
    content = response.content.decode()
    assert "Belediye mevzuatı tarafı" in content
    assert "Kooperatif mevzuatı tarafı" in content
    assert NOTICE in content


def test_bridge_page_filters_by_collaboration_type(client, bridge_data):
    response = client.get(reverse("library:bridge"), {"type": "ortaklik"})

    assert [row.collaboration_type.slug for row in response.context["rows"]] == ["ortaklik"]


def test_bridge_page_leaves_out_retired_references(client, bridge_data, cooperatives_law):
    cooperatives_law.is_active = False
    cooperatives_law.save()

    response = client.get(reverse("library:bridge"), {"type": "ortaklik"})

    assert _sides(response.context["rows"][0]) == (["5393"], [], ["4046"])


def _bridge_with(count: int) -> None:
    for index in range(count):
        collaboration_type = CollaborationTypeFactory()
        for side in ("municipal", "cooperative", "general"):
            CollaborationBasisFactory(collaboration_type=collaboration_type, side=side)
        LegalReferenceFactory(domain="constitution", article_number=str(100 + index))


@pytest.mark.parametrize("count", [1, 3])
def test_bridge_query_count_does_not_grow_with_rows(client, django_assert_num_queries, count):
    _bridge_with(count)

    # types for the filter, types with their bases and references, constitution
    with django_assert_num_queries(4):
        response = client.get(reverse("library:bridge"))
    assert len(response.context["rows"]) == count


def test_nav_shows_legal_bases_to_everyone(client):
    response = client.get(reverse("site:home"))

    assert reverse("library:library") in response.content.decode()
