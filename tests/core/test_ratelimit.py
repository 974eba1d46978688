import datetime as dt

import time_machine
from django.test import RequestFactory

from core.ratelimit import rate_limit_consume


def _hit(remote: str = "10.0.0.1", **headers) -> bool:
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **headers)
    return rate_limit_consume(request, action="test", rate="3/m/ip")


def test_the_window_slides_instead_of_starting_again_each_minute():
    start = dt.datetime(2026, 11, 26, 12, 0, 59, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert [_hit(), _hit()] == [True, True]
        clock.move_to(start + dt.timedelta(seconds=1))  # 12:01:00, a new calendar minute
        assert [_hit(), _hit()] == [True, False]
        clock.move_to(start + dt.timedelta(seconds=59.999))
        assert _hit() is False
        clock.move_to(start + dt.timedelta(seconds=60))  # the two hits of 12:00:59 left
        assert [_hit(), _hit(), _hit()] == [True, True, False]


def test_each_address_has_its_own_window(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        assert [_hit(HTTP_X_FORWARDED_FOR="198.51.100.7") for _ in range(4)] == [True] * 3 + [False]
        assert _hit(HTTP_X_FORWARDED_FOR="198.51.100.8") is True
        assert _hit(remote="10.0.0.2") is True  # no header: the connection's address
