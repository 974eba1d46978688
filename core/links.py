from collections.abc import Callable

from django.conf import settings
from django.urls import reverse

_MARK = 987654321  # a number no real id of these pages reaches, to cut the reversed URL at


def absolute_url(path: str) -> str:
    """A site path (from reverse()) as a full address, for what is read outside the site:
    e-mails, calendar feeds, QR codes and PDFs."""
    return settings.SITE_URL.rstrip("/") + path


def url_for_each(viewname: str, *, varying: str, **kwargs) -> Callable[[int], str]:
    """The URL of `viewname` for many values of its integer argument `varying`, the other
    arguments fixed: reversed once, each URL then a concatenation (a page of 50 rows with a
    link each: one `reverse()`, not 50). `url_for_each(...)(pk)` equals
    `reverse(viewname, kwargs={**kwargs, varying: pk})`."""
    before, after = reverse(viewname, kwargs={**kwargs, varying: _MARK}).rsplit(str(_MARK), 1)
    return lambda value: f"{before}{int(value)}{after}"
