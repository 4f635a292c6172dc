"""Writing questions and votes to the usage database off the event loop, in batches.

A worker-thread hop per request (`Storage.alog_query`) costs more than answering the
question itself, so the endpoints only queue what to write (`query`, `feedback`: no
waiting) and one task drains the queue, writing everything pending in a single worker
thread call, in one transaction per BATCH records (`Storage.log_batch`: a commit costs
more than the row). `close()` writes what is still queued, so a graceful stop loses nothing.
If the database falls far behind, the oldest pending records are dropped (and counted)
rather than letting memory grow.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque

from bot.storage.interfaces import UsageStore

logger = logging.getLogger(__name__)

MAX_PENDING = 20_000
BATCH = 500  # records per transaction


class Recorder:
    def __init__(self, storage: UsageStore, max_pending: int = MAX_PENDING):
        self.storage = storage
        self._pending: deque[tuple[str, dict]] = deque(maxlen=max_pending)
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task | None = None
        self._closing = False
        self.written = 0
        self.dropped = 0

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="web-recorder")

    def query(self, **fields) -> None:
        self._put("query", fields)

    def feedback(self, **fields) -> None:
        self._put("feedback", fields)

    def _put(self, kind: str, fields: dict) -> None:
        if len(self._pending) == self._pending.maxlen:
            self.dropped += 1
        self._pending.append((kind, fields))
        self._idle.clear()
        self._wake.set()

    async def _run(self) -> None:
        while not self._closing or self._pending:
            if not self._pending:
                self._idle.set()
                self._wake.clear()
                await self._wake.wait()
                continue
            batch = list(self._pending)
            self._pending.clear()
            await asyncio.to_thread(self._write, batch)
        self._idle.set()

    def _write(self, batch: list[tuple[str, dict]]) -> None:
        """Runs in a worker thread: up to BATCH records per transaction; if a batch is
        refused, its records one at a time, each failure logged; nothing raised."""
        for start in range(0, len(batch), BATCH):
            part = batch[start : start + BATCH]
            try:
                self.storage.log_batch(
                    queries=[f for kind, f in part if kind == "query"],
                    feedback=[f for kind, f in part if kind == "feedback"],
                )
                self.written += len(part)
            except Exception:
                self._write_one_by_one(part)

    def _write_one_by_one(self, part: list[tuple[str, dict]]) -> None:
        for kind, fields in part:
            try:
                if kind == "query":
                    self.storage.log_query(**fields)
                else:
                    self.storage.log_feedback(**fields)
                self.written += 1
            except Exception:  # recording must never break answering
                logger.exception("could not record the web %s", kind)

    async def flush(self) -> None:
        """Wait until everything queued so far is written."""
        await self._idle.wait()

    async def close(self) -> None:
        """Write everything still queued, then stop."""
        self._closing = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None
        if self.dropped:
            logger.warning("web recorder dropped %d records (the database fell behind)", self.dropped)
