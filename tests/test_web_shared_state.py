"""The state web workers share (web/statedb.py): what is particular to the SQLite file (its
modes, repair, pruning, hashing, failures, lock waits). What every SessionStore and
RateLimiter does is in the shared suites (test_store_sessions.py, test_store_ratelimit.py)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat

import pytest

from bot.engine.engine import Conversation
from bot.storage.interfaces import conversation_of
from web import statedb
from web.ratelimit import SqliteRateLimiter
from web.sessions import SqliteSessionStore

KEY = b"k" * 32
SESSION = "tab-0001-abcdefgh"


class Clock:
    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def state(tmp_path):
    return statedb.prepare(tmp_path / "data")


@pytest.fixture
def connections(state):
    opened = []

    def connect() -> sqlite3.Connection:
        conn = statedb.connect(state)
        opened.append(conn)
        return conn

    yield connect
    for conn in opened:
        conn.close()


async def _use(store, session_id, change) -> None:
    async with conversation_of(store, session_id) as conversation:
        change(conversation)


def file_bytes(path) -> bytes:
    return b"".join(open(f"{path}{s}", "rb").read() for s in statedb.SUFFIXES if os.path.exists(f"{path}{s}"))


# --- the file -------------------------------------------------------------------------------


def test_file_is_private_and_in_wal_mode(state, connections):
    store = SqliteSessionStore(connections(), KEY, 600)
    asyncio.run(store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0)))
    assert state.name == "web-sessions.sqlite3"
    for suffix in statedb.SUFFIXES:
        path = f"{state}{suffix}"
        if os.path.exists(path):
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert connections().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_damaged_file_is_made_anew(tmp_path, caplog):
    data = tmp_path / "data"
    data.mkdir()
    (data / statedb.FILE_NAME).write_bytes(b"this is not a database" * 100)
    path = statedb.prepare(data)
    conn = statedb.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    finally:
        conn.close()
    assert "damaged" in caplog.text


def test_a_file_of_an_older_version_gets_the_new_columns(tmp_path):
    """A sessions table written before a column was added keeps its rows and gains the column."""
    data = tmp_path / "data"
    data.mkdir()
    old = sqlite3.connect(str(data / statedb.FILE_NAME))
    old.execute(
        "CREATE TABLE sessions (key BLOB PRIMARY KEY, last_entry_id TEXT, updated_at REAL NOT NULL, "
        "ttl_seconds REAL NOT NULL, last_year INTEGER, last_text TEXT NOT NULL DEFAULT '', "
        "saved_at REAL NOT NULL) WITHOUT ROWID"
    )
    old.execute("INSERT INTO sessions VALUES (x'01', 'online_rate', 1.0, 600.0, 2023, '网上可办率', 1.0)")
    old.commit()
    old.close()
    conn = statedb.connect(statedb.prepare(data))
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
        assert {name for name, _ in statedb.ADDED_COLUMNS} <= columns
        assert conn.execute("SELECT last_text, scoped_out FROM sessions").fetchall() == [("网上可办率", 0)]
        store = SqliteSessionStore(conn, KEY, 600)
        asyncio.run(store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0, scoped_out=True)))
        assert asyncio.run(store.load(SESSION)).scoped_out
    finally:
        conn.close()


def test_rows_that_expired_while_stopped_are_dropped_at_start(tmp_path):
    import time

    data = tmp_path / "data"
    conn = statedb.connect(statedb.prepare(data))
    store = SqliteSessionStore(conn, KEY, 600, clock=lambda: time.time() - 601)  # saved 601 s ago
    asyncio.run(store.save("stale-session-01", Conversation(last_entry_id="online_rate", updated_at=1.0)))
    asyncio.run(
        SqliteSessionStore(conn, KEY, 600).save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0))
    )
    asyncio.run(SqliteRateLimiter(conn, KEY, 60, clock=lambda: time.time() - 61).check("203.0.113.7"))
    conn.close()
    statedb.prepare(data, ttl_seconds=600)
    conn = statedb.connect(statedb.path_in(data))
    try:
        assert len(SqliteSessionStore(conn, KEY, 600)) == 1 and len(SqliteRateLimiter(conn, KEY, 60)) == 0
    finally:
        conn.close()


def test_unusable_data_dir_is_one_line_naming_it(tmp_path):
    from bot.storage.health import StorageError

    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(StorageError) as caught:
        statedb.prepare(not_a_dir / "data")
    assert str(caught.value).startswith("DATA_DIR: cannot open the shared web state") and "\n" not in str(caught.value)


# --- sessions ---------------------------------------------------------------------------------


def test_unchanged_conversation_is_not_written(connections):
    store = SqliteSessionStore(connections(), KEY, 600, clock=Clock())
    asyncio.run(_use(store, SESSION, lambda conversation: None))  # a question that answered nothing: no context to keep
    assert len(store) == 0


def test_rows_expire_after_the_ttl(connections):
    clock = Clock()
    store = SqliteSessionStore(connections(), KEY, 600, clock=clock)
    asyncio.run(store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=clock.now, ttl_seconds=600)))
    asyncio.run(store.save("other-session-02", Conversation(last_entry_id="online_rate", updated_at=clock.now)))
    clock.now += 599
    assert asyncio.run(store.load(SESSION)).last_entry_id == "online_rate"
    asyncio.run(store.save("fresh-session-03", Conversation(last_entry_id="online_rate", updated_at=clock.now)))
    clock.now += 2
    assert asyncio.run(store.load(SESSION)) == Conversation(ttl_seconds=600)  # expired: as if never seen
    assert asyncio.run(store.prune()) == 2 and len(store) == 1  # only the row written 2 s ago is left


def test_pruned_every_so_many_writes(connections):
    clock = Clock()
    store = SqliteSessionStore(connections(), KEY, 600, clock=clock, prune_every=5)
    for i in range(4):
        asyncio.run(store.save(f"old-session-{i}", Conversation(last_entry_id="online_rate", updated_at=clock.now)))
    clock.now += 601
    assert len(store) == 4  # expired but not yet pruned (never read back: get checks the time)
    asyncio.run(store.save("new-session-0", Conversation(last_entry_id="online_rate", updated_at=clock.now)))
    assert len(store) == 1


def test_session_ids_are_stored_only_hashed(state, connections):
    store = SqliteSessionStore(connections(), KEY, 600, clock=Clock())
    asyncio.run(store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0)))
    connections().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert SESSION.encode() not in file_bytes(state)
    other_key = SqliteSessionStore(connections(), b"x" * 32, 600, clock=Clock())
    assert asyncio.run(other_key.load(SESSION)).last_entry_id is None


def test_a_failing_file_means_no_context_not_an_error(connections, caplog):
    conn = connections()
    store = SqliteSessionStore(conn, KEY, 600, clock=Clock())
    conn.close()
    asyncio.run(_use(store, SESSION, lambda conversation: conversation.remember("online_rate", 1.0)))
    assert asyncio.run(store.load(SESSION)) == Conversation(ttl_seconds=600)
    assert "session context failed" in caplog.text and caplog.text.count("session context failed") == 1


# --- rate limit -----------------------------------------------------------------------------------


def test_concurrent_workers_never_overspend(state):
    """Two processes racing for one client's 50 tokens: exactly 50 requests go through."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [context.Process(target=_spend, args=(str(state), results)) for _ in range(2)]
    for process in processes:
        process.start()
    allowed = sum(results.get(timeout=30) for _ in processes)
    for process in processes:
        process.join(10)
    assert allowed == 50


def _spend(path: str, results) -> None:
    conn = statedb.connect(path)
    limiter = SqliteRateLimiter(conn, KEY, per_minute=50, clock=lambda: 1_700_000_000.0)
    results.put(sum(asyncio.run(limiter.check("198.51.100.1")) == 0 for _ in range(100)))
    conn.close()


def test_buckets_are_pruned_and_bounded(connections):
    clock = Clock()
    limiter = SqliteRateLimiter(connections(), KEY, per_minute=60, max_clients=3, clock=clock)
    for i in range(5):
        asyncio.run(limiter.check(f"192.0.2.{i}"))
    assert asyncio.run(limiter.prune()) == 2 and len(limiter) == 3
    clock.now += 61  # every bucket has refilled: a full bucket is the same as none
    assert asyncio.run(limiter.prune()) == 3 and len(limiter) == 0


def test_addresses_are_stored_only_hashed(state, connections):
    asyncio.run(SqliteRateLimiter(connections(), KEY, per_minute=60, clock=Clock()).check("203.0.113.77"))
    connections().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"203.0.113.77" not in file_bytes(state)


def test_a_failing_file_lets_requests_through(connections):
    conn = connections()
    limiter = SqliteRateLimiter(conn, KEY, per_minute=1, clock=Clock())
    conn.close()
    assert [asyncio.run(limiter.check("203.0.113.7")) for _ in range(3)] == [0, 0, 0]


# --- waiting for another worker's write ------------------------------------------------------------


def test_a_write_waits_briefly_for_another_workers_lock(state, connections):
    import threading
    import time

    mine = connections()
    theirs = sqlite3.connect(str(state), isolation_level=None, check_same_thread=False)
    commit = threading.Timer(0.03, theirs.execute, ("COMMIT",))
    try:
        theirs.execute("BEGIN IMMEDIATE")  # another worker in the middle of a write
        commit.start()
        started = time.monotonic()
        statedb.run(mine, "INSERT INTO rate_buckets VALUES (x'01', 1, 1, 1)")
        waited = time.monotonic() - started
        assert 0.025 < waited < 0.5
        assert statedb.run(mine, "SELECT count(*) FROM rate_buckets") == [(1,)]
    finally:
        commit.join()  # closing while the other thread still runs its COMMIT crashed sqlite3 (SIGSEGV in CI)
        theirs.close()


def test_a_lock_held_too_long_is_an_error_not_a_hang(state, connections, monkeypatch):
    import time

    monkeypatch.setattr(statedb, "BUSY_TIMEOUT_S", 0.1)
    mine, theirs = connections(), connections()
    theirs.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError):
        statedb.run(mine, "INSERT INTO rate_buckets VALUES (x'01', 1, 1, 1)")
    assert time.monotonic() - started < 0.5
    theirs.execute("ROLLBACK")
    limiter = SqliteRateLimiter(mine, KEY, per_minute=1, clock=Clock())
    theirs.execute("BEGIN IMMEDIATE")
    assert asyncio.run(limiter.check("203.0.113.7")) == 0  # the limiter lets the request through meanwhile
    theirs.execute("ROLLBACK")


def test_other_errors_are_not_retried(connections):
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        statedb.run(connections(), "SELECT * FROM nothing_here")


def test_waiting_for_a_lock_yields_to_the_event_loop(state, connections):
    """While another worker holds the write lock, a check waits with asyncio.sleep: other
    requests on this worker go on meanwhile (the middleware never sleeps on the loop)."""
    mine, theirs = connections(), connections()
    limiter = SqliteRateLimiter(mine, KEY, per_minute=5, clock=Clock())

    async def scenario() -> tuple[float, int]:
        ticks = 0
        theirs.execute("BEGIN IMMEDIATE")
        asyncio.get_running_loop().call_later(0.05, theirs.execute, "COMMIT")
        task = asyncio.create_task(limiter.check("203.0.113.7"))
        while not task.done():
            ticks += 1
            await asyncio.sleep(0.001)
        return await task, ticks

    wait, ticks = asyncio.run(scenario())
    assert wait == 0 and ticks >= 10
