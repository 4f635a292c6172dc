"""What is particular to the Redis stores (bot/storage/redis_state.py): every key expires and
their number is bounded; with Redis unreachable, single questions and per-process limits,
one warning a minute. (Their behaviour as SessionStore / RateLimiter is in the shared suites.)"""

from __future__ import annotations

import logging

import pytest
from servers import free_port
from store_fixtures import KEY, Clock

from bot.engine.conversation import Conversation
from bot.storage.redis_state import RedisLink, RedisRateLimiter, RedisSessionStore


async def test_keys_expire_and_sessions_are_bounded(redis_server):
    redis_server.flush()
    link = RedisLink(redis_server.url)
    try:
        sessions = RedisSessionStore(link, KEY, 600, max_sessions=5, clock=Clock())
        limiter = RedisRateLimiter(link, KEY, 60, clock=Clock())
        for i in range(20):
            await sessions.save(f"session-{i:04d}", Conversation(last_entry_id="online_rate", updated_at=1.0))
            await limiter.check(f"192.0.2.{i}")
        keys = [k.decode() for k in await link.client.keys("*")]
        assert sum(k.startswith("yyqa:s:") for k in keys) == 5 and await sessions.count() == 5
        assert sum(k.startswith("yyqa:r:") for k in keys) == 20
        for k in keys:
            assert 0 < await link.client.pttl(k) <= 601_000, k  # every key expires
        assert not any("session-" in k or "192.0.2." in k for k in keys)  # only keyed hashes
    finally:
        await link.close()


async def test_unreachable_redis_means_single_questions_and_local_limits(caplog):
    link = RedisLink(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    try:
        sessions = RedisSessionStore(link, KEY, 600, clock=Clock())
        limiter = RedisRateLimiter(link, KEY, 2, clock=Clock())
        with caplog.at_level(logging.WARNING):
            await sessions.save("session-0001", Conversation(last_entry_id="online_rate", updated_at=1.0))
            assert await sessions.load("session-0001") == Conversation(ttl_seconds=600)
            assert [await limiter.check("203.0.113.7") for _ in range(3)][:2] == [0, 0]
            assert await limiter.check("203.0.113.7") > 0  # this process's own bucket
        assert caplog.text.count("Redis (context and rate limits) failed") == 1  # one warning a minute
    finally:
        await link.close()


@pytest.mark.parametrize("bad", [b"not json", b'{"saved_at": "x"}'])
async def test_a_damaged_value_is_no_context(redis_server, bad):
    redis_server.flush()
    link = RedisLink(redis_server.url)
    try:
        sessions = RedisSessionStore(link, KEY, 600, clock=Clock())
        await link.client.set(sessions._name("session-0001"), bad)
        assert await sessions.load("session-0001") == Conversation(ttl_seconds=600)
    finally:
        await link.close()
