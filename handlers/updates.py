"""No update is confirmed to Telegram before it is answered or safely stored.

Telegram forgets an update once it is confirmed: with long polling, when getUpdates is
called with a higher offset; with a webhook, when the request is answered. So:

* `UpdateTracker.admit` writes each fetched update to the journal in the database
  (`Storage.journal_add`) *before* the next getUpdates call or the webhook's 200, and hands
  it to the application. If the journal cannot be written, the fetch is confirmed only once
  every one of its updates has been answered.
* `JournalProcessor` (the application's update processor) marks an update answered in the
  journal when its handlers are done; an update whose handling was cancelled at shutdown is
  left in the journal. At start, `replay` hands every stored, unanswered update to the
  application again, so a crash (even SIGKILL) loses nothing; an update in flight at that
  moment may be answered twice.
* At most `MAX_IN_FLIGHT` updates are held (fetched, not answered); the poller asks for no
  more than fit (getUpdates `limit`), so a stop has little to finish.
* An update whose reply failed on the network (not a refusal such as 400 or 403) is handled
  again after 1, 2 and 4 s (`retry`, asked for by the error handler); it counts as in flight
  meanwhile, and stays in the journal if the bot stops first.
* `Poller` is the long-polling loop (getUpdates) built on these; `handlers.webhook` serves
  the webhook with the same tracker.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, BaseUpdateProcessor

log = logging.getLogger(__name__)

MAX_IN_FLIGHT = 100  # fetched and not yet answered; at 30 replies/s that drains in ~3 s
BATCH = 50  # getUpdates limit per call
POLL_TIMEOUT = 10  # seconds of long polling
ERROR_PAUSE = 3.0
RETRY_DELAYS = (1.0, 2.0, 4.0)  # after a network error while answering


class UpdateTracker:
    """The updates fetched and not yet answered, and their journal."""

    def __init__(self, application: Application, limit: int = MAX_IN_FLIGHT):
        self.application = application
        self.limit = limit
        self.in_flight: set[int] = set()
        self.running: dict[int, asyncio.Task] = {}
        self.closing = False  # after the stop deadline: cancel, do not start more
        self._changed = asyncio.Condition()
        self._retry: set[int] = set()  # asked for by the error handler, for the current run
        self._attempts: dict[int, int] = {}
        self._timers: dict[int, asyncio.TimerHandle] = {}

    @property
    def storage(self):
        return self.application.bot_data.storage

    def room(self) -> int:
        return max(0, self.limit - len(self.in_flight))

    async def wait_for_room(self) -> int:
        async with self._changed:
            await self._changed.wait_for(lambda: self.room() > 0)
        return self.room()

    async def admit(self, updates: list[Update]) -> bool:
        """Journal `updates` and queue the new ones; True if they are safely stored (they may
        be confirmed to Telegram now), False if they must be answered first."""
        if not updates:
            return True
        storage = self.storage
        if storage is None:
            fresh, stored = [u.update_id for u in updates], False
        else:
            rows = [(u.update_id, u.to_json()) for u in updates]
            try:
                fresh, stored = await asyncio.to_thread(storage.journal_add, self.application.bot.id, rows)
            except Exception:  # noqa: BLE001 - never lose an update to a journal bug
                log.exception("could not journal updates")
                fresh, stored = [u.update_id for u in updates], False
        wanted = set(fresh)
        for update in updates:
            if update.update_id in wanted and update.update_id not in self.in_flight:
                await self._queue(update)
        return stored

    async def _queue(self, update: Update) -> None:
        async with self._changed:
            self.in_flight.add(update.update_id)
        await self.application.update_queue.put(update)

    async def replay(self) -> int:
        """Queue the stored, unanswered updates of an earlier run; how many."""
        storage = self.storage
        if storage is None:
            return 0
        payloads = await asyncio.to_thread(storage.journal_pending, self.application.bot.id)
        for payload in payloads:
            try:
                update = Update.de_json(json.loads(payload), self.application.bot)
            except Exception:  # noqa: BLE001 - a damaged row must not stop the start
                log.exception("a stored update could not be read; skipped")
                continue
            await self.wait_for_room()
            if update.update_id not in self.in_flight:
                await self._queue(update)
        if payloads:
            log.info("replaying %d updates stored before the last stop", len(payloads))
        return len(payloads)

    async def wait_done(self, update_ids: list[int]) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: not self.in_flight.intersection(update_ids))

    async def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is in flight, at most `timeout` seconds; True if idle."""

        async def idle() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: not self.in_flight)

        try:
            await asyncio.wait_for(idle(), timeout)
            return True
        except TimeoutError:
            return False

    async def abandon(self, timeout: float = 1.0) -> int:
        """After the stop deadline: cancel what still runs (it stays in the journal)."""
        self.closing = True
        left = len(self.in_flight)
        for task in list(self.running.values()):
            task.cancel()
        async with self._changed:
            for update_id, timer in list(self._timers.items()):  # retries not yet due
                timer.cancel()
                self.in_flight.discard(update_id)
            self._timers.clear()
            self._changed.notify_all()
        await self.wait_idle(timeout)
        return left

    def retry(self, update: Update) -> bool:
        """Handle `update` again a little later (its reply failed on the network); False
        when it has had all its retries."""
        if self.closing or self._attempts.get(update.update_id, 0) >= len(RETRY_DELAYS):
            return False
        self._retry.add(update.update_id)
        return True

    def _schedule_retry(self, update: Update) -> None:
        attempt = self._attempts.get(update.update_id, 0)
        self._attempts[update.update_id] = attempt + 1

        def due() -> None:
            self._timers.pop(update.update_id, None)
            if not self.closing:
                self.application.update_queue.put_nowait(update)

        self._timers[update.update_id] = asyncio.get_running_loop().call_later(RETRY_DELAYS[attempt], due)

    # -- called by JournalProcessor

    async def started(self, update: object) -> bool:
        if not isinstance(update, Update):
            return True
        if self.closing:
            return False
        self.running[update.update_id] = asyncio.current_task()
        return True

    async def finished(self, update: object, answered: bool) -> None:
        if not isinstance(update, Update):
            return
        update_id = update.update_id
        self.running.pop(update_id, None)
        if answered and update_id in self._retry:
            self._retry.discard(update_id)
            self._schedule_retry(update)  # still in flight, not answered
            return
        self._attempts.pop(update_id, None)
        storage = self.storage
        try:
            if answered and storage is not None:
                await asyncio.shield(asyncio.to_thread(storage.journal_done, update_id))
        except Exception:  # noqa: BLE001 - worst case: answered again after a restart
            log.exception("could not mark update %s answered", update_id)
        finally:  # also when cancelled meanwhile: the stop must not wait for it
            async with self._changed:
                self.in_flight.discard(update_id)
                self._changed.notify_all()


class JournalProcessor(BaseUpdateProcessor):
    """Concurrent processing (like `concurrent_updates(True)`) that tells the tracker when an
    update is answered; one cancelled at shutdown is not marked, so it is replayed."""

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self.tracker: UpdateTracker | None = None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        tracker = self.tracker
        if tracker is None:
            await coroutine
            return
        if not await tracker.started(update):
            coroutine.close()  # type: ignore[attr-defined]
            await tracker.finished(update, answered=False)
            return
        try:
            await coroutine
        except asyncio.CancelledError:
            await tracker.finished(update, answered=False)
            raise
        except BaseException:
            await tracker.finished(update, answered=True)  # the error handler has run
            raise
        await tracker.finished(update, answered=True)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class Poller:
    """getUpdates in a loop; an offset is sent only for updates stored or answered."""

    def __init__(
        self,
        application: Application,
        tracker: UpdateTracker,
        allowed_updates: list[str] | None = None,
        timeout: int = POLL_TIMEOUT,
    ):
        self.application = application
        self.tracker = tracker
        self.allowed_updates = allowed_updates
        self.timeout = timeout
        self.offset: int | None = None
        self.fatal: BaseException | None = None

    async def run(self) -> None:
        bot = self.application.bot
        while True:
            room = await self.tracker.wait_for_room()
            try:
                updates = await bot.get_updates(
                    offset=self.offset,
                    limit=min(BATCH, room),
                    timeout=self.timeout,
                    allowed_updates=self.allowed_updates,
                )
            except InvalidToken as exc:
                self.fatal = exc
                raise
            except RetryAfter as exc:
                await asyncio.sleep(
                    float(
                        exc.retry_after
                        if isinstance(exc.retry_after, (int, float))
                        else exc.retry_after.total_seconds()
                    )
                )
                continue
            except Conflict as exc:
                log.warning("another process polls with this token: %s", exc)
                await asyncio.sleep(ERROR_PAUSE)
                continue
            except (NetworkError, TelegramError) as exc:
                log.warning("getUpdates failed: %s; retrying in %.0f s", exc, ERROR_PAUSE)
                await asyncio.sleep(ERROR_PAUSE)
                continue
            if not updates:
                continue
            if not await self.tracker.admit(updates):
                await self.tracker.wait_done([u.update_id for u in updates])
            self.offset = updates[-1].update_id + 1

    async def confirm(self) -> None:
        """Tell Telegram what is stored or answered (at stop), without fetching more."""
        if self.offset is None:
            return
        try:
            await self.application.bot.get_updates(
                offset=self.offset, limit=1, timeout=0, read_timeout=1, allowed_updates=self.allowed_updates
            )
        except TelegramError as exc:  # the journal recognises the redelivery next time
            log.info("could not confirm the last updates at stop: %s", exc)
