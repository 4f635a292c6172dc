"""The error handler: log first (with the traceback), then a polite word to the user."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

logger = logging.getLogger(__name__)

SORRY = "抱歉，处理您的消息时出了点问题，请稍后再试。"


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception, then tell the user something went wrong (if there is a user)."""
    error = context.error
    if isinstance(error, Forbidden):
        # The user blocked the bot or left the chat: nothing to fix, nobody to tell.
        logger.info("Forbidden while handling an update (user blocked the bot?): %s", error)
        return
    if isinstance(error, (RetryAfter, NetworkError)) and not isinstance(update, Update):
        logger.warning("Telegram unreachable or rate limited: %s", error)
        return
    logger.error("Exception while handling an update", exc_info=error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(SORRY)
            return
        except TelegramError:
            pass  # already answered before the failure: say it in the chat instead
    if update.effective_chat is None or update.effective_message is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, SORRY)
    except TelegramError as exc:  # never let the apology raise again
        logger.warning("could not send the error note: %s", exc)
