"""The error handler: log first (with the traceback), then tell the admins (rate-limited),
then a polite word to the user. A reply lost on the network is retried instead
(`handlers.updates`), without an apology."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.text.preview import preview
from handlers.admin.notices import notify_admins
from handlers.context import CustomContext
from handlers.render import esc

logger = logging.getLogger(__name__)

SORRY = "抱歉，处理您的消息时出了点问题，请稍后再试。"
ADMIN_NOTICE_SECONDS = 600  # at most one error notice to the admins per 10 minutes


def admin_notice(error: BaseException) -> str:
    """What the admins are told: the kind of error, never the user's message or id."""
    return (
        f"⚠️ 机器人处理一条消息时出错：<code>{esc(type(error).__name__)}: "
        f"{esc(preview(str(error), 200))}</code>\n完整的错误信息已写入日志。"
    )


async def error_handler(update: object, context: CustomContext) -> None:
    """Log the exception, notify the admins (rate-limited), then tell the user."""
    error = context.error
    if isinstance(error, Forbidden):
        # The user blocked the bot or left the chat: nothing to fix, nobody to tell.
        logger.info("Forbidden while handling an update (user blocked the bot?): %s", error)
        return
    if isinstance(error, (RetryAfter, NetworkError)) and not isinstance(update, Update):
        logger.warning("Telegram unreachable or rate limited: %s", error)
        return
    tracker = context.bot_data.tracker
    if (
        isinstance(error, NetworkError)
        and not isinstance(error, BadRequest)
        and isinstance(update, Update)
        and tracker is not None
        and tracker.retry(update)
    ):
        # the reply did not get through: the update is handled again shortly, no apology
        logger.warning("network error while answering update %s (%s); it will be retried", update.update_id, error)
        return
    logger.error("Exception while handling an update", exc_info=error)
    try:
        await notify_admins(context.application, "error", admin_notice(error), every=ADMIN_NOTICE_SECONDS)
    except Exception:  # noqa: BLE001 - telling the admins must never hide the user's note
        logger.exception("could not notify the admins of the error")
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
