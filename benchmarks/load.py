"""Load: a burst of updates from simulated users through the real Telegram `Application`.

Nothing leaves the process: the tests' fake Bot API (`benchmarks.fake_bot_api`: `FakeBotApi`
behind `RecordingRequest`) answers every Bot API call with valid JSON, and `_Replies` counts each
`sendMessage`, attributed to the update being handled through a context variable set by a
first-group `TypeHandler`. `telegram` is only
imported inside `run_load`, so importing this module stays cheap.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import random
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from benchmarks.timing import percentile

TELEGRAM_LIMIT_PER_SECOND = 30  # Telegram's documented bulk limit for one bot
_current_update: contextvars.ContextVar[int | None] = contextvars.ContextVar("bench_update", default=None)


@dataclass
class LoadResult:
    updates: int
    users: int
    rate_limiter: bool
    answered_once: int = 0
    unanswered: int = 0
    answered_twice_or_more: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    throughput: float = 0.0
    handling_p50_ms: float = 0.0
    handling_p99_ms: float = 0.0
    end_to_end_p50_ms: float = 0.0
    end_to_end_p99_ms: float = 0.0
    api_calls: dict[str, int] = field(default_factory=dict)
    concurrency: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.answered_once == self.updates and self.errors == 0


class _Replies:
    """Counts every Bot API call, and each sendMessage per update (with its time), attributed
    through the context variable set when the update's handling starts."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.sent_per_update: defaultdict[int, list[float]] = defaultdict(list)
        self.unattributed = 0

    def __call__(self, method: str, _params: dict) -> None:
        self.calls[method] += 1
        if method != "sendMessage":
            return
        update_id = _current_update.get()
        if update_id is None:
            self.unattributed += 1
        else:
            self.sent_per_update[update_id].append(time.perf_counter())


class _ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")


def _build(settings, request, knowledge_dir: Path, rate_limiter: bool):
    """handlers.app.build_application(settings, holder, request, rate_limiter=…)."""
    from bot.engine.engine import Engine, EngineHolder
    from bot.knowledge.load import load_knowledge
    from handlers.app import build_application

    holder = EngineHolder(Engine(load_knowledge(knowledge_dir)))
    return build_application(settings, holder, request, rate_limiter=rate_limiter)


def _updates(users: int, per_user: int, questions: list[str], seed: int) -> list[dict]:
    """`per_user` private messages from each of `users` users, interleaved round by round."""
    rng = random.Random(seed)
    user_ids = [700_000_000 + i for i in range(users)]
    updates, update_id, message_id = [], 1, 1
    now = int(time.time())
    for _ in range(per_user):
        rng.shuffle(user_ids)
        for uid in user_ids:
            user = {"id": uid, "is_bot": False, "first_name": f"用户{uid % 1000}", "language_code": "zh-hans"}
            updates.append(
                {
                    "update_id": update_id,
                    "message": {
                        "message_id": message_id,
                        "date": now,
                        "text": rng.choice(questions),
                        "chat": {"id": uid, "type": "private", "first_name": user["first_name"]},
                        "from": user,
                    },
                }
            )
            update_id += 1
            message_id += 1
    return updates


async def _run(
    users: int,
    per_user: int,
    questions: list[str],
    seed: int,
    knowledge_dir: Path,
    timeout_s: float,
    rate_limiter: bool,
) -> LoadResult:
    from telegram import Update
    from telegram.ext import TypeHandler

    from benchmarks.fake_bot_api import TEST_TOKEN, FakeBotApi, RecordingRequest
    from bot.config import Settings

    result = LoadResult(updates=users * per_user, users=users, rate_limiter=rate_limiter)
    replies = _Replies()
    request = RecordingRequest(FakeBotApi(), observe=replies)
    errors = _ErrorLog()
    for name in ("", "handlers", "telegram", "bot"):
        logging.getLogger(name).addHandler(errors)
    started: dict[int, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="yiyang-bench-load-") as data_dir:
            settings = replace(
                Settings(), telegram_bot_token=TEST_TOKEN, data_dir=Path(data_dir), knowledge_dir=Path(knowledge_dir)
            )
            app = _build(settings, request, Path(knowledge_dir), rate_limiter)

            async def mark(update: Update, _context) -> None:
                _current_update.set(update.update_id)
                started[update.update_id] = time.perf_counter()

            async def count_error(_update, context) -> None:
                errors.records.append(f"error handler: {context.error!r}")

            app.add_handler(TypeHandler(Update, mark), group=-10_000)
            app.add_error_handler(count_error)
            result.concurrency = str(app.update_processor.max_concurrent_updates)
            raw = _updates(users, per_user, questions, seed)
            async with app:
                await app.start()
                enqueued: dict[int, float] = {}
                t0 = time.perf_counter()
                for data in raw:
                    update = Update.de_json(data, app.bot)
                    enqueued[update.update_id] = time.perf_counter()
                    await app.update_queue.put(update)
                deadline = t0 + timeout_s
                while time.perf_counter() < deadline:
                    if len(replies.sent_per_update) >= len(raw) and app.update_queue.empty():
                        break
                    await asyncio.sleep(0.01)
                await asyncio.sleep(0.2)  # let any duplicate reply arrive before counting
                await app.stop()
    finally:
        for name in ("", "handlers", "telegram", "bot"):
            logging.getLogger(name).removeHandler(errors)

    counts = {uid: len(replies.sent_per_update.get(uid, [])) for uid in enqueued}
    result.answered_once = sum(1 for c in counts.values() if c == 1)
    result.unanswered = sum(1 for c in counts.values() if c == 0)
    result.answered_twice_or_more = sum(1 for c in counts.values() if c > 1)
    result.errors = len(errors.records) + replies.unattributed
    result.error_samples = errors.records[:5] + (
        [f"{replies.unattributed} sendMessage call(s) outside any update"] if replies.unattributed else []
    )
    first = {uid: times[0] for uid, times in replies.sent_per_update.items() if times}
    if first:
        result.seconds = max(first.values()) - t0
        result.throughput = len(first) / result.seconds if result.seconds else 0.0
        handling = [(first[u] - started[u]) * 1000 for u in first if u in started]
        end_to_end = [(first[u] - enqueued[u]) * 1000 for u in first if u in enqueued]
        result.handling_p50_ms, result.handling_p99_ms = percentile(handling, 50), percentile(handling, 99)
        result.end_to_end_p50_ms, result.end_to_end_p99_ms = percentile(end_to_end, 50), percentile(end_to_end, 99)
    result.api_calls = dict(replies.calls)
    return result


def run_load(
    users: int,
    per_user: int,
    questions: list[str],
    seed: int,
    knowledge_dir: Path,
    *,
    rate_limiter: bool = True,
    timeout_s: float = 300.0,
) -> LoadResult:
    """Run the burst on a fresh event loop; see the module docstring. `rate_limiter=True` is
    the bot as deployed (PTB's AIORateLimiter: at most 30 messages/second overall)."""
    return asyncio.run(_run(users, per_user, questions, seed, knowledge_dir, timeout_s, rate_limiter))
