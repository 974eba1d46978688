from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from programs import selectors as program_selectors

HOME_LIST_SIZE = 6


def home(request: HttpRequest) -> HttpResponse:
    """One published programme: the home page presents it (objectives, modules, cohorts).
    Several: the open cohorts of all of them, the soonest first, and the programmes, each list
    cut at HOME_LIST_SIZE with a link to its full, paginated page."""
    programs = Paginator(program_selectors.published_programs(), HOME_LIST_SIZE)
    if programs.count == 1:
        context = {"program": program_selectors.featured_program()}
    elif programs.count > 1:
        context = {
            "programs": programs.page(1),
            "cohorts": Paginator(program_selectors.upcoming_cohorts_qs(), HOME_LIST_SIZE).page(1),
        }
    else:
        context = {}
    return render(request, "gencisi/home.html", context)
