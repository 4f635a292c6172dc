"""The terminal front end: `python -m bot chat` (and the replies of `python -m bot ask`).

It shows what Telegram shows as buttons and the web page as chips, numbered under the reply:
an answer's related questions, a clarification's options (already numbered in its text), a
fallback's example questions, near questions and topics to browse. In the chat, typing a
number asks that question, or opens that topic (its sub-topics and questions, numbered in turn).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from typing import TextIO

from bot.answers.compose import Response, examples, question_for
from bot.config import Settings
from bot.engine.engine import Conversation, Engine
from bot.knowledge.model import Knowledge, Topic

WELCOME = (
    "益阳法治问答（终端版）。请输入问题，例如“首违不罚了多少家企业”。"
    "回答下方带编号的问题或主题，输入编号即可选择；输入 q 或按 Ctrl-D 退出。"
)
RELATED = "相关问题（输入编号即可提问）："
CHOOSE = "可选择（输入编号）："
MORE = "您还可以选择（输入编号）："
TOPIC_PREFIX = "主题："
RELATED_SHOWN = 3  # an answer's related questions, as Telegram's buttons
EXAMPLE_KINDS = ("greeting", "who", "how", "empty")  # small talk answered with example questions
_NUMBERED = re.compile(r"^(\d+)\. (.+)$")


@dataclass(frozen=True)
class Choice:
    """One numbered item under a reply: a question (by entry id, or by its text) or a topic."""

    label: str
    entry_id: str | None = None
    topic_id: str | None = None


def render(response: Response, knowledge: Knowledge) -> tuple[str, list[Choice]]:
    """The reply as the terminal prints it, and its choices in the order of their numbers.

    "· 问题" lines (example questions) are numbered where they stand, a clarification's
    numbered options keep their numbers, and the other choices follow under the text."""
    known = {s.question: s.id for s in [*examples(knowledge), *response.suggestions]}
    chosen: list[Choice] = []
    lines: list[str] = []
    for line in response.text.split("\n"):
        numbered = _NUMBERED.match(line) if response.status == "clarify" else None
        question = numbered.group(2) if numbered else line[2:] if line.startswith("· ") else None
        if question is None:
            lines.append(line)
            continue
        chosen.append(Choice(question, known.get(question)))
        lines.append(f"{len(chosen)}. {question}")
    rest = [c for c in _choices(response, knowledge) if c.label not in {c.label for c in chosen}]
    if rest:
        lines.append(RELATED if response.status == "answer" else MORE if chosen else CHOOSE)
        lines += [f"{number}. {c.label}" for number, c in enumerate(rest, len(chosen) + 1)]
    return "\n".join(lines), chosen + rest


def _choices(response: Response, knowledge: Knowledge) -> list[Choice]:
    """What the other channels offer with a reply (handlers.render.response_markup)."""
    if response.status == "answer":
        return [Choice(s.question, s.id) for s in response.suggestions[:RELATED_SHOWN]]
    questions = [Choice(s.question, s.id) for s in response.suggestions]
    if response.status == "clarify":
        return questions
    if response.topics:
        topics = [knowledge.topics[t] for t in response.topics if t in knowledge.topics]
        return questions + [Choice(TOPIC_PREFIX + t.title, topic_id=t.id) for t in topics]
    if response.kind in EXAMPLE_KINDS:
        return [Choice(s.question, s.id) for s in examples(knowledge)]
    return questions


def render_topic(knowledge: Knowledge, topic: Topic) -> tuple[str, list[Choice]]:
    """A topic opened from the terminal: its summary, then its sub-topics and questions, numbered."""
    choices = [Choice(TOPIC_PREFIX + t.title, topic_id=t.id) for t in knowledge.children(topic.id)]
    choices += [Choice(question_for(e), e.id) for e in knowledge.entries_in(topic.id)]
    lines = [topic.title] + ([topic.summary] if topic.summary else []) + ["请选择（输入编号）："]
    lines += [f"{number}. {c.label}" for number, c in enumerate(choices, 1)]
    return "\n".join(lines), choices


def choose(engine: Engine, choice: Choice, conversation: Conversation | None) -> tuple[str, list[Choice]]:
    """What choosing a numbered item shows: the topic, or the answer to the question."""
    knowledge = engine.knowledge
    if choice.topic_id is not None and choice.topic_id in knowledge.topics:
        return render_topic(knowledge, knowledge.topics[choice.topic_id])
    response = engine.answer_entry(choice.entry_id, conversation) if choice.entry_id else None
    if response is None:  # no id (or no longer known): ask it as typed
        response = engine.respond(choice.label, conversation)
    return render(response, knowledge)


def run_chat(
    engine: Engine, settings: Settings, stdin: TextIO | None = None, stdout: TextIO | None = None, storage=None
) -> int:
    """`storage`: record each question (channel "terminal") as Telegram and the web do."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    conversation = Conversation(ttl_seconds=settings.context_ttl_minutes * 60)
    interactive = stdin.isatty()
    print(WELCOME, file=stdout)
    choices: list[Choice] = []
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            break
        if not line:
            break
        text = line.strip()
        if text.lower() in ("q", "quit", "exit", "退出"):
            break
        if text.isdigit() and 1 <= int(text) <= len(choices):
            shown, choices = choose(engine, choices[int(text) - 1], conversation)
        else:
            started = time.perf_counter()
            response = engine.respond(text, conversation)
            if storage is not None and text:
                storage.log_query(
                    user_id=None,
                    chat_type="private",
                    text=text,
                    status=response.status,
                    entry_id=response.entry_id,
                    score=response.score,
                    latency_ms=(time.perf_counter() - started) * 1000,
                    kind=response.kind,
                    channel="terminal",
                )
            shown, choices = render(response, engine.knowledge)
        print(shown, file=stdout)
        print(file=stdout, flush=True)
    print("再见！", file=stdout)
    return 0
