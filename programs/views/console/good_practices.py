"""The console's good practices."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import selectors, services
from programs.forms.good_practices import GoodPracticeForm
from programs.views.console.base import ConsoleView, or_404


class GoodPracticeListView(ConsoleView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "programs/console/good_practice_list.html",
            {"practices": selectors.console_good_practices()},
        )


class GoodPracticeFormView(ConsoleView):
    def _practice(self, pk):
        return or_404(selectors.good_practice_get(pk=pk)) if pk else None

    def _render(self, request, form, practice) -> HttpResponse:
        return render(
            request,
            "programs/console/good_practice_form.html",
            {"form": form, "practice": practice},
        )

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        practice = self._practice(pk)
        return self._render(request, GoodPracticeForm(instance=practice), practice)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        practice = self._practice(pk)
        form = GoodPracticeForm(request.POST, instance=practice)
        if not form.is_valid():
            return self._render(request, form, practice)
        services.good_practice_save(
            practice=form.save(commit=False),
            modules=form.cleaned_data["modules"],
            collaboration_types=form.cleaned_data["collaboration_types"],
        )
        messages.success(request, _("The good practice was saved."))
        return redirect("programs:console_good_practices")


class GoodPracticeDeleteView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        practice = or_404(selectors.good_practice_get(pk=pk))
        practice.delete()
        messages.success(request, _("The good practice was deleted."))
        return redirect("programs:console_good_practices")
