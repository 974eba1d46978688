import io

from accounts.models import User
from participants.demo import PARTICIPANTS
from programs.demo import SEED_OBJECTIVES, SEED_TITLE
from programs.models import Cohort, Module, Objective, Program


def test_load_demo_is_idempotent_and_uses_the_seed_verbatim(demo_data):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    program = Program.objects.get()
    assert program.title == SEED_TITLE
    assert program.is_published
    assert list(Objective.objects.values_list("text", flat=True)) == SEED_OBJECTIVES
    assert Module.objects.count() == 6
    assert set(Module.objects.values_list("method", flat=True)) == set(Module.Method.values)
    assert Cohort.objects.count() == 1
    assert User.objects.count() == 3 + len(PARTICIPANTS)


def test_demo_cohort_is_upcoming_and_open_for_registration(demo_data):
    cohort = Cohort.objects.get()
    assert not cohort.is_finished
    assert cohort.registration_is_open
    assert [user.full_name for user in cohort.facilitators.all()] == ["Emre Işık"]
