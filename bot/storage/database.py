"""Usage storage: one SQLite file under `DATA_DIR` (queries, 👍/👎, admin audit).

* WAL mode; one connection shared behind a lock. Every method has an `a…` twin that runs
  it in a worker thread (`asyncio.to_thread`), so the bot's event loop never waits on disk.
* The schema is versioned with `PRAGMA user_version`; `MIGRATIONS` run in order at start,
  each in its own transaction. Never edit a released migration — append a new one.
* Citizens are pseudonymous: a user id is stored only as HMAC-SHA256 under a key kept
  *outside* the database (`user_hash`): `HASH_KEY` from the environment, or else the key
  file `DATA_DIR/hash.key`, created once with mode 0600. Whoever has only the database
  file cannot test candidate ids against the hashes. A database from before keyed hashes
  (the salt was in its `meta` table) has its hashes re-keyed and the salt erased on open.
  Only the ids of configured admins (staff) appear in clear, in the audit table.
* The database files are created with mode 0600 (owner only).
* `prune(retention_days)` deletes rows older than the retention period (run daily).
* The update journal (`journal_*`, handlers/updates.py) keeps each Telegram update from
  the moment it is fetched until it is answered, so a crash loses none.
* Storage health (`self.health`, bot/storage_health.py): every write first checks that the
  file is still there. A database deleted while the bot runs is recreated at once from the
  open connection (nothing is lost). A write that fails (read-only or full disk) is held in
  memory (up to 10,000 records) and retried every few seconds, or by `check()`; each change
  of state is logged once with the path and DATA_DIR and queued as a notice for the admins.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import hmac
import math
import os
import secrets
import sqlite3
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bot.storage.health import StorageError, StorageHealth
from bot.text.normalize import normalize

if TYPE_CHECKING:  # pragma: no cover
    from bot.engine.engine import Engine

DB_NAME = "bot.sqlite3"
KEY_FILE = "hash.key"
MIN_KEY_CHARS = 32
FILE_MODE = 0o600
RETRY_SECONDS = 5.0  # between attempts to write held records or recreate a deleted file
DAY = 86400.0

# Response kinds (bot/answers.py) that are small talk, not questions the bot missed.
SMALL_TALK_KINDS = ("greeting", "who", "how", "thanks", "bye", "empty")
# Fallbacks that are deliberate refusals (other year / other place): not worth reviewing.
REFUSAL_KINDS = ("scope",)
GROUP_SIMILARITY = 80.0  # rapidfuzz ratio (0–100) at which two normalised questions group


# --- migrations -------------------------------------------------------------


def _migration_1(conn: sqlite3.Connection) -> None:
    """Initial schema: queries, feedback, admin audit, and the salt for user hashes."""
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("""
        CREATE TABLE queries (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            chat_type TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL,
            entry_id TEXT,
            score REAL,
            latency_ms REAL
        )""")
    conn.execute("CREATE INDEX queries_ts ON queries (ts)")
    conn.execute("""
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            user_hash TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1))
        )""")
    conn.execute("CREATE INDEX feedback_ts ON feedback (ts)")
    conn.execute("""
        CREATE TABLE admin_actions (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            admin_id INTEGER,
            user_hash TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        )""")
    conn.execute("INSERT INTO meta (key, value) VALUES ('user_salt', ?)", (secrets.token_hex(32),))


def _migration_2(conn: sqlite3.Connection) -> None:
    """Response kind on queries (to tell small talk from misses); dismissed questions."""
    conn.execute("ALTER TABLE queries ADD COLUMN kind TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX admin_actions_ts ON admin_actions (ts)")
    conn.execute("""
        CREATE TABLE dismissed (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            norm TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            admin_id INTEGER
        )""")


def _migration_3(conn: sqlite3.Connection) -> None:
    """The channel a question or vote came from ('telegram', 'web'); older rows are Telegram's."""
    conn.execute("ALTER TABLE queries ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram'")
    conn.execute("ALTER TABLE feedback ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram'")


def _migration_4(conn: sqlite3.Connection) -> None:
    """The update journal: Telegram updates fetched but not yet answered (`payload`, cleared
    once answered; the row is kept a while by update id, so a redelivery is recognised)."""
    conn.execute("""
        CREATE TABLE pending_updates (
            update_id INTEGER PRIMARY KEY,
            bot_id INTEGER NOT NULL,
            received REAL NOT NULL,
            done REAL,
            payload TEXT NOT NULL DEFAULT ''
        )""")
    conn.execute("CREATE INDEX pending_updates_open ON pending_updates (done)")


MIGRATIONS: tuple[tuple[int, Callable[[sqlite3.Connection], None]], ...] = (
    (1, _migration_1),
    (2, _migration_2),
    (3, _migration_3),
    (4, _migration_4),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Bring the database to `target` (default: latest); return the versions applied."""
    target = SCHEMA_VERSION if target is None else target
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StorageError(f"database schema version {current} is newer than this bot ({SCHEMA_VERSION})")
    applied = []
    for version, migrate in MIGRATIONS:
        if current < version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrate(conn)
                conn.execute(f"PRAGMA user_version = {int(version)}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            applied.append(version)
    return applied


def _private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it is missing; tighten it to 0600 if it exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    else:
        os.close(fd)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def _write_key_file(path: Path, key: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def load_hash_key(data_dir: Path | str, hash_key: str = "") -> bytes:
    """The key for user hashes: `hash_key` (HASH_KEY) if given, else the key file in
    `data_dir`, created with a random key and mode 0600 on first use."""
    if hash_key:
        return hash_key.encode("utf-8")
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        key = secrets.token_hex(32)
        try:
            _write_key_file(path, key)
            return key.encode("ascii")
        except FileExistsError:  # another process was quicker: use its key
            pass
    if path.stat().st_mode & 0o077:
        os.chmod(path, FILE_MODE)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_KEY_CHARS:
        raise StorageError(f"{path}: the key file for user hashes is damaged (too short)")
    return key.encode("ascii")


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # deleted texts are overwritten, not left in free pages
    return conn


# --- results ----------------------------------------------------------------


@dataclass
class Stats:
    days: float
    since: float
    until: float
    total: int = 0
    answered: int = 0
    clarified: int = 0
    unanswered: int = 0
    small_talk: int = 0  # greetings, thanks, … and deliberate out-of-scope refusals
    users: int = 0
    median_latency_ms: float | None = None
    top_entries: list[tuple[str, int]] = field(default_factory=list)
    top_unanswered: list[tuple[str, int]] = field(default_factory=list)
    thumbs_up: int = 0
    thumbs_down: int = 0
    disliked: list[tuple[str, int]] = field(default_factory=list)  # entries with most 👎
    channels: list[tuple[str, int]] = field(default_factory=list)  # questions per channel, most first

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


@dataclass
class Closest:
    entry_id: str
    score: float


@dataclass
class UnansweredGroup:
    query_id: int  # the newest query row of the representative text (for buttons)
    text: str  # the representative: the most frequent wording, newest on ties
    count: int
    last_ts: float
    statuses: tuple[str, ...]  # "fallback" / "clarify"
    variants: list[str] = field(default_factory=list)  # other wordings grouped with it
    closest: list[Closest] = field(default_factory=list)


@dataclass
class _Row:
    id: int
    ts: float
    text: str
    status: str


def group_questions(
    rows: Iterable[_Row], dismissed: Iterable[str] = (), threshold: float = GROUP_SIMILARITY
) -> list[UnansweredGroup]:
    """Group near-duplicate questions (normalised, then rapidfuzz ratio ≥ threshold).

    Questions similar to a dismissed one (`dismissed`: normalised texts) are dropped.
    Groups come most frequent first, then most recent.
    """
    by_key: dict[str, list[_Row]] = {}
    for row in rows:
        key = normalize(row.text)
        if key:
            by_key.setdefault(key, []).append(row)
    dismissed = [d for d in dismissed if d]
    # representatives: list of normalised keys; members[i] = keys joined to group i
    reps: list[str] = list(dismissed)
    members: list[list[str]] = [[] for _ in dismissed]
    for key in sorted(by_key, key=lambda k: (-len(by_key[k]), -max(r.ts for r in by_key[k]))):
        found = process.extractOne(key, reps, scorer=fuzz.ratio, score_cutoff=threshold) if reps else None
        if found is not None:
            members[found[2]].append(key)
        else:
            reps.append(key)
            members.append([key])
    groups: list[UnansweredGroup] = []
    for index in range(len(dismissed), len(reps)):
        rows_in = [r for key in members[index] for r in by_key[key]]
        wording = Counter(r.text.strip() for r in rows_in)
        newest = {}
        for r in rows_in:
            t = r.text.strip()
            if t not in newest or (r.ts, r.id) > (newest[t].ts, newest[t].id):
                newest[t] = r
        ordered = sorted(wording, key=lambda t: (-wording[t], -newest[t].ts, -newest[t].id))
        rep = newest[ordered[0]]
        groups.append(
            UnansweredGroup(
                query_id=rep.id,
                text=ordered[0],
                count=len(rows_in),
                last_ts=max(r.ts for r in rows_in),
                statuses=tuple(sorted({r.status for r in rows_in})),
                variants=ordered[1:],
            )
        )
    groups.sort(key=lambda g: (-g.count, -g.last_ts))
    return groups


# --- storage ----------------------------------------------------------------


class Storage:
    """The bot's database. Thread-safe; use the `a…` methods from async code."""

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time, *, hash_key: str = ""):
        self.path = Path(path)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.clock = clock
        self._lock = threading.Lock()
        self._key = load_hash_key(self.path.parent, hash_key)
        self._key_in_file = not hash_key
        _private_file(self.path)
        self._conn = connect(self.path)
        with self._lock:
            self.migrations_applied = apply_migrations(self._conn)
            self._retire_salt()
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

    def _retire_salt(self) -> None:
        """A database with a salt in `meta` (written by migration 1, the pre-key scheme):
        re-key every stored hash with the key, then erase the salt for good."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM meta WHERE key = 'user_salt'").fetchone() is None:
            return
        conn.create_function(
            "rekey",
            1,
            lambda old: (
                "" if not old else hmac.new(self._key, f"legacy:{old}".encode(), hashlib.sha256).hexdigest()[:32]
            ),
            deterministic=True,
        )
        conn.execute("PRAGMA secure_delete = ON")  # deleted bytes are overwritten, not left in free pages
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in ("queries", "feedback", "admin_actions"):
                conn.execute(f"UPDATE {table} SET user_hash = rekey(user_hash)")
            conn.execute("DELETE FROM meta WHERE key = 'user_salt'")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- helpers

    def user_hash(self, user_id: int | str | None) -> str:
        """Keyed pseudonym of a user id ('' when there is no user)."""
        if user_id is None or user_id == "":
            return ""
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

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
                _write_key_file(key_file, self._key.decode("ascii"))
            _private_file(self.path)
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

    # -- writes

    def _query_row(
        self,
        *,
        user_id: int | None,
        chat_type: str,
        text: str,
        status: str,
        entry_id: str | None = None,
        score: float | None = None,
        latency_ms: float | None = None,
        kind: str = "",
        ts: float | None = None,
        channel: str = "telegram",
    ) -> tuple[str, tuple]:
        return (
            "INSERT INTO queries (ts, chat_type, user_hash, text, status, entry_id, score, latency_ms, kind,"
            " channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._now(ts),
                chat_type or "",
                self.user_hash(user_id),
                text,
                status,
                entry_id,
                None if score is None else float(score),
                None if latency_ms is None else float(latency_ms),
                kind or "",
                channel,
            ),
        )

    def _feedback_row(
        self, *, user_id: int | None, entry_id: str, vote: int, ts: float | None = None, channel: str = "telegram"
    ) -> tuple[str, tuple]:
        if vote not in (1, -1):
            raise ValueError("vote must be +1 or -1")
        return (
            "INSERT INTO feedback (ts, user_hash, entry_id, vote, channel) VALUES (?, ?, ?, ?, ?)",
            (self._now(ts), self.user_hash(user_id), entry_id, vote, channel),
        )

    def log_query(
        self,
        *,
        user_id: int | None,
        chat_type: str,
        text: str,
        status: str,
        entry_id: str | None = None,
        score: float | None = None,
        latency_ms: float | None = None,
        kind: str = "",
        ts: float | None = None,
        channel: str = "telegram",
    ) -> int:
        cur = self._execute(
            *self._query_row(
                user_id=user_id,
                chat_type=chat_type,
                text=text,
                status=status,
                entry_id=entry_id,
                score=score,
                latency_ms=latency_ms,
                kind=kind,
                ts=ts,
                channel=channel,
            )
        )
        return int(cur.lastrowid) if cur is not None else 0

    def log_feedback(
        self, *, user_id: int | None, entry_id: str, vote: int, ts: float | None = None, channel: str = "telegram"
    ) -> None:
        self._execute(*self._feedback_row(user_id=user_id, entry_id=entry_id, vote=vote, ts=ts, channel=channel))

    def log_batch(self, queries: Iterable[dict] = (), feedback: Iterable[dict] = ()) -> None:
        """Many questions and votes (the fields of log_query / log_feedback) in one
        transaction: a commit per batch instead of per record (the web recorder). Records
        that cannot be written now are held and written later, as single ones are."""
        rows = [self._query_row(**fields) for fields in queries]
        rows += [self._feedback_row(**fields) for fields in feedback]
        if not rows:
            return
        with self._lock:
            self._check_file()
            for sql, params in rows:
                self._hold(sql, params)
            self._flush_held(force=True)

    def log_admin(
        self, *, user_id: int | None, action: str, detail: str = "", is_admin: bool = True, ts: float | None = None
    ) -> None:
        """Audit one admin action, or a refused attempt (`is_admin=False`: hash only)."""
        self._execute(
            "INSERT INTO admin_actions (ts, admin_id, user_hash, action, detail) VALUES (?, ?, ?, ?, ?)",
            (self._now(ts), user_id if is_admin else None, self.user_hash(user_id), action, detail[:2000]),
        )

    def query_text(self, query_id: int) -> str | None:
        rows = self._fetchall("SELECT text FROM queries WHERE id = ?", (int(query_id),))
        return rows[0][0] if rows else None

    def dismiss(self, query_id: int, admin_id: int | None = None, ts: float | None = None) -> str | None:
        """Hide a question (and its near-duplicates) from the unanswered list; its text."""
        text = self.query_text(query_id)
        if text is None:
            return None
        key = normalize(text)
        if key:
            self._execute(
                "INSERT OR IGNORE INTO dismissed (ts, norm, text, admin_id) VALUES (?, ?, ?, ?)",
                (self._now(ts), key, text, admin_id),
            )
        return text

    def prune(self, retention_days: int, now: float | None = None) -> dict[str, int]:
        """Delete rows older than `retention_days`; how many per table."""
        cutoff = self._now(now) - retention_days * DAY
        removed = {}
        with self._lock:
            self._check_file()
            if self._held:
                return removed  # not while records wait to be written
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for table in ("queries", "feedback", "admin_actions", "dismissed"):
                        removed[table] = self._conn.execute(f"DELETE FROM {table} WHERE ts < ?", (cutoff,)).rowcount
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                self.health.failing("pruning failed", exc)
                return {}
        return removed

    # -- reads

    def _window(
        self, days: float, now: float | None, since: float | None, until: float | None
    ) -> tuple[float, float, float]:
        """(start, end, days): [since, until) if until is given, else the last `days` up to now."""
        if until is not None:
            start = until - days * DAY if since is None else since
            return start, until, (until - start) / DAY
        end = self._now(now)
        start = end - days * DAY if since is None else since
        # include rows logged at exactly `now`
        return start, math.nextafter(end, math.inf), (end - start) / DAY

    def stats(
        self, days: float = 7, now: float | None = None, *, since: float | None = None, until: float | None = None
    ) -> Stats:
        """Figures for the last `days` days up to now, or for the window [since, until)."""
        since, until, days = self._window(days, now, since, until)
        window = (since, until)
        stats = Stats(days=days, since=since, until=until)
        quiet = SMALL_TALK_KINDS + REFUSAL_KINDS
        marks = ",".join("?" * len(quiet))
        for status, is_quiet, count in self._fetchall(
            f"SELECT status, CASE WHEN kind IN ({marks}) THEN 1 ELSE 0 END AS quiet, COUNT(*)"
            " FROM queries WHERE ts >= ? AND ts < ? GROUP BY status, quiet",
            quiet + window,
        ):
            stats.total += count
            if status == "answer":
                stats.answered += count
            elif status == "clarify":
                stats.clarified += count
            elif is_quiet:
                stats.small_talk += count
            else:
                stats.unanswered += count
        stats.channels = [
            (c, n)
            for c, n in self._fetchall(
                "SELECT channel, COUNT(*) AS n FROM queries WHERE ts >= ? AND ts < ?"
                " GROUP BY channel ORDER BY n DESC, channel",
                window,
            )
        ]
        stats.users = self._fetchall(
            "SELECT COUNT(DISTINCT user_hash) FROM queries WHERE ts >= ? AND ts < ? AND user_hash != ''", window
        )[0][0]
        latencies = [
            r[0]
            for r in self._fetchall(
                "SELECT latency_ms FROM queries WHERE ts >= ? AND ts < ? AND latency_ms IS NOT NULL", window
            )
        ]
        stats.median_latency_ms = statistics.median(latencies) if latencies else None
        stats.top_entries = [
            (e, n)
            for e, n in self._fetchall(
                "SELECT entry_id, COUNT(*) AS n FROM queries WHERE ts >= ? AND ts < ? AND status = 'answer'"
                " AND entry_id IS NOT NULL GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT 10",
                window,
            )
        ]
        missed = self._missed_rows(since, until, include_clarify=False)
        stats.top_unanswered = [(g.text, g.count) for g in group_questions(missed)[:10]]
        # 👍/👎: one vote per person and entry in the window, the latest press counts.
        latest = (
            "SELECT f.entry_id, f.vote FROM feedback f WHERE f.ts >= ? AND f.ts < ? AND f.id = ("
            " SELECT MAX(g.id) FROM feedback g WHERE g.user_hash = f.user_hash"
            " AND g.entry_id = f.entry_id AND g.ts >= ? AND g.ts < ?)"
        )
        votes = self._fetchall(latest, window + window)
        stats.thumbs_up = sum(1 for _, v in votes if v > 0)
        stats.thumbs_down = sum(1 for _, v in votes if v < 0)
        down = Counter(e for e, v in votes if v < 0)
        stats.disliked = sorted(down.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        return stats

    def _missed_rows(self, since: float, until: float, include_clarify: bool = True) -> list[_Row]:
        quiet = SMALL_TALK_KINDS + REFUSAL_KINDS
        marks = ",".join("?" * len(quiet))
        statuses = ("fallback", "clarify") if include_clarify else ("fallback",)
        return [
            _Row(*r)
            for r in self._fetchall(
                "SELECT id, ts, text, status FROM queries WHERE ts >= ? AND ts < ?"
                f" AND status IN ({','.join('?' * len(statuses))})"
                f" AND NOT (status = 'fallback' AND kind IN ({marks})) ORDER BY ts DESC",
                (since, until) + statuses + quiet,
            )
        ]

    def dismissed_keys(self) -> list[str]:
        return [r[0] for r in self._fetchall("SELECT norm FROM dismissed ORDER BY ts")]

    def unanswered(
        self,
        days: float = 7,
        engine: Engine | None = None,
        limit: int = 20,
        now: float | None = None,
        *,
        since: float | None = None,
        until: float | None = None,
    ) -> list[UnansweredGroup]:
        """Recent questions answered with "您是想问" or not at all, near-duplicates grouped.

        With an `engine`, questions it now answers are left out (someone already fixed
        them) and each group gets its three closest entries.
        """
        since, until, _ = self._window(days, now, since, until)
        groups = group_questions(self._missed_rows(since, until), self.dismissed_keys())
        result = []
        for group in groups:
            if engine is not None:
                if engine.respond(group.text).status == "answer":
                    continue
                group.closest = [Closest(entry_id, score) for entry_id, score in engine.closest(group.text)]
            result.append(group)
            if len(result) >= limit:
                break
        return result

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

    # -- the update journal

    def journal_add(self, bot_id: int, updates: list[tuple[int, str]]) -> tuple[list[int], bool]:
        """Store fetched updates ((update id, JSON)) before Telegram is told they arrived.

        Returns the ids not seen before (to process) and whether they are stored. Ids
        already in the journal (a redelivery) are left out."""
        ids = [update_id for update_id, _ in updates]
        with self._lock:
            self._check_file()
            try:
                marks = ",".join("?" * len(ids))
                known = (
                    {
                        r[0]
                        for r in self._conn.execute(
                            f"SELECT update_id FROM pending_updates WHERE bot_id = ? AND update_id IN ({marks})",
                            (bot_id, *ids),
                        )
                    }
                    if ids
                    else set()
                )
            except sqlite3.Error:
                known = set()
            fresh = [(i, payload) for i, payload in updates if i not in known]
            if not fresh:
                return [], True
            if self._held:  # not writable at the moment: the caller confirms only once answered
                return [i for i, _ in fresh], False
            now = self.clock()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    self._conn.executemany(
                        "INSERT OR IGNORE INTO pending_updates (update_id, bot_id, received, payload)"
                        " VALUES (?, ?, ?, ?)",
                        [(i, bot_id, now, payload) for i, payload in fresh],
                    )
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.health.failing("write failed", exc)
                self._next_retry = time.monotonic() + RETRY_SECONDS
                return [i for i, _ in fresh], False
            return [i for i, _ in fresh], True

    def journal_done(self, update_id: int, ts: float | None = None) -> None:
        """An update was answered: forget its content, keep its id for a while."""
        self._execute(
            "UPDATE pending_updates SET done = ?, payload = '' WHERE update_id = ?", (self._now(ts), int(update_id))
        )

    def journal_pending(self, bot_id: int) -> list[str]:
        """The updates stored but not answered (JSON), oldest first; other bots' are dropped."""
        self._execute("DELETE FROM pending_updates WHERE bot_id != ?", (bot_id,))
        return [
            r[0]
            for r in self._fetchall(
                "SELECT payload FROM pending_updates WHERE bot_id = ? AND done IS NULL ORDER BY update_id", (bot_id,)
            )
        ]

    def journal_prune(self, keep_seconds: float = 2 * DAY, now: float | None = None) -> None:
        """Forget answered updates older than `keep_seconds`."""
        self._execute(
            "DELETE FROM pending_updates WHERE done IS NOT NULL AND done < ?", (self._now(now) - keep_seconds,)
        )

    # -- async twins (never block the event loop)

    async def alog_query(self, **kwargs) -> int:
        return await asyncio.to_thread(lambda: self.log_query(**kwargs))

    async def alog_feedback(self, **kwargs) -> None:
        await asyncio.to_thread(lambda: self.log_feedback(**kwargs))

    async def alog_admin(self, **kwargs) -> None:
        await asyncio.to_thread(lambda: self.log_admin(**kwargs))

    async def aquery_text(self, query_id: int) -> str | None:
        return await asyncio.to_thread(self.query_text, query_id)

    async def adismiss(self, query_id: int, admin_id: int | None = None) -> str | None:
        return await asyncio.to_thread(self.dismiss, query_id, admin_id)

    async def aprune(self, retention_days: int) -> dict[str, int]:
        return await asyncio.to_thread(self.prune, retention_days)

    async def astats(self, days: float = 7, **kwargs) -> Stats:
        return await asyncio.to_thread(lambda: self.stats(days, **kwargs))

    async def aunanswered(
        self, days: float = 7, engine: Engine | None = None, limit: int = 20, **kwargs
    ) -> list[UnansweredGroup]:
        return await asyncio.to_thread(lambda: self.unanswered(days, engine, limit, **kwargs))

    async def acheck(self) -> None:
        await asyncio.to_thread(self.check)

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)
