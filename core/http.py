"""Who is asking: the client's address, one answer for every rate limit (ours and allauth's)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address the request came from.

    With no proxy configured (`TRUSTED_PROXY_COUNT` = 0) it is the connection's own address and
    `X-Forwarded-For` is ignored: anyone can send that header. Behind N proxies of ours, each
    appending the address it received the request from, the client is the N-th entry from the
    right of `X-Forwarded-For` (the one our outermost proxy appended); the entries left of it
    are whatever the client sent. A header shorter than N (a request that skipped a proxy)
    gives its left-most entry, which one of our proxies wrote; a missing or malformed one
    gives the connection's address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if not forwarded:
        return remote
    return _address(forwarded[-min(count, len(forwarded))]) or remote
