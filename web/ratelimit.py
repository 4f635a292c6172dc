"""Per-client rate limit: a token bucket per client address.

Each client may make `per_minute` requests in a burst, refilled at `per_minute` per
minute. Every limiter implements `bot.storage.interfaces.RateLimiter`: `await check(key)`
returns 0 when the request may go ahead, else the seconds to wait (for `Retry-After`).

* `MemoryRateLimiter` (bot/storage/memory.py; one worker): the buckets in memory.
* `SqliteRateLimiter` (several workers on one machine, here): the buckets in the shared
  SQLite file (`statedb`), keyed by the keyed hash of the address, so a client has one
  limit whichever worker serves it. Taking a token is one atomic upsert (refill, take,
  answer), so two workers cannot both spend the last token. A full bucket is the same as no
  bucket: rows untouched for a minute are dropped every `prune_every` checks. If the file
  fails, requests are let through (logged): the limit protects the service, it must not
  take it down.
* `RedisRateLimiter` (several machines, REDIS_URL; bot/storage/redis_state.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from bot.storage.health import Warner
from bot.storage.keys import keyed_hash
from bot.storage.memory import MAX_CLIENTS

from .statedb import arun, run

PRUNE_EVERY = 500  # shared limiter: checks between two prunes

# Refill for the time since the last request, then take a token if there is one; the row
# says whether it did. SET expressions all see the row as it was before the update.
_TAKE = """
INSERT INTO rate_buckets (client, tokens, at, allowed) VALUES (:client, :capacity - 1, :now, 1)
ON CONFLICT (client) DO UPDATE SET
    allowed = min(:capacity, tokens + max(0, :now - at) * :rate) >= 1,
    tokens = min(:capacity, tokens + max(0, :now - at) * :rate)
             - (min(:capacity, tokens + max(0, :now - at) * :rate) >= 1),
    at = max(at, :now)
RETURNING tokens, allowed
"""


class SqliteRateLimiter:
    def __init__(
        self,
        conn: sqlite3.Connection,
        key: bytes,
        per_minute: int,
        max_clients: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.time,
        prune_every: int = PRUNE_EVERY,
    ):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.conn = conn
        self.key = key
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.max_clients = max_clients
        self.clock = clock
        self.prune_every = prune_every
        self._checks = 0
        self._warn = Warner("rate limit")

    def __len__(self) -> int:
        return run(self.conn, "SELECT count(*) FROM rate_buckets")[0][0]

    async def check(self, key: str) -> float:
        """Take one token for `key`: 0.0 if allowed, else seconds until one is available."""
        now = self.clock()
        try:
            ((tokens, allowed),) = await arun(
                self.conn,
                _TAKE,
                {
                    "client": keyed_hash(self.key, "client", key),
                    "capacity": self.capacity,
                    "now": now,
                    "rate": self.rate,
                },
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            return 0.0
        self._checks += 1
        if self._checks >= self.prune_every:
            await self.prune()
        return 0.0 if allowed else (1.0 - tokens) / self.rate

    async def prune(self) -> int:
        """Drop buckets that have refilled (untouched for capacity / rate seconds), then the
        least recently used beyond `max_clients`; the rows dropped."""
        self._checks = 0
        try:
            full = len(
                await arun(
                    self.conn,
                    "DELETE FROM rate_buckets WHERE at < ? RETURNING 1",
                    (self.clock() - self.capacity / self.rate,),
                )
            )
            excess = len(
                await arun(
                    self.conn,
                    "DELETE FROM rate_buckets WHERE client IN (SELECT client FROM rate_buckets "
                    "ORDER BY at DESC LIMIT -1 OFFSET ?) RETURNING 1",
                    (self.max_clients,),
                )
            )
        except sqlite3.Error as exc:
            self._warn(exc)
            return 0
        return full + excess
