"""The store interfaces every front uses, so one machine (memory, SQLite) and several
(Redis, PostgreSQL) are interchangeable. Each has ONE shared test suite that runs every
implementation (tests/test_store_sessions.py, test_store_ratelimit.py, test_store_usage.py).

* `SessionStore`: follow-up context (a `Conversation`) per session id, bounded and expiring.
  Async: a shared store may wait on a file or the network. It never raises: when the
  backend fails, the question is answered without context.
* `RateLimiter`: a token bucket per client. `check` returns 0.0 when the request may go
  ahead, else the seconds until a token is back. Never raises: a failing backend lets
  requests through (or limits per process), it never takes the service down.
* `UsageStore`: questions, votes, the admins' audit, /stats, /unanswered, retention and the
  Telegram update journal. The plain methods block (call them from a worker thread); the
  `a…` twins are for the event loop. A backend that fails holds records in a bounded
  queue (`health.held`, `health.dropped`) and writes them when it is back.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable, Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from bot.engine.conversation import Conversation

if TYPE_CHECKING:  # pragma: no cover
    from bot.engine.engine import Engine
    from bot.storage.health import StorageHealth
    from bot.storage.unanswered import UnansweredGroup
    from bot.storage.usage import Stats


@runtime_checkable
class SessionStore(Protocol):
    ttl_seconds: float
    clock: Callable[[], float]  # wall-clock seconds (sessions may be shared between machines)

    async def load(self, session_id: str) -> Conversation:
        """The session's conversation as last saved, or a new one (none yet, or expired)."""
        ...

    async def save(self, session_id: str, conversation: Conversation) -> None:
        """Keep the conversation for `ttl_seconds` from now."""
        ...


@runtime_checkable
class RateLimiter(Protocol):
    async def check(self, key: str) -> float:
        """Take one token for `key`: 0.0 if allowed, else seconds until one is available."""
        ...


@runtime_checkable
class UsageStore(Protocol):
    health: StorageHealth

    def user_hash(self, user_id: int | str | None) -> str: ...
    def log_query(self, **fields) -> int: ...
    def log_feedback(self, **fields) -> None: ...
    def log_batch(self, queries: Iterable[dict] = (), feedback: Iterable[dict] = ()) -> None: ...
    def log_admin(self, **fields) -> None: ...
    def query_text(self, query_id: int) -> str | None: ...
    def dismiss(self, query_id: int, admin_id: int | None = None, ts: float | None = None) -> str | None: ...
    def prune(self, retention_days: int, now: float | None = None) -> dict[str, int]: ...
    def stats(self, days: float = 7, now: float | None = None, **window) -> Stats: ...
    def unanswered(
        self, days: float = 7, engine: Engine | None = None, limit: int = 20, now: float | None = None, **window
    ) -> list[UnansweredGroup]: ...
    def journal_add(self, bot_id: int, updates: list[tuple[int, str]]) -> tuple[list[int], bool]: ...
    def journal_done(self, update_id: int, ts: float | None = None) -> None: ...
    def journal_pending(self, bot_id: int) -> list[str]: ...
    def journal_prune(self, keep_seconds: float = ..., now: float | None = None) -> None: ...
    def check(self) -> None: ...
    def close(self) -> None: ...

    async def alog_query(self, **fields) -> int: ...
    async def alog_feedback(self, **fields) -> None: ...
    async def alog_admin(self, **fields) -> None: ...
    async def aquery_text(self, query_id: int) -> str | None: ...
    async def adismiss(self, query_id: int, admin_id: int | None = None) -> str | None: ...
    async def aprune(self, retention_days: int) -> dict[str, int]: ...
    async def astats(self, days: float = 7, **kwargs) -> Stats: ...
    async def aunanswered(self, days: float = 7, engine: Engine | None = None, limit: int = 20, **kwargs): ...
    async def acheck(self) -> None: ...
    async def aclose(self) -> None: ...


@contextlib.asynccontextmanager
async def conversation_of(store: SessionStore, session_id: str) -> AsyncIterator[Conversation]:
    """`async with conversation_of(store, sid) as conversation:` — loaded before, saved after
    if answering changed it (before the reply is sent, so any instance finds it next)."""
    conversation = await store.load(session_id)
    before = dataclasses.astuple(conversation)
    yield conversation
    if dataclasses.astuple(conversation) != before:
        await store.save(session_id, conversation)
