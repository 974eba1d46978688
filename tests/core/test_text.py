import pytest

from core.text import (
    capfirst,
    turkish_fold,
    turkish_lower,
    turkish_slugify,
    turkish_sort_key,
    turkish_upper,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("İnci Işık", "İNCİ IŞIK"), ("izmir", "İZMİR"), ("ılgın", "ILGIN"), ("Çağrı Öz", "ÇAĞRI ÖZ")],
)
def test_turkish_upper_keeps_dotted_and_dotless_i(text, expected):
    assert turkish_upper(text) == expected


def test_turkish_lower_maps_capital_i_to_dotless():
    assert turkish_lower("IŞIK İZMİR") == "ışık izmir"


def test_fold_makes_izmir_match_capital_dotted_izmir():
    assert turkish_fold("İzmir") == turkish_fold("izmir") == "izmir"


def test_slug_from_turkish_title_is_readable_ascii():
    assert turkish_slugify("Sosyal Kooperatifçilik Eğitimi") == "sosyal-kooperatifcilik-egitimi"
    assert turkish_slugify("Işık ve Gül Ağı") == "isik-ve-gul-agi"


def test_sort_key_orders_like_a_turkish_dictionary():
    names = ["Zonguldak", "Çorum", "Iğdır", "Şanlıurfa", "İzmir", "Cizre", "Sinop", "Isparta"]
    assert sorted(names, key=turkish_sort_key) == [
        "Cizre",
        "Çorum",
        "Iğdır",
        "Isparta",
        "İzmir",
        "Sinop",
        "Şanlıurfa",
        "Zonguldak",
    ]


def test_capfirst_follows_the_active_language():
    from django.utils import translation

    with translation.override("tr"):
        assert capfirst("ilçe belediyesi") == "İlçe belediyesi"
    with translation.override("en"):
        assert capfirst("issued") == "Issued"
