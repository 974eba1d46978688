from django.db import connection
from django.db.models import F, Value

from core.db import turkish_fold_sql
from core.models import Province
from core.selectors import provinces_by_name
from core.text import turkish_fold


def test_provinces_sort_with_turkish_collation(db):
    names = list(provinces_by_name().values_list("name", flat=True))
    assert len(names) == 81
    assert names.index("Bursa") < names.index("Çanakkale") < names.index("Denizli")
    assert names.index("Hatay") < names.index("Iğdır") < names.index("Isparta")
    assert names.index("Isparta") < names.index("İstanbul") < names.index("İzmir")
    assert names.index("Sinop") < names.index("Şanlıurfa") < names.index("Tekirdağ")
    assert names[0] == "Adana"
    assert names[-1] == "Zonguldak"


def test_turkish_fold_in_sql_agrees_with_python_on_every_province(db):
    vendor = connection.vendor
    provinces = Province.objects.annotate(
        folded=turkish_fold_sql(F("name"), vendor=vendor),
        shouted=turkish_fold_sql(Value("IŞIK İZMİR Çağ Öğün ŞÜKRÜ ışık"), vendor=vendor),
    )
    pairs = [(province.folded, turkish_fold(province.name)) for province in provinces]

    assert len(pairs) == 81
    assert all(folded == expected for folded, expected in pairs)
    assert provinces.first().shouted == "isik izmir cag ogun sukru isik"
