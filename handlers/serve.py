"""Run the application: start-up, long polling or the webhook, and a stop within 8 seconds.

python-telegram-bot's `run_polling` confirms every fetched update to Telegram at the next
getUpdates call, answered or not, and its stop waits for every queued reply however long
the rate limiter makes that. So the bot runs the application itself (the documented way
for custom set-ups: `updater(None)`, then initialize / post_init / start … stop /
post_stop / shutdown / post_shutdown) with `handlers.updates`:

* start: getMe, post_init, start, replay the journal, then poll (deleteWebhook first) or
  serve the webhook (setWebhook with the secret);
* SIGTERM / SIGINT: stop fetching at once (the long poll is cancelled, the webhook server
  stops accepting), answer what is queued for up to `DRAIN_SECONDS`, cancel the rest — it
  stays in the journal and is answered after the next start — confirm the offset, shut
  down. The whole stop takes at most `STOP_SECONDS`.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.config import Settings

from .updates import Poller, UpdateTracker
from .webhook import webhook_path, webhook_server

log = logging.getLogger(__name__)

STOP_SECONDS = 8.0
DRAIN_SECONDS = 5.5  # answering what is queued; then 1 s to cancel, 1.5 s to confirm and close
BOOTSTRAP_RETRIES = 3


class BootstrapError(Exception):
    """deleteWebhook / setWebhook kept failing; the message names the setting."""


async def _with_retries(call, what: str):
    for attempt in range(BOOTSTRAP_RETRIES + 1):
        try:
            return await call()
        except TelegramError as exc:
            if attempt == BOOTSTRAP_RETRIES:
                raise BootstrapError(f"{what}: {exc}") from None
            log.warning("%s failed (%s); retrying", what, exc)
            await asyncio.sleep(1.0)


async def serve(application: Application, settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Serve until `stop` is set (SIGTERM / SIGINT set it). getMe errors propagate from
    `initialize` before anything starts; a revoked token while polling ends the run with
    InvalidToken after a clean stop."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - not on this platform
            pass
    tracker = UpdateTracker(application)
    application.update_processor.tracker = tracker
    application.bot_data.tracker = tracker
    allowed = list(Update.ALL_TYPES)

    await application.initialize()  # getMe: InvalidToken, BadRequest, NetworkError go to run_bot
    poller: Poller | None = None
    feeding: asyncio.Task | None = None
    server = None
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        if settings.webhook_url:
            server = webhook_server(application, tracker, webhook_path(settings.webhook_url), settings.webhook_secret)
            server.listen(settings.webhook_port, address=settings.webhook_listen)
            await tracker.replay()
            await _with_retries(
                lambda: application.bot.set_webhook(
                    settings.webhook_url, secret_token=settings.webhook_secret, allowed_updates=allowed
                ),
                "WEBHOOK_URL: setWebhook",
            )
            log.info(
                "webhook mode: listening on %s:%s/%s",
                settings.webhook_listen,
                settings.webhook_port,
                webhook_path(settings.webhook_url),
            )
        else:
            await _with_retries(lambda: application.bot.delete_webhook(), "TELEGRAM_API_URL: deleteWebhook")
            poller = Poller(application, tracker, allowed)

            async def feed() -> None:
                await tracker.replay()
                await poller.run()

            feeding = asyncio.create_task(feed(), name="poller")
            log.info("polling mode: %s", settings.telegram_api_url)
        waiting = asyncio.create_task(stop.wait())
        await asyncio.wait([t for t in (waiting, feeding) if t is not None], return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
    finally:
        await _stop(application, tracker, poller, feeding, server)
    if poller is not None and poller.fatal is not None:
        raise poller.fatal


async def _stop(application, tracker: UpdateTracker, poller, feeding, server) -> None:
    began = time.monotonic()
    log.info("stopping: no new updates; answering %d in flight", len(tracker.in_flight))
    if feeding is not None:
        feeding.cancel()
        await asyncio.gather(feeding, return_exceptions=True)
    if server is not None:
        server.stop()
    if not await tracker.wait_idle(max(0.0, DRAIN_SECONDS - (time.monotonic() - began))):
        left = await tracker.abandon(timeout=1.0)
        log.warning("stopped with %d updates unanswered; they are kept and answered after the next start", left)
    if poller is not None:
        await poller.confirm()
    if server is not None:
        try:
            await asyncio.wait_for(server.close_all_connections(), 1.0)
        except TimeoutError:
            pass
    if application.running:
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown:
        await application.post_shutdown(application)
    log.info("stopped in %.1f s", time.monotonic() - began)
