"""What every handler shares: the engine of the moment, the chat's conversation, sending HTML.

The engine is read from `bot_data["holder"].engine` on every update (admins hot-swap it),
never cached. The per-chat follow-up `Conversation` lives in `chat_data["conversation"]`.
"""

from __future__ import annotations

import logging

from telegram import (InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters,
                      Update)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.engine import Conversation, Engine, EngineHolder

from .render import split_message

logger = logging.getLogger("handlers")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
HOLDER_KEY, SETTINGS_KEY, CONVERSATION_KEY = "holder", "settings", "conversation"


def engine_of(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    holder: EngineHolder = context.bot_data[HOLDER_KEY]
    return holder.engine


def settings_of(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    return context.bot_data[SETTINGS_KEY]


def conversation_of(context: ContextTypes.DEFAULT_TYPE) -> Conversation | None:
    """This chat's follow-up context (None outside a chat, e.g. inline queries)."""
    chat_data = context.chat_data
    if chat_data is None:
        return None
    conversation = chat_data.get(CONVERSATION_KEY)
    if conversation is None:
        ttl = settings_of(context).context_ttl_minutes * 60
        conversation = chat_data.setdefault(CONVERSATION_KEY, Conversation(ttl_seconds=ttl))
    return conversation


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


async def send_html(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str,
                    markup: InlineKeyboardMarkup | None = None, *, reply_to: Message | None = None,
                    thread_id: int | None = None) -> Message | None:
    """Send HTML `text`, split at line boundaries; the keyboard goes on the last part.

    `reply_to` quotes that message with the first part (used in groups)."""
    chunks = split_message(text)
    sent = None
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        reply = (ReplyParameters(reply_to.message_id, allow_sending_without_reply=True)
                 if reply_to is not None and i == 0 else None)
        sent = await context.bot.send_message(
            chat_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=markup if last else None, reply_parameters=reply,
            message_thread_id=thread_id)
    return sent


async def reply_html(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                     markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Answer the update's message in its chat (and forum thread); quote it in groups."""
    message = update.effective_message
    thread = message.message_thread_id if message and message.is_topic_message else None
    quote = message if is_group(update) else None
    return await send_html(context, update.effective_chat.id, text, markup,
                           reply_to=quote, thread_id=thread)


async def edit_or_send(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                       markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the pressed message in place; send a new one if it can't be edited."""
    query = update.callback_query
    message = query.message if query else None
    chunks = split_message(text)
    if isinstance(message, Message) and message.is_accessible and len(chunks) == 1:
        try:
            await query.edit_message_text(chunks[0], parse_mode=ParseMode.HTML,
                                          link_preview_options=NO_PREVIEW, reply_markup=markup)
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return  # the same view pressed twice
            logger.info("could not edit message in place (%s); sending a new one", exc)
    chat = update.effective_chat
    if chat is not None:
        thread = message.message_thread_id if isinstance(message, Message) and message.is_topic_message else None
        await send_html(context, chat.id, text, markup, thread_id=thread)
