import io

from django.urls import reverse
from django.utils import translation

from accounts.models import User
from participants.demo import PARTICIPANTS
from participants.models import (
    Attendance,
    Registration,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from programs.demo import SEED_OBJECTIVES, SEED_TITLE
from programs.models import Cohort, GoodPractice, Module, Objective, Program, Session


def test_load_demo_is_idempotent_and_uses_the_seed_verbatim(demo_data):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    program = Program.objects.get()
    assert program.title == SEED_TITLE
    assert program.is_published
    assert list(Objective.objects.values_list("text", flat=True)) == SEED_OBJECTIVES
    assert Module.objects.count() == 6
    assert set(Module.objects.values_list("method", flat=True)) == set(Module.Method.values)
    assert Cohort.objects.count() == 2
    assert Session.objects.count() == 12
    assert GoodPractice.objects.count() == 4
    assert User.objects.count() == 4 + len(PARTICIPANTS)


def test_every_demo_person_has_a_name_of_their_own(demo_data):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    names = list(User.objects.values_list("full_name", flat=True))
    assert len(names) == len(set(names)) == 4 + len(PARTICIPANTS)


def test_a_demo_database_from_before_keeps_its_participant_under_the_new_name(db):
    from django.core.management import call_command

    from accounts.services import user_create

    earlier = user_create(
        email="selin.ozturk@ornek.gencisi.local", full_name="Selin Öztürk", password=None
    )
    call_command("load_demo", stdout=io.StringIO())
    renamed = User.objects.get(pk=earlier.pk)
    assert (renamed.email, renamed.full_name) == (
        "cansu.yalcin@ornek.gencisi.local",
        "Cansu Yalçın",
    )
    assert User.objects.filter(full_name="Selin Öztürk").count() == 1  # the facilitator
    assert User.objects.count() == 4 + len(PARTICIPANTS)


def test_demo_has_an_upcoming_open_cohort_and_a_finished_one(demo_data):
    upcoming = Cohort.objects.get(title="İzmir dönemi")
    finished = Cohort.objects.get(title="Ankara dönemi")
    assert not upcoming.is_finished
    assert upcoming.registration_is_open
    assert sorted(user.full_name for user in upcoming.facilitators.all()) == [
        "Emre Işık",
        "Selin Öztürk",
    ]
    assert finished.is_finished
    assert not finished.registration_is_open


def test_finished_demo_cohort_has_attendance_and_survey_responses(demo_data):
    finished = Cohort.objects.get(title="Ankara dönemi")
    confirmed = Registration.objects.filter(cohort=finished, status="confirmed")
    assert confirmed.count() == 12
    assert Attendance.objects.filter(session__cohort=finished).count() == 12 * 6
    assert SurveyResponse.objects.filter(cohort=finished).count() == 9
    demo_registration = confirmed.get(participant__email="katilimci@gencisi.local")
    assert not SurveySubmission.objects.filter(registration=demo_registration).exists()


def test_demo_programme_modules_and_good_practices_have_english_texts(demo_data):
    program = Program.objects.get()
    for field in ("summary_en", "description_en", "audience_en", "organizer_description_en"):
        assert getattr(program, field).strip(), field
    modules = Module.objects.filter(program=program)
    assert modules.count() == 6
    for module in modules:
        assert module.description_en.strip(), module.title
    assert GoodPractice.objects.count() == 4
    for practice in GoodPractice.objects.all():
        assert practice.summary_en.strip(), practice.title
    for question in SurveyQuestion.objects.filter(program=program):
        assert bool(question.choices_en.strip()) == bool(question.choices.strip()), question.text


def test_reloading_the_demo_fills_english_texts_of_existing_rows(demo_data):
    from django.core.management import call_command

    Program.objects.update(summary_en="", description_en="", audience_en="")
    Program.objects.update(organizer_description_en="")
    Module.objects.update(description_en="")
    GoodPractice.objects.update(summary_en="")
    call_command("load_demo", stdout=io.StringIO())
    program = Program.objects.get()
    for field in ("summary_en", "description_en", "audience_en", "organizer_description_en"):
        assert getattr(program, field), field
    assert not Module.objects.filter(description_en="").exists()
    assert not GoodPractice.objects.filter(summary_en="").exists()


def test_english_programme_page_shows_the_english_texts(client, demo_data):
    program = Program.objects.get()
    url = reverse("programs:program_detail", kwargs={"slug": program.slug})
    # The middleware activates the visitor's language in this thread; the override restores
    # Turkish afterwards so later tests do not run in English.
    with translation.override("tr"):
        assert program.summary in client.get(url).content.decode()
        client.post(reverse("set_language"), {"language": "en", "next": url})
        response = client.get(url)
    content = response.content.decode()

    assert response.headers["Content-Language"] == "en"
    assert (
        '<p class="lead">Genç İşi Kooperatif focuses on social cooperativism, which enables '
        "communities in Türkiye that central and local government services do not reach to "
        "access social and economic rights. It organises capacity-building training for "
        "municipalities, using a non-formal education methodology.</p>"
    ) in content
    assert "Türkiye&#x27;s first scientific R&amp;D and education cooperative" in content
    for turkish in (
        program.summary,
        program.organizer_description,
        program.audience,
        *Module.objects.values_list("description", flat=True),
    ):
        assert turkish not in content
