import pytest

from core.models import Province
from tests.factories import (
    OrganizationFactory,
)

# Seven İzmir organisations, as in the demo (two say "İzmir" in their name, five only in their
# province and district), and two elsewhere; Turkish alphabetical order.
IZMIR_BY_NAME = ["İzmir Büyükşehir Belediyesi", "İzmir İl Sosyal Hizmetler Müdürlüğü"]
IZMIR_BY_PLACE = [
    "Bayındır Belediyesi",
    "Bayındır Kadın Kooperatifi",
    "Ege Sosyal Girişim Kooperatifi",
    "Karşıyaka Belediyesi",
    "Tire Süt Üreticileri Kooperatifi",
]


@pytest.fixture
def izmir_organisations(db):
    izmir = Province.objects.get(name="İzmir")
    districts = {
        "İzmir İl Sosyal Hizmetler Müdürlüğü": "Konak",
        "Bayındır Belediyesi": "Bayındır",
        "Bayındır Kadın Kooperatifi": "Bayındır",
        "Ege Sosyal Girişim Kooperatifi": "Bornova",
        "Karşıyaka Belediyesi": "Karşıyaka",
        "Tire Süt Üreticileri Kooperatifi": "Tire",
    }
    for name in [*IZMIR_BY_NAME, *IZMIR_BY_PLACE]:
        kind = "cooperative" if "Kooperatif" in name else "district"
        OrganizationFactory(
            name=name,
            province=izmir,
            district=districts.get(name, ""),
            kind=kind,
            cooperative_kind="social" if kind == "cooperative" else "",
        )
    OrganizationFactory(name="Çankaya Belediyesi", province=Province.objects.get(name="Ankara"))
    OrganizationFactory(
        name="Kadıköy Kadın Kooperatifi",
        province=Province.objects.get(name="İstanbul"),
        district="Kadıköy",
        kind="cooperative",
        cooperative_kind="women",
    )
