"""What the apps above participants add to its pages, registered in their AppConfig.ready
(participants imports none of them):

- a part of each registration's card on "Kayıtlarım" (`RegistrationCardPart`): `attach` gets
  the person's registrations at once and sets what its template reads on each, in a fixed
  number of queries (certificates: the ready certificate to download);
- a column of the programme overview's cohort table (`OverviewCohortFigure`): an annotation of
  the cohorts queryset, shown per cohort, summed in a figure card and exported with the table
  (certificates: "Certificates issued");
- a section of the programme overview (`OverviewSection`): its template and context, its
  figure card and the tables it offers as CSV and XLSX (action_plans: the plans by
  collaboration type and by SDG).

Parts, columns and sections appear in the order the apps register them (INSTALLED_APPS).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RegistrationCardPart:
    template: str
    attach: Callable[[list], None]  # the registrations of "Kayıtlarım" → sets attributes


@dataclass(frozen=True)
class OverviewCohortFigure:
    name: str  # the annotation's name on each cohort
    label: Any  # a (lazy) translated text: the column's header and the card's label
    annotation: Callable[[], Any]  # → a query expression over a cohort (one per cohort)


@dataclass(frozen=True)
class OverviewTable:
    """A downloadable table: the sheet's name, the header row and the rows."""

    sheet: str
    headers: list[str]
    rows: list[list]


@dataclass(frozen=True)
class OverviewSection:
    template: str
    context: Callable[[Any], dict]  # the programme → what the template reads
    figure_label: Any  # the figure card's label
    figure: Callable[[dict], Any]  # the section's context → the card's number
    # The URL name of a table (`…/genel-bakis/<name>.csv`) → the programme → its table.
    tables: dict[str, Callable[[Any], OverviewTable]] = field(default_factory=dict)


_card_parts: list[RegistrationCardPart] = []
_cohort_figures: list[OverviewCohortFigure] = []
_sections: list[OverviewSection] = []


def register_card_part(part: RegistrationCardPart) -> None:
    _card_parts.append(part)


def register_cohort_figure(figure: OverviewCohortFigure) -> None:
    _cohort_figures.append(figure)


def register_section(section: OverviewSection) -> None:
    _sections.append(section)


def card_parts() -> list[RegistrationCardPart]:
    return list(_card_parts)


def cohort_figures() -> list[OverviewCohortFigure]:
    return list(_cohort_figures)


def sections() -> list[OverviewSection]:
    return list(_sections)


def section_table(name: str) -> Callable[[Any], OverviewTable] | None:
    """The registered table of that name, or None."""
    return next((section.tables[name] for section in _sections if name in section.tables), None)


def section_table_names() -> list[str]:
    return [name for section in _sections for name in section.tables]
