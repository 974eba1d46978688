import datetime as dt

import pytest
from django.urls import reverse

from core.models import Province
from participants.models import Registration
from programs.models import Cohort, Objective, Program, Session
from tests.factories import (
    CohortFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def console(client, coordinator):
    client.force_login(coordinator)
    return client


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


def test_coordinator_creates_a_cohort_with_facilitators(console):
    program = ProgramFactory()
    facilitator = UserFactory(roles=["facilitator"], full_name="Çağla Işık")
    response = console.post(
        reverse("programs:console_cohort_create", kwargs={"program_pk": program.pk}),
        {
            "title": "Eskişehir dönemi",
            "starts_on": "2027-05-10",
            "ends_on": "2027-05-11",
            "province": Province.objects.get(name="Eskişehir").pk,
            "capacity": "15",
            "registration_opens_at": "2027-04-01T09:00",
            "registration_closes_at": "2027-05-05T17:00",
            "attendance_threshold": "75",
            "facilitators": [facilitator.pk],
        },
    )
    cohort = Cohort.objects.get()
    assert response.url == reverse("programs:console_cohort", kwargs={"pk": cohort.pk})
    assert list(cohort.facilitators.all()) == [facilitator]
    assert cohort.requires_approval is False


def test_cohort_form_lists_only_facilitators_in_turkish_order(console):
    program = ProgramFactory()
    for name in ["Zeki Çelik", "Çiğdem Ak", "İsmail Er", "Ilgın Su", "Cem Öz"]:
        UserFactory(roles=["facilitator"], full_name=name)
    UserFactory(full_name="Ayşe Katılımcı")
    html = console.get(
        reverse("programs:console_cohort_create", kwargs={"program_pk": program.pk})
    ).content.decode()
    order = [
        html.index(name) for name in ["Cem Öz", "Çiğdem Ak", "Ilgın Su", "İsmail Er", "Zeki Çelik"]
    ]
    assert order == sorted(order)
    assert "Ayşe Katılımcı" not in html


def test_lowering_capacity_below_taken_seats_keeps_the_form(console):
    cohort = CohortFactory(capacity=5, title="Konya dönemi")
    RegistrationFactory.create_batch(3, cohort=cohort, status="confirmed")
    response = console.get(reverse("programs:console_cohort_edit", kwargs={"pk": cohort.pk}))
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "starts_on": cohort.starts_on.isoformat(),
            "ends_on": cohort.ends_on.isoformat(),
            "registration_opens_at": "2020-01-01T09:00",
            "registration_closes_at": (cohort.starts_on - dt.timedelta(days=1)).isoformat()
            + "T09:00",
            "capacity": "2",
            "requires_approval": "",
            "facilitators": [],
        }
    )
    response = console.post(reverse("programs:console_cohort_edit", kwargs={"pk": cohort.pk}), data)
    html = response.content.decode()
    assert "3 yer zaten dolu" in html
    assert 'value="Konya dönemi"' in html
    cohort.refresh_from_db()
    assert cohort.capacity == 5


def test_quick_schedule_adds_sessions(console):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11))
    response = console.post(
        reverse("programs:console_schedule_create", kwargs={"pk": cohort.pk}),
        {
            "title": "Oturum",
            "first_day": "2027-03-10",
            "days": "2",
            "blocks": "10:00-12:00\n13:30-15:30",
        },
        follow=True,
    )
    assert Session.objects.filter(cohort=cohort).count() == 4
    assert "4 oturum eklendi." in response.content.decode()


def test_quick_schedule_error_keeps_what_was_typed(console):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11))
    response = console.post(
        reverse("programs:console_schedule_create", kwargs={"pk": cohort.pk}),
        {"title": "Atölye", "first_day": "2027-03-10", "days": "1", "blocks": "10-12"},
    )
    html = response.content.decode()
    assert "“10-12”, 10:00-12:00 biçiminde bir blok değil." in html
    assert 'value="Atölye"' in html
    assert not Session.objects.exists()


def test_session_is_edited_and_deleted(console):
    session = SessionFactory()
    day = session.cohort.starts_on.isoformat()
    response = console.post(
        reverse("programs:console_session", kwargs={"pk": session.pk}),
        {"title": "Yeni başlık", "day": day, "start_time": "14:00", "end_time": "15:00"},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Yeni başlık"
    console.post(reverse("programs:console_session_delete", kwargs={"pk": session.pk}))
    assert not Session.objects.exists()


@pytest.mark.parametrize("count", [1, 3, 30])
def test_dashboard_query_count_does_not_grow(console, count, django_assert_num_queries):
    for _ in range(count):
        cohort = CohortFactory()
        RegistrationFactory(cohort=cohort, status="pending")
        SessionFactory(cohort=cohort)
    with django_assert_num_queries(6):
        response = console.get(reverse("programs:console_dashboard"))
    assert response.context["pending_total"] == count


@pytest.mark.parametrize("count", [1, 3, 30])
def test_my_cohorts_query_count_does_not_grow(
    client, facilitator, count, django_assert_num_queries
):
    for _ in range(count):
        cohort = CohortFactory()
        cohort.facilitators.add(facilitator)
        SessionFactory(cohort=cohort)
    CohortFactory()  # someone else's cohort
    client.force_login(facilitator)
    with django_assert_num_queries(6):
        response = client.get(reverse("programs:my_cohorts"))
    assert len(response.context["cohorts"]) == count


def test_cancelling_a_cohort_from_the_console_says_how_many_registrations_went(console):
    cohort = CohortFactory()
    RegistrationFactory.create_batch(2, cohort=cohort)
    response = console.post(
        reverse("programs:console_cohort_status", kwargs={"pk": cohort.pk}),
        {"status": "cancelled"},
        follow=True,
    )
    html = response.content.decode()
    assert "Eğitim dönemi iptal edildi; 2 kayıt iptal edildi" in html
    assert set(Registration.objects.values_list("status", flat=True)) == {"cancelled"}


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


def test_publishing_a_cohort_of_a_draft_programme_says_it_stays_hidden(console):
    cohort = CohortFactory(
        program=ProgramFactory(status=Program.Status.DRAFT), status=Cohort.Status.DRAFT
    )
    response = console.post(
        reverse("programs:console_cohort_status", kwargs={"pk": cohort.pk}),
        {"status": "published"},
        follow=True,
    )
    assert (
        "Dönem yayımlandı, ancak programı yayımlanana dek herkese kapalı kalır."
        in response.content.decode()
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


def test_the_registration_pages_of_all_cohorts_and_of_one_cohort_have_distinct_names(console):
    cohort = CohortFactory()
    html = console.get(
        reverse("programs:console_cohort", kwargs={"pk": cohort.pk})
    ).content.decode()
    index = reverse("participants:console")
    one = reverse("participants:cohort_registrations", kwargs={"cohort_pk": cohort.pk})
    assert f'<a href="{index}">Dönemlere göre kayıtlar</a>' in html
    assert f'<a class="button button-small" href="{one}">Bu dönemin kayıtları</a>' in html
    assert ">Kayıtlar</a>" not in html
    assert "<h1>Dönemlere göre kayıtlar</h1>" in console.get(index).content.decode()
