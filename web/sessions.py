"""Follow-up context for web sessions ("那成功率呢？" after "人民调解化解了多少纠纷").

The page sends a random session id with every question; each id gets its own
`Conversation`, as each Telegram chat does. Both stores are bounded and expiring, so no
client can grow memory or disk, and both use wall-clock time (`clock`, time.time), which
the endpoints also pass to the engine as `now`:

* `SessionStore` (one worker): in memory. A session unused for `CONTEXT_TTL_MINUTES` is
  dropped (its context has expired anyway); beyond `max_sessions` the least recently used
  one goes first.
* `SharedSessionStore` (several workers): a row per session in the shared SQLite file
  (`statedb`), keyed by the keyed hash of the session id, holding the Conversation's
  fields. A row is read when a question arrives and written back only if answering changed
  it, before the reply is sent, so the next question finds it whichever worker takes it.
  Rows expire `ttl` after they were last written; at most `max_sessions` are kept (checked
  every `prune_every` writes, the least recently written dropped first).

`with store.use(session_id) as conversation:` is how the endpoints use either.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator

from bot.engine.engine import Conversation

from .statedb import Warner, keyed_hash, run

SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_SESSIONS = 10_000
PRUNE_EVERY = 200  # shared store: writes between two prunes


class SessionStore:
    """In memory, for one worker process."""

    def __init__(self, ttl_seconds: float, max_sessions: int = MAX_SESSIONS, clock: Callable[[], float] = time.time):
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self._items: OrderedDict[str, tuple[Conversation, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, session_id: str) -> bool:
        return session_id in self._items

    @contextlib.contextmanager
    def use(self, session_id: str) -> Iterator[Conversation]:
        yield self.get(session_id)  # the live object: changes need no saving

    def get(self, session_id: str) -> Conversation:
        """The session's conversation, created on first use; marks it as just used."""
        now = self.clock()
        self._expire(now)
        held = self._items.pop(session_id, None)
        conversation = held[0] if held else Conversation(ttl_seconds=self.ttl_seconds)
        self._items[session_id] = (conversation, now)
        while len(self._items) > self.max_sessions:
            self._items.popitem(last=False)
        return conversation

    def _expire(self, now: float) -> None:
        """Drop sessions unused for longer than the TTL (the oldest are at the front)."""
        while self._items:
            _, (_, last_used) = next(iter(self._items.items()))
            if now - last_used <= self.ttl_seconds:
                break
            self._items.popitem(last=False)


class SharedSessionStore:
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

    @contextlib.contextmanager
    def use(self, session_id: str) -> Iterator[Conversation]:
        conversation = self.get(session_id)
        before = dataclasses.astuple(conversation)
        yield conversation
        if dataclasses.astuple(conversation) != before:
            self.save(session_id, conversation)

    def get(self, session_id: str) -> Conversation:
        """The session's conversation as last saved, or a new one (none yet, or expired)."""
        try:
            rows = run(
                self.conn,
                "SELECT last_entry_id, updated_at, ttl_seconds, last_year, last_text FROM sessions "
                "WHERE key = ? AND saved_at >= ?",
                (keyed_hash(self.key, "session", session_id), self.clock() - self.ttl_seconds),
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            rows = []
        if not rows:
            return Conversation(ttl_seconds=self.ttl_seconds)
        last_entry_id, updated_at, ttl_seconds, last_year, last_text = rows[0]
        return Conversation(
            last_entry_id=last_entry_id,
            updated_at=updated_at,
            ttl_seconds=ttl_seconds,
            last_year=last_year,
            last_text=last_text,
        )

    def save(self, session_id: str, conversation: Conversation) -> None:
        c = conversation
        try:
            run(
                self.conn,
                "INSERT OR REPLACE INTO sessions (key, last_entry_id, updated_at, ttl_seconds, last_year, "
                "last_text, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    keyed_hash(self.key, "session", session_id),
                    c.last_entry_id,
                    c.updated_at,
                    c.ttl_seconds,
                    c.last_year,
                    c.last_text,
                    self.clock(),
                ),
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            return
        self._writes += 1
        if self._writes >= self.prune_every:
            self.prune()

    def prune(self) -> int:
        """Drop expired rows, then the oldest beyond `max_sessions`; the rows dropped."""
        self._writes = 0
        try:
            expired = len(
                run(
                    self.conn, "DELETE FROM sessions WHERE saved_at < ? RETURNING 1", (self.clock() - self.ttl_seconds,)
                )
            )
            excess = len(
                run(
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
