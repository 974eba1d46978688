from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.exports import as_download
from core.pagination import page_of
from library.models import CollaborationType
from programs import extensions, permissions, selectors
from programs.calendar import cohort_calendar, session_calendar
from programs.models import GoodPractice

PAGE_SIZE = 12


def program_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.published_programs(), per_page=PAGE_SIZE)
    return render(request, "programs/program_list.html", {"programs": page})


def cohort_list(request: HttpRequest) -> HttpResponse:
    """Every open cohort of every published programme, the soonest first."""
    page = page_of(request, selectors.upcoming_cohorts_qs(), per_page=PAGE_SIZE)
    return render(request, "programs/cohort_list.html", {"cohorts": page})


def program_detail(request: HttpRequest, slug: str) -> HttpResponse:
    program = selectors.program_get(slug=slug)
    if program is None or not permissions.can_view_program(request.user, program):
        raise Http404
    return render(request, "programs/program_detail.html", {"program": program})


def _visible_cohort(request: HttpRequest, pk: int):
    cohort = selectors.cohort_get(pk=pk)
    if cohort is None or not permissions.can_view_cohort(request.user, cohort):
        raise Http404
    return cohort


def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page of a cohort; the apps above add their parts to its slots (participants:
    the viewer's registration, the register button, the survey link — programs/extensions.py)."""
    cohort = _visible_cohort(request, pk)
    context = {
        "cohort": cohort,
        "program": cohort.program,
        "days": selectors.sessions_by_day(cohort.sessions.all()),
        "can_manage": permissions.can_manage_programs(request.user),
        "cohort_page": {slot: [] for slot in extensions.SLOTS},
    }
    for section in extensions.cohort_page_sections():
        context.update(section.context(request, cohort))
        for slot, template in section.templates.items():
            context["cohort_page"][slot].append(template)
    return render(request, "programs/cohort_detail.html", context)


def _ics_response(calendar_bytes: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    return as_download(response, filename=f"{filename}.ics")


def cohort_ical(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _visible_cohort(request, pk)
    return _ics_response(cohort_calendar(cohort=cohort), f"donem-{cohort.pk}")


def session_ical(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(pk=pk)
    if session is None or not permissions.can_view_cohort(request.user, session.cohort):
        raise Http404
    return _ics_response(session_calendar(session=session), f"oturum-{session.pk}")


def good_practice_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("tur", "")
    kind = kind if kind in GoodPractice.Kind.values else ""
    country = request.GET.get("ulke", "")
    module_raw = request.GET.get("modul", "")
    module_id = int(module_raw) if module_raw.isdecimal() else None
    collaboration_type = request.GET.get("isbirligi", "")
    practices = selectors.good_practices(
        kind=kind, country=country, module_id=module_id, collaboration_type=collaboration_type
    )
    return render(
        request,
        "programs/good_practice_list.html",
        {
            "practices": practices,
            "kinds": GoodPractice.Kind.choices,
            "countries": selectors.good_practice_countries(),
            "modules": selectors.modules_with_good_practices(),
            "collaboration_types": CollaborationType.objects.order_by("position"),
            "selected": {
                "kind": kind,
                "country": country,
                "module": module_id,
                "collaboration_type": collaboration_type,
            },
        },
    )
