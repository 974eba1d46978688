"""The programme overview for coordinators, with its tables as downloads; the apps above add
columns and sections to it (participants/extensions.py)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.charts import BarRow, bar_chart, choropleth_map
from core.exports import table_response
from core.figure_cache import cached_body
from core.models import Province
from participants import extensions, permissions
from participants.converters import OWN_OVERVIEW_TABLES
from participants.extensions import OverviewTable
from participants.models import Registration
from participants.selectors.reports import ProgramOverview, program_overview
from programs.models import Program


def _program(pk: int) -> Program:
    program = Program.objects.filter(pk=pk).first()
    if program is None:
        raise Http404
    return program


def _cohort_table(overview: ProgramOverview) -> OverviewTable:
    headers = [
        _("Cohort"),
        _("First day"),
        _("Capacity"),
        _("Confirmed"),
        _("Awaiting approval"),
        _("Waiting list"),
        _("Attendance rate (%)"),
        _("Survey responses"),
        *(str(label) for label in overview.figure_labels),
    ]
    rows = [
        [
            row.cohort.title,
            row.cohort.starts_on,
            row.cohort.capacity,
            row.cohort.confirmed_count,
            row.cohort.pending_count,
            row.cohort.waitlisted_count,
            row.attendance_rate if row.attendance_rate is not None else "",
            row.cohort.response_count,
            *row.figures,
        ]
        for row in overview.cohorts
    ]
    return OverviewTable(sheet=_("Cohorts"), headers=headers, rows=rows)


def _own_table(name: str, program: Program) -> OverviewTable:
    overview = program_overview(program=program)
    if name == "donemler":
        return _cohort_table(overview)
    if name == "iller":
        return OverviewTable(
            sheet=_("Provinces"),
            headers=[_("Plate code"), _("Province"), _("Participants")],
            rows=[[f"{plate:02d}", name, count] for plate, name, count in overview.by_province],
        )
    return OverviewTable(
        sheet=_("Organisation kinds"),
        headers=[_("Organisation kind"), _("Participants")],
        rows=[[label, count] for _kind, label, count in overview.by_kind],
    )


OVERVIEW_BODY = "participants/reports/program_overview_body.html"


def overview_context(program: Program) -> dict:
    """The context of the overview's content (OVERVIEW_BODY, without the page around it), the
    same for every coordinator."""
    overview = program_overview(program=program)
    names = dict(Province.objects.values_list("plate", "name"))
    sections = []
    for section in extensions.sections():
        context = section.context(overview.program)
        sections.append(
            {
                "template": section.template,
                "context": context,
                "figure": (section.figure_label, section.figure(context)),
            }
        )
    return {
        "overview": overview,
        "program": overview.program,
        "sections": sections,
        "figures": [
            *overview.figure_totals,
            *(section["figure"] for section in sections),
        ],
        "cohort_columns": 8 + len(overview.figure_labels),
        "status_rows": [
            (label, overview.status_counts.get(value, 0))
            for value, label in Registration.Status.choices
        ],
        "map": choropleth_map(
            values={plate: count for plate, _name, count in overview.by_province},
            names=names,
            title=_("Participants by province"),
        ),
        "kind_chart": bar_chart(
            rows=[
                BarRow(label=label, value=count, display=str(count))
                for _kind, label, count in overview.by_kind
            ],
            title=_("Participants by organisation kind"),
            maximum=max((count for _k, _l, count in overview.by_kind), default=0),
        )
        if overview.by_kind
        else "",
    }


class ProgramOverviewView(RoleRequiredMixin, View):
    """The content is rendered once per programme and language until the data it counts
    changes (core/figure_cache.py); the page around it is each person's own."""

    role_test = permissions.can_manage_survey

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = _program(pk)
        body = cached_body(
            key=f"program-overview:{program.pk}:{get_language()}",
            template_name=OVERVIEW_BODY,
            context=lambda: overview_context(program),
        )
        return render(
            request,
            "participants/reports/program_overview.html",
            {"program": program, "body": body},
        )


class ProgramOverviewExportView(RoleRequiredMixin, View):
    """One table of the overview as CSV or XLSX: cohorts, provinces, organisation kinds, or one
    that a section registered."""

    role_test = permissions.can_manage_survey

    def get(self, _request: HttpRequest, pk: int, table: str, fmt: str) -> HttpResponse:
        program = _program(pk)
        # The URL's converter lets through only OWN_OVERVIEW_TABLES and the registered tables.
        if table in OWN_OVERVIEW_TABLES:
            result = _own_table(table, program)
        else:
            result = extensions.section_table(table)(program)
        return table_response(
            fmt=fmt,
            filename_stem=f"{program.title} – {result.sheet}",
            sheet=result.sheet,
            headers=result.headers,
            rows=result.rows,
        )
