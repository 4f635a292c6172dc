"""Usage storage in PostgreSQL (DATABASE_URL, psycopg 3): the same `UsageStore` as the SQLite
`Storage`, for several machines sharing one database.

* The usage log, /stats, unanswered grouping and the journal are the same code as SQLite's
  (the `UsageLog`, `UnansweredQueries` and `Journal` parts, their SQL written to run on
  both); this class supplies the connection and what differs: ids from `RETURNING`, the
  schema (`MIGRATIONS`, applied under an advisory lock so instances starting together do
  not race), retention in one transaction, journal rows claimed with
  `SELECT … FOR UPDATE SKIP LOCKED`, and `claim_job` (an advisory lock plus a row per job
  and period) so one instance runs jobs like the daily digest.
* PostgreSQL down: answers continue. Records are held in memory (bounded: `health.max_held`,
  10,000) and written in one transaction when it is back (tried every few seconds, and by
  `check()`, every 30 s); records beyond the bound are dropped and counted
  (`health.dropped`, logged and shown in /stats).
* User hashes use HASH_KEY (required with DATABASE_URL), so every machine gives a person the
  same pseudonym.
"""

from __future__ import annotations

import asyncio
import collections
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.storage.health import StorageError, StorageHealth
from bot.storage.journal import Journal
from bot.storage.keys import user_hash
from bot.storage.unanswered import UnansweredQueries
from bot.storage.usage import DAY, UsageLog

RETRY_SECONDS = 5.0
CONNECT_TIMEOUT = 3  # seconds
CLAIM_SECONDS = 300.0  # a journal row claimed by an instance that then stopped is free again after this
MIGRATION_LOCK = 7_304_201  # advisory lock ids (any fixed numbers)
JOB_LOCK = 7_304_202

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE queries (
            id BIGSERIAL PRIMARY KEY,
            ts DOUBLE PRECISION NOT NULL,
            chat_type TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL,
            entry_id TEXT,
            score DOUBLE PRECISION,
            latency_ms DOUBLE PRECISION,
            kind TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT 'telegram'
        );
        CREATE INDEX queries_ts ON queries (ts);
        CREATE TABLE feedback (
            id BIGSERIAL PRIMARY KEY,
            ts DOUBLE PRECISION NOT NULL,
            user_hash TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            vote SMALLINT NOT NULL CHECK (vote IN (-1, 1)),
            channel TEXT NOT NULL DEFAULT 'telegram'
        );
        CREATE INDEX feedback_ts ON feedback (ts);
        CREATE TABLE admin_actions (
            id BIGSERIAL PRIMARY KEY,
            ts DOUBLE PRECISION NOT NULL,
            admin_id BIGINT,
            user_hash TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX admin_actions_ts ON admin_actions (ts);
        CREATE TABLE dismissed (
            id BIGSERIAL PRIMARY KEY,
            ts DOUBLE PRECISION NOT NULL,
            norm TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            admin_id BIGINT
        );
        CREATE TABLE pending_updates (
            update_id BIGINT PRIMARY KEY,
            bot_id BIGINT NOT NULL,
            received DOUBLE PRECISION NOT NULL,
            done DOUBLE PRECISION,
            payload TEXT NOT NULL DEFAULT '',
            claimed_at DOUBLE PRECISION
        );
        CREATE INDEX pending_updates_open ON pending_updates (done);
        CREATE TABLE job_runs (
            name TEXT NOT NULL,
            period TEXT NOT NULL,
            ts DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (name, period)
        );
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def redact(url: str) -> str:
    """The URL without its password (for logs and admin notices)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _sql(statement: str) -> str:
    return statement.replace("?", "%s")


def _runs(held) -> list[tuple[str, list[tuple]]]:
    """Held statements grouped into runs of the same SQL, in order."""
    runs: list[tuple[str, list[tuple]]] = []
    for sql, params in held:
        if runs and runs[-1][0] == sql:
            runs[-1][1].append(params)
        else:
            runs.append((sql, [params]))
    return runs


def connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)


def apply_migrations(conn) -> list[int]:
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, ts DOUBLE PRECISION)")
        done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
        if done and max(done) > SCHEMA_VERSION:
            raise StorageError(f"database schema version {max(done)} is newer than this bot ({SCHEMA_VERSION})")
        for version, script in MIGRATIONS:
            if version not in done:
                conn.execute(script)
                conn.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (version, time.time()))
                applied.append(version)
    return applied


class PostgresStorage(UsageLog, UnansweredQueries, Journal):
    """Thread-safe (one connection behind a lock); use the `a…` methods from async code."""

    def __init__(self, url: str, clock: Callable[[], float] = time.time, *, hash_key: str, max_held: int = 10_000):
        import psycopg

        if not hash_key:
            raise StorageError("HASH_KEY: required with DATABASE_URL (the same key on every machine)")
        self.url = url
        self.path = redact(url)
        self.clock = clock
        self._errors = (psycopg.Error, OSError)
        self._key = hash_key.encode("utf-8")
        self._lock = threading.Lock()
        self._conn = connect(url)
        self.migrations_applied = apply_migrations(self._conn)
        self.health = StorageHealth(Path(self.path), Path("DATABASE_URL"), clock, max_held=max_held)
        self._held: collections.deque[tuple[str, tuple]] = collections.deque()
        self._next_retry = 0.0

    @classmethod
    def open(cls, url: str, clock: Callable[[], float] = time.time, *, hash_key: str) -> PostgresStorage:
        """Raises StorageError with one line naming DATABASE_URL (password hidden) if it cannot."""
        try:
            return cls(url, clock, hash_key=hash_key)
        except StorageError:
            raise
        except Exception as exc:  # psycopg.Error, OSError
            reason = " ".join(str(exc).split())[:200]
            raise StorageError(f"DATABASE_URL: cannot open the usage database {redact(url)} ({reason})") from None

    # -- the connection

    def user_hash(self, user_id: int | str | None) -> str:
        return user_hash(self._key, user_id)

    def _now(self, ts: float | None) -> float:
        return self.clock() if ts is None else ts

    def _check_file(self) -> None:
        """(SQLite's file checks; a server has none.)"""

    def _reconnect(self) -> bool:
        try:
            fresh = connect(self.url)
        except self._errors:
            return False
        try:
            self._conn.close()
        except self._errors:
            pass
        self._conn = fresh
        return True

    def _execute(self, sql: str, params: tuple = ()):
        """A write; None when it could not be made now: it is held and written later."""
        with self._lock:
            if self._held and not self._flush_held():
                self._hold(sql, params)
                return None
            error: BaseException | None = None
            for attempt in (1, 2):  # a second try on a fresh connection (the server restarted)
                try:
                    return self._conn.execute(_sql(sql), params)
                except self._errors as exc:
                    error = exc
                    if attempt == 2 or not (self._conn.closed and self._reconnect()):
                        break
            self.health.failing("write failed", error)
            self._hold(sql, params)
            self._next_retry = time.monotonic() + RETRY_SECONDS
            return None

    def _hold(self, sql: str, params: tuple) -> None:
        if len(self._held) >= self.health.max_held:
            self.health.dropped += 1
        else:
            self._held.append((sql, params))
        self.health.held = len(self._held)

    def _flush_held(self, force: bool = False) -> bool:
        if not self._held:
            return True
        if not force and time.monotonic() < self._next_retry:
            return False
        self._next_retry = time.monotonic() + RETRY_SECONDS
        for attempt in (1, 2):
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    for sql, rows in _runs(self._held):  # executemany: pipelined, not a round trip a row
                        cur.executemany(_sql(sql), rows)
                break
            except self._errors as exc:
                if attempt == 1 and self._reconnect():
                    continue
                self.health.failing("write failed", exc)
                return False
        written = len(self._held)
        self._held.clear()
        self.health.held = 0
        self.health.recovered(written)
        return True

    def _fetchall(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(_sql(sql), params).fetchall()
            except self._errors:
                if not (self._conn.closed and self._reconnect()):
                    raise
                return self._conn.execute(_sql(sql), params).fetchall()

    def check(self) -> None:
        """Write what is held (the bot calls this every 30 s)."""
        with self._lock:
            if self._conn.closed:
                self._reconnect()
            self._flush_held(force=True)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def schema_version(self) -> int:
        return int(self._fetchall("SELECT max(version) FROM schema_migrations")[0][0])

    # -- what differs from SQLite

    def log_query(self, **fields) -> int:
        sql, params = self._query_row(**fields)
        cur = self._execute(sql + " RETURNING id", params)
        if cur is None:
            return 0
        with self._lock:
            return int(cur.fetchone()[0])

    def prune(self, retention_days: int, now: float | None = None) -> dict[str, int]:
        cutoff = self._now(now) - retention_days * DAY
        removed: dict[str, int] = {}
        with self._lock:
            if self._held:
                return removed  # not while records wait to be written
            try:
                with self._conn.transaction():
                    for table in ("queries", "feedback", "admin_actions", "dismissed"):
                        removed[table] = self._conn.execute(f"DELETE FROM {table} WHERE ts < %s", (cutoff,)).rowcount
            except self._errors as exc:
                self.health.failing("pruning failed", exc)
                return {}
        return removed

    def table_rows(self) -> dict[str, list[tuple]]:
        names = [
            r[0]
            for r in self._fetchall(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                " AND table_name != 'schema_migrations'"
            )
        ]
        return {name: self._fetchall(f"SELECT * FROM {name} ORDER BY 1") for name in names}

    def journal_add(self, bot_id: int, updates: list[tuple[int, str]]) -> tuple[list[int], bool]:
        ids = [update_id for update_id, _ in updates]
        with self._lock:
            try:
                known = {
                    r[0]
                    for r in self._conn.execute(
                        "SELECT update_id FROM pending_updates WHERE bot_id = %s AND update_id = ANY(%s)",
                        (bot_id, ids),
                    )
                }
            except self._errors:
                known = set()
            fresh = [(i, payload) for i, payload in updates if i not in known]
            if not fresh:
                return [], True
            if self._held:  # not writable at the moment: the caller confirms only once answered
                return [i for i, _ in fresh], False
            now = self.clock()
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO pending_updates (update_id, bot_id, received, payload)"
                        " VALUES (%s, %s, %s, %s) ON CONFLICT (update_id) DO NOTHING",
                        [(i, bot_id, now, payload) for i, payload in fresh],
                    )
            except self._errors as exc:
                self.health.failing("write failed", exc)
                self._next_retry = time.monotonic() + RETRY_SECONDS
                return [i for i, _ in fresh], False
            return [i for i, _ in fresh], True

    def journal_pending(self, bot_id: int) -> list[str]:
        """The updates stored but not answered, oldest first, each claimed by this instance
        (`FOR UPDATE SKIP LOCKED`): two instances starting together never both replay one."""
        self._execute("DELETE FROM pending_updates WHERE bot_id != ?", (bot_id,))
        now = self.clock()
        rows = self._fetchall(
            "UPDATE pending_updates SET claimed_at = ? WHERE update_id IN ("
            " SELECT update_id FROM pending_updates WHERE bot_id = ? AND done IS NULL"
            " AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY update_id FOR UPDATE SKIP LOCKED)"
            " RETURNING update_id, payload",
            (now, bot_id, now - CLAIM_SECONDS),
        )
        return [payload for _, payload in sorted(rows)]

    def claim_job(self, name: str, period: str) -> bool:
        """True for exactly one instance per job and period (e.g. ("digest", "2024-05-01")):
        under an advisory lock, the first to record the run gets it."""
        with self._lock:
            with self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (JOB_LOCK,))
                row = self._conn.execute(
                    "INSERT INTO job_runs (name, period, ts) VALUES (%s, %s, %s)"
                    " ON CONFLICT (name, period) DO NOTHING RETURNING 1",
                    (name, period, self.clock()),
                ).fetchone()
        return row is not None

    async def acheck(self) -> None:
        await asyncio.to_thread(self.check)

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)


def open_usage_store(settings, clock: Callable[[], float] = time.time):
    """The usage store the settings name: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR."""
    if settings.database_url:
        return PostgresStorage.open(settings.database_url, clock, hash_key=settings.hash_key)
    from bot.storage.database import Storage

    return Storage.open(settings.data_dir, clock, hash_key=settings.hash_key)
