"""👍/👎 under an answer: recorded (in the log until storage exists), then the row goes away."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.error import BadRequest

from . import usage
from .callbacks import callback_value, stale
from .context import CustomContext
from .render import without_feedback

logger = logging.getLogger(__name__)

THANKS = {True: "感谢您的肯定！", False: "感谢反馈，我们会改进这条回答。"}


def record_feedback(*, entry_id: str, helpful: bool, chat_type: str | None) -> None:
    """Log one 👍/👎 (no user or chat id: citizens are not identified in logs)."""
    logger.info("feedback entry=%s helpful=%s chat_type=%s", entry_id, helpful, chat_type)


async def feedback_button(update: Update, context: CustomContext) -> None:
    """`fb:+:<entry>` / `fb:-:<entry>`: record the vote, thank the user, drop the 👍/👎 row."""
    query = update.callback_query
    sign, _, entry_id = callback_value(update).partition(":")
    if sign not in ("+", "-") or not context.engine.knows(entry_id):
        # forged or outdated: only entries the bot can answer are voted on (and stored)
        logger.info("feedback for an unknown entry refused")
        await stale(update)
        return
    helpful = sign == "+"
    record_feedback(
        entry_id=entry_id, helpful=helpful, chat_type=update.effective_chat.type if update.effective_chat else None
    )
    await usage.log_feedback(update, context, entry_id, helpful)
    await query.answer(THANKS[helpful])
    if isinstance(query.message, Message):
        try:
            await query.edit_message_reply_markup(without_feedback(query.message.reply_markup))
        except BadRequest as exc:  # already edited, or too old to edit: the vote still counts
            logger.info("could not remove feedback buttons: %s", exc)
