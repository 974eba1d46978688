from django.urls import reverse

from core.models import BackgroundJob
from programs.demo import SEED_OBJECTIVES, SEED_TITLE


def test_home_shows_the_seed_programme_and_its_five_objectives(client, demo_data):
    response = client.get(reverse("core:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert SEED_TITLE in html
    for objective in SEED_OBJECTIVES:
        assert objective in html
    assert "İzmir dönemi" in html


def test_home_renders_in_a_fixed_number_of_queries(client, demo_data, django_assert_num_queries):
    with django_assert_num_queries(6):
        client.get(reverse("core:home"))


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


def test_component_gallery_reads_nothing_from_the_database(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    # session, user, and the user's groups and verified address for the menu
    with django_assert_num_queries(4):
        client.get(reverse("core:component_gallery"))
