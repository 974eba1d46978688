"""The coordinator's impact dashboard: plans by collaboration type, SDG, province and kind of
organisation, and how far their steps have come. Each chart has its table beside it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.selectors import dashboard as selectors
from core.charts import BarRow, bar_chart
from core.figure_cache import cached_body
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


def _dashboard_context() -> dict:
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
        sections.append({"key": key, "title": title, "rows": rows, "chart": _chart(rows, title)})
    steps = selectors.step_figures()
    return {
        "sections": sections,
        "statuses": selectors.plans_by_status(),
        "steps": steps,
        "done_percent": percent_of(steps.done, steps.total) or 0,
    }


class ImpactDashboardView(RoleRequiredMixin, View):
    """The figures are the same for every coordinator: rendered once per language and day
    (a step becomes overdue by the date) until the plans, their steps or the organisations
    change (core/figure_cache.py)."""

    role_test = permissions.can_view_impact_dashboard

    def get(self, request: HttpRequest) -> HttpResponse:
        body = cached_body(
            key=f"impact-dashboard:{get_language()}:{timezone.localdate()}",
            template_name="action_plans/dashboard_body.html",
            context=_dashboard_context,
            request=request,
        )
        return render(request, "action_plans/dashboard.html", {"body": body})
