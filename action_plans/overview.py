"""What action plans add to the programme overview of participants (registered in
ActionPlansConfig.ready, see participants/extensions.py): a section with the programme's plans
by collaboration type and by SDG, as charts and as downloadable tables, and the number of plans
as a figure card."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from action_plans.selectors.dashboard import plans_by_sdg, plans_by_type
from core.charts import BarRow, bar_chart
from participants import extensions
from participants.extensions import OverviewSection, OverviewTable


def _count_chart(rows, title: str):
    if not any(row.count for row in rows):
        return ""
    return bar_chart(
        rows=[BarRow(label=row.label, value=row.count, display=str(row.count)) for row in rows],
        title=title,
        maximum=max(row.count for row in rows),
    )


def plans_section(program) -> dict:
    by_type = plans_by_type(program=program)
    by_sdg = plans_by_sdg(program=program)
    return {
        "plans_by_type": by_type,
        "plans_by_sdg": by_sdg,
        "plans_total": sum(row.count for row in by_type),
        "type_chart": _count_chart(by_type, _("Action plans by collaboration type")),
        "sdg_chart": _count_chart(by_sdg, _("Action plans by sustainable development goal")),
    }


def plans_by_type_table(program) -> OverviewTable:
    return OverviewTable(
        sheet=_("Collaboration types"),
        headers=[_("Collaboration type"), _("Action plans")],
        rows=[[row.label, row.count] for row in plans_by_type(program=program)],
    )


def plans_by_sdg_table(program) -> OverviewTable:
    return OverviewTable(
        sheet=_("SDGs"),
        headers=[_("Sustainable development goal"), _("Action plans")],
        rows=[[row.label, row.count] for row in plans_by_sdg(program=program)],
    )


def register() -> None:
    extensions.register_section(
        OverviewSection(
            template="action_plans/reports/program_overview.html",
            context=plans_section,
            figure_label=gettext_lazy("Action plans"),
            figure=lambda context: context["plans_total"],
            tables={"isbirligi": plans_by_type_table, "skh": plans_by_sdg_table},
        )
    )
