import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gencisi.views.home import HOME_LIST_SIZE
from programs.demo import SEED_OBJECTIVES, SEED_TITLE
from programs.models import Cohort, Program
from tests.factories import (
    CohortFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)


def test_home_shows_the_seed_programme_and_its_five_objectives(client, demo_data):
    response = client.get(reverse("site:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert SEED_TITLE in html
    for objective in SEED_OBJECTIVES:
        assert objective in html
    assert "İzmir dönemi" in html


def test_home_renders_in_a_fixed_number_of_queries(client, demo_data, django_assert_num_queries):
    with django_assert_num_queries(7):
        client.get(reverse("site:home"))


def _programme(title: str, *, cohort_in_days: int | None, status=Program.Status.PUBLISHED):
    program = ProgramFactory(title=title, status=status)
    ObjectiveFactory(program=program)
    if cohort_in_days is not None:
        cohort = CohortFactory(
            program=program,
            title=f"{title} dönemi",
            starts_on=timezone.localdate() + dt.timedelta(days=cohort_in_days),
        )
        RegistrationFactory(cohort=cohort)
        cohort.facilitators.add(UserFactory())
    return program


def _headings(html: str) -> list[str]:
    return re.findall(r'<h3 class="h3"><a href="[^"]+">([^<]+)</a></h3>', html)


def test_home_with_three_programmes_lists_each_and_every_open_cohort_soonest_first(client, db):
    _programme("Bayrak Programı", cohort_in_days=40)
    _programme("Yeni Program", cohort_in_days=10)
    _programme("Arşiv Okuması", cohort_in_days=None)
    _programme("Taslak Program", cohort_in_days=5, status=Program.Status.DRAFT)
    CohortFactory(
        program=Program.objects.get(title="Bayrak Programı"),
        title="Gizli dönem",
        status=Cohort.Status.DRAFT,
    )
    response = client.get(reverse("site:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert _headings(html) == [
        "Yeni Program dönemi",
        "Bayrak Programı dönemi",
        "Yeni Program",
        "Bayrak Programı",
        "Arşiv Okuması",
    ]
    assert "Taslak Program" not in html
    assert "Gizli dönem" not in html
    assert f'href="{reverse("programs:cohort_list")}"' not in html  # every one fits on the page


def test_home_links_the_full_lists_when_they_do_not_fit(client, db):
    for index in range(HOME_LIST_SIZE + 1):
        _programme(f"Program {index:02d}", cohort_in_days=10 + index)
    html = client.get(reverse("site:home")).content.decode()
    assert len(_headings(html)) == 2 * HOME_LIST_SIZE
    assert f'href="{reverse("programs:cohort_list")}">7 açık dönemin tümü</a>' in html
    assert f'href="{reverse("programs:program_list")}">7 programın tümü</a>' in html


@pytest.mark.parametrize("count", [1, 3, 9])
def test_home_with_several_programmes_renders_in_a_fixed_number_of_queries(
    client, db, count, django_assert_num_queries
):
    _programme("İlk Program", cohort_in_days=3)
    for index in range(count):
        _programme(f"Program {index}", cohort_in_days=5 + index)
    with django_assert_num_queries(5):
        client.get(reverse("site:home"))


def test_every_page_links_the_programme_list_in_the_main_menu(client, db):
    html = client.get(reverse("programs:good_practice_list")).content.decode()
    nav = html.split('id="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{reverse("programs:program_list")}">Programlar</a>' in nav


def test_home_without_a_published_programme_says_so(client, db):
    response = client.get(reverse("site:home"))
    assert "Henüz yayımlanmış bir program yok." in response.content.decode()
