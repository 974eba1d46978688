"""What the apps above programs add to its cohorts and pages, registered in their
AppConfig.ready (programs imports none of them).

- Cohort annotations (`register_cohort_annotator`): every cohort list and detail that programs'
  selectors build goes through `with_seat_counts` (programs/selectors.py), which applies them.
  The contract programs reads: `seats_taken` (the seats held), `pending_count` and
  `waitlisted_count` on each cohort; `Cohort.seats_left` and `Cohort.fill_percent` are computed
  from `seats_taken`. participants annotates them (which registrations hold a seat is its rule),
  one subquery per figure.
- Parts of the public cohort page (`CohortPageSection`): a context function (the request and
  the cohort → variables of the page) and templates for the page's slots: `notice` (above the
  title) and `registration` (in the registration panel, below its facts). participants adds the
  viewer's registration, the register or waiting-list button and the survey link.
- Copying a cohort or a programme (`register_cohort_copier`, `register_program_copier`):
  programs copies what it holds (programs/copies.py); each app above is called with the source
  and the new copy inside the same transaction, copies its own settings of the cohort if it has
  any, and returns the lines of the report (`CopyLine`): what it copied, and what it did not
  copy because it is personal (participants: registrations, answers, attendance, survey
  responses; action_plans: work groups and plans; certificates: certificates).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

SLOTS = ("notice", "registration")

_cohort_copiers: list[Callable] = []
_program_copiers: list[Callable] = []
_cohort_annotators: list[Callable[[QuerySet], QuerySet]] = []
_cohort_page_sections: list["CohortPageSection"] = []


@dataclass(frozen=True)
class CohortPageSection:
    context: Callable  # (request, cohort) → dict, merged into the page's context
    templates: dict[str, str]  # slot → template


def register_cohort_annotator(annotate: Callable[[QuerySet], QuerySet]) -> None:
    _cohort_annotators.append(annotate)


def annotate_cohorts(queryset: QuerySet) -> QuerySet:
    for annotate in _cohort_annotators:
        queryset = annotate(queryset)
    return queryset


def register_cohort_page_section(section: CohortPageSection) -> None:
    _cohort_page_sections.append(section)


def cohort_page_sections() -> list[CohortPageSection]:
    return list(_cohort_page_sections)


@dataclass(frozen=True)
class CopyLine:
    label: str  # what it is, translated ("Sessions", "Registrations")
    count: int | None  # None: a group of settings, not things one counts
    copied: bool  # False: left out on purpose (personal, or belongs to the run)


def register_cohort_copier(copier: Callable) -> None:
    """`copier(source_cohort, new_cohort) → list[CopyLine]`."""
    _cohort_copiers.append(copier)


def register_program_copier(copier: Callable) -> None:
    """`copier(source_program, new_program) → list[CopyLine]`."""
    _program_copiers.append(copier)


def cohort_copiers() -> list[Callable]:
    return list(_cohort_copiers)


def program_copiers() -> list[Callable]:
    return list(_program_copiers)
