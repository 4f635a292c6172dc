"""The usage database's schema, versioned with `PRAGMA user_version`.

`MIGRATIONS` run in order at start, each in its own transaction. Never edit a released
migration — append a new one.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable

from bot.storage.health import StorageError


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


def _migration_5(conn: sqlite3.Connection) -> None:
    """Jobs run once per period (the daily digest), whichever process gets there first."""
    conn.execute("""
        CREATE TABLE job_runs (
            name TEXT NOT NULL,
            period TEXT NOT NULL,
            ts REAL NOT NULL,
            PRIMARY KEY (name, period)
        )""")


MIGRATIONS: tuple[tuple[int, Callable[[sqlite3.Connection], None]], ...] = (
    (1, _migration_1),
    (2, _migration_2),
    (3, _migration_3),
    (4, _migration_4),
    (5, _migration_5),
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
