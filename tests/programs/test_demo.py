from programs.demo import LIVE_LINK_TITLE
from programs.models import Session


def test_the_live_link_with_the_partners_is_an_online_session_in_each_demo_cohort(demo_data):
    links = dict(
        Session.objects.filter(online_url__gt="").values_list("cohort__title", "online_url")
    )
    assert links == {
        "İzmir dönemi": "https://toplanti.example.org/gencisi/izmir-donemi-canli-baglanti",
        "Ankara dönemi": "https://toplanti.example.org/gencisi/ankara-donemi-canli-baglanti",
    }
    assert set(Session.objects.filter(online_url__gt="").values_list("title", flat=True)) == {
        LIVE_LINK_TITLE
    }
