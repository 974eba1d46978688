"""The public legal-basis library: list, reference detail and the bridge page (no login)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.pagination import page_of
from library import permissions, selectors
from library.models import LegalReference
from library.selectors import LibraryFilters


def _choice(value: str, allowed) -> str:
    return value if value in allowed else ""


def library(request: HttpRequest) -> HttpResponse:
    types = list(selectors.collaboration_types())
    law_names = selectors.library_law_names()
    filters = LibraryFilters(
        domain=_choice(request.GET.get("domain", ""), LegalReference.Domain.values),
        law=_choice(request.GET.get("law", ""), law_names),
        review_status=_choice(request.GET.get("status", ""), LegalReference.ReviewStatus.values),
        collaboration_type=_choice(request.GET.get("type", ""), {t.slug for t in types}),
        query=request.GET.get("q", "").strip()[:100],
    )
    page = page_of(request, selectors.library_references(filters=filters))
    return render(
        request,
        "library/library.html",
        {
            "references": page.object_list,
            "page": page,
            "filters": filters,
            "domains": LegalReference.Domain.choices,
            "law_names": law_names,
            "statuses": LegalReference.ReviewStatus.choices,
            "collaboration_types": types,
            "can_curate": permissions.can_curate_library(request.user),
        },
    )


def reference_detail(request: HttpRequest, reference_id: int) -> HttpResponse:
    reference = selectors.public_reference(reference_id=reference_id)
    if reference is None:
        raise Http404
    return render(
        request,
        "library/reference_detail.html",
        {"reference": reference, "can_curate": permissions.can_curate_library(request.user)},
    )


def bridge(request: HttpRequest) -> HttpResponse:
    types = list(selectors.collaboration_types())
    selected = _choice(request.GET.get("type", ""), {t.slug for t in types})
    return render(
        request,
        "library/bridge.html",
        {
            "rows": selectors.bridge_rows(type_slug=selected),
            "constitution": list(selectors.constitutional_references()),
            "collaboration_types": types,
            "selected_type": selected,
            "can_curate": permissions.can_curate_library(request.user),
        },
    )
