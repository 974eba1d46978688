"""The evaluation survey: participants answer it, coordinators and facilitators read it."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.charts import BarRow, StackedRow, bar_chart, stacked_scale_chart
from core.exports import csv_response, table_response
from core.numbers import format_decimal, percent_value
from core.page_cache import page_changes_at
from documents.selectors import document_current
from documents.services import document_request
from participants import exports, permissions
from participants.documents import SURVEY_RESPONSES_KIND
from participants.forms.evaluations import SCALE_LABELS, SurveyForm, SurveyQuestionForm
from participants.selectors import evaluations as selectors
from participants.services import evaluations as services
from programs import selectors as program_selectors
from programs.models import Cohort, Program


def _visible_cohort(pk: int) -> Cohort:
    cohort = program_selectors.cohort_get(pk=pk)
    if cohort is None:
        raise Http404
    return cohort


class SurveyView(LoginRequiredMixin, View):
    """A confirmed participant answers the survey of their cohort once."""

    def _context(self, request: HttpRequest, cohort_pk: int):
        cohort = _visible_cohort(cohort_pk)
        registration = selectors.survey_registration(user=request.user, cohort=cohort)
        if not permissions.can_answer_survey(request.user, registration):
            raise Http404
        return cohort, registration

    def _state_page(self, request, cohort, registration) -> HttpResponse | None:
        questions = list(selectors.survey_questions(program=cohort.program))
        if selectors.has_submitted(registration=registration):
            state = "submitted"
        elif not selectors.survey_is_open(cohort=cohort):
            state = "closed" if selectors.survey_is_closed(cohort=cohort) else "not_open"
        elif not questions:
            state = "not_ready"
        else:
            return None
        return render(
            request,
            "participants/survey/state.html",
            {
                "cohort": cohort,
                "state": state,
                "opens_at": selectors.survey_opens_at(cohort=cohort),
            },
        )

    def _form_page(self, request, cohort, form) -> HttpResponse:
        return render(request, "participants/survey/form.html", {"cohort": cohort, "form": form})

    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort, registration = self._context(request, cohort_pk)
        page = self._state_page(request, cohort, registration)
        if page is not None:
            return page
        questions = list(selectors.survey_questions(program=cohort.program))
        return self._form_page(request, cohort, SurveyForm(questions=questions))

    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort, registration = self._context(request, cohort_pk)
        page = self._state_page(request, cohort, registration)
        if page is not None:
            return page
        questions = list(selectors.survey_questions(program=cohort.program))
        form = SurveyForm(request.POST, questions=questions)
        if not form.is_valid():
            messages.error(
                request, _("Some answers are missing or invalid; see the marked questions.")
            )
            return self._form_page(request, cohort, form)
        try:
            services.survey_submit(registration=registration, answers=form.answers())
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you! Your answers were saved."))
        return redirect("participants:survey", cohort_pk=cohort.pk)


def _report_context(report: selectors.SurveyReport) -> dict:
    legend = [str(label) for label in SCALE_LABELS.values()]
    return {
        "report": report,
        "scale_labels": legend,
        "aspect_chart": stacked_scale_chart(
            rows=[
                StackedRow(
                    label=stats.question.display_text, counts=list(stats.distribution.values())
                )
                for stats in report.aspect_questions
            ],
            title=_("Distribution of answers per question"),
            legend=legend,
        )
        if report.aspect_questions
        else "",
        "objective_chart": bar_chart(
            rows=[
                BarRow(
                    label=stats.question.display_text,
                    value=float(stats.mean or 0),
                    display=format_decimal(stats.mean) if stats.mean is not None else "—",
                )
                for stats in report.objective_questions
            ],
            title=_("Mean score per objective (1–5)"),
            maximum=5,
        )
        if report.objective_questions
        else "",
    }


class CohortSurveyReportView(LoginRequiredMixin, View):
    """Coordinators and the cohort's facilitators read the cohort's survey report."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = _visible_cohort(pk)
        if not permissions.can_view_survey_report(request.user, cohort):
            raise Http404
        report = selectors.survey_report(program=cohort.program, cohorts=[cohort])
        page_changes_at(request, selectors.survey_opening_ahead(cohort=cohort))  # "open" then
        return render(
            request,
            "participants/survey/report.html",
            {
                **_report_context(report),
                "cohort": cohort,
                "program": cohort.program,
                "is_open": selectors.survey_is_open(cohort=cohort),
                "is_closed": selectors.survey_is_closed(cohort=cohort),
                "opens_at": selectors.survey_opens_at(cohort=cohort),
                "can_manage": permissions.can_manage_survey(request.user),
            },
        )


class ProgramSurveyReportView(RoleRequiredMixin, View):
    """The survey across all cohorts of a programme."""

    role_test = permissions.can_manage_survey

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = Program.objects.filter(pk=pk).first()
        if program is None:
            raise Http404
        cohorts = list(program.cohorts.order_by("starts_on"))
        report = selectors.survey_report(program=program, cohorts=cohorts)
        return render(
            request,
            "participants/survey/report.html",
            {**_report_context(report), "program": program, "cohort": None},
        )


class SurveyStateView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_survey

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = _visible_cohort(pk)
        action = request.POST.get("action")
        if action == "open":
            services.survey_questions_ensure(program=cohort.program)
            services.survey_open_early(cohort=cohort)
            messages.success(request, _("The survey is open to the confirmed participants."))
        elif action == "close":
            services.survey_close(cohort=cohort)
            messages.success(request, _("The survey is closed."))
        elif action == "reopen":
            services.survey_reopen(cohort=cohort)
            messages.success(request, _("The survey is open again."))
        return redirect("participants:survey_report", pk=cohort.pk)


def _export_scope(request: HttpRequest, kind: str, pk: int):
    """(owner, programme, cohorts) of an export: a cohort its staff may read, or a programme
    (coordinators); 404 for anyone else."""
    if kind == "donem":
        cohort = _visible_cohort(pk)
        if not permissions.can_view_survey_report(request.user, cohort):
            raise Http404
        return cohort, cohort.program, [cohort]
    if not permissions.can_manage_survey(request.user):
        raise Http404
    program = Program.objects.filter(pk=pk).first()
    if program is None:
        raise Http404
    return program, program, list(program.cohorts.all())


class SurveyResponsesExportView(LoginRequiredMixin, View):
    """Every response, one row each. Anonymous cohorts export no personal field at all.

    CSV streams at once (the rows read in chunks while they go out). XLSX is built by the
    worker (a programme's can pass 6,000 rows): the page says so and offers a button; its POST
    asks for the document and leads to the document's page, with a progress bar and then the
    download link."""

    def get(self, request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponseBase:
        owner, program, cohorts = _export_scope(request, kind, pk)
        if fmt == "xlsx":
            return render(
                request,
                "participants/survey/responses_export.html",
                {
                    "owner": owner,
                    "cohort": owner if kind == "donem" else None,
                    "program": program,
                    "document": document_current(kind=SURVEY_RESPONSES_KIND, owner=owner),
                    "responses": selectors.survey_responses_for_export(cohorts=cohorts).count(),
                },
            )
        table = exports.survey_responses_table(program=program, cohorts=cohorts, name=owner.title)
        return csv_response(
            filename=f"{table.filename_stem}.csv", headers=table.headers, rows=table.rows
        )

    def post(self, request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
        owner, _program, _cohorts = _export_scope(request, kind, pk)
        if fmt != "xlsx":
            raise Http404
        document = document_request(
            kind=SURVEY_RESPONSES_KIND, owner=owner, requested_by=request.user
        )
        return redirect("documents:download", document_id=document.pk)


class SurveyReportExportView(LoginRequiredMixin, View):
    """The report table: per question, count, mean and the distribution 1…5."""

    def get(self, request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
        owner, program, cohorts = _export_scope(request, kind, pk)
        report = selectors.survey_report(program=program, cohorts=cohorts)
        headers = [_("Question"), _("Answers"), _("Mean")] + [
            str(label) for label in SCALE_LABELS.values()
        ]
        headers += [f"{_('Mean')}: {label}" for label in report.kind_labels]
        rows = [
            [
                stats.question.display_text,
                stats.count,
                stats.mean if stats.mean is not None else "",
                *stats.distribution.values(),
                *[stats.by_kind.get(kind_name, "") for kind_name in report.kinds],
            ]
            for stats in report.scale_questions
        ]
        rate = report.response_rate
        rows.append(
            [_("Response rate (%)"), report.responses, "" if rate is None else percent_value(rate)]
        )
        return table_response(
            fmt=fmt,
            filename_stem=_("Evaluation report – %(name)s") % {"name": owner.title},
            sheet=_("Report"),
            headers=headers,
            rows=rows,
        )


class SurveyQuestionsView(RoleRequiredMixin, View):
    """A programme's survey questions: the standard set and the coordinator's own."""

    role_test = permissions.can_manage_survey

    def _program(self, pk):
        program = Program.objects.filter(pk=pk).first()
        if program is None:
            raise Http404
        return program

    def _render(self, request, program, form) -> HttpResponse:
        return render(
            request,
            "participants/survey/questions.html",
            {
                "program": program,
                "questions": selectors.survey_questions(program=program),
                "form": form,
            },
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, self._program(pk), SurveyQuestionForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = self._program(pk)
        action = request.POST.get("action")
        if action == "standard":
            created = services.survey_questions_ensure(program=program)
            messages.success(
                request, _("%(count)d standard questions were added.") % {"count": len(created)}
            )
            return redirect("participants:survey_questions", pk=program.pk)
        if action == "delete":
            question_id = request.POST.get("question", "")
            if not question_id.isdecimal():
                raise Http404
            if services.survey_question_delete(program=program, question_id=int(question_id)):
                messages.success(request, _("The question was deleted."))
            else:
                messages.error(
                    request,
                    _(
                        "This question already has answers, so it cannot be deleted: its "
                        "answers would be deleted with it."
                    ),
                )
            return redirect("participants:survey_questions", pk=program.pk)
        form = SurveyQuestionForm(request.POST)
        if not form.is_valid():
            return self._render(request, program, form)
        services.survey_question_add(program=program, question=form.save(commit=False))
        messages.success(request, _("The question was added."))
        return redirect("participants:survey_questions", pk=program.pk)
