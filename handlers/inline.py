"""Inline mode: `@bot 执法记录仪` in any chat offers up to 10 figures to drop into the chat."""

from __future__ import annotations

import logging

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.answers import compose as answers
from bot.knowledge.model import Entry, Knowledge
from bot.retrieval import lookup

from .common import NO_PREVIEW
from .context import CustomContext
from .render import answer_html

logger = logging.getLogger(__name__)

MAX_RESULTS = 10
CACHE_SECONDS = 300
NOT_FOUND_BUTTON = "没有找到相关数据，点此向机器人提问"


def article(knowledge: Knowledge, entry: Entry) -> InlineQueryResultArticle:
    """Title `名称：数值`, description a snippet of the source; sends the full answer."""
    content = InputTextMessageContent(
        answer_html(answers.answer_text(knowledge, entry)), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
    )
    return InlineQueryResultArticle(
        id=entry.id, title=lookup.figure_line(entry), description=lookup.snippet(entry), input_message_content=content
    )


async def inline_query(update: Update, context: CustomContext) -> None:
    """Offer the figures matching the query; with an empty query, the example figures."""
    query = update.inline_query
    engine = context.engine
    knowledge = engine.knowledge
    text = (query.query or "").strip()
    if text:
        found = lookup.search(engine, text, limit=MAX_RESULTS)
    else:
        found = [knowledge.entries[s.id] for s in answers.examples(knowledge, limit=MAX_RESULTS)]
        found = [e for e in found if e.is_metric] or knowledge.metrics[:MAX_RESULTS]
    logger.info("inline query found=%d", len(found))
    # Nothing found: a button above the (empty) results opens a private chat to ask in full.
    ask_button = None if found else InlineQueryResultsButton(NOT_FOUND_BUTTON, start_parameter="inline")
    await query.answer(
        [article(knowledge, e) for e in found[:MAX_RESULTS]],
        cache_time=CACHE_SECONDS,
        is_personal=False,
        button=ask_button,
    )
