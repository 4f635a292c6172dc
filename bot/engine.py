"""The chat API: one user message in, one `Response` out.

`Engine.respond(text, conversation)` is what the CLI, the terminal chat and the Telegram
handlers all call. The order of checks is: empty → small talk → other year / place →
practical requests the report never answers (电话, 申请) → figure lookup → several
questions in one message → matching (with follow-up context) → answer / clarify / fallback.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from . import answers, guards
from .answers import Response
from .figures import metrics_with_figure, parse_figure_query
from .knowledge import Knowledge
from .matching import CLARIFY_MIN, Candidate, Matcher, decide
from .normalize import clean, convert_numerals

SHORT_QUERY_CHARS = 2  # a one-word query needs a clearer lead to be answered
MAX_QUERY_CHARS = 200  # a real question is shorter; the rest is ignored for matching
_ELLIPTICAL_RE = re.compile(r"^(?:那么|那|还有|另外|然后|再问)|呢$")
_SEGMENT_RE = re.compile(r"[；;？?。！!\n]+")  # sentence ends, not commas (clauses of one question)
_JOINED_RE = re.compile(r"和|及|以及|与|跟|还有|、")
_EACH_RE = re.compile(r"(分别|各自|各)(是|有)?(多少|几)")
MAX_PARTS = 3


def split_compound(text: str) -> list[str]:
    """The separate questions of a message: sentences that each ask something, or subjects
    joined by 和/及/、 before 分别是多少 (each part then gets the shared question)."""
    segments = [s for s in _SEGMENT_RE.split(text) if len(clean(s)) >= 2]
    if 2 <= len(segments) <= MAX_PARTS:
        return segments
    each = _EACH_RE.search(text)
    if len(segments) == 1 and each:
        subjects = [s for s in _JOINED_RE.split(text[:each.start()]) if len(clean(s)) >= 2]
        if 2 <= len(subjects) <= MAX_PARTS:
            return [s + each.group(3) for s in subjects]
    return []


@dataclass
class Conversation:
    """Per-chat follow-up context: the last answered entry (its topic follows from it),
    for "那成功率呢？"."""

    last_entry_id: str | None = None
    updated_at: float = 0.0
    ttl_seconds: float = 600.0

    def active(self, now: float) -> bool:
        return self.last_entry_id is not None and now - self.updated_at <= self.ttl_seconds

    def remember(self, entry_id: str, now: float) -> None:
        self.last_entry_id, self.updated_at = entry_id, now


class Engine:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.matcher = Matcher(knowledge)

    def respond(self, text: str, conversation: Conversation | None = None,
                now: float | None = None) -> Response:
        """Answer one message; update `conversation` when an entry is answered."""
        now = time.monotonic() if now is None else now
        response = self._respond(text if isinstance(text, str) else "", conversation, now)
        if conversation is not None and response.status == "answer" and response.entry_id:
            conversation.remember(response.entry_id, now)
        return response

    def _respond(self, text: str, conversation: Conversation | None, now: float) -> Response:
        kb = self.knowledge
        cleaned = clean(text[:MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
        greeted, rest = guards.strip_greeting(cleaned)
        if not rest:
            return answers.small_talk(kb, "greeting" if greeted else "empty")
        talk = guards.small_talk(rest)
        if talk:
            return answers.small_talk(kb, talk)

        year = guards.other_year(rest)
        if year is not None:
            return answers.out_of_scope(kb, f"{year}年" if year > 0 else "其他年份")
        place = guards.other_place(rest)
        if place:
            return answers.out_of_scope(kb, place)

        wanted = guards.unsupported_request(rest)
        if wanted:
            near = [kb.entries[c.entry_id] for c in self.matcher.rank(rest, limit=2) if c.score >= CLARIFY_MIN]
            return answers.unsupported(kb, wanted, near)

        figure = parse_figure_query(kb.synonyms.apply(convert_numerals(rest)))
        if figure:
            return self._figure(*figure)

        combined = self._compound(text[:MAX_QUERY_CHARS * 4])
        if combined is not None:
            return combined

        query = self.matcher.prepare(rest)
        candidates = self.matcher.rank(query)
        short = len(query.text) <= SHORT_QUERY_CHARS
        if conversation is not None and conversation.active(now) and conversation.last_entry_id in kb.entries:
            if _ELLIPTICAL_RE.search(rest) or decide(candidates, short).status == "clarify":
                previous = kb.entries[conversation.last_entry_id]
                chosen = self.matcher.rerank_followup(candidates, previous, query)
                if chosen is not None:
                    return answers.answer(kb, kb.entries[chosen.entry_id], chosen.score, "followup")
        return self._decide(candidates, short)

    def _compound(self, text: str) -> Response | None:
        """Two or three questions in one message ("首违不罚多少家？免罚金额多少？", "A和B分别是多少"):
        answered together when every part, asked alone, gets a confident answer of its own."""
        parts = split_compound(text)
        if len(parts) < 2:
            return None
        found = []
        for part in parts:
            query = self.matcher.prepare(part)
            decision = decide(self.matcher.rank(query), len(query.text) <= SHORT_QUERY_CHARS)
            if decision.status != "answer" or decision.best is None:
                return None
            found.append(decision.best)
        if len({c.entry_id for c in found}) < len(found):
            return None
        entries = [self.knowledge.entries[c.entry_id] for c in found]
        return answers.combined(self.knowledge, entries, min(c.score for c in found))

    def _decide(self, candidates: list[Candidate], short: bool = False) -> Response:
        kb = self.knowledge
        decision = decide(candidates, short)
        best = decision.best
        if decision.status == "answer" and best is not None:
            return answers.answer(kb, kb.entries[best.entry_id], best.score)
        if decision.status == "clarify":
            entries = [kb.entries[c.entry_id] for c in decision.candidates]
            return answers.clarify(kb, entries, best.score if best else 0.0, missing=best.gap if best else "")
        return answers.fallback(kb, best.score if best else 0.0)

    def _figure(self, key: str, unit_char: str) -> Response:
        kb = self.knowledge
        found = metrics_with_figure(self.matcher.figure_index, key, unit_char)
        if len(found) == 1:
            return answers.answer(kb, found[0], 1.0, "figure")
        if found:
            return answers.clarify(kb, found[:4], 1.0, "figure")
        return answers.unknown_figure(kb, key)

    def answer_entry(self, entry_id: str, conversation: Conversation | None = None,
                     now: float | None = None) -> Response | None:
        """The answer for a known entry id (button presses); None if the id is unknown."""
        entry = self.knowledge.entries.get(entry_id)
        if entry is None:
            return None
        if conversation is not None:
            conversation.remember(entry.id, time.monotonic() if now is None else now)
        return answers.answer(self.knowledge, entry, 1.0, "button")



class EngineHolder:
    """The engine currently serving. A reload builds a new Engine off the event loop and
    swaps it in one assignment, so a question in flight finishes on the engine it started with."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def swap(self, engine: Engine) -> None:
        self.engine = engine
