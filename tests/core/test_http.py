import pytest
from django.test import RequestFactory

from core.http import client_ip


def _request(forwarded: str | None = None, remote: str = "10.0.0.1"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize("forwarded", [None, "203.0.113.5", "203.0.113.5, 198.51.100.7"])
def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(forwarded)) == "10.0.0.1"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "192.0.2.99, 198.51.100.7", "198.51.100.7"),  # what the client wrote is ignored
        (1, " 192.0.2.99 ,198.51.100.7 ", "198.51.100.7"),
        (2, "192.0.2.99, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "198.51.100.7"),  # a request that skipped the outer proxy
        (1, "2001:DB8::0:1", "2001:db8::1"),
        (1, None, "10.0.0.1"),
        (1, "", "10.0.0.1"),
        (1, "unknown", "10.0.0.1"),
        (1, "198.51.100.7\r\nX: y", "10.0.0.1"),
    ],
)
def test_behind_trusted_proxies_the_entry_our_outermost_proxy_appended_is_the_client(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(forwarded)) == expected
