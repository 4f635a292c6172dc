"""Per-client rate limit: a token bucket per client address.

Each client may make `per_minute` requests in a burst, refilled at `per_minute` per
minute. `check(key)` returns 0 when the request may go ahead, else the seconds to wait
(for `Retry-After`). At most `max_clients` buckets are kept (least recently seen dropped
first), so a flood of addresses cannot grow memory.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

MAX_CLIENTS = 20_000


class RateLimiter:
    def __init__(self, per_minute: int, max_clients: int = MAX_CLIENTS,
                 clock: Callable[[], float] = time.monotonic):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, at)

    def check(self, key: str) -> float:
        """Take one token for `key`: 0.0 if allowed, else seconds until one is available."""
        now = self.clock()
        tokens, at = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - at) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait
