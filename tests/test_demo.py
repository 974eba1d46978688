import io

from accounts.models import User
from participants.demo import PARTICIPANTS
from participants.models import Attendance, Registration, SurveyResponse, SurveySubmission
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
