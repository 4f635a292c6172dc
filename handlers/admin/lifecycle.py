"""Start-up and shutdown of the admin side, called from the application's lifecycle hooks:
`on_start` (post_init) opens the storage if it is not yet, starts the knowledge watcher (reload
results go to the admins), schedules the jobs and sets the admins' command menu; `on_stop`
(post_stop) stops the watcher; `on_shutdown` (post_shutdown) also closes the storage."""

from __future__ import annotations

import asyncio
import logging

from telegram.ext import Application

from bot.knowledge.reload import ReloadResult
from bot.storage.postgres import open_usage_store
from handlers.admin.edits import reload_html
from handlers.admin.jobs import schedule_jobs
from handlers.admin.notices import send_to_admins
from handlers.menu import set_admin_commands

logger = logging.getLogger(__name__)


async def on_start(application: Application) -> None:
    """Open the storage, start the knowledge watcher, schedule the daily jobs."""
    bot_data = application.bot_data
    settings = bot_data.settings
    if bot_data.storage is None:
        bot_data.storage = await asyncio.to_thread(open_usage_store, settings)
        logger.info("usage database: %s", bot_data.storage.path)
    reloader = bot_data.reloader
    await asyncio.to_thread(reloader.mark_loaded)

    async def notify(result: ReloadResult) -> None:
        knowledge = bot_data.holder.engine.knowledge
        await send_to_admins(
            application, reload_html(result, knowledge, settings.knowledge_dir, "知识库文件有变化，已自动检查：")
        )

    reloader.start(notify)
    schedule_jobs(application)
    await set_admin_commands(application)


async def on_stop(application: Application) -> None:
    reloader = application.bot_data.reloader
    if reloader is not None:
        await reloader.stop()


async def on_shutdown(application: Application) -> None:
    await on_stop(application)
    storage, application.bot_data.storage = application.bot_data.storage, None
    if storage is not None:
        await storage.aclose()
