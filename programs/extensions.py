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
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

SLOTS = ("notice", "registration")

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
