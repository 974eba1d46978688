import pytest
from django.db import IntegrityError
from django.utils import translation

from library.models import LegalReference
from tests.factories import LegalReferenceFactory

pytestmark = pytest.mark.django_db


def test_law_gets_consolidated_text_and_pdf_links_from_its_number():
    reference = LegalReferenceFactory(law_number="5393", article_number="14")

    assert reference.consolidated_text_url == (
        "https://www.mevzuat.gov.tr/mevzuat?MevzuatNo=5393&MevzuatTur=1&MevzuatTertip=5"
    )
    assert reference.pdf_url == "https://www.mevzuat.gov.tr/MevzuatMetin/1.5.5393.pdf"


def test_regulation_gets_no_built_link_even_with_a_number():
    reference = LegalReferenceFactory(
        kind=LegalReference.Kind.REGULATION, law_number="123", law_name="Bir yönetmelik"
    )

    assert reference.consolidated_text_url == ""
    assert reference.pdf_url == ""


def test_label_reads_like_a_turkish_citation():
    reference = LegalReferenceFactory(
        law_number="5393", law_name="Belediye Kanunu", article_number="14"
    )

    with translation.override("tr"):
        assert reference.label == "5393 sayılı Belediye Kanunu m.14"
    with translation.override("en"):
        assert reference.label == "Law no. 5393, Belediye Kanunu, art. 14"


def test_unnumbered_regulation_label_is_its_name_and_article():
    reference = LegalReferenceFactory(
        kind=LegalReference.Kind.REGULATION,
        law_number="",
        law_name="Yardım yönetmeliği",
        article_number="5",
    )

    with translation.override("tr"):
        assert reference.label == "Yardım yönetmeliği m.5"


def test_law_without_number_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        LegalReferenceFactory(kind=LegalReference.Kind.LAW, law_number="")


def test_same_article_of_the_same_law_is_refused_by_the_database():
    LegalReferenceFactory(law_number="5393", article_number="14")
    with pytest.raises(IntegrityError):
        LegalReferenceFactory(law_number="5393", article_number="14")
