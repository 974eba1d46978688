import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import BackgroundJob
from core.views import HOME_LIST_SIZE
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
    response = client.get(reverse("core:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert SEED_TITLE in html
    for objective in SEED_OBJECTIVES:
        assert objective in html
    assert "İzmir dönemi" in html


def test_home_renders_in_a_fixed_number_of_queries(client, demo_data, django_assert_num_queries):
    with django_assert_num_queries(7):
        client.get(reverse("core:home"))


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
    response = client.get(reverse("core:home"))
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
    html = client.get(reverse("core:home")).content.decode()
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
        client.get(reverse("core:home"))


def test_every_page_links_the_programme_list_in_the_main_menu(client, db):
    html = client.get(reverse("programs:good_practice_list")).content.decode()
    nav = html.split('id="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{reverse("programs:program_list")}">Programlar</a>' in nav


def test_home_without_a_published_programme_says_so(client, db):
    response = client.get(reverse("core:home"))
    assert "Henüz yayımlanmış bir program yok." in response.content.decode()


def test_coordinator_sends_a_worker_check_and_sees_it_done(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:worker_check"))
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("core:system_status_job", kwargs={"job_id": job.pk})
    assert job.status == BackgroundJob.Status.DONE  # eager in unit tests; see test_worker.py
    fragment = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in fragment
    assert "Çalışan yanıt verdi" in fragment


def test_worker_check_is_post_only(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("core:worker_check")).status_code == 405
    assert BackgroundJob.objects.count() == 0


def test_unknown_job_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("core:system_status_job", kwargs={"job_id": 999})).status_code == 404


def test_a_missing_page_shows_the_sites_own_page_in_turkish(client, settings):
    settings.DEBUG = False
    response = client.get("/boyle-bir-sayfa-yok/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="tr">' in html
    assert "<h1>Sayfa bulunamadı</h1>" in html
    assert 'href="/"' in html
    assert "<style" not in html


def test_component_gallery_shows_every_status_of_every_model(client, coordinator):
    from action_plans.models import ActionPlan, ActionStep, LegalReference
    from participants.models import Certificate, Registration
    from programs.models import Cohort, Program

    client.force_login(coordinator)
    html = client.get(reverse("core:component_gallery")).content.decode()
    for prefix, statuses in (
        ("registration", Registration.Status.values),
        ("program", Program.Status.values),
        ("cohort", Cohort.Status.values),
        ("certificate", Certificate.Status.values),
        ("plan", ActionPlan.Status.values),
        ("step", ActionStep.Status.values),
        ("review", LegalReference.ReviewStatus.values),
    ):
        for status in statuses:
            assert f'data-sample="{prefix}-{status}"' in html
    assert "Bekleme listesinde · sıra 2" in html
    assert "Hukuki inceleme bekliyor" in html


def test_component_gallery_shows_form_errors_next_to_their_fields(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("core:component_gallery")).content.decode()
    assert html.count("Bu alan zorunludur.") == 5
    assert "Geçerli bir e-posta adresi girin." in html
    assert (
        '<ul class="errorlist nonfield"><li>Bitiş tarihi başlangıç tarihinden önce.</li></ul>'
        in html
    )
    assert 'value="ayse@"' in html
    # name, e-mail, language, notes, both radio buttons, the checkbox
    assert html.count('aria-invalid="true"') == 7


def test_component_gallery_shows_pagination_with_both_page_links(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("core:component_gallery")).content.decode()
    assert 'href="?sayfa=1" rel="prev">Önceki sayfa</a>' in html
    assert '<span class="pagination-state">Sayfa 2 / 3</span>' in html
    assert 'href="?sayfa=3" rel="next">Sonraki sayfa</a>' in html


def test_component_gallery_reads_nothing_from_the_database(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    # session, user, and the user's groups and verified address for the menu
    with django_assert_num_queries(4):
        client.get(reverse("core:component_gallery"))
