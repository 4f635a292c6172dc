"""The state that web worker processes share: one small SQLite file in DATA_DIR.

With several workers (WEB_WORKERS > 1) a visitor's requests reach any of them, so the
follow-up context (`sessions.SqliteSessionStore`) and the rate limit
(`ratelimit.SqliteRateLimiter`) live in `DATA_DIR/web-sessions.sqlite3` instead of one
process's memory. One worker keeps both in memory and does not use this file.

Nothing in the file outlives CONTEXT_TTL_MINUTES (or a minute, for rate-limit buckets),
so it trades durability for speed: WAL and `synchronous = OFF` (no fsync; an OS crash
may lose the last seconds of context, never the usage database). A file that is no
longer a database is deleted and made anew by `prepare`. The file is created with mode
0600 in a 0700 DATA_DIR; session ids and client addresses are stored only as keyed
hashes (the key of the usage database's pseudonyms).

`prepare(data_dir)` runs once in the parent process before the workers start; each worker
then holds its own `StateConnection` (a connection never crosses a fork), which heals: it
opens the file lazily, and whenever a statement fails for any reason but a lock, or the
file was deleted, replaced, truncated or overwritten (its inode and header are looked at
once a second), it drops the connection, recreates the file and its tables as needed
(`repair`) and tries the statement once more. A repair that fails is tried again after a
pause that doubles (HEAL_PAUSE_S up to HEAL_PAUSE_MAX_S), never by sleeping: meanwhile
statements fail at once and requests go on without the shared state (follow-ups and the
rate limit resume as soon as the file is back).
Every statement is its own short transaction, run on the event loop with `run`: when
another worker holds the write lock (tens of microseconds), `run` tries again at once,
yielding the CPU to the holder, for at most BUSY_SPIN_S, and then gives up (the request goes
on without the shared state); after BUSY_STREAK such writes in a row, no write is tried for
LOCKED_PAUSE_S (reads go on: WAL lets them past a writer). It never sleeps: a sleep on the event loop would hold up every request
queued behind it (an external process holding the lock for 15 s once cost every request a
second).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from pathlib import Path

from bot.storage.health import StorageError
from bot.storage.keys import FILE_MODE

logger = logging.getLogger(__name__)

FILE_NAME = "web-sessions.sqlite3"
BUSY_TIMEOUT_S = 1.0  # the parent's `prepare`, before any worker serves
BUSY_SPIN_S = 0.01  # a worker's statement: retried at once while locked (yielding the CPU), this long at most
BUSY_STREAK = 3  # writes in a row that found the file locked: then none is tried for LOCKED_PAUSE_S
LOCKED_PAUSE_S = 1.0
HEAL_PAUSE_S = 0.5
HEAL_PAUSE_MAX_S = 30.0
CHECK_EVERY_S = 1.0  # a worker looks at the file's inode and header this often
HEADER = b"SQLite format 3\x00"
REFILL_SECONDS = 60.0  # a rate-limit bucket untouched this long is full again: as good as none
SUFFIXES = ("", "-wal", "-shm")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    key BLOB PRIMARY KEY,
    last_entry_id TEXT,
    updated_at REAL NOT NULL,
    ttl_seconds REAL NOT NULL,
    last_year INTEGER,
    last_text TEXT NOT NULL DEFAULT '',
    saved_at REAL NOT NULL,
    scoped_out INTEGER NOT NULL DEFAULT 0,
    last_parts TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_time ON sessions (saved_at);
CREATE TABLE IF NOT EXISTS rate_buckets (
    client BLOB PRIMARY KEY,
    tokens REAL NOT NULL,
    at REAL NOT NULL,
    allowed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rate_buckets_by_time ON rate_buckets (at);
"""
# Columns added after the first version, with their declarations (added to an older file).
ADDED_COLUMNS = (("scoped_out", "INTEGER NOT NULL DEFAULT 0"), ("last_parts", "TEXT NOT NULL DEFAULT ''"))


def path_in(data_dir: Path | str) -> Path:
    return Path(data_dir) / FILE_NAME


BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
DAMAGED = (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)  # the file only held context: start afresh


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)  # `run` waits, not SQLite
    run(conn, "PRAGMA journal_mode = WAL")
    run(conn, "PRAGMA synchronous = OFF")
    return conn


def run(conn, sql: str, params: tuple | dict = ()) -> list[tuple]:
    """Execute one statement to the end (its transaction committed); its rows; raises
    sqlite3.Error. `conn`: a worker's StateConnection (never sleeps, see the module's
    docstring), or a plain sqlite3 connection (the parent and tools: retried while locked,
    pausing 50 µs doubling to 2 ms, for at most BUSY_TIMEOUT_S)."""
    if isinstance(conn, StateConnection):
        return conn.run(sql, params)
    return _execute(conn, sql, params, BUSY_TIMEOUT_S, time.sleep)


def is_busy(exc: BaseException) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in BUSY_CODES


def _yield(delay: float) -> None:
    """Between two tries of a worker's statement: let the lock's holder run; never sleep."""
    if hasattr(os, "sched_yield"):
        os.sched_yield()


def _pauses(limit: float):
    """The pauses between tries of a locked statement: 50 µs doubling to 2 ms, for at most
    `limit` seconds from the first lock met (the generator starts on the first `next`)."""
    delay, give_up = 50e-6, time.monotonic() + limit
    while time.monotonic() < give_up:
        yield delay
        delay = min(delay * 2, 2e-3)


def _locked(exc: sqlite3.OperationalError, pauses) -> float:
    """The pause before trying again, or `exc` raised when it is no lock or time is up."""
    delay = next(pauses, None) if is_busy(exc) else None
    if delay is None:
        raise exc
    return delay


def _execute(conn: sqlite3.Connection, sql: str, params, limit: float, pause) -> list[tuple]:
    pauses = _pauses(limit)
    while True:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            pause(_locked(exc, pauses))


class StateConnection:
    """A worker's connection to the shared file that reopens, and recreates, the file and
    its tables after any failure (see the module's docstring). Never sleeps."""

    def __init__(self, path: Path | str, clock=time.monotonic):
        self.path = Path(path)
        self.clock = clock
        self.heals = 0  # times the file was (re)opened after the first
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._checked = float("-inf")
        self._retry_at = float("-inf")
        self._pause = HEAL_PAUSE_S
        self._opened_once = False
        self._busy = 0  # writes in a row that found the file locked
        self._locked_until = float("-inf")

    def run(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        writes = not sql.lstrip()[:6].upper().startswith(("SELECT", "PRAGMA"))
        if writes and self.clock() < self._locked_until:
            raise sqlite3.OperationalError(f"shared web state {self.path} is locked; trying again shortly")
        conn = self._connection()
        try:
            rows = _execute(conn, sql, params, BUSY_SPIN_S, _yield)
        except sqlite3.Error as exc:
            if is_busy(exc):
                self._busy += 1
                if self._busy >= BUSY_STREAK:  # held by someone for long: no write tried for a while
                    self._locked_until = self.clock() + LOCKED_PAUSE_S
                    self._busy = 0
                raise
            logger.warning("shared web state %s failed (%s): reopening it", self.path, exc)
            self._drop()
            return _execute(self._connection(), sql, params, BUSY_SPIN_S, _yield)  # once more, repaired
        if writes:
            self._busy = 0
        return rows

    def close(self) -> None:
        self._drop()

    def _connection(self) -> sqlite3.Connection:
        now = self.clock()
        if self._conn is not None and now - self._checked >= CHECK_EVERY_S:
            self._checked = now
            if not self._same_file():
                logger.warning("shared web state %s was deleted, replaced or damaged: reopening it", self.path)
                self._drop()
        if now < self._retry_at:
            raise sqlite3.OperationalError(f"shared web state {self.path} unavailable; trying again shortly")
        if self._conn is not None:
            return self._conn
        try:
            repair(self.path, busy_timeout=0)
            conn = connect(self.path)
            self._inode = os.stat(self.path).st_ino
        except (OSError, sqlite3.Error) as exc:
            self._retry_at = now + self._pause
            self._pause = min(self._pause * 2, HEAL_PAUSE_MAX_S)
            raise sqlite3.OperationalError(f"cannot open shared web state {self.path}: {exc}") from None
        self._conn, self._checked, self._pause = conn, now, HEAL_PAUSE_S
        if self._opened_once:
            self.heals += 1
            logger.warning("shared web state %s reopened", self.path)
        self._opened_once = True
        return conn

    def _same_file(self) -> bool:
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(len(HEADER))
                inode = os.fstat(handle.fileno()).st_ino
        except OSError:
            return False
        return inode == self._inode and header in (HEADER, b"")  # empty: new, not yet checkpointed

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass


def _tighten(path: Path) -> None:
    for suffix in SUFFIXES:
        try:
            if os.stat(f"{path}{suffix}").st_mode & 0o077:
                os.chmod(f"{path}{suffix}", FILE_MODE)
        except FileNotFoundError:
            pass


def _remove(path: Path) -> None:
    for suffix in SUFFIXES:
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _create(path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(SCHEMA)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
        for column, declared in ADDED_COLUMNS:  # a file written by an older version
            if column not in columns:
                conn.execute(f"ALTER TABLE sessions ADD COLUMN {column} {declared}")
        conn.execute("SELECT count(*) FROM sessions").fetchone()
    finally:
        conn.close()


def prepare(data_dir: Path | str, ttl_seconds: float | None = None) -> Path:
    """Create (or repair) the shared file with its tables, dropping the rows that expired
    while the server was stopped (`ttl_seconds`: CONTEXT_TTL_MINUTES); its path. Raises
    StorageError naming the path and DATA_DIR if it cannot."""
    path = path_in(data_dir)
    try:
        repair(path)
        if ttl_seconds is not None:
            _expire(path, ttl_seconds)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StorageError(
            f"DATA_DIR: cannot open the shared web state {path} ({reason}); "
            f"DATA_DIR={data_dir} must be a writable folder"
        ) from None
    return path


def repair(path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
    """Make `path` the shared state file with its tables: created if missing (and its
    folder), started afresh if it is not a database or is damaged. Raises OSError or
    sqlite3.Error (no permission, a locked file with `busy_timeout` 0, …)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(HEADER))
    except FileNotFoundError:
        header = HEADER
    try:
        if header and header != HEADER:
            raise sqlite3.DatabaseError("file is not a database")
        _create(path, busy_timeout)
    except sqlite3.DatabaseError as exc:
        truncated = not header and is_busy(exc)  # an empty file that others still hold in WAL mode
        if not truncated and (is_busy(exc) or getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_NOTADB) not in DAMAGED):
            raise  # e.g. no permission: say so
        logger.warning("%s is damaged (%s); starting it afresh", path, exc)
        _remove(path)
        _create(path, busy_timeout)
    _tighten(path)


def _expire(path: Path, ttl_seconds: float) -> None:
    conn = connect(path)
    try:
        now = time.time()
        run(conn, "DELETE FROM sessions WHERE saved_at < ?", (now - ttl_seconds,))
        run(conn, "DELETE FROM rate_buckets WHERE at < ?", (now - REFILL_SECONDS,))
    finally:
        conn.close()


async def arun(conn, sql: str, params: tuple | dict = ()) -> list[tuple]:
    """`run` for the event loop. A worker's StateConnection never sleeps (it yields the CPU to
    a lock's holder for at most BUSY_SPIN_S); a plain connection, while another process holds
    the write lock, yields to the loop (`asyncio.sleep`) instead of sleeping in it."""
    if isinstance(conn, StateConnection):
        return conn.run(sql, params)
    pauses = _pauses(BUSY_TIMEOUT_S)
    while True:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            await asyncio.sleep(_locked(exc, pauses))
