"""Shared state for several machines in Redis (REDIS_URL, redis-py asyncio): follow-up
context (`RedisSessionStore`), rate limits (`RedisRateLimiter`), and the knowledge version
channel (`KnowledgeSync`).

* Keys are bounded and expire: a session is one string (its Conversation as JSON) with a
  TTL of CONTEXT_TTL_MINUTES, indexed in one sorted set trimmed to `max_sessions` (oldest
  dropped first); a rate-limit bucket is one hash expiring once it would be full again.
  Session ids and addresses appear only as keyed hashes (HASH_KEY).
* Each operation is one round trip: the bucket and the bounded save are Lua scripts, so two
  instances cannot both spend the last token.
* Redis down: answers continue. Follow-ups degrade to single questions, rate limits fall
  back to this process's own buckets, one error is logged per minute, and Redis is tried
  again at most every `retry_seconds` (no restart needed once it is back).
* Times are the instances' wall clocks (kept in step by NTP), as with the SQLite stores.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Callable

from bot.engine.conversation import Conversation
from bot.storage.health import Warner
from bot.storage.keys import keyed_hash
from bot.storage.memory import MAX_CLIENTS, MAX_SESSIONS, MemoryRateLimiter

log = logging.getLogger(__name__)

PREFIX = "yyqa:"
CONNECT_TIMEOUT = 0.5  # seconds: an unreachable Redis must not hold a request long
RETRY_SECONDS = 2.0  # after a failure, Redis is not asked again for this long
VERSION_CHANNEL = PREFIX + "knowledge-version"

_SAVE = """
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if excess > 0 then
    local old = redis.call('ZPOPMIN', KEYS[2], excess)
    for i = 1, #old, 2 do redis.call('DEL', old[i]) end
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
"""

_TAKE = """
local cap, rate, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local held = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens, at = tonumber(held[1]), tonumber(held[2])
if tokens == nil or at == nil then tokens, at = cap, now end
tokens = math.min(cap, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'at', string.format('%.17g', math.max(at, now)))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {allowed, string.format('%.17g', tokens)}
"""


def errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.RedisError, OSError)


class RedisLink:
    """One client for an instance, with the breaker: after a failure Redis is skipped for
    `retry_seconds` (requests go on without it), then tried again."""

    def __init__(self, url: str, retry_seconds: float = RETRY_SECONDS, client=None):
        import redis.asyncio as aioredis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff
        from redis.exceptions import ConnectionError as RedisConnectionError

        self.url = url
        self.client = client or aioredis.Redis.from_url(
            url,
            socket_connect_timeout=CONNECT_TIMEOUT,
            socket_timeout=CONNECT_TIMEOUT,
            health_check_interval=30,
            retry=Retry(NoBackoff(), 1),  # a connection Redis closed (it restarted): one fresh try
            retry_on_error=[RedisConnectionError],
        )
        self.retry_seconds = retry_seconds
        self.errors = errors()
        self._down_until = 0.0
        self._warn = Warner("Redis (context and rate limits)")

    @property
    def up(self) -> bool:
        return time.monotonic() >= self._down_until

    def failed(self, exc: BaseException) -> None:
        """Skip Redis for `retry_seconds`; one warning a minute for the whole link."""
        self._down_until = time.monotonic() + self.retry_seconds
        self._warn(exc)

    async def close(self) -> None:
        await self.client.aclose()


class RedisSessionStore:
    def __init__(
        self,
        link: RedisLink,
        key: bytes,
        ttl_seconds: float,
        max_sessions: int = MAX_SESSIONS,
        clock: Callable[[], float] = time.time,
        prefix: str = PREFIX,
    ):
        self.link = link
        self.key = key
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self.prefix = prefix
        self.index = prefix + "sessions"
        self._save = link.client.register_script(_SAVE)

    def _name(self, session_id: str) -> str:
        return self.prefix + "s:" + keyed_hash(self.key, "session", session_id).hex()

    async def load(self, session_id: str) -> Conversation:
        if not self.link.up:
            return Conversation(ttl_seconds=self.ttl_seconds)
        try:
            raw = await self.link.client.get(self._name(session_id))
        except self.link.errors as exc:
            self.link.failed(exc)
            raw = None
        if raw is None:
            return Conversation(ttl_seconds=self.ttl_seconds)
        try:
            fields = json.loads(raw)
            saved_at = fields.pop("saved_at")
            if saved_at < self.clock() - self.ttl_seconds:
                return Conversation(ttl_seconds=self.ttl_seconds)
            return Conversation(**fields)
        except (ValueError, TypeError, KeyError):
            return Conversation(ttl_seconds=self.ttl_seconds)

    async def save(self, session_id: str, conversation: Conversation) -> None:
        if not self.link.up:
            return
        now = self.clock()
        value = json.dumps({**vars(conversation), "saved_at": now}, ensure_ascii=False)
        ttl_ms = max(1, math.ceil(self.ttl_seconds * 1000))
        try:
            await self._save(
                keys=[self._name(session_id), self.index],
                args=[value, ttl_ms, repr(now), repr(now - self.ttl_seconds), self.max_sessions],
            )
        except self.link.errors as exc:
            self.link.failed(exc)

    async def count(self) -> int:
        return int(await self.link.client.zcard(self.index))


class RedisRateLimiter:
    """A token bucket per client in Redis; this process's own buckets while Redis is down."""

    def __init__(
        self,
        link: RedisLink,
        key: bytes,
        per_minute: int,
        max_clients: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.time,
        prefix: str = PREFIX,
    ):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.link = link
        self.key = key
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self.prefix = prefix
        self.ttl_ms = math.ceil(self.capacity / self.rate * 1000) + 1000  # full again: as good as none
        self.fallback = MemoryRateLimiter(per_minute, max_clients, clock)
        self._take = link.client.register_script(_TAKE)

    def _name(self, client: str) -> str:
        return self.prefix + "r:" + keyed_hash(self.key, "client", client).hex()

    async def check(self, key: str) -> float:
        if not self.link.up:
            return self.fallback.take(key)
        try:
            allowed, tokens = await self._take(
                keys=[self._name(key)], args=[repr(self.capacity), repr(self.rate), repr(self.clock()), self.ttl_ms]
            )
        except self.link.errors as exc:
            self.link.failed(exc)
            return self.fallback.take(key)
        return 0.0 if int(allowed) else (1.0 - float(tokens)) / self.rate


class KnowledgeSync:
    """Knowledge changes across machines. The version is the fingerprint of the knowledge
    files (a content hash over every pack, bot.knowledge.reload.fingerprint). After a
    successful reload here (an admin's edit, the file watcher) it is published on Redis;
    every instance reloads when a version arrives, and also checks its files every `every`
    seconds (a deployed folder, a missed message). The folder is a shared volume or the same
    deployment on each machine: no reliance on file watchers across machines."""

    def __init__(self, link: RedisLink, reloader, every: float = 30.0, channel: str = VERSION_CHANNEL):
        self.link = link
        self.reloader = reloader
        self.every = every
        self.channel = channel
        self.received = 0

    async def publish(self) -> None:
        """Tell the other instances the version of the files loaded here."""
        from bot.knowledge.reload import fingerprint

        version = await asyncio.to_thread(fingerprint, self.reloader.directory)
        try:
            await self.link.client.publish(self.channel, version)
        except self.link.errors as exc:
            self.link.failed(exc)

    async def on_reload(self, result) -> None:
        """A Reloader callback: publish after a successful reload of changed files."""
        if result.changed and (result.ok or result.swapped):
            await self.publish()

    async def check(self, trigger: str) -> None:
        result = await self.reloader.reload(trigger, only_if_changed=True)
        if result.changed:
            log.info("knowledge %s: %s", trigger, "reloaded" if result.ok else "reload had problems")

    async def run(self, stop: asyncio.Event) -> None:
        """Until `stop`: reload on each published version, and every `every` seconds."""
        next_check = time.monotonic() + self.every
        while not stop.is_set():
            pubsub = self.link.client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                while not stop.is_set():
                    wait = max(0.0, min(1.0, next_check - time.monotonic()))
                    message = await pubsub.get_message(timeout=wait)
                    if message is not None and message.get("type") == "message":
                        self.received += 1
                        await self.check("redis")
                    if time.monotonic() >= next_check:
                        next_check = time.monotonic() + self.every
                        await self.check("poll")
            except self.link.errors as exc:
                self.link.failed(exc)
                try:
                    await asyncio.wait_for(stop.wait(), self.link.retry_seconds)
                except TimeoutError:
                    pass
                if time.monotonic() >= next_check:  # Redis down: still check the files
                    next_check = time.monotonic() + self.every
                    await self.check("poll")
            finally:
                try:
                    await pubsub.aclose()
                except self.link.errors:
                    pass
