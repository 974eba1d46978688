"""Writes for programmes, objectives, modules, cohorts, sessions, registration questions and good
practices (copies: programs/copies.py)."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.ordering import renumber, sibling_move
from core.text import turkish_slugify
from programs import signals
from programs.models import (
    Cohort,
    GoodPractice,
    Module,
    Objective,
    Program,
    RegistrationQuestion,
    Session,
)


class PublishError(Exception):
    """A programme that cannot be published yet; the message says why (translated)."""


def unique_program_slug(*, title: str, exclude_pk: int | None = None) -> str:
    """A readable ASCII slug from a Turkish title, with -2, -3… when it is taken."""
    base = turkish_slugify(title)[:190] or "program"
    slug, suffix = base, 2
    taken = Program.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def program_save(*, program: Program) -> Program:
    """Create or update a programme; an empty slug is made from the title."""
    if not program.slug:
        program.slug = unique_program_slug(title=program.title, exclude_pk=program.pk)
    program.save()
    return program


def program_publish(*, program: Program) -> Program:
    """Publish the programme; `program_published` lets the apps above prepare for it in the same
    transaction (participants: the evaluation survey's questions)."""
    if not program.objectives.exists():
        raise PublishError(_("A programme needs at least one objective before it is published."))
    with transaction.atomic():
        program.status = Program.Status.PUBLISHED
        program.save(update_fields=["status", "updated_at"])
        signals.program_published.send(sender=Program, program=program)
    return program


def program_set_status(*, program: Program, status: str) -> Program:
    """Back to draft or into the archive (publishing goes through program_publish)."""
    program.status = status
    program.save(update_fields=["status", "updated_at"])
    return program


@transaction.atomic
def objective_add(*, program: Program, text: str, text_en: str = "") -> Objective:
    Program.objects.select_for_update().filter(pk=program.pk).first()
    last = program.objectives.aggregate(last=Max("number"))["last"] or 0
    return Objective.objects.create(program=program, number=last + 1, text=text, text_en=text_en)


@transaction.atomic
def objective_move(*, objective: Objective, up: bool) -> None:
    """Swap an objective with its neighbour and keep the numbering 01…NN without gaps."""
    Program.objects.select_for_update().filter(pk=objective.program_id).first()
    sibling_move(
        siblings=Objective.objects.filter(program_id=objective.program_id),
        item_pk=objective.pk,
        up=up,
        field="number",
        unique=True,
    )


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    Program.objects.select_for_update().filter(pk=objective.program_id).first()
    program_id = objective.program_id
    objective.delete()
    renumber(
        items=list(Objective.objects.filter(program_id=program_id).order_by("number")),
        field="number",
        unique=True,
    )


def module_save(*, module: Module, objectives: Iterable[Objective]) -> Module:
    if module.pk is None:
        last = module.program.modules.aggregate(last=Max("position"))["last"]
        module.position = 1 if last is None else last + 1
    module.save()
    module.objectives.set(objectives)
    return module


@transaction.atomic
def module_move(*, module: Module, up: bool) -> None:
    Program.objects.select_for_update().filter(pk=module.program_id).first()
    sibling_move(
        siblings=Module.objects.filter(program_id=module.program_id), item_pk=module.pk, up=up
    )


@transaction.atomic
def cohort_save(*, cohort: Cohort, facilitators: Iterable, by=None) -> Cohort:
    """Create or update a cohort and its facilitators. Raising the capacity gives the new seats
    to the waiting list in the same transaction (first come, first served): programs sends
    `cohort_capacity_changed`, participants fills them."""
    previous = (
        Cohort.objects.select_for_update()
        .filter(pk=cohort.pk)
        .values_list("capacity", flat=True)
        .first()
        if cohort.pk
        else None
    )
    cohort.save()
    cohort.facilitators.set(facilitators)
    if previous is not None and cohort.capacity > previous:
        signals.cohort_capacity_changed.send(sender=Cohort, cohort=cohort, by=by)
    return cohort


def cohort_cancel(*, cohort: Cohort, by) -> int:
    """Cancel the cohort; `cohort_cancelled`, in the same transaction with the cohort row locked,
    lets participants cancel every active registration in it and e-mail each person (nobody
    moves up from the waiting list: there is nothing to move up to). Returns how many
    registrations were cancelled."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        cohort.status = Cohort.Status.CANCELLED
        cohort.save(update_fields=["status", "updated_at"])
        responses = signals.cohort_cancelled.send(sender=Cohort, cohort=cohort, by=by)
    return sum(cancelled for _receiver, cancelled in responses)


def cohort_set_status(*, cohort: Cohort, status: str) -> Cohort:
    cohort.status = status
    cohort.save(update_fields=["status", "updated_at"])
    return cohort


def session_save(*, session: Session, modules: Iterable[Module]) -> Session:
    session.save()
    session.modules.set(modules)
    return session


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def schedule_blocks(
    *, first_day: dt.date, days: int, blocks: list[tuple[dt.time, dt.time]]
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) of every block of every day, in order."""
    return [
        (
            _aware(first_day + dt.timedelta(days=offset), start),
            _aware(first_day + dt.timedelta(days=offset), end),
        )
        for offset in range(days)
        for start, end in blocks
    ]


@transaction.atomic
def sessions_bulk_create(
    *,
    cohort: Cohort,
    title: str,
    first_day: dt.date,
    days: int,
    blocks: list[tuple[dt.time, dt.time]],
    room: str = "",
    online_url: str = "",
) -> list[Session]:
    """Quick add of a multi-day schedule: one session per block per day, numbered in order."""
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
    existing = cohort.sessions.count()
    times = schedule_blocks(first_day=first_day, days=days, blocks=blocks)
    return Session.objects.bulk_create(
        [
            Session(
                cohort=cohort,
                title=f"{title} {existing + number}",
                starts_at=start,
                ends_at=end,
                room=room,
                online_url=online_url,
            )
            for number, (start, end) in enumerate(times, 1)
        ]
    )


@transaction.atomic
def question_save(*, question: RegistrationQuestion) -> RegistrationQuestion:
    """Create (appended last) or update a registration question. Answers given before keep
    their words when a choice is renamed or removed (participants.RegistrationAnswer)."""
    Cohort.objects.select_for_update().filter(pk=question.cohort_id).first()
    if question.pk is None:
        last = question.cohort.registration_questions.aggregate(last=Max("position"))["last"]
        question.position = 1 if last is None else last + 1
    question.save()
    return question


@transaction.atomic
def question_move(*, question: RegistrationQuestion, up: bool) -> None:
    Cohort.objects.select_for_update().filter(pk=question.cohort_id).first()
    sibling_move(
        siblings=RegistrationQuestion.objects.filter(cohort_id=question.cohort_id),
        item_pk=question.pk,
        up=up,
    )


@transaction.atomic
def question_delete(*, question: RegistrationQuestion) -> None:
    """Delete the question and, with it, every answer given to it."""
    Cohort.objects.select_for_update().filter(pk=question.cohort_id).first()
    question.delete()


def good_practice_save(
    *, practice: GoodPractice, modules: Iterable[Module], collaboration_types: Iterable = ()
) -> GoodPractice:
    practice.save()
    practice.modules.set(modules)
    practice.collaboration_types.set(collaboration_types)
    return practice
