"""Messages to the admins: `send_to_admins`, `notify_admins` (rate-limited per kind), and
`report_storage` (the storage's health notices: database deleted, not writable, writable again).

Imported by the usage records and the error handler; it imports no other handler module
but the rendering and context ones, so no import circle runs through it."""

from __future__ import annotations

import logging
import time

from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application

from handlers.common import NO_PREVIEW, split_html

logger = logging.getLogger(__name__)

MAX_ADMIN_PARTS = 3  # messages per notice to an admin


async def send_to_admins(application: Application, html: str) -> None:
    """Send an HTML message to every admin (at most MAX_ADMIN_PARTS messages each); an admin
    who never opened the chat is skipped."""
    settings = application.bot_data.settings
    chunks = await split_html(html)
    if len(chunks) > MAX_ADMIN_PARTS:
        chunks = chunks[: MAX_ADMIN_PARTS - 1] + [
            f"……内容过长，其余 {len(chunks) - MAX_ADMIN_PARTS + 1} 段已省略，详见服务器日志。"
        ]
    for admin_id in sorted(settings.admin_ids):
        for chunk in chunks:
            try:
                await application.bot.send_message(
                    admin_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                )
            except TelegramError as exc:
                logger.warning("could not notify admin %s: %s", admin_id, exc)
                break


async def notify_admins(application: Application, key: str, html: str, every: float) -> bool:
    """`send_to_admins`, at most once per `every` seconds for the same `key`; notices held
    back in between are counted and mentioned in the next one. True if it was sent."""
    notes = application.bot_data.admin_notes
    now = time.monotonic()
    last, held = notes.get(key, (None, 0))
    if last is not None and now - last < every:
        notes[key] = (last, held + 1)
        return False
    notes[key] = (now, 0)
    if held:
        html += f"\n（上次通知后另有 {held} 次同类情况，未逐条通知。）"
    await send_to_admins(application, html)
    return True


async def report_storage(application: Application) -> None:
    """Send the storage's new health notices to the admins."""
    storage = application.bot_data.storage
    if storage is None:
        return
    for notice in storage.health.take_notices():
        await send_to_admins(application, notice)
