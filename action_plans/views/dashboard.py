"""The coordinator's impact dashboard: plans by collaboration type, SDG, province and kind of
organisation, and how far their steps have come. Each chart has its table beside it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.selectors import dashboard as selectors
from core.charts import BarRow, bar_chart
from core.numbers import percent_of


def _chart(rows, title: str):
    if not rows or not any(row.count for row in rows):
        return ""
    return bar_chart(
        rows=[BarRow(label=row.label, value=row.count, display=str(row.count)) for row in rows],
        title=title,
        maximum=max(row.count for row in rows),
        label_width=260,
    )


class ImpactDashboardView(RoleRequiredMixin, View):
    role_test = permissions.can_view_impact_dashboard

    def get(self, request: HttpRequest) -> HttpResponse:
        sections = []
        for key, title, rows in (
            ("tur", _("Plans by collaboration type"), selectors.plans_by_type()),
            ("skh", _("Plans by sustainable development goal"), selectors.plans_by_sdg()),
            ("il", _("Plans by province of the municipality"), selectors.plans_by_province()),
            (
                "kurum",
                _("Plans by kind of organisation involved"),
                selectors.plans_by_organization_kind(),
            ),
        ):
            sections.append(
                {"key": key, "title": title, "rows": rows, "chart": _chart(rows, title)}
            )
        steps = selectors.step_figures()
        return render(
            request,
            "action_plans/dashboard.html",
            {
                "sections": sections,
                "statuses": selectors.plans_by_status(),
                "steps": steps,
                "done_percent": percent_of(steps.done, steps.total) or 0,
            },
        )
