"""The one move helper (core.ordering), on lists that use it: a programme's modules (positions),
its objectives (numbers unique per programme) and a cohort's waiting list (numbers kept)."""

from core.ordering import renumber, sibling_move
from participants.models import Registration
from programs.models import Module, Objective
from tests.factories import (
    CohortFactory,
    ModuleFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
)


def _modules(program) -> list[tuple[int, str]]:
    return list(
        Module.objects.filter(program=program).order_by("position").values_list("position", "title")
    )


def test_moving_up_swaps_with_the_one_before_and_numbers_the_list_from_one(db):
    program = ProgramFactory()
    for position, title in ((3, "A"), (7, "B"), (9, "C")):
        ModuleFactory(program=program, position=position, title=title)
    last = Module.objects.get(program=program, title="C")
    ordered = sibling_move(siblings=program.modules.all(), item_pk=last.pk, up=True)
    assert [module.title for module in ordered] == ["A", "C", "B"]
    assert _modules(program) == [(1, "A"), (2, "C"), (3, "B")]


def test_moving_down_swaps_with_the_one_after(db):
    program = ProgramFactory()
    first = ModuleFactory(program=program, position=1, title="A")
    ModuleFactory(program=program, position=2, title="B")
    sibling_move(siblings=program.modules.all(), item_pk=first.pk, up=False)
    assert _modules(program) == [(1, "B"), (2, "A")]


def test_the_first_moved_up_and_the_last_moved_down_stay(db):
    program = ProgramFactory()
    first = ModuleFactory(program=program, position=1, title="A")
    last = ModuleFactory(program=program, position=2, title="B")
    sibling_move(siblings=program.modules.all(), item_pk=first.pk, up=True)
    sibling_move(siblings=program.modules.all(), item_pk=last.pk, up=False)
    assert _modules(program) == [(1, "A"), (2, "B")]


def test_unique_numbers_are_swapped_without_breaking_their_constraint(db):
    program = ProgramFactory()
    one = ObjectiveFactory(program=program, number=1, text="Bir")
    ObjectiveFactory(program=program, number=2, text="İki")
    sibling_move(
        siblings=Objective.objects.filter(program=program),
        item_pk=one.pk,
        up=False,
        field="number",
        unique=True,
    )
    assert list(program.objectives.order_by("number").values_list("number", "text")) == [
        (1, "İki"),
        (2, "Bir"),
    ]


def test_renumbering_an_empty_list_does_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        renumber(items=[])


def test_a_waiting_list_keeps_its_numbers_and_only_the_two_swap(db):
    cohort = CohortFactory()
    first, second, third = (
        RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=order)
        for order in (4, 7, 9)
    )
    sibling_move(
        siblings=Registration.objects.filter(cohort=cohort),
        item_pk=third.pk,
        up=True,
        field="waitlist_order",
        renumber_all=False,
    )
    orders = dict(Registration.objects.values_list("pk", "waitlist_order"))
    assert [orders[r.pk] for r in (first, second, third)] == [4, 9, 7]
