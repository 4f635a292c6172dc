"""Telegram HTML for engine responses, keyboards and callback data.

Every piece of knowledge-base or user text goes through `esc` (html.escape). Long texts
are split by `split_message` into parts that are each valid HTML (never cut inside a tag or
an entity; a tag that must span a cut is closed and reopened).
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

from bot.answers.compose import Response, Suggestion, examples
from bot.knowledge.model import Knowledge, Topic

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
    return [list(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]


def feedback_row(entry_id: str) -> list[InlineKeyboardButton]:
    return [button(THUMBS_UP, "fb", f"+:{entry_id}"), button(THUMBS_DOWN, "fb", f"-:{entry_id}")]


def suggestion_rows(suggestions: Iterable[Suggestion], prefix: str = "a") -> list[list[InlineKeyboardButton]]:
    return [[button(s.question, prefix, s.id)] for s in suggestions]


def topic_rows(
    knowledge: Knowledge, topic_ids: Iterable[str], prefix: str = "o", per_row: int = 2
) -> list[list[InlineKeyboardButton]]:
    buttons = [button(knowledge.topics[t].title, prefix, t) for t in topic_ids if t in knowledge.topics]
    return in_rows(buttons, per_row)


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard minus its 👍/👎 row (after a feedback press)."""
    if markup is None:
        return None
    rows = [[b for b in row if not (b.callback_data or "").startswith("fb:")] for row in markup.inline_keyboard]
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
    """Chunks of at most `limit` UTF-16 units, each valid Telegram HTML on its own.

    Cuts fall between lines. A line longer than the limit is cut between tags and entities
    (`<b>…</b>`, `&amp;`), preferably where no tag is open; where one must be (one bold
    title longer than a message), it is closed at the end of the chunk and opened again at
    the start of the next. Whitespace-only chunks are dropped. Linear in the length of
    `text` (sizes are kept as running sums, never recounted).
    """
    chunks: list[str] = []
    current: list[str] = []  # atoms of the chunk being built
    current_size = 0  # UTF-16 units of `current`
    stack: list[tuple[str, str]] = []  # tags open at the end of `current`: (name, opening tag)
    start_stack: list[tuple[str, str]] = []  # tags open at the start of `current`

    def flush() -> None:
        nonlocal current, start_stack, current_size
        chunk = _opening(start_stack) + "".join(current) + _closing(stack)
        if _visible(chunk).strip():
            chunks.append(chunk)
        current, start_stack, current_size = [], list(stack), 0

    for index, line in enumerate(text.split("\n")):
        atoms = _ATOM_RE.findall(line)
        atoms_size = sum(utf16_len(a) for a in atoms)
        newline = 1 if index and current else 0
        after = _apply(stack, atoms)
        if current_size + newline + atoms_size + _open_size(start_stack) + _close_size(after) <= limit:
            if newline:
                current.append("\n")
            current += atoms
            current_size += newline + atoms_size
            stack[:] = after
            continue
        if current:
            flush()
        if atoms_size + _open_size(start_stack) + _close_size(after) <= limit:
            current, stack[:], current_size = list(atoms), after, atoms_size
            continue
        pieces = list(_cut_line(atoms, stack, limit))
        for number, (piece, piece_end) in enumerate(pieces, 1):
            current = piece
            current_size = sum(utf16_len(a) for a in piece)
            stack[:] = piece_end
            if number < len(pieces):  # the last piece may share its chunk with the next lines
                flush()
    if current:
        flush()
    return chunks


_ATOM_RE = re.compile(r"<[^<>]*>|&#?\w+;|.", re.DOTALL)
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>")


def _visible(chunk: str) -> str:
    return re.sub(r"<[^<>]*>", "", chunk)


def _opening(stack: list[tuple[str, str]]) -> str:
    return "".join(tag for _, tag in stack)


def _closing(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _open_size(stack: list[tuple[str, str]]) -> int:
    return sum(utf16_len(tag) for _, tag in stack)


def _close_size(stack: list[tuple[str, str]]) -> int:
    return sum(len(name) + 3 for name, _ in stack)


def _apply(stack: list[tuple[str, str]], atoms: list[str]) -> list[tuple[str, str]]:
    """The open tags after `atoms`, starting from `stack` (a new list; `stack` is not changed)."""
    stack = list(stack)
    for atom in atoms:
        if atom[0] != "<":
            continue
        match = _TAG_RE.fullmatch(atom)
        if not match:
            continue
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append((name, atom))
        elif any(n == name for n, _ in stack):
            while stack and stack.pop()[0] != name:
                pass
    return stack


def _cut_line(atoms: list[str], stack: list[tuple[str, str]], limit: int):
    """Pieces of an over-long line: (atoms, tags open after them), each fitting `limit` with
    its tags reopened before and closed after; cut where no tag is open when that keeps at
    least half of the piece. Each atom is looked at a bounded number of times."""
    start = 0
    opened = list(stack)
    while start < len(atoms):
        end, best = start, None
        state = opened
        used = _open_size(opened)
        closing = _close_size(state)
        while end < len(atoms):
            atom = atoms[end]
            next_state, next_closing = state, closing
            if atom[0] == "<" and _TAG_RE.fullmatch(atom):  # only tags change the open tags (copied then)
                next_state = _apply(state, [atom])
                next_closing = _close_size(next_state)
            atom_size = utf16_len(atom)
            if end > start and used + atom_size + next_closing > limit:
                break
            used += atom_size
            end += 1
            state, closing = next_state, next_closing
            if not state:
                best = end
        if end < len(atoms) and best is not None and best - start >= (end - start) // 2:
            end, state = best, []
        yield atoms[start:end], list(state)
        start, opened = end, list(state)
