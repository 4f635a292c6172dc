"""/topics: browse section → topic → entry → answer, editing one message in place.

`o:<topic>` (from /start and fallback keyboards) opens a topic in a new message;
`t:<topic>` and `v:<entry>` edit the pressed message; "t:" is the list of sections.
"""

from __future__ import annotations

from telegram import Update

from bot.answers.compose import question_for
from bot.knowledge.model import Knowledge, Topic

from .callbacks import callback_value, show_in_place, stale
from .common import edit_or_send, reply_html, send_html
from .context import CustomContext
from .render import BACK, button, feedback_row, in_rows, keyboard, response_html, topic_html

ROOT_TEXT = "<b>按主题浏览</b>\n报告分为以下几个部分，请选择："


def root_view(knowledge: Knowledge) -> tuple[str, object]:
    buttons = [button(t.title, "t", t.id) for t in knowledge.sections()]
    return ROOT_TEXT, keyboard(in_rows(buttons, 2))


def topic_view(knowledge: Knowledge, topic: Topic) -> tuple[str, object]:
    """A topic's sub-topics (two per row), then its own entries, then a back button."""
    rows = in_rows([button(t.title, "t", t.id) for t in knowledge.children(topic.id)], 2)
    rows += [[button(question_for(e), "v", e.id)] for e in knowledge.entries_in(topic.id)]
    rows.append([button(BACK, "t", topic.parent or "")])
    return topic_html(knowledge, topic), keyboard(rows)


async def topics_command(update: Update, context: CustomContext) -> None:
    """Show the report's sections as buttons."""
    text, markup = root_view(context.engine.knowledge)
    await reply_html(update, context, text, markup)


async def open_topic(update: Update, context: CustomContext) -> None:
    """`o:<topic>`: show a topic in a new message, leaving the pressed message as it was."""
    knowledge = context.engine.knowledge
    topic = knowledge.topics.get(callback_value(update))
    if topic is None or update.effective_chat is None:
        await stale(update)
        return
    await update.callback_query.answer()
    text, markup = topic_view(knowledge, topic)
    await send_html(context, update.effective_chat.id, text, markup)


async def browse(update: Update, context: CustomContext) -> None:
    """`t:<topic>`: replace the message with that topic's view; `t:` with the sections."""
    knowledge = context.engine.knowledge
    value = callback_value(update)
    view = (
        root_view(knowledge)
        if not value
        else topic_view(knowledge, knowledge.topics[value])
        if value in knowledge.topics
        else None
    )
    await show_in_place(update, context, view)


async def view_entry(update: Update, context: CustomContext) -> None:
    """`v:<entry>`: replace the message with the answer, a back button and 👍/👎."""
    engine = context.engine
    response = engine.answer_entry(callback_value(update), context.conversation)
    if response is None:
        await stale(update)
        return
    await update.callback_query.answer()
    entry = engine.knowledge.entries[response.entry_id]
    topic = engine.knowledge.topics.get(entry.topic)
    back_title = f"{BACK}：{topic.title}" if topic else BACK
    markup = keyboard([[button(back_title, "t", entry.topic if topic else "")], feedback_row(entry.id)])
    await edit_or_send(update, context, response_html(response), markup)
