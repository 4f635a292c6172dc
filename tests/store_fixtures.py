"""Every implementation of the store interfaces (bot/storage/interfaces.py), for the shared
suites: `sessions_factory` and `limiter_factory` are parametrised over memory, the shared
SQLite file and Redis (a real server, tests/servers.py), as the `limits` library runs every
strategy on every storage. A factory call is one instance (one worker or one machine);
instances made by one factory share their backend (memory: one process, one store)."""

from __future__ import annotations

import pytest

from bot.storage.memory import MemoryRateLimiter, MemorySessionStore

KEY = b"k" * 32


class Clock:
    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite", "redis"])
def backend(request, tmp_path):
    """(kind, make_sessions, make_limiter): each make_… builds one instance on the backend."""
    kind = request.param
    cleanup = []
    if kind == "memory":
        made = {}

        def sessions(ttl, clock, max_sessions=10_000):
            return made.setdefault("s", MemorySessionStore(ttl, max_sessions, clock))

        def limiter(per_minute, clock):
            return made.setdefault("r", MemoryRateLimiter(per_minute, clock=clock))

    elif kind == "sqlite":
        from web import statedb
        from web.ratelimit import SqliteRateLimiter
        from web.sessions import SqliteSessionStore

        state = statedb.prepare(tmp_path / "data")

        def connection():
            conn = statedb.connect(state)
            cleanup.append(conn.close)
            return conn

        def sessions(ttl, clock, max_sessions=10_000):
            return SqliteSessionStore(connection(), KEY, ttl, max_sessions, clock, prune_every=1)

        def limiter(per_minute, clock):
            return SqliteRateLimiter(connection(), KEY, per_minute, clock=clock)

    else:
        from bot.storage.redis_state import RedisLink, RedisRateLimiter, RedisSessionStore

        server = request.getfixturevalue("redis_server")
        server.flush()
        links = []

        def link():
            made = RedisLink(server.url)
            links.append(made)
            return made

        def sessions(ttl, clock, max_sessions=10_000):
            return RedisSessionStore(link(), KEY, ttl, max_sessions, clock)

        def limiter(per_minute, clock):
            return RedisRateLimiter(link(), KEY, per_minute, clock=clock)

        cleanup.append(lambda: links)  # async clients are closed with their event loop
    yield kind, sessions, limiter
    for close in cleanup:
        close()
