from django.urls import reverse

from programs.models import Cohort, Program


def test_component_gallery_shows_every_status_of_every_model(client, coordinator):
    from action_plans.models import ActionPlan, ActionStep
    from certificates.models import Certificate
    from library.models import LegalReference
    from participants.models import Registration

    client.force_login(coordinator)
    html = client.get(reverse("site:component_gallery")).content.decode()
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
    html = client.get(reverse("site:component_gallery")).content.decode()
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
    html = client.get(reverse("site:component_gallery")).content.decode()
    assert 'href="?sayfa=1" rel="prev">Önceki sayfa</a>' in html
    assert '<span class="pagination-state">Sayfa 2 / 3</span>' in html
    assert 'href="?sayfa=3" rel="next">Sonraki sayfa</a>' in html


def test_component_gallery_reads_nothing_from_the_database(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    # session, and the user with its roles for the menu (one query: accounts.backends)
    with django_assert_num_queries(2):
        client.get(reverse("site:component_gallery"))
