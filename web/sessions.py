"""Follow-up context for web sessions ("那成功率呢？" after "人民调解化解了多少纠纷").

The page sends a random session id with every question; each id gets its own
`Conversation`, as each Telegram chat does. Every store implements
`bot.storage.interfaces.SessionStore`, is bounded and expiring, and uses wall-clock time
(`clock`, time.time), which the endpoints also pass to the engine as `now`:

* `MemorySessionStore` (bot/storage/memory.py; one worker): in memory.
* `SqliteSessionStore` (several workers on one machine, here): a row per session in the
  shared SQLite file (`statedb`), keyed by the keyed hash of the session id, holding the
  Conversation's fields. Rows expire `ttl` after they were last written; at most
  `max_sessions` are kept (checked every `prune_every` writes, the least recently written
  dropped first).
* `RedisSessionStore` (several machines, REDIS_URL; bot/storage/redis_state.py).

`async with conversation_of(store, session_id) as conversation:` (bot/storage/interfaces.py)
is how the endpoints use any of them: read when a question arrives, written back only if
answering changed it, before the reply is sent.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable

from bot.engine.conversation import Conversation
from bot.storage.health import Warner
from bot.storage.keys import keyed_hash
from bot.storage.memory import MAX_SESSIONS

from .statedb import arun, run

SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
PRUNE_EVERY = 200  # shared store: writes between two prunes


class SqliteSessionStore:
    """In the shared SQLite file, for several worker processes. Never raises: if the file
    cannot be read or written, the question is answered without context (logged)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        key: bytes,
        ttl_seconds: float,
        max_sessions: int = MAX_SESSIONS,
        clock: Callable[[], float] = time.time,
        prune_every: int = PRUNE_EVERY,
    ):
        self.conn = conn
        self.key = key
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self.prune_every = prune_every
        self._writes = 0
        self._warn = Warner("session context")

    def __len__(self) -> int:
        return run(self.conn, "SELECT count(*) FROM sessions")[0][0]

    async def load(self, session_id: str) -> Conversation:
        try:
            rows = await arun(
                self.conn,
                "SELECT last_entry_id, updated_at, ttl_seconds, last_year, last_text, scoped_out, last_parts FROM sessions "
                "WHERE key = ? AND saved_at >= ?",
                (keyed_hash(self.key, "session", session_id), self.clock() - self.ttl_seconds),
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            rows = []
        if not rows:
            return Conversation(ttl_seconds=self.ttl_seconds)
        last_entry_id, updated_at, ttl_seconds, last_year, last_text, scoped_out, last_parts = rows[0]
        return Conversation(
            last_entry_id=last_entry_id,
            updated_at=updated_at,
            ttl_seconds=ttl_seconds,
            last_year=last_year,
            last_text=last_text,
            scoped_out=bool(scoped_out),
            last_parts=last_parts,
        )

    async def save(self, session_id: str, conversation: Conversation) -> None:
        c = conversation
        try:
            await arun(
                self.conn,
                "INSERT OR REPLACE INTO sessions (key, last_entry_id, updated_at, ttl_seconds, last_year, "
                "last_text, saved_at, scoped_out, last_parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    keyed_hash(self.key, "session", session_id),
                    c.last_entry_id,
                    c.updated_at,
                    c.ttl_seconds,
                    c.last_year,
                    c.last_text,
                    self.clock(),
                    int(c.scoped_out),
                    c.last_parts,
                ),
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            return
        self._writes += 1
        if self._writes >= self.prune_every:
            await self.prune()

    async def prune(self) -> int:
        """Drop expired rows, then the oldest beyond `max_sessions`; the rows dropped."""
        self._writes = 0
        try:
            expired = len(
                await arun(
                    self.conn, "DELETE FROM sessions WHERE saved_at < ? RETURNING 1", (self.clock() - self.ttl_seconds,)
                )
            )
            excess = len(
                await arun(
                    self.conn,
                    "DELETE FROM sessions WHERE key IN (SELECT key FROM sessions ORDER BY saved_at DESC "
                    "LIMIT -1 OFFSET ?) RETURNING 1",
                    (self.max_sessions,),
                )
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            return 0
        return expired + excess
