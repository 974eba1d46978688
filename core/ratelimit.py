"""Our own rate limits, counted exactly as allauth counts its own.

allauth keeps, per limit and key, the times of the hits inside the window (a sliding window:
30 a minute means at most 30 in any 60 seconds, never 60 across a minute boundary), under a
short lock in the Django cache (`cache.add`: atomic on Redis; on the folder cache of a laptop
two processes can at worst both count, which only makes the limit stricter). The address is
`core.http.client_ip`, through the account adapter, for its limits and ours alike. Its public
`consume` only counts POSTs of its own actions; ours count GETs too (a certificate lookup is a
GET), hence the call to its implementation.
"""

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.http import HttpRequest


def rate_limit_consume(request: HttpRequest, *, action: str, rate: str) -> bool:
    """Count one hit of `action` and say whether it is within `rate` (allauth's notation,
    e.g. "30/m/ip": 30 a minute per address)."""
    usage = allauth_ratelimit.consume(
        request, app="gencisi", action=action, config={action: rate}, limit_get=True
    )
    return usage is not None
