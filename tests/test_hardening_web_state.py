"""Issue 17 (5): the shared web state heals. Each worker's connection reopens, and recreates,
the state file and its tables after it was deleted, truncated, overwritten or lost a table,
and never sleeps on the event loop while another process holds the lock."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time

import pytest

from web import statedb
from web.ratelimit import SqliteRateLimiter
from web.sessions import SqliteSessionStore

KEY = b"k" * 32


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def state(tmp_path):
    path = statedb.prepare(tmp_path / "data")
    clock = Clock()
    workers = [statedb.StateConnection(path, clock=clock) for _ in range(2)]
    yield path, clock, workers
    for worker in workers:
        worker.close()


def _follow_up_shared(workers, clock, text: str) -> bool:
    """Worker 0 saves a conversation; does worker 1 see it?"""
    first, second = (SqliteSessionStore(w, KEY, 600) for w in workers)

    async def exchange() -> bool:
        conversation = await first.load("session-abc")
        conversation.last_text = text
        await first.save("session-abc", conversation)
        clock.now += statedb.CHECK_EVERY_S  # the next statement looks at the file again
        return (await second.load("session-abc")).last_text == text

    return asyncio.run(exchange())


def _damage(path, how: str) -> None:
    if how == "deleted":
        for suffix in statedb.SUFFIXES:
            if os.path.exists(f"{path}{suffix}"):
                os.unlink(f"{path}{suffix}")
    elif how == "truncated":
        os.truncate(path, 0)
    elif how == "overwritten":
        path.write_bytes(b"not a database at all " * 500)
    elif how == "table dropped":
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE sessions")
        conn.close()


@pytest.mark.parametrize("how", ["deleted", "truncated", "overwritten", "table dropped"])
def test_follow_ups_survive_a_lost_state_file(state, how):
    path, clock, workers = state
    assert _follow_up_shared(workers, clock, "第一问")
    _damage(path, how)
    for attempt in range(3):  # a statement may fail once while the file is being repaired
        clock.now += statedb.CHECK_EVERY_S
        if _follow_up_shared(workers, clock, f"第{attempt + 2}问"):
            break
    else:
        pytest.fail(f"follow-ups did not recover after the file was {how}")
    assert path.read_bytes().startswith(statedb.HEADER)


def test_the_rate_limit_holds_again_after_the_file_was_deleted(state):
    path, clock, workers = state
    limiters = [SqliteRateLimiter(w, KEY, per_minute=5, clock=lambda: clock.now) for w in workers]
    _damage(path, "deleted")
    clock.now += statedb.CHECK_EVERY_S
    allowed = [asyncio.run(limiters[i % 2].check("1.2.3.4")) == 0 for i in range(12)]
    assert allowed.count(True) <= 6  # one limit over both workers (a first statement may heal)


def test_a_locked_file_never_sleeps_on_the_event_loop(state, monkeypatch):
    path, clock, workers = state
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")

    def no_sleep(seconds):
        raise AssertionError(f"slept {seconds} s on the event loop")

    monkeypatch.setattr(time, "sleep", no_sleep)
    store = SqliteSessionStore(workers[0], KEY, 600)

    async def ask(text: str) -> None:
        conversation = await store.load("session-abc")
        conversation.last_text = text
        await store.save("session-abc", conversation)  # the write finds the file locked: goes on without it

    started = time.perf_counter()
    for number in range(50):
        asyncio.run(ask(f"第{number}问"))
    assert time.perf_counter() - started < 50 * 0.2
    assert workers[0]._locked_until > clock.now  # locked three times in a row: a pause before writing again
    holder.execute("ROLLBACK")
    holder.close()
    clock.now += statedb.LOCKED_PAUSE_S
    asyncio.run(ask("又能用了"))
    assert asyncio.run(store.load("session-abc")).last_text == "又能用了"


def test_an_unopenable_state_is_retried_with_a_pause_then_heals(tmp_path):
    data = tmp_path / "data"
    data.write_text("a file where DATA_DIR should be", encoding="utf-8")
    clock = Clock()
    worker = statedb.StateConnection(data / statedb.FILE_NAME, clock=clock)
    with pytest.raises(sqlite3.Error):
        statedb.run(worker, "SELECT 1")
    with pytest.raises(sqlite3.Error, match="trying again shortly"):  # no new attempt before the pause
        statedb.run(worker, "SELECT 1")
    data.unlink()
    clock.now += statedb.HEAL_PAUSE_S
    assert statedb.run(worker, "SELECT count(*) FROM sessions") == [(0,)]
    worker.close()
