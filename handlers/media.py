"""Stickers, photos, voice, files and unknown commands in private chats: a short hint."""

from __future__ import annotations

from telegram import Update

from .common import reply_html
from .context import CustomContext

MEDIA_HINT = "我只能看懂文字 🙂 请直接输入问题，例如“执法记录仪配了多少台”，或发送 /topics 按主题浏览。"
COMMAND_HINT = "没有这个命令。发送 /help 查看可用命令，或直接输入问题。"


async def media_hint(update: Update, context: CustomContext) -> None:
    """Reply to a sticker, photo, voice message or file with a hint to type a question."""
    await reply_html(update, context, MEDIA_HINT)


async def unknown_command(update: Update, context: CustomContext) -> None:
    """Reply to a command the bot does not know with a pointer to /help."""
    await reply_html(update, context, COMMAND_HINT)
