import signal
import time

import pytest
from django.urls import reverse

from core import cache as core_cache
from core.cache import ResilientRedisCache
from tests.conftest import spare_port
from tests.factories import UserFactory


@pytest.fixture
def redis_down(settings):
    """The cache is a Redis that nobody runs (a refused port), as in an outage."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{spare_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.fixture
def fresh_outage(monkeypatch):
    monkeypatch.setattr(core_cache, "_skip_until", 0.0)


@pytest.mark.usefixtures("fresh_outage")
def test_an_unreachable_redis_behaves_as_an_empty_cache_that_keeps_nothing(caplog):
    cache = ResilientRedisCache(f"redis://127.0.0.1:{spare_port()}/0", {})
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is True
    cache.set("key", 1)
    assert cache.get_many(["key"]) == {}
    assert cache.has_key("key") is False
    with pytest.raises(ValueError, match="not found"):
        cache.incr("key")
    assert cache.delete("key") is False
    # Asked once; the following calls leave Redis alone for a few seconds.
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [
        "cache unavailable, get skipped"
    ]


@pytest.mark.usefixtures("fresh_outage")
def test_a_redis_that_does_not_answer_costs_a_request_one_timeout(redis_server, db):
    cache = ResilientRedisCache(redis_server.url, {"OPTIONS": {"socket_timeout": 1}})
    cache.set("key", 1)
    assert cache.get("key") == 1
    redis_server.process.send_signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert [cache.get("key"), cache.add("lock", 1), cache.get("key")] == [None, True, None]
        took = time.monotonic() - started
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    assert 1 <= took < 2


@pytest.mark.usefixtures("redis_down", "fresh_outage")
def test_logging_in_and_verifying_a_certificate_work_while_redis_is_down(client, db):
    UserFactory(email="ayse@example.org")
    response = client.post(
        reverse("account_login"), {"login": "ayse@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    response = client.get(reverse("certificates:verify"), {"code": "ABCD-EFGH-JKLM-NPQR-STUV"})
    assert response.status_code == 200


@pytest.mark.usefixtures("fresh_outage")
def test_one_redis_client_serves_every_call_and_comes_back_after_a_restart(redis_server):
    cache = ResilientRedisCache(redis_server.url, {})
    try:
        cache.set("key", 1)
        assert cache.get("key") == 1
        client = cache._cache.get_client(write=True)
        assert cache._cache.get_client() is client
        redis_server.stop()
        redis_server.start()
        assert cache.get("key") is None
        cache.set("key", 2)
        assert cache.get("key") == 2
    finally:
        client.connection_pool.disconnect()
