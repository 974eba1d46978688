"""Long lists in pages: `page_of(request, items)` in the view, `includes/pagination.html` in the
template (its links keep the other parameters of the address, e.g. the search)."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 50
PAGE_PARAMETER = "sayfa"


def page_of(
    request: HttpRequest,
    items,
    *,
    per_page: int | None = None,
    parameter: str = PAGE_PARAMETER,
    count: int | None = None,
) -> Page:
    """The page `?sayfa=` asks for: the first when it is not a number, the last when too high.
    A queryset costs two queries (its count and the page's rows), however long it is; one when
    the view counted it already (`count`, e.g. together with other figures). A page with two
    lists gives the second its own `parameter` (the links read `page.parameter`)."""
    paginator = Paginator(items, per_page or PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not asked of the database
    page = paginator.get_page(request.GET.get(parameter))
    page.parameter = parameter
    return page


def is_page_number(value: str) -> bool:
    """A page number as the pages' own links write it — ASCII digits, no leading zero, not
    absurdly many — so that one page has one address (what a cache may key): "01", "001" and
    "١" (an Arabic-Indic one) ask for page 1 too, but under addresses of their own."""
    return value.isascii() and value.isdigit() and value[0] != "0" and len(value) < 7


def asks_only_for_a_page(request: HttpRequest) -> bool:
    """The address has no query but, at most, a page number: the only addresses a cache keeps
    (a query string of anyone's choosing is rendered each time, so that nobody can fill a
    cache with as many copies of a page as they can invent addresses)."""
    return set(request.GET) <= {PAGE_PARAMETER} and all(
        is_page_number(value) for value in request.GET.values()
    )
