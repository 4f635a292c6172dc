"""The RateLimiter interface: one suite, every implementation (memory, the shared SQLite
file, Redis): the same bucket whichever instance a request reaches."""

from __future__ import annotations

import asyncio

import pytest
from store_fixtures import Clock, backend  # noqa: F401

from bot.storage.interfaces import RateLimiter

CLIENT = "203.0.113.7"


async def test_is_a_rate_limiter(backend):
    _, _, make = backend
    assert isinstance(make(3, Clock()), RateLimiter)


async def test_burst_then_wait_then_refill(backend):
    _, _, make = backend
    clock = Clock()
    limiter = make(3, clock)
    assert [await limiter.check(CLIENT) for _ in range(3)] == [0, 0, 0]
    assert await limiter.check(CLIENT) == pytest.approx(20.0)  # 3 a minute: the next token in 20 s
    clock.now += 10
    assert await limiter.check(CLIENT) == pytest.approx(10.0)
    clock.now += 10
    assert await limiter.check(CLIENT) == 0
    assert await limiter.check(CLIENT) > 0


async def test_each_client_has_its_own_bucket(backend):
    _, _, make = backend
    limiter = make(1, Clock())
    assert await limiter.check(CLIENT) == 0 and await limiter.check(CLIENT) > 0
    assert await limiter.check("203.0.113.8") == 0


async def test_instances_share_one_limit_per_client(backend):
    _, _, make = backend
    clock = Clock()
    one, two = make(3, clock), make(3, clock)
    assert [await one.check(CLIENT), await two.check(CLIENT), await one.check(CLIENT)] == [0, 0, 0]
    assert await two.check(CLIENT) == pytest.approx(20.0)
    clock.now += 20
    assert await one.check(CLIENT) == 0 and await two.check(CLIENT) > 0


async def test_a_quiet_minute_refills_the_bucket(backend):
    _, _, make = backend
    clock = Clock()
    limiter = make(60, clock)
    for _ in range(60):
        await limiter.check(CLIENT)
    assert await limiter.check(CLIENT) > 0
    clock.now += 61
    assert [await limiter.check(CLIENT) for _ in range(60)] == [0] * 60


async def test_concurrent_requests_never_overspend(backend):
    _, _, make = backend
    clock = Clock()
    instances = [make(50, clock) for _ in range(2)]
    results = await asyncio.gather(*(instances[i % 2].check(CLIENT) for i in range(100)))
    assert sum(wait == 0 for wait in results) == 50
