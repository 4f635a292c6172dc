"""Button presses that answer a question, and the catch-all for stale or unknown buttons.

Every press is acknowledged with answerCallbackQuery, so the client's spinner stops.
"""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler

from .common import edit_or_send, send_html
from .context import CustomContext
from .render import response_html, response_markup

logger = logging.getLogger(__name__)

STALE_NOTE = "这个按钮已过期，内容可能已更新。请重新提问，或发送 /topics 浏览。"


def callback_value(update: Update) -> str:
    """The part of the callback data after the prefix (`a:body_cameras` → `body_cameras`)."""
    data = update.callback_query.data or ""
    return data.split(":", 1)[1] if ":" in data else ""


async def stale(update: Update, note: str = STALE_NOTE) -> None:
    """Acknowledge a press whose data no longer means anything, with a polite note."""
    await update.callback_query.answer(note, show_alert=False)


async def show_in_place(update: Update, context: CustomContext, view) -> None:
    """Acknowledge the press and replace the message with `view` ((text, markup)), or give
    the stale note when there is no view (unknown or outdated button)."""
    if view is None:
        await stale(update)
        return
    await update.callback_query.answer()
    await edit_or_send(update, context, *view)


async def answer_button(update: Update, context: CustomContext) -> None:
    """`a:<entry_id>` (clarify option, related question, example): answer in a new message."""
    query = update.callback_query
    engine = context.engine
    response = engine.answer_entry(callback_value(update), context.conversation)
    if response is None or update.effective_chat is None:
        await stale(update)
        return
    await query.answer()
    logger.info("button answer chat_type=%s entry=%s", update.effective_chat.type, response.entry_id)
    message = query.message
    thread = message.message_thread_id if isinstance(message, Message) and message.is_topic_message else None
    await send_html(
        context,
        update.effective_chat.id,
        response_html(response),
        response_markup(response, engine.knowledge),
        thread_id=thread,
    )


class EmptyButtonHandler(CallbackQueryHandler):
    """A press whose callback data is empty (and that is no game). python-telegram-bot
    hands such a press to *any* CallbackQueryHandler with a pattern, so this one is
    registered before all others."""

    def __init__(self) -> None:
        super().__init__(empty_button)

    def check_update(self, update: object) -> bool:
        query = update.callback_query if isinstance(update, Update) else None
        return query is not None and not query.data and not query.game_short_name


async def empty_button(update: Update, context: CustomContext) -> None:
    """A button without data: acknowledged with the stale note, nothing else runs."""
    logger.info("button without callback data")
    await stale(update)


async def unknown_button(update: Update, context: CustomContext) -> None:
    """Any callback data no other handler understood: a polite note, never an error."""
    logger.info("unknown callback data %r", (update.callback_query.data or "")[:64])
    await stale(update)
