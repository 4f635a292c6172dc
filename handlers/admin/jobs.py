"""The admins' scheduled jobs: retention pruning (daily), the storage health check (every 30 s),
and with DIGEST_TIME a digest of yesterday's figures (Beijing time)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from datetime import time as dtime

from telegram.ext import Application

from bot.admin.reports import format_stats
from bot.clock import BEIJING
from handlers.admin.notices import report_storage, send_to_admins
from handlers.context import CustomContext
from handlers.render import esc

logger = logging.getLogger(__name__)

HEALTH_CHECK_SECONDS = 30


async def storage_health_job(context: CustomContext) -> None:
    """Every 30 s: notice a deleted or unwritable database, write held records, tell admins."""
    storage = context.storage
    if storage is None:
        return
    await storage.acheck()
    await report_storage(context.application)


async def prune_job(context: CustomContext) -> None:
    storage = context.storage
    if storage is None:
        return
    days = context.settings.retention_days
    removed = await storage.aprune(days)
    await asyncio.to_thread(storage.journal_prune)  # answered updates' ids, after two days
    logger.info("retention: removed rows older than %s days: %s", days, removed)


def yesterday(now: datetime | None = None) -> tuple[float, float, str]:
    """[start, end) of yesterday in Beijing time, and its date."""
    now = (now or datetime.now(BEIJING)).astimezone(BEIJING)
    end = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=1)
    return start.timestamp(), end.timestamp(), start.strftime("%Y-%m-%d")


async def digest_text(context: CustomContext, now: datetime | None = None) -> str | None:
    storage = context.storage
    if storage is None:
        return None
    since, until, day = yesterday(now)
    engine = context.engine
    stats = await storage.astats(since=since, until=until)
    groups = await storage.aunanswered(since=since, until=until, engine=engine, limit=5)
    text = format_stats(stats, engine.knowledge, title=f"每日摘要：{day}")
    first, _, rest = text.partition("\n")
    html = f"<b>{esc(first)}</b>\n{esc(rest)}"
    if groups:
        html += "\n\n<b>昨天新的未答上问题</b>\n" + "\n".join(
            esc(f"{i}. {g.text} × {g.count}") for i, g in enumerate(groups, 1)
        )
        html += "\n发送 /unanswered 逐条处理。"
    return html


async def digest_job(context: CustomContext) -> None:
    """The daily digest, sent by one instance only when several share DATABASE_URL."""
    storage = context.storage
    if storage is not None and not await asyncio.to_thread(storage.claim_job, "digest", yesterday()[2]):
        logger.info("daily digest: already sent by another instance")
        return
    html = await digest_text(context)
    if html:
        await send_to_admins(context.application, html)


def schedule_jobs(application: Application) -> None:
    queue = application.job_queue
    if queue is None:
        logger.warning("no job queue (install python-telegram-bot[job-queue]): no pruning, no digest")
        return
    settings = application.bot_data.settings
    queue.run_repeating(prune_job, interval=timedelta(days=1), first=timedelta(minutes=1), name="retention")
    queue.run_repeating(
        storage_health_job, interval=HEALTH_CHECK_SECONDS, first=HEALTH_CHECK_SECONDS, name="storage-health"
    )
    if settings.digest_time:
        hour, minute = map(int, settings.digest_time.split(":"))
        queue.run_daily(digest_job, time=dtime(hour, minute, tzinfo=BEIJING), name="digest")
        logger.info("daily digest at %s Beijing time", settings.digest_time)
