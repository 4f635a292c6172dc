"""The command menus (setMyCommands): everyone's, and the admins' own with the admin commands too."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import TelegramError
from telegram.ext import Application

logger = logging.getLogger(__name__)

# The command menu, in the order users see it.
COMMANDS = (
    ("start", "开始使用与示例问题"),
    ("help", "使用帮助与全部命令"),
    ("topics", "按主题浏览报告内容"),
    ("data", "查数据：/data 关键词"),
    ("ask", "提问（群组中使用）：/ask 问题"),
)

# Added to the menu of each admin (in the private chat with the bot).
ADMIN_COMMANDS = (
    ("admin", "管理命令一览"),
    ("reload", "重新加载知识库"),
    ("stats", "使用统计：/stats [天数]"),
    ("unanswered", "未答上的问题"),
    ("backups", "知识库备份列表"),
    ("rollback", "回滚：/rollback [文件]"),
)


async def set_commands(application: Application) -> None:
    """Publish the command menu with Chinese descriptions."""
    try:
        await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])
    except TelegramError as exc:  # the menu is a convenience; answering matters more
        logger.warning("setMyCommands failed: %s", exc)
    logger.info("bot @%s is up", application.bot.username)


async def set_admin_commands(application: Application) -> None:
    """Give each admin a command menu with the admin commands too."""
    commands = [BotCommand(c, d) for c, d in COMMANDS + ADMIN_COMMANDS]
    for admin_id in sorted(application.bot_data.settings.admin_ids):
        try:
            await application.bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            logger.info("admin command menu for %s not set: %s", admin_id, exc)
