import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import Cohort, Program
from tests.factories import (
    CohortFactory,
    ObjectiveFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(db):
    cohort = CohortFactory(
        title="İzmir", starts_on=dt.date(2027, 3, 1), ends_on=dt.date(2027, 3, 2)
    )
    SessionFactory(
        cohort=cohort,
        title="Açılış",
        starts_at=timezone.make_aware(dt.datetime(2027, 3, 1, 9, 30)),
        ends_at=timezone.make_aware(dt.datetime(2027, 3, 1, 12, 30)),
    )
    RegistrationFactory(cohort=cohort)
    return cohort


def test_copy_form_proposes_a_title_and_says_the_weekday(console, cohort):
    response = console.get(reverse("programs:console_cohort_copy", kwargs={"pk": cohort.pk}))
    html = response.content.decode()
    assert response.context["form"]["title"].value() == "İzmir (kopya)"
    assert "Kopyalanan dönem bir Pazartesi günü başlıyor." in html


def test_copy_without_a_first_day_is_refused_in_turkish_keeping_the_title(console, cohort):
    url = reverse("programs:console_cohort_copy", kwargs={"pk": cohort.pk})
    response = console.post(url, {"first_day": "", "title": "Manisa dönemi"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"first_day": ["Bu alan zorunludur."]}
    assert 'value="Manisa dönemi"' in response.content.decode()
    response = console.post(url, {"first_day": "31.02.2027", "title": "Manisa dönemi"})
    assert response.status_code == 200
    assert Cohort.objects.count() == 1


def test_copy_ends_on_the_report_of_what_was_copied_and_what_was_not(console, cohort):
    response = console.post(
        reverse("programs:console_cohort_copy", kwargs={"pk": cohort.pk}),
        {"first_day": "2027-05-05", "title": "Manisa dönemi"},
        follow=True,
    )
    copy = Cohort.objects.get(title="Manisa dönemi")
    assert response.redirect_chain == [
        (reverse("programs:console_cohort_copied", kwargs={"pk": copy.pk}), 302)
    ]
    html = response.content.decode()
    assert "Eğitim dönemi taslak olarak kopyalandı." in html
    assert "Neler kopyalandı" in html
    assert response.context["copied"][0] == {"label": "Oturumlar", "count": 1}
    assert {"label": "Kayıtlar", "count": 1} in response.context["not_copied"]
    assert "Pazartesi, 10 Mayıs 2027" in html
    assert "09:30–12:30" in html
    assert copy.status == Cohort.Status.DRAFT
    assert copy.registrations.count() == 0


def test_programme_copy_is_a_post_that_ends_on_its_report(console):
    program = ObjectiveFactory(program__title="Eğitim").program
    url = reverse("programs:console_program_copy", kwargs={"pk": program.pk})
    assert console.get(url).status_code == 405
    response = console.post(url, follow=True)
    copy = Program.objects.get(title="Eğitim (kopya)")
    assert copy.status == Program.Status.DRAFT
    assert response.context["copied"][0] == {"label": "Hedefler", "count": 1}
    assert "Program taslak olarak kopyalandı." in response.content.decode()
    again = console.get(reverse("programs:console_program_copied", kwargs={"pk": program.pk}))
    assert again.url == reverse("programs:console_program", kwargs={"pk": program.pk})
