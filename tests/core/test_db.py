from core.selectors import provinces_by_name


def test_provinces_sort_with_turkish_collation(db):
    names = list(provinces_by_name().values_list("name", flat=True))
    assert len(names) == 81
    assert names.index("Bursa") < names.index("Çanakkale") < names.index("Denizli")
    assert names.index("Hatay") < names.index("Iğdır") < names.index("Isparta")
    assert names.index("Isparta") < names.index("İstanbul") < names.index("İzmir")
    assert names.index("Sinop") < names.index("Şanlıurfa") < names.index("Tekirdağ")
    assert names[0] == "Adana"
    assert names[-1] == "Zonguldak"
