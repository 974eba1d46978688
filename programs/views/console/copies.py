"""Copying a cohort (to a new first day) or a programme, and the report of what was copied.

The report is kept in the session under the copy's id, so the page after the redirect (and a
reload of it) shows it; without it, the page sends the coordinator to the copy itself."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import copies, selectors
from programs.forms.copies import CohortCopyForm
from programs.views.console.base import ConsoleView, or_404


def _keep_report(request: HttpRequest, kind: str, report: copies.CopyReport) -> None:
    request.session[f"copy-report-{kind}-{report.copy.pk}"] = report.as_data()


def _report_lines(request: HttpRequest, kind: str, pk: int) -> tuple[list, list] | None:
    data = request.session.get(f"copy-report-{kind}-{pk}")
    if data is None:
        return None
    lines = [{"label": label, "count": count} for label, count, _copied in data]
    copied = [line for line, row in zip(lines, data, strict=True) if row[2]]
    not_copied = [line for line, row in zip(lines, data, strict=True) if not row[2]]
    return copied, not_copied


class CohortCopyView(ConsoleView):
    def _render(self, request, form, cohort) -> HttpResponse:
        return render(
            request,
            "programs/console/cohort_copy.html",
            {"form": form, "cohort": cohort, "program": cohort.program},
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = or_404(selectors.cohort_summary_get(pk=pk))
        title = _("%(title)s (copy)") % {"title": cohort.title}
        return self._render(request, CohortCopyForm(initial={"title": title[:200]}), cohort)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = or_404(selectors.cohort_summary_get(pk=pk))
        form = CohortCopyForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, cohort)
        report = copies.cohort_copy(
            source=cohort,
            new_first_day=form.cleaned_data["first_day"],
            title=form.cleaned_data["title"],
        )
        _keep_report(request, "cohort", report)
        messages.success(request, _("The cohort was copied as a draft."))
        return redirect("programs:console_cohort_copied", pk=report.copy.pk)


class CohortCopiedView(ConsoleView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = or_404(selectors.cohort_get(pk=pk))
        lines = _report_lines(request, "cohort", cohort.pk)
        if lines is None:
            return redirect("programs:console_cohort", pk=cohort.pk)
        return render(
            request,
            "programs/console/copy_report.html",
            {
                "copy": cohort,
                "program": cohort.program,
                "copied": lines[0],
                "not_copied": lines[1],
                "sessions": cohort.sessions.all(),
                "is_cohort": True,
                "open_url_name": "programs:console_cohort",
            },
        )


class ProgramCopyView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = or_404(selectors.console_program_get(pk=pk))
        report = copies.program_copy(source=program)
        _keep_report(request, "program", report)
        messages.success(request, _("The programme was copied as a draft."))
        return redirect("programs:console_program_copied", pk=report.copy.pk)


class ProgramCopiedView(ConsoleView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = or_404(selectors.console_program_get(pk=pk))
        lines = _report_lines(request, "program", program.pk)
        if lines is None:
            return redirect("programs:console_program", pk=program.pk)
        return render(
            request,
            "programs/console/copy_report.html",
            {
                "copy": program,
                "program": program,
                "copied": lines[0],
                "not_copied": lines[1],
                "open_url_name": "programs:console_program",
            },
        )
