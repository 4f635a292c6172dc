"""In-process implementations of the store interfaces (one worker, one machine): follow-up
context and rate-limit buckets in memory, bounded (least recently used dropped first) and
expiring, so no client can grow memory. The Redis stores fall back to these."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from bot.engine.conversation import Conversation

MAX_SESSIONS = 10_000
MAX_CLIENTS = 20_000


class MemorySessionStore:
    """A session unused for `ttl_seconds` is dropped (its context has expired anyway);
    beyond `max_sessions` the least recently used one goes first."""

    def __init__(self, ttl_seconds: float, max_sessions: int = MAX_SESSIONS, clock: Callable[[], float] = time.time):
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self._items: OrderedDict[str, tuple[Conversation, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, session_id: str) -> bool:
        return session_id in self._items

    async def load(self, session_id: str) -> Conversation:
        return self.get(session_id)

    async def save(self, session_id: str, conversation: Conversation) -> None:
        self.put(session_id, conversation)

    def get(self, session_id: str) -> Conversation:
        """The session's conversation (a copy), or a new one; marks a kept one as just used."""
        now = self.clock()
        self._expire(now)
        held = self._items.pop(session_id, None)
        if held is None:
            return Conversation(ttl_seconds=self.ttl_seconds)
        self._items[session_id] = (held[0], now)
        return Conversation(**vars(held[0]))

    def put(self, session_id: str, conversation: Conversation) -> None:
        self._items.pop(session_id, None)
        self._items[session_id] = (Conversation(**vars(conversation)), self.clock())
        self._bound()

    def _bound(self) -> None:
        while len(self._items) > self.max_sessions:
            self._items.popitem(last=False)

    def _expire(self, now: float) -> None:
        """Drop sessions unused for longer than the TTL (the oldest are at the front)."""
        while self._items:
            _, (_, last_used) = next(iter(self._items.items()))
            if now - last_used <= self.ttl_seconds:
                break
            self._items.popitem(last=False)


class MemoryRateLimiter:
    """Each client may make `per_minute` requests in a burst, refilled at `per_minute` per
    minute; at most `max_clients` buckets (least recently seen dropped first)."""

    def __init__(self, per_minute: int, max_clients: int = MAX_CLIENTS, clock: Callable[[], float] = time.monotonic):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, at)

    def __len__(self) -> int:
        return len(self._buckets)

    async def check(self, key: str) -> float:
        return self.take(key)

    def take(self, key: str) -> float:
        """Take one token for `key`: 0.0 if allowed, else seconds until one is available."""
        now = self.clock()
        tokens, at = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + max(0.0, now - at) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait
