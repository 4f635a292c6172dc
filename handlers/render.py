"""Telegram HTML for engine responses, keyboards and callback data.

Every piece of knowledge-base or user text goes through `esc` (html.escape). Tags open
and close on the same line, so `split_message` may cut between any two lines.
Callback data is `<prefix>:<value>`, at most 64 bytes (Telegram's limit):

    a:<entry_id>       answer an entry in a new message (clarify options, related questions)
    o:<topic_id>       open a topic for browsing in a new message (/start, fallback)
    t:<topic_id>       browse a topic in place; "t:" is the list of sections
    v:<entry_id>       show an entry in place while browsing (with a back button)
    d:<topic_id>       /data: the figures of a topic in place; "d:" lists the topics
    fb:+:<entry_id>    👍 for an answer; fb:-:<entry_id> 👎
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answers import Response, Suggestion, examples
from bot.knowledge import Knowledge, Topic

MAX_MESSAGE_CHARS = 4096  # Telegram's limit, in UTF-16 code units
MAX_CALLBACK_BYTES = 64
BACK = "« 返回"
THUMBS_UP, THUMBS_DOWN = "👍", "👎"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- callback data -------------------------------------------------------------

def cb(prefix: str, value: str = "") -> str:
    """`prefix:value`; raises ValueError if it would exceed Telegram's 64 bytes."""
    data = f"{prefix}:{value}"
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data longer than {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def button(text: str, prefix: str, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=cb(prefix, value))


def keyboard(rows: Iterable[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    rows = [list(r) for r in rows if r]
    return InlineKeyboardMarkup(rows) if rows else None


def in_rows(buttons: Sequence[InlineKeyboardButton], per_row: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i:i + per_row]) for i in range(0, len(buttons), per_row)]


def feedback_row(entry_id: str) -> list[InlineKeyboardButton]:
    return [button(THUMBS_UP, "fb", f"+:{entry_id}"), button(THUMBS_DOWN, "fb", f"-:{entry_id}")]


def suggestion_rows(suggestions: Iterable[Suggestion], prefix: str = "a") -> list[list[InlineKeyboardButton]]:
    return [[button(s.question, prefix, s.id)] for s in suggestions]


def topic_rows(knowledge: Knowledge, topic_ids: Iterable[str], prefix: str = "o",
               per_row: int = 2) -> list[list[InlineKeyboardButton]]:
    buttons = [button(knowledge.topics[t].title, prefix, t) for t in topic_ids if t in knowledge.topics]
    return in_rows(buttons, per_row)


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard minus its 👍/👎 row (after a feedback press)."""
    if markup is None:
        return None
    rows = [[b for b in row if not (b.callback_data or "").startswith("fb:")]
            for row in markup.inline_keyboard]
    return keyboard(rows)


# --- response text --------------------------------------------------------------

def answer_html(text: str) -> str:
    """An engine answer: the first line of each answer (title：value) bold, 原文 quoted,
    出处 in italics. Several answers in one reply are separated by a blank line."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if line.strip() and (i == 0 or not lines[i - 1].strip()):
            out.append(f"<b>{esc(line)}</b>")
        elif line.startswith("原文："):
            out.append(f"<blockquote>{esc(line)}</blockquote>")
        elif line.startswith("出处："):
            out.append(f"<i>{esc(line)}</i>")
        else:
            out.append(esc(line))
    return "\n".join(out)


def response_html(response: Response) -> str:
    if response.status == "answer":
        return answer_html(response.text)
    return esc(response.text)


def response_markup(response: Response, knowledge: Knowledge) -> InlineKeyboardMarkup | None:
    """Answer: related questions + 👍/👎. Clarify: one button per option. Fallback: its near
    questions and topics, or example questions for greetings and help-like small talk."""
    if response.status == "answer":
        rows = suggestion_rows(response.suggestions[:3])
        if response.entry_id:
            rows.append(feedback_row(response.entry_id))
        return keyboard(rows)
    if response.status == "clarify":
        return keyboard(suggestion_rows(response.suggestions))
    if response.topics:  # a fallback: its near questions (if any), then topics to browse
        return keyboard(suggestion_rows(response.suggestions) + topic_rows(knowledge, response.topics))
    if response.kind in ("greeting", "who", "how", "empty"):
        return keyboard(suggestion_rows(examples(knowledge)))
    return None


def topic_html(knowledge: Knowledge, topic: Topic) -> str:
    lines = [f"<b>{esc(topic.title)}</b>"]
    if topic.summary:
        lines.append(esc(topic.summary))
    lines.append("请选择：")
    return "\n".join(lines)


# --- splitting --------------------------------------------------------------------

def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Chunks of at most `limit` UTF-16 units, cut at line boundaries.

    A single line longer than the limit is cut inside, never within an HTML tag or
    entity (`<b>`, `&amp;`). Whitespace-only chunks are dropped.
    """
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        pieces = _hard_split(line, limit) if utf16_len(line) > limit else [line]
        for piece in pieces:
            candidate = piece if not current else current + "\n" + piece
            if utf16_len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    chunks.append(current)
    return [c for c in chunks if c.strip()]


_ATOM_RE = re.compile(r"<[^<>]*>|&#?\w+;|.", re.DOTALL)


def _hard_split(line: str, limit: int) -> list[str]:
    """Cut one over-long line between atoms (a tag, an entity or one character)."""
    pieces: list[str] = []
    current, units = "", 0
    for atom in _ATOM_RE.findall(line):
        size = utf16_len(atom)
        if units + size > limit and current:
            pieces.append(current)
            current, units = "", 0
        current += atom
        units += size
    if current:
        pieces.append(current)
    return pieces
