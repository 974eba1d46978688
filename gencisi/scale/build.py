"""What the steps of `load_scale` share: the seeded random source, the day the data is anchored
to, and the rows written so far."""

import datetime as dt
import random
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils import timezone

from gencisi.scale.sizes import ScaleSize

BATCH = 2000


@dataclass
class CohortPlan:
    """A generated cohort and what the later steps need of it."""

    cohort: object  # programs.Cohort
    phase: str  # finished | running | upcoming | cancelled | draft
    programme: object  # programs.Program
    sessions: list = field(default_factory=list)
    facilitators: list = field(default_factory=list)
    registrations: list = field(default_factory=list)  # participants.Registration, in order

    @property
    def confirmed(self) -> list:
        return [r for r in self.registrations if r.status == "confirmed"]


@dataclass
class Build:
    rng: random.Random
    size: ScaleSize
    today: dt.date
    coordinator: object
    demo_participant: object
    demo_facilitator: object
    provinces: dict = field(default_factory=dict)  # plate → Province
    organisations: list = field(default_factory=list)
    people: list = field(default_factory=list)  # accounts.User with .scale_organisation
    facilitators: list = field(default_factory=list)
    cohorts: list[CohortPlan] = field(default_factory=list)
    questions: dict = field(default_factory=dict)  # programme pk → [SurveyQuestion]
    certificates: list = field(default_factory=list)  # (CohortPlan, valid Certificate)

    def at(self, day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
        """An aware local time on `day`."""
        return dt.datetime.combine(
            day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone()
        )

    def some_time(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        """A moment between start and end, to the second."""
        span = max(int((end - start).total_seconds()), 1)
        return start + dt.timedelta(seconds=self.rng.randrange(span))

    def pick(self, weighted: dict):
        return self.rng.choices(list(weighted), weights=list(weighted.values()))[0]


def bulk(model, objects: list) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH)


@contextmanager
def explicit_timestamps(*models):
    """Let the generator write `auto_now` / `auto_now_add` fields itself (the dates of a past
    two years, not the moment of loading); every row written meanwhile must carry them."""
    changed = []
    for model in models:
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False) or getattr(
                model_field, "auto_now_add", False
            ):
                changed.append((model_field, model_field.auto_now, model_field.auto_now_add))
                model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in changed:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add
