import datetime as dt

import pytest
from django.utils import timezone

from participants.models import Registration
from programs import services
from programs.models import Objective, Program, Session
from tests.factories import (
    CohortFactory,
    ModuleFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)


def test_slug_from_turkish_title_is_readable_and_unique(db):
    first = services.program_save(
        program=Program(title="Sosyal Kooperatifçilik Eğitimi", summary="x")
    )
    second = services.program_save(
        program=Program(title="Sosyal Kooperatifçilik Eğitimi", summary="x")
    )
    assert first.slug == "sosyal-kooperatifcilik-egitimi"
    assert second.slug == "sosyal-kooperatifcilik-egitimi-2"


def test_program_without_objectives_cannot_be_published(db):
    program = ProgramFactory(status=Program.Status.DRAFT)
    with pytest.raises(services.PublishError, match="en az bir eğitim hedefi"):
        services.program_publish(program=program)
    program.refresh_from_db()
    assert program.status == Program.Status.DRAFT


def test_program_with_an_objective_is_published(db):
    program = ProgramFactory(status=Program.Status.DRAFT)
    services.objective_add(program=program, text="Hedef")
    services.program_publish(program=program)
    assert Program.objects.get(pk=program.pk).status == Program.Status.PUBLISHED


def _texts(program):
    return list(Objective.objects.filter(program=program).values_list("number", "text"))


def test_objectives_are_numbered_and_reordered_without_gaps(db):
    program = ProgramFactory()
    first = services.objective_add(program=program, text="Bir")
    services.objective_add(program=program, text="İki")
    third = services.objective_add(program=program, text="Üç")
    services.objective_move(objective=third, up=True)
    assert _texts(program) == [(1, "Bir"), (2, "Üç"), (3, "İki")]
    services.objective_move(objective=first, up=True)  # already first: nothing moves
    assert _texts(program) == [(1, "Bir"), (2, "Üç"), (3, "İki")]
    services.objective_delete(objective=first)
    assert _texts(program) == [(1, "Üç"), (2, "İki")]


def test_modules_are_reordered(db):
    program = ProgramFactory()
    one = ModuleFactory(program=program, position=1, title="A")
    two = ModuleFactory(program=program, position=2, title="B")
    services.module_move(module=two, up=True)
    assert list(program.modules.values_list("title", flat=True)) == ["B", "A"]
    one.refresh_from_db()
    assert one.position == 2


def test_new_module_goes_last(db):
    program = ProgramFactory()
    ModuleFactory(program=program, position=4)
    module = services.module_save(
        module=ModuleFactory.build(program=program, position=0), objectives=[]
    )
    assert module.position == 5


def test_quick_schedule_creates_every_block_of_every_day(db):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 1), ends_on=dt.date(2027, 3, 2))
    created = services.sessions_bulk_create(
        cohort=cohort,
        title="Oturum",
        first_day=dt.date(2027, 3, 1),
        days=2,
        blocks=[(dt.time(10, 0), dt.time(12, 0)), (dt.time(13, 30), dt.time(15, 30))],
    )
    assert [session.title for session in created] == [
        "Oturum 1",
        "Oturum 2",
        "Oturum 3",
        "Oturum 4",
    ]
    starts = [
        timezone.localtime(session.starts_at).strftime("%d.%m %H:%M")
        for session in Session.objects.filter(cohort=cohort)
    ]
    assert starts == ["01.03 10:00", "01.03 13:30", "02.03 10:00", "02.03 13:30"]


def test_objective_factory_numbers_follow_program(db):
    objective = ObjectiveFactory(number=3)
    assert objective.code == "03"


def test_raising_capacity_promotes_the_waiting_list_in_order(db):
    cohort = CohortFactory(capacity=1, requires_approval=False)
    RegistrationFactory(cohort=cohort, status="confirmed")
    first = RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    second = RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=2)
    cohort.capacity = 2
    services.cohort_save(cohort=cohort, facilitators=[], by=UserFactory())
    assert Registration.objects.get(pk=first.pk).status == "confirmed"
    assert Registration.objects.get(pk=second.pk).status == "waitlisted"
