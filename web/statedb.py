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
then opens its own connection with `connect(path)` (a connection never crosses a fork).
Every statement is its own short transaction, run on the event loop with `arun`: when
another worker holds the write lock (tens of microseconds), `arun` yields to the loop and
retries after 50 µs, doubling up to 2 ms, for at most BUSY_TIMEOUT_S (`run`, for start-up
and tests, sleeps instead). SQLite's own busy handler would sleep
1 ms at the first collision, stalling every request queued behind it on that worker
(about 2% of writes collide with two busy workers).
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
BUSY_TIMEOUT_S = 1.0
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
    saved_at REAL NOT NULL
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


def path_in(data_dir: Path | str) -> Path:
    return Path(data_dir) / FILE_NAME


BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
DAMAGED = (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)  # the file only held context: start afresh


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)  # `run` waits, not SQLite
    run(conn, "PRAGMA journal_mode = WAL")
    run(conn, "PRAGMA synchronous = OFF")
    return conn


def run(conn: sqlite3.Connection, sql: str, params: tuple | dict = ()) -> list[tuple]:
    """Execute one statement to the end (its transaction committed); its rows. Retries
    while the database is locked by another worker, briefly; raises sqlite3.Error."""
    delay, give_up = 50e-6, None
    while True:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in BUSY_CODES:
                raise
            now = time.monotonic()
            give_up = give_up or now + BUSY_TIMEOUT_S
            if now >= give_up:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 2e-3)


async def arun(conn: sqlite3.Connection, sql: str, params: tuple | dict = ()) -> list[tuple]:
    """`run` for the event loop: while another worker holds the write lock, it yields to the
    loop (`asyncio.sleep`) instead of sleeping in it, so other requests go on meanwhile."""
    delay, give_up = 50e-6, None
    while True:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in BUSY_CODES:
                raise
            now = time.monotonic()
            give_up = give_up or now + BUSY_TIMEOUT_S
            if now >= give_up:
                raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2e-3)


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


def _create(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(SCHEMA)
        conn.execute("SELECT count(*) FROM sessions").fetchone()
    finally:
        conn.close()


def prepare(data_dir: Path | str, ttl_seconds: float | None = None) -> Path:
    """Create (or repair) the shared file with its tables, dropping the rows that expired
    while the server was stopped (`ttl_seconds`: CONTEXT_TTL_MINUTES); its path. Raises
    StorageError naming the path and DATA_DIR if it cannot."""
    path = path_in(data_dir)
    try:
        Path(data_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            _create(path)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in DAMAGED:  # e.g. no permission: say so
                raise
            logger.warning("%s is damaged (%s); starting it afresh", path, exc)
            _remove(path)
            _create(path)
        _tighten(path)
        if ttl_seconds is not None:
            _expire(path, ttl_seconds)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StorageError(
            f"DATA_DIR: cannot open the shared web state {path} ({reason}); "
            f"DATA_DIR={data_dir} must be a writable folder"
        ) from None
    return path


def _expire(path: Path, ttl_seconds: float) -> None:
    conn = connect(path)
    try:
        now = time.time()
        run(conn, "DELETE FROM sessions WHERE saved_at < ?", (now - ttl_seconds,))
        run(conn, "DELETE FROM rate_buckets WHERE at < ?", (now - REFILL_SECONDS,))
    finally:
        conn.close()
