"""The one way to move an item of an ordered list one place up or down: swap it with its
neighbour. Lists of positions (objectives, modules, step templates, the steps of a plan) are
numbered 1…n again; a waiting list keeps its numbers (first come, first served: only the two
swap theirs).

The caller locks the list's parent row first (the programme, the collaboration type, the plan),
as its services that append to the list do, so that a move and an append are served one after
the other; the helper locks the rows it renumbers as well.
"""

from django.db import transaction
from django.db.models import Model, QuerySet

# Above any real position: the first pass of a renumbering that must keep a unique constraint
# on the number satisfied at every step parks the rows there.
_PARKING_OFFSET = 10_000


def renumber(*, items: list[Model], field: str = "position", unique: bool = False) -> None:
    """Number `items` 1…n in their order. `unique`: the numbers are unique in the database (a
    constraint), so the rows pass through numbers no other row has."""
    model = type(items[0]) if items else None
    if model is None:
        return
    if unique:
        for number, item in enumerate(items, start=1):
            setattr(item, field, _PARKING_OFFSET + number)
        model.objects.bulk_update(items, [field])
    for number, item in enumerate(items, start=1):
        setattr(item, field, number)
    model.objects.bulk_update(items, [field])


def sibling_move(
    *,
    siblings: QuerySet,
    item_pk: int,
    up: bool,
    field: str = "position",
    unique: bool = False,
    renumber_all: bool = True,
) -> list[Model]:
    """Swap the item `item_pk` of `siblings` with the one before it (`up`) or after it. With
    `renumber_all`, number them 1…n in `field` (see `renumber`); without, only the two swap
    their numbers. The first item moved up, or the last moved down, stays where it is. Returns
    the list in its new order."""
    with transaction.atomic():
        ordered = list(siblings.select_for_update().order_by(field, "pk").only("pk", field))
        index = next(i for i, item in enumerate(ordered) if item.pk == item_pk)
        other = index - 1 if up else index + 1
        moves = 0 <= other < len(ordered)
        if moves:
            ordered[index], ordered[other] = ordered[other], ordered[index]
        if renumber_all:
            renumber(items=ordered, field=field, unique=unique)
        elif moves:
            first, second = ordered[index], ordered[other]
            numbers = getattr(first, field), getattr(second, field)
            setattr(first, field, numbers[1])
            setattr(second, field, numbers[0])
            type(first).objects.bulk_update([first, second], [field])
    return ordered
