"""The console's registration questions of a cohort (listed on the cohort's console page)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from programs import selectors, services
from programs.forms.questions import RegistrationQuestionForm
from programs.views.console.base import ConsoleView, or_404


def _back(cohort_pk: int) -> HttpResponse:
    return redirect(reverse("programs:console_cohort", kwargs={"pk": cohort_pk}) + "#sorular")


class QuestionFormView(ConsoleView):
    """Create (cohort pk) or edit (question pk) a registration question."""

    def _context(self, cohort_pk, question_pk):
        if question_pk:
            question = or_404(selectors.question_get(pk=question_pk))
            return question.cohort, question
        return or_404(selectors.cohort_summary_get(pk=cohort_pk)), None

    def _render(self, request, form, cohort, question) -> HttpResponse:
        return render(
            request,
            "programs/console/question_form.html",
            {"form": form, "cohort": cohort, "program": cohort.program, "question": question},
        )

    def get(self, request: HttpRequest, cohort_pk=None, pk=None) -> HttpResponse:
        cohort, question = self._context(cohort_pk, pk)
        return self._render(request, RegistrationQuestionForm(instance=question), cohort, question)

    def post(self, request: HttpRequest, cohort_pk=None, pk=None) -> HttpResponse:
        cohort, question = self._context(cohort_pk, pk)
        form = RegistrationQuestionForm(request.POST, instance=question)
        if not form.is_valid():
            return self._render(request, form, cohort, question)
        instance = form.save(commit=False)
        instance.cohort = cohort
        services.question_save(question=instance)
        messages.success(request, _("The question was saved."))
        return _back(cohort.pk)


class QuestionActionView(ConsoleView):
    """POST `action` = up / down / delete."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = or_404(selectors.question_get(pk=pk))
        action = request.POST.get("action")
        if action in {"up", "down"}:
            services.question_move(question=question, up=action == "up")
        elif action == "delete":
            services.question_delete(question=question)
            messages.success(request, _("The question and its answers were deleted."))
        return _back(question.cohort_id)
