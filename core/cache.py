"""The Redis cache, tolerant of a Redis outage.

The cache holds nothing that cannot be lost (rate-limit counters and allauth's short locks),
so while Redis is down a request goes on as if the cache were empty and kept nothing, instead
of failing with a 500: reads miss, writes are dropped, `add` succeeds (a lock is granted), and
the failure is logged. After a failure the process does not ask Redis again for a few seconds,
so a Redis that does not answer costs a request one timeout, not one per cache call. Rate
limits therefore let requests through until Redis is back; nothing else depends on the cache.

Django's Redis client builds a new `redis.Redis` object (about 170 reply callbacks) for every
cache call; ours keeps one per connection pool (they share the pool's connections anyway).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
SKIP_SECONDS = 5.0  # after a failure, how long this process leaves Redis alone
_skip_until = 0.0


class _UnavailableError(Exception):
    """Redis is down, or was a moment ago."""


class _ReusingRedisCacheClient(RedisCacheClient):
    """One `redis.Redis` per connection pool, made at the first call."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):  # noqa: ARG002 — Django's signature
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _ReusingRedisCacheClient

    def _call(self, operation: str, function, *args):
        """`function(*args)`, or _UnavailableError when Redis is down (or was a moment ago)."""
        global _skip_until  # noqa: PLW0603 — one state for the whole process
        if time.monotonic() < _skip_until:
            raise _UnavailableError
        try:
            return function(*args)
        except UNAVAILABLE as error:
            _skip_until = time.monotonic() + SKIP_SECONDS
            logger.warning("cache unavailable, %s skipped: %s", operation, error)
            raise _UnavailableError from error

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call("add", super().add, key, value, timeout, version)
        except _UnavailableError:
            return True

    def get(self, key, default=None, version=None):
        try:
            return self._call("get", super().get, key, default, version)
        except _UnavailableError:
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            self._call("set", super().set, key, value, timeout, version)
        except _UnavailableError:
            return

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call("touch", super().touch, key, timeout, version)
        except _UnavailableError:
            return False

    def delete(self, key, version=None):
        try:
            return self._call("delete", super().delete, key, version)
        except _UnavailableError:
            return False

    def get_many(self, keys, version=None):
        try:
            return self._call("get_many", super().get_many, keys, version)
        except _UnavailableError:
            return {}

    def has_key(self, key, version=None):
        try:
            return self._call("has_key", super().has_key, key, version)
        except _UnavailableError:
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return self._call("incr", super().incr, key, delta, version)
        except _UnavailableError as error:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)") from error

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call("set_many", super().set_many, data, timeout, version)
        except _UnavailableError:
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            self._call("delete_many", super().delete_many, keys, version)
        except _UnavailableError:
            return

    def clear(self):
        try:
            return self._call("clear", super().clear)
        except _UnavailableError:
            return False
