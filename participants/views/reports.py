"""The programme overview for coordinators, with its tables as downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans.selectors.dashboard import plans_by_sdg, plans_by_type
from core.charts import BarRow, bar_chart, choropleth_map
from core.exports import table_response
from core.models import Province
from participants import permissions
from participants.models import Registration
from participants.selectors.reports import ProgramOverview, program_overview
from programs.models import Program


def _overview(pk: int) -> ProgramOverview:
    program = Program.objects.filter(pk=pk).first()
    if program is None:
        raise Http404
    return program_overview(program=program)


def _cohort_table(overview: ProgramOverview) -> tuple[list[str], list[list]]:
    headers = [
        _("Cohort"),
        _("First day"),
        _("Capacity"),
        _("Confirmed"),
        _("Awaiting approval"),
        _("Waiting list"),
        _("Attendance rate (%)"),
        _("Survey responses"),
        _("Certificates issued"),
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
            row.cohort.certificate_count,
        ]
        for row in overview.cohorts
    ]
    return headers, rows


def _plan_charts(program: Program) -> dict:
    by_type = plans_by_type(program=program)
    by_sdg = plans_by_sdg(program=program)
    return {
        "plans_by_type": by_type,
        "plans_by_sdg": by_sdg,
        "plans_total": sum(row.count for row in by_type),
        "type_chart": _count_chart(by_type, _("Action plans by collaboration type")),
        "sdg_chart": _count_chart(by_sdg, _("Action plans by sustainable development goal")),
    }


def _count_chart(rows, title: str):
    if not any(row.count for row in rows):
        return ""
    return bar_chart(
        rows=[BarRow(label=row.label, value=row.count, display=str(row.count)) for row in rows],
        title=title,
        maximum=max(row.count for row in rows),
    )


class ProgramOverviewView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_survey

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        overview = _overview(pk)
        names = dict(Province.objects.values_list("plate", "name"))
        return render(
            request,
            "participants/reports/program_overview.html",
            {
                "overview": overview,
                "program": overview.program,
                "status_rows": [
                    (label, overview.status_counts.get(value, 0))
                    for value, label in Registration.Status.choices
                ],
                "map": choropleth_map(
                    values={plate: count for plate, _name, count in overview.by_province},
                    names=names,
                    title=_("Participants by province"),
                ),
                **_plan_charts(overview.program),
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
            },
        )


class ProgramOverviewExportView(RoleRequiredMixin, View):
    """One table of the overview as CSV or XLSX: cohorts, provinces or organisation kinds."""

    role_test = permissions.can_manage_survey

    def get(self, _request: HttpRequest, pk: int, table: str, fmt: str) -> HttpResponse:
        overview = _overview(pk)
        if table == "donemler":
            headers, rows = _cohort_table(overview)
            sheet = _("Cohorts")
        elif table == "iller":
            headers = [_("Plate code"), _("Province"), _("Participants")]
            rows = [[f"{plate:02d}", name, count] for plate, name, count in overview.by_province]
            sheet = _("Provinces")
        elif table == "kurumlar":
            headers = [_("Organisation kind"), _("Participants")]
            rows = [[label, count] for _kind, label, count in overview.by_kind]
            sheet = _("Organisation kinds")
        elif table == "isbirligi":
            headers = [_("Collaboration type"), _("Action plans")]
            rows = [[row.label, row.count] for row in plans_by_type(program=overview.program)]
            sheet = _("Collaboration types")
        else:
            headers = [_("Sustainable development goal"), _("Action plans")]
            rows = [[row.label, row.count] for row in plans_by_sdg(program=overview.program)]
            sheet = _("SDGs")
        return table_response(
            fmt=fmt,
            filename_stem=f"{overview.program.title} – {sheet}",
            sheet=sheet,
            headers=headers,
            rows=rows,
        )
