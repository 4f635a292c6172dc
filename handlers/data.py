"""/data 关键词: staff lookup of figures, one `名称：数值` line each; /data alone lists topics.

`d:<topic>` shows a topic's figures in place; `d:` goes back to the list of topics.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.knowledge.model import Knowledge
from bot.retrieval import lookup

from .callbacks import callback_value, show_in_place
from .common import reply_html
from .context import CustomContext
from .render import BACK, button, esc, in_rows, keyboard

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1024  # a longer keyword is refused: never searched, never echoed
USAGE = "用法：/data 关键词，例如 /data 执法记录仪、/data 调解 成功率。点下面的主题可查看该主题的全部数据："


def figure_lines(entries) -> list[str]:
    return [f"{esc(e.title)}：<b>{esc(e.value)}</b>" for e in entries]


def topics_view(knowledge: Knowledge) -> tuple[str, object]:
    """Every topic that has figures, with its count, as text and as buttons."""
    lines = ["<b>数据主题</b>", esc(USAGE)]
    buttons = []
    for topic in knowledge.topics.values():
        count = len(lookup.metrics_in(knowledge, topic.id))
        if not count:
            continue
        indent = "　" if topic.parent else ""
        lines.append(f"{indent}· {esc(topic.title)}（{count}）")
        buttons.append(button(f"{topic.title}（{count}）", "d", topic.id))
    return "\n".join(lines), keyboard(in_rows(buttons, 2))


def topic_figures_view(knowledge: Knowledge, topic_id: str) -> tuple[str, object]:
    topic = knowledge.topics[topic_id]
    lines = [f"<b>{esc(topic.title)}</b>"] + figure_lines(lookup.metrics_in(knowledge, topic_id))
    return "\n".join(lines), keyboard([[button(BACK, "d", "")]])


async def data_command(update: Update, context: CustomContext) -> None:
    """`/data 关键词`: every matching figure, one line each; `/data` alone lists the topics."""
    engine = context.engine
    query = " ".join(context.args or []).strip()
    if not query:
        text, markup = topics_view(engine.knowledge)
        await reply_html(update, context, text, markup)
        return
    if len(query) > MAX_QUERY_CHARS:
        await reply_html(
            update,
            context,
            esc(
                f"关键词太长了（{len(query)} 个字，最多 {MAX_QUERY_CHARS} 个字）。请只写要查的数据名称，如 /data 执法记录仪。"
            ),
        )
        return
    found = lookup.search(engine, query)
    logger.info(
        "data lookup chat_type=%s found=%d", update.effective_chat.type if update.effective_chat else None, len(found)
    )
    if not found:
        await reply_html(
            update, context, f"没有找到与“{esc(query)}”相关的数据。换个关键词试试，或只发 /data 查看主题。"
        )
        return
    header = f"<b>“{esc(query)}”相关数据（{len(found)}项）</b>"
    await reply_html(update, context, "\n".join([header] + figure_lines(found)))


async def data_topic(update: Update, context: CustomContext) -> None:
    """`d:<topic>`: the figures of one topic in place; `d:` back to the topic list."""
    knowledge = context.engine.knowledge
    value = callback_value(update)
    view = (
        topics_view(knowledge)
        if not value
        else topic_figures_view(knowledge, value)
        if value in knowledge.topics
        else None
    )
    await show_in_place(update, context, view)
