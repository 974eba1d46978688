import datetime as dt

from django.urls import reverse

from core.models import Province
from participants.models import Registration
from programs.models import Cohort, Program, Session
from tests.factories import (
    CohortFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


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
