"""What every handler shares: sending HTML (split into parts), replying, editing in place.

The engine, settings, storage and the chat's conversation come from the typed context
(`handlers.context.CustomContext`: `context.engine`, `context.conversation`, …).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from .context import CustomContext
from .render import split_message

logger = logging.getLogger("handlers")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
SPLIT_IN_THREAD_CHARS = 16_384  # a longer text is split in a worker thread, off the event loop


async def split_html(text: str) -> list[str]:
    """`split_message(text)`; in a worker thread when the text is long, so one long reply
    never holds up the other chats."""
    if len(text) <= SPLIT_IN_THREAD_CHARS:
        return split_message(text)
    return await asyncio.to_thread(split_message, text)


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


async def send_html(
    context: CustomContext,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    reply_to: Message | None = None,
    thread_id: int | None = None,
) -> Message | None:
    """Send HTML `text`, split at line boundaries; the keyboard goes on the last part.

    `reply_to` quotes that message with the first part (used in groups)."""
    chunks = await split_html(text)
    sent = None
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        reply = (
            ReplyParameters(reply_to.message_id, allow_sending_without_reply=True)
            if reply_to is not None and i == 0
            else None
        )
        sent = await context.bot.send_message(
            chat_id,
            chunk,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup if last else None,
            reply_parameters=reply,
            message_thread_id=thread_id,
        )
    return sent


async def reply_html(
    update: Update, context: CustomContext, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer the update's message in its chat (and forum thread); quote it in groups."""
    message = update.effective_message
    thread = message.message_thread_id if message and message.is_topic_message else None
    quote = message if is_group(update) else None
    return await send_html(context, update.effective_chat.id, text, markup, reply_to=quote, thread_id=thread)


async def edit_or_send(
    update: Update, context: CustomContext, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the pressed message in place; send a new one if it can't be edited."""
    query = update.callback_query
    message = query.message if query else None
    chunks = await split_html(text)
    if isinstance(message, Message) and message.is_accessible and len(chunks) == 1:
        try:
            await query.edit_message_text(
                chunks[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, reply_markup=markup
            )
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return  # the same view pressed twice
            logger.info("could not edit message in place (%s); sending a new one", exc)
    chat = update.effective_chat
    if chat is not None:
        thread = message.message_thread_id if isinstance(message, Message) and message.is_topic_message else None
        await send_html(context, chat.id, text, markup, thread_id=thread)
