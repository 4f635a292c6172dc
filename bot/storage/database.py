"""Usage storage: one SQLite file under `DATA_DIR` (queries, 👍/👎, admin audit).

`Storage` is the connection, its health and recovery (this module), with its parts:
the usage log and stats (`usage`), unanswered questions (`unanswered`), the update journal
(`journal`); the schema is in `migrations`, the pseudonym key in `keys`.

* WAL mode; one connection shared behind a lock. Every method has an `a…` twin that runs
  it in a worker thread (`asyncio.to_thread`), so the bot's event loop never waits on disk.
* The database files are created with mode 0600 (owner only).
* `prune(retention_days)` deletes rows older than the retention period (run daily).
* Storage health (`self.health`, bot/storage/health.py): every write first checks that the
  file is still there. A database deleted while the bot runs is recreated at once from the
  open connection (nothing is lost). A write that fails (read-only or full disk) is held in
  memory (up to 10,000 records) and retried every few seconds, or by `check()`; each change
  of state is logged once with the path and DATA_DIR and queued as a notice for the admins.
"""

from __future__ import annotations

import asyncio
import collections
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.storage.health import StorageError, StorageHealth
from bot.storage.journal import Journal
from bot.storage.keys import FILE_MODE, KEY_FILE, load_hash_key, private_file, retire_salt, user_hash, write_key_file
from bot.storage.migrations import apply_migrations, schema_version
from bot.storage.unanswered import UnansweredQueries
from bot.storage.usage import UsageLog

DB_NAME = "bot.sqlite3"
RETRY_SECONDS = 5.0  # between attempts to write held records or recreate a deleted file


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # deleted texts are overwritten, not left in free pages
    return conn


class Storage(UsageLog, UnansweredQueries, Journal):
    """The bot's database. Thread-safe; use the `a…` methods from async code."""

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time, *, hash_key: str = ""):
        self.path = Path(path)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.clock = clock
        self._lock = threading.Lock()
        self._key = load_hash_key(self.path.parent, hash_key)
        self._key_in_file = not hash_key
        private_file(self.path)
        self._conn = connect(self.path)
        with self._lock:
            self.migrations_applied = apply_migrations(self._conn)
            retire_salt(self._conn, self._key)
        self._tighten_modes()
        self._identity = _identity(self.path)
        self.health = StorageHealth(self.path, self.path.parent, clock)
        self._held: collections.deque[tuple[str, tuple]] = collections.deque()
        self._next_retry = 0.0

    @classmethod
    def open(cls, data_dir: Path | str, clock: Callable[[], float] = time.time, *, hash_key: str = "") -> Storage:
        """The database in `data_dir` (created if missing), migrated to the latest schema;
        user hashes keyed by `hash_key` (HASH_KEY) or the key file in `data_dir`.

        Raises StorageError with one line naming the path and DATA_DIR if it cannot."""
        path = Path(data_dir) / DB_NAME
        try:
            return cls(path, clock, hash_key=hash_key)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise StorageError(
                f"DATA_DIR: cannot open the usage database {path} ({reason}); "
                f"DATA_DIR={data_dir} must be a writable folder"
            ) from None

    def _tighten_modes(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{self.path}{suffix}")
            try:
                if path.stat().st_mode & 0o077:
                    os.chmod(path, FILE_MODE)
            except FileNotFoundError:
                pass

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- helpers

    def user_hash(self, user_id: int | str | None) -> str:
        """Keyed pseudonym of a user id ('' when there is no user)."""
        return user_hash(self._key, user_id)

    def _execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor | None:
        """A write. None when it could not be made now: it is held and written later."""
        with self._lock:
            self._check_file()
            if self._held and not self._flush_held():
                self._hold(sql, params)
                return None
            try:
                return self._conn.execute(sql, params)
            except sqlite3.Error as exc:  # read-only, disk full, I/O error, …
                self.health.failing("write failed", exc)
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
        """Write the held records in one transaction; True when none are left."""
        if not self._held:
            return True
        if not force and time.monotonic() < self._next_retry:
            return False
        self._next_retry = time.monotonic() + RETRY_SECONDS
        for attempt in (1, 2):
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for sql, params in self._held:
                        self._conn.execute(sql, params)
                except BaseException:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    raise
                self._conn.execute("COMMIT")
                break
            except sqlite3.Error as exc:
                if attempt == 1 and self._reconnect():
                    continue
                self.health.failing("write failed", exc)
                return False
        written = len(self._held)
        self._held.clear()
        self.health.held = 0
        self.health.recovered(written)
        return True

    def _reconnect(self) -> bool:
        """A fresh connection to the same file (e.g. after the disk became writable again)."""
        if _identity(self.path) != self._identity:
            return False
        try:
            fresh = connect(self.path)
        except sqlite3.Error:
            return False
        self._conn.close()
        self._conn = fresh
        return True

    def _check_file(self) -> None:
        """Notice a deleted or replaced database file; recreate it from the open connection."""
        current = _identity(self.path)
        if current is not None and current == self._identity:
            return
        if time.monotonic() < self._next_retry and not self.health.ok:
            return
        self._next_retry = time.monotonic() + RETRY_SECONDS
        if current is not None:  # another file was put there: use it (an operator's restore)
            try:
                fresh = connect(self.path)
                apply_migrations(fresh)
            except (sqlite3.Error, StorageError) as exc:
                self.health.failing("database file replaced and unusable", exc)
                return
            self._conn.close()
            self._conn, self._identity = fresh, current
            self.health.file_replaced()
            return
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            key_file = self.path.parent / KEY_FILE
            if self._key_in_file and not key_file.exists():
                write_key_file(key_file, self._key.decode("ascii"))
            private_file(self.path)
            fresh = connect(self.path)
            self._conn.backup(fresh)  # everything the deleted file held, still open here
        except (OSError, sqlite3.Error) as exc:
            # writes keep going to the open (deleted) file and are copied out once possible
            self.health.failing("database file deleted and cannot be recreated", exc)
            return
        self._conn.close()
        self._conn, self._identity = fresh, _identity(self.path)
        self._tighten_modes()
        self.health.file_recreated()
        if not self._held:
            self.health.recovered(0)

    def check(self) -> None:
        """Look at the file and write what is held (the bot calls this every 30 s)."""
        with self._lock:
            self._check_file()
            self._flush_held(force=True)

    def _fetchall(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _now(self, ts: float | None) -> float:
        return self.clock() if ts is None else ts

    @property
    def schema_version(self) -> int:
        with self._lock:
            return schema_version(self._conn)

    def table_rows(self) -> dict[str, list[tuple]]:
        """Every row of every table (for audits and tests)."""
        with self._lock:
            names = [
                r[0]
                for r in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {name: self._conn.execute(f"SELECT * FROM {name}").fetchall() for name in names}

    def claim_job(self, name: str, period: str) -> bool:
        """True for exactly one process per job and period (e.g. ("digest", "2024-05-01"))."""
        cur = self._execute(
            "INSERT INTO job_runs (name, period, ts) VALUES (?, ?, ?) ON CONFLICT (name, period) DO NOTHING",
            (name, period, self.clock()),
        )
        return cur is not None and cur.rowcount == 1

    async def acheck(self) -> None:
        await asyncio.to_thread(self.check)

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)
