import datetime as dt

import pytest
from django.urls import reverse

from participants.models import Registration
from programs.models import Cohort, Objective, Program
from programs.views.console import programmes
from tests.factories import (
    CohortFactory,
    ModuleFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    SessionFactory,
)


def test_coordinator_creates_a_programme_with_a_readable_slug(console):
    response = console.post(
        reverse("programs:console_program_create"),
        {"title": "Kadın Kooperatifleri Çalıştayı", "summary": "Özet"},
    )
    program = Program.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("programs:console_program", kwargs={"pk": program.pk})
    assert program.slug == "kadin-kooperatifleri-calistayi"
    assert program.status == Program.Status.DRAFT


def test_programme_form_keeps_input_and_explains_missing_summary(console):
    response = console.post(reverse("programs:console_program_create"), {"title": "Yarım kalan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Yarım kalan"' in html
    assert "Bu alan zorunludur." in html
    assert not Program.objects.exists()


def test_publishing_without_objectives_shows_a_message(console):
    program = ProgramFactory(status=Program.Status.DRAFT)
    response = console.post(
        reverse("programs:console_program_status", kwargs={"pk": program.pk}),
        {"status": "published"},
        follow=True,
    )
    assert "Bir eğitim programı yayımlanmadan önce en az bir eğitim hedefi içermelidir." in (
        response.content.decode()
    )
    program.refresh_from_db()
    assert program.status == Program.Status.DRAFT


def test_objectives_are_added_and_reordered_from_the_console(console):
    program = ProgramFactory()
    url = reverse("programs:console_objective_create", kwargs={"pk": program.pk})
    console.post(url, {"text": "Birinci"})
    console.post(url, {"text": "İkinci"})
    second = Objective.objects.get(text="İkinci")
    console.post(
        reverse("programs:console_objective_action", kwargs={"pk": second.pk}), {"action": "up"}
    )
    assert list(program.objectives.values_list("number", "text")) == [(1, "İkinci"), (2, "Birinci")]


def test_empty_objective_is_refused_with_a_message(console):
    program = ProgramFactory()
    response = console.post(
        reverse("programs:console_objective_create", kwargs={"pk": program.pk}), {"text": ""}
    )
    assert "Bu alan zorunludur." in response.content.decode()
    assert not program.objectives.exists()


def test_an_objective_too_long_for_the_certificate_is_refused_and_kept(console):
    program = ProgramFactory()
    text = "Kooperatif mevzuatı ile belediye mevzuatı arasında bağ kurmak. " * 5  # 314, stripped
    response = console.post(
        reverse("programs:console_objective_create", kwargs={"pk": program.pk}), {"text": text}
    )
    html = response.content.decode()
    assert "en fazla 300 karakter" in html
    assert "en fazla 300 karaktere sahip olduğuna emin olun (şu an 314)." in html
    assert text.strip() in html
    assert 'maxlength="300"' in html
    assert not program.objectives.exists()


def test_an_eleventh_objective_is_refused_with_a_message(console):
    program = ProgramFactory()
    for number in range(1, 11):
        ObjectiveFactory(program=program, number=number)
    response = console.post(
        reverse("programs:console_objective_create", kwargs={"pk": program.pk}),
        {"text": "On birinci hedef"},
    )
    html = response.content.decode()
    assert "Bir programın en fazla 10 hedefi olabilir" in html
    assert "On birinci hedef" in html
    assert program.objectives.count() == 10


@pytest.mark.parametrize("count", [1, 3, 30])
def test_dashboard_query_count_does_not_grow(console, count, django_assert_num_queries):
    for _ in range(count):
        cohort = CohortFactory()
        RegistrationFactory(cohort=cohort, status="pending")
        SessionFactory(cohort=cohort)
    with django_assert_num_queries(6):
        response = console.get(reverse("programs:console_dashboard"))
    assert response.context["pending_total"] == count


def test_the_dashboard_shows_a_page_of_cohorts_and_counts_every_pending_registration(
    console, monkeypatch
):
    monkeypatch.setattr(programmes, "DASHBOARD_COHORTS", 2)
    for day in range(3):
        cohort = CohortFactory(
            title=f"Dönem {day}", starts_on=dt.date(2027, 3, 1) + dt.timedelta(days=day)
        )
        RegistrationFactory(cohort=cohort, status="pending")
    SessionFactory(cohort=cohort)
    SessionFactory(cohort=cohort)
    url = reverse("programs:console_dashboard")
    first = console.get(url)
    assert [c.title for c in first.context["cohorts"]] == ["Dönem 2", "Dönem 1"]
    assert first.context["cohorts"][0].session_count == 2
    assert first.context["pending_total"] == 3
    assert "Sayfa 1 / 2" in first.content.decode()
    second = console.get(url, {"sayfa": 2})
    assert [c.title for c in second.context["cohorts"]] == ["Dönem 0"]
    assert second.context["pending_total"] == 3


HIDDEN_BADGE = '<span class="badge badge-warn">Gizli: program yayında değil</span>'


def test_a_published_cohort_of_a_draft_programme_is_shown_as_hidden_throughout_the_console(
    client, console
):
    program = ProgramFactory(title="Taslak Program", status=Program.Status.DRAFT)
    cohort = CohortFactory(program=program, title="Erken yayımlanan dönem")
    CohortFactory(program=program, status=Cohort.Status.DRAFT)
    dashboard = console.get(reverse("programs:console_dashboard")).content.decode()
    row = dashboard.split("Erken yayımlanan dönem", 1)[1].split("</tr>", 1)[0]
    assert HIDDEN_BADGE in row
    program_page = console.get(
        reverse("programs:console_program", kwargs={"pk": program.pk})
    ).content.decode()
    assert program_page.count(HIDDEN_BADGE) == 1
    assert (
        "Bu programın yayımlanmış 1 dönemi, program yayımlanana dek herkese kapalıdır ve bu "
        "döneme kimse kayıt olamaz." in program_page
    )
    cohort_page = console.get(
        reverse("programs:console_cohort", kwargs={"pk": cohort.pk})
    ).content.decode()
    assert HIDDEN_BADGE in cohort_page
    assert (
        "Bu dönem yayımlandı, ancak programı yayında olmadığı sürece kimse onu göremez ve kayıt "
        "olamaz (programın durumu: taslak)." in cohort_page
    )
    client.logout()
    assert client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).status_code == (
        404
    )


def test_unpublishing_a_programme_says_its_published_cohorts_are_hidden_now(console):
    program = ProgramFactory()
    CohortFactory.create_batch(2, program=program)
    CohortFactory(program=program, status=Cohort.Status.DRAFT)
    page = console.get(reverse("programs:console_program", kwargs={"pk": program.pk}))
    assert (
        'data-confirm="Taslağa alınsın mı? Program ve yayındaki 2 dönemi herkese açık '
        'sayfalardan kalkar."' in page.content.decode()
    )
    response = console.post(
        reverse("programs:console_program_status", kwargs={"pk": program.pk}),
        {"status": "draft"},
        follow=True,
    )
    html = response.content.decode()
    assert (
        "Program artık yayında değil; yayındaki 2 dönemi de program yeniden yayımlanana dek "
        "herkese kapalı." in html
    )
    assert html.count(HIDDEN_BADGE) == 2


def test_a_programme_without_published_cohorts_goes_back_to_draft_without_a_warning(console):
    program = ProgramFactory()
    CohortFactory(program=program, status=Cohort.Status.DRAFT)
    page = console.get(reverse("programs:console_program", kwargs={"pk": program.pk}))
    assert "Taslağa alınsın mı?" not in page.content.decode()
    response = console.post(
        reverse("programs:console_program_status", kwargs={"pk": program.pk}),
        {"status": "draft"},
        follow=True,
    )
    html = response.content.decode()
    assert "Programın durumu değiştirildi." in html
    assert "herkese kapalı" not in html


def test_a_second_visit_reads_the_dashboard_from_the_cache_until_a_change(
    console, django_assert_num_queries
):
    cohort = CohortFactory(title="Önbellek dönemi")
    RegistrationFactory(cohort=cohort, status="pending")
    url = reverse("programs:console_dashboard")
    first = console.get(url).content.decode()
    assert "1 kayıt kararınızı bekliyor." in first
    with django_assert_num_queries(
        2
    ):  # the page around the content (session, the user with its roles)
        second = console.get(url).content.decode()
    assert second.split('<main id="main"', 1)[1] == first.split('<main id="main"', 1)[1]
    RegistrationFactory(cohort=cohort, status="pending")
    assert "2 kayıt kararınızı bekliyor." in console.get(url).content.decode()


def test_a_dashboard_address_with_other_parameters_is_not_kept(console):
    cohort = CohortFactory()
    RegistrationFactory(cohort=cohort, status="pending")
    url = reverse("programs:console_dashboard")
    assert "1 kayıt kararınızı bekliyor." in console.get(url, {"x": "1"}).content.decode()
    Registration.objects.filter(cohort=cohort).update(status="confirmed")  # sends no signal
    assert "kararınızı bekliyor" not in console.get(url, {"x": "1"}).content.decode()


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("tr", "Belediyeler İçin Sosyal Kooperatifçilik", "Social Cooperatives for Municipalities"),
        ("en", "Social Cooperatives for Municipalities", "Belediyeler İçin Sosyal Kooperatifçilik"),
    ],
)
def test_console_pages_name_the_programme_in_the_readers_language(
    console, language, shown, not_shown
):
    program = ProgramFactory(
        title="Belediyeler İçin Sosyal Kooperatifçilik",
        title_en="Social Cooperatives for Municipalities",
    )
    cohort = CohortFactory(program=program, title="İzmir dönemi")
    console.cookies["django_language"] = language
    for url in (
        reverse("programs:console_dashboard"),
        reverse("programs:console_program", kwargs={"pk": program.pk}),
        reverse("programs:console_cohort", kwargs={"pk": cohort.pk}),
        reverse("programs:console_cohort_edit", kwargs={"pk": cohort.pk}),
        reverse("participants:program_overview", kwargs={"pk": program.pk}),
    ):
        html = console.get(url).content.decode()
        assert shown in html, url
        assert not_shown not in html, url


def test_a_programme_without_an_english_title_shows_the_turkish_one_in_english(console):
    program = ProgramFactory(title="Kooperatif Okulu", title_en="")
    console.cookies["django_language"] = "en"
    html = console.get(reverse("programs:console_program", kwargs={"pk": program.pk})).content
    assert "<h1>Kooperatif Okulu</h1>" in html.decode()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_programme_console_lists_objectives_modules_and_questions_in_the_readers_language(
    console, language
):
    program = ProgramFactory()
    ObjectiveFactory(program=program, text="Bağ kurmak", text_en="Build links")
    ModuleFactory(program=program, title="Yasal çerçeve", title_en="Legal framework")
    cohort = CohortFactory(program=program)
    RegistrationQuestionFactory(cohort=cohort, text="Kurumunuz", text_en="Your organisation")
    console.cookies["django_language"] = language
    programme = console.get(reverse("programs:console_program", kwargs={"pk": program.pk}))
    questions = console.get(reverse("programs:console_cohort", kwargs={"pk": cohort.pk}))
    expected = {
        "tr": ("Bağ kurmak", "Yasal çerçeve", "Kurumunuz"),
        "en": ("Build links", "Legal framework", "Your organisation"),
    }
    other = expected["en" if language == "tr" else "tr"]
    objective, module, question = expected[language]
    assert objective in programme.content.decode()
    assert module in programme.content.decode()
    assert question in questions.content.decode()
    for text in other[:2]:
        assert text not in programme.content.decode()
    assert other[2] not in questions.content.decode()
