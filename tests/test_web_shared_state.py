"""The state web workers share (web/statedb.py): follow-up context and rate-limit buckets in
one SQLite file, each worker with its own connection (two connections stand for two
workers here)."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from bot.engine.engine import Conversation
from web import statedb
from web.ratelimit import SharedRateLimiter
from web.sessions import SharedSessionStore

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


def file_bytes(path) -> bytes:
    return b"".join(open(f"{path}{s}", "rb").read() for s in statedb.SUFFIXES if os.path.exists(f"{path}{s}"))


# --- the file -------------------------------------------------------------------------------


def test_file_is_private_and_in_wal_mode(state, connections):
    store = SharedSessionStore(connections(), KEY, 600)
    store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0))
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


def test_rows_that_expired_while_stopped_are_dropped_at_start(tmp_path):
    import time

    data = tmp_path / "data"
    conn = statedb.connect(statedb.prepare(data))
    store = SharedSessionStore(conn, KEY, 600, clock=lambda: time.time() - 601)  # saved 601 s ago
    store.save("stale-session-01", Conversation(last_entry_id="online_rate", updated_at=1.0))
    SharedSessionStore(conn, KEY, 600).save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0))
    SharedRateLimiter(conn, KEY, 60, clock=lambda: time.time() - 61).check("203.0.113.7")
    conn.close()
    statedb.prepare(data, ttl_seconds=600)
    conn = statedb.connect(statedb.path_in(data))
    try:
        assert len(SharedSessionStore(conn, KEY, 600)) == 1 and len(SharedRateLimiter(conn, KEY, 60)) == 0
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


def test_context_saved_by_one_worker_is_read_by_another(connections):
    clock = Clock()
    one = SharedSessionStore(connections(), KEY, 600, clock=clock)
    two = SharedSessionStore(connections(), KEY, 600, clock=clock)
    with one.use(SESSION) as conversation:
        assert conversation == Conversation(ttl_seconds=600)  # nothing saved yet
        conversation.remember("people_mediation_disputes", clock.now)
        conversation.last_year, conversation.last_text = 2023, "人民调解化解了多少纠纷"
    assert two.get(SESSION) == Conversation(
        last_entry_id="people_mediation_disputes",
        updated_at=clock.now,
        ttl_seconds=600,
        last_year=2023,
        last_text="人民调解化解了多少纠纷",
    )
    assert two.get("another-session-01") == Conversation(ttl_seconds=600)


def test_unchanged_conversation_is_not_written(connections):
    store = SharedSessionStore(connections(), KEY, 600, clock=Clock())
    with store.use(SESSION):
        pass  # a question that answered nothing: no context to keep
    assert len(store) == 0


def test_rows_expire_after_the_ttl(connections):
    clock = Clock()
    store = SharedSessionStore(connections(), KEY, 600, clock=clock)
    store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=clock.now, ttl_seconds=600))
    store.save("other-session-02", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    clock.now += 599
    assert store.get(SESSION).last_entry_id == "online_rate"
    store.save("fresh-session-03", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    clock.now += 2
    assert store.get(SESSION) == Conversation(ttl_seconds=600)  # expired: as if never seen
    assert store.prune() == 2 and len(store) == 1  # only the row written 2 s ago is left


def test_row_count_is_bounded_oldest_first(connections):
    clock = Clock()
    store = SharedSessionStore(connections(), KEY, 600, max_sessions=3, clock=clock, prune_every=1)
    for i in range(6):
        clock.now += 1
        store.save(f"session-{i:04d}", Conversation(last_entry_id="online_rate", updated_at=clock.now))
        assert len(store) <= 3
    assert [store.get(f"session-{i:04d}").last_entry_id for i in range(6)] == [None] * 3 + ["online_rate"] * 3


def test_pruned_every_so_many_writes(connections):
    clock = Clock()
    store = SharedSessionStore(connections(), KEY, 600, clock=clock, prune_every=5)
    for i in range(4):
        store.save(f"old-session-{i}", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    clock.now += 601
    assert len(store) == 4  # expired but not yet pruned (never read back: get checks the time)
    store.save("new-session-0", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    assert len(store) == 1


def test_session_ids_are_stored_only_hashed(state, connections):
    store = SharedSessionStore(connections(), KEY, 600, clock=Clock())
    store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=1.0))
    connections().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert SESSION.encode() not in file_bytes(state)
    other_key = SharedSessionStore(connections(), b"x" * 32, 600, clock=Clock())
    assert other_key.get(SESSION).last_entry_id is None


def test_a_failing_file_means_no_context_not_an_error(connections, caplog):
    conn = connections()
    store = SharedSessionStore(conn, KEY, 600, clock=Clock())
    conn.close()
    with store.use(SESSION) as conversation:
        conversation.remember("online_rate", 1.0)  # the save fails too, quietly
    assert store.get(SESSION) == Conversation(ttl_seconds=600)
    assert "session context failed" in caplog.text and caplog.text.count("session context failed") == 1


# --- rate limit -----------------------------------------------------------------------------------


def test_workers_share_one_limit_per_client(connections):
    clock = Clock()
    one = SharedRateLimiter(connections(), KEY, per_minute=3, clock=clock)
    two = SharedRateLimiter(connections(), KEY, per_minute=3, clock=clock)
    assert [one.check("203.0.113.7"), two.check("203.0.113.7"), one.check("203.0.113.7")] == [0, 0, 0]
    wait = two.check("203.0.113.7")
    assert wait == pytest.approx(20.0)  # 3 a minute: the next token in 20 s
    assert one.check("203.0.113.8") == 0  # another client has its own bucket
    clock.now += 20
    assert one.check("203.0.113.7") == 0 and two.check("203.0.113.7") > 0


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
    limiter = SharedRateLimiter(conn, KEY, per_minute=50, clock=lambda: 1_700_000_000.0)
    results.put(sum(limiter.check("198.51.100.1") == 0 for _ in range(100)))
    conn.close()


def test_buckets_are_pruned_and_bounded(connections):
    clock = Clock()
    limiter = SharedRateLimiter(connections(), KEY, per_minute=60, max_clients=3, clock=clock)
    for i in range(5):
        limiter.check(f"192.0.2.{i}")
    assert limiter.prune() == 2 and len(limiter) == 3
    clock.now += 61  # every bucket has refilled: a full bucket is the same as none
    assert limiter.prune() == 3 and len(limiter) == 0


def test_addresses_are_stored_only_hashed(state, connections):
    SharedRateLimiter(connections(), KEY, per_minute=60, clock=Clock()).check("203.0.113.77")
    connections().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"203.0.113.77" not in file_bytes(state)


def test_a_failing_file_lets_requests_through(connections):
    conn = connections()
    limiter = SharedRateLimiter(conn, KEY, per_minute=1, clock=Clock())
    conn.close()
    assert [limiter.check("203.0.113.7") for _ in range(3)] == [0, 0, 0]


# --- waiting for another worker's write ------------------------------------------------------------


def test_a_write_waits_briefly_for_another_workers_lock(state, connections):
    import threading
    import time

    mine = connections()
    theirs = sqlite3.connect(str(state), isolation_level=None, check_same_thread=False)
    try:
        theirs.execute("BEGIN IMMEDIATE")  # another worker in the middle of a write
        threading.Timer(0.03, theirs.execute, ("COMMIT",)).start()
        started = time.monotonic()
        statedb.run(mine, "INSERT INTO rate_buckets VALUES (x'01', 1, 1, 1)")
        waited = time.monotonic() - started
        assert 0.025 < waited < 0.5
        assert statedb.run(mine, "SELECT count(*) FROM rate_buckets") == [(1,)]
    finally:
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
    limiter = SharedRateLimiter(mine, KEY, per_minute=1, clock=Clock())
    theirs.execute("BEGIN IMMEDIATE")
    assert limiter.check("203.0.113.7") == 0  # the limiter lets the request through meanwhile
    theirs.execute("ROLLBACK")


def test_other_errors_are_not_retried(connections):
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        statedb.run(connections(), "SELECT * FROM nothing_here")
