"""Questions: private text, group messages addressed to the bot, and /ask 问题."""

from __future__ import annotations

import logging
import time

from telegram import Message, MessageEntity, Update

from . import usage
from .common import reply_html
from .context import CustomContext
from .render import esc, response_html, response_markup

logger = logging.getLogger(__name__)

ASK_USAGE = "请在 /ask 后面写上问题，例如：/ask 首违不罚了多少家企业"


async def answer_question(update: Update, context: CustomContext, question: str) -> None:
    """Run one question through the engine and reply with text and buttons."""
    started = time.perf_counter()
    engine = context.engine
    response = engine.respond(question, context.conversation)
    chat = update.effective_chat
    logger.info(
        "question chat_type=%s status=%s kind=%s entry=%s score=%.3f",
        chat.type if chat else None,
        response.status,
        response.kind,
        response.entry_id,
        response.score,
    )
    try:
        await reply_html(update, context, response_html(response), response_markup(response, engine.knowledge))
    finally:  # recorded for the admins' statistics even if the reply could not be sent
        await usage.log_query(update, context, question, response, (time.perf_counter() - started) * 1000)


async def private_text(update: Update, context: CustomContext) -> None:
    """Answer any text in a private chat."""
    await answer_question(update, context, update.effective_message.text or "")


def addressed_text(message: Message, bot_id: int, username: str | None) -> str | None:
    """The question when a group message is addressed to the bot (an @mention of it, or a
    reply to one of its messages), with the mention removed; None when it is not."""
    text = message.text or ""
    addressed = False
    handle = f"@{username}".lower() if username else None
    entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    for entity, shown in entities.items():
        mine = (entity.type == MessageEntity.MENTION and handle is not None and shown.lower() == handle) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id
        )
        if mine:
            addressed = True
            text = text.replace(shown, " ")
    reply = message.reply_to_message
    if reply is not None and reply.from_user is not None and reply.from_user.id == bot_id:
        addressed = True
    return text.strip() if addressed else None


async def group_text(update: Update, context: CustomContext) -> None:
    """In groups, answer only messages that mention the bot or reply to it; stay silent otherwise."""
    message = update.effective_message
    question = addressed_text(message, context.bot.id, context.bot.username)
    if question is None:
        return
    await answer_question(update, context, question)


async def ask_command(update: Update, context: CustomContext) -> None:
    """`/ask 问题`: answer the question after the command (works in groups and private)."""
    question = " ".join(context.args or []).strip()
    if not question:
        await reply_html(update, context, esc(ASK_USAGE))
        return
    await answer_question(update, context, question)
