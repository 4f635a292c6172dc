"""Follow-up context for web sessions ("那成功率呢？" after "人民调解化解了多少纠纷").

The page sends a random session id with every question; each id gets its own
`Conversation`, as each Telegram chat does. The store is bounded: a session unused for
`CONTEXT_TTL_MINUTES` is dropped (its context has expired anyway), and beyond
`max_sessions` the least recently used one goes first, so no client can grow memory.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from typing import Callable

from bot.engine import Conversation

SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_SESSIONS = 10_000


class SessionStore:
    def __init__(self, ttl_seconds: float, max_sessions: int = MAX_SESSIONS,
                 clock: Callable[[], float] = time.monotonic):
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self._items: OrderedDict[str, tuple[Conversation, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, session_id: str) -> bool:
        return session_id in self._items

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
