"""The chat API: one user message in, one `Response` out.

`Engine.respond(text, conversation)` is what the CLI, the terminal chat, Telegram and the web
call. An engine holds one or more report packs (`bot/packs.py`) and routes each question by
its scope, from the packs rather than from code:
  * a year (2023年, 去年, 前年 against today's date) or a place that a pack covers → that pack;
    a year or place no pack covers → an honest refusal naming what is covered;
  * several years ("2023年和2024年分别是多少", "两年各是多少", "比上一年呢") → each year's
    answer side by side, each with its own source, never a computed difference;
  * no year → the latest report, then older ones for a fact only they have; the answer says
    which year it is from.
Inside a pack, `PackEngine` (bot/pack_engine.py) runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from bot.analysis import analyze
from bot.answers import compose as answers
from bot.answers.compose import Response
from bot.engine.conversation import Conversation
from bot.engine.pack import PackEngine
from bot.engine.params import DEFAULT, Params
from bot.knowledge.model import Knowledge
from bot.knowledge.packs import Library, catalog

__all__ = ["Conversation", "Engine", "EngineHolder", "PackEngine"]

PLACE_OVERLAP = 0.8  # with several places, reports sharing at least this share of the best overlap answer
_YEARS_RE = re.compile(
    r"(?:(?:19|20)?\d\d|二[〇零][一二三四五六七八九〇零]{2})年度?|去年|今年|前年|上一年|上年|"
    r"(?:和|与|跟|及)(?=[，,]|$)"
)
_PREVIOUS_ONLY_RE = re.compile(
    r"^(?:那|那么)?(?:比|跟|和|与)?(?:上一年|上年|前一年|去年同期)(?:比|相比|呢|怎么样|如何|多少)*$"
)


class Engine:
    def __init__(
        self, knowledge: Knowledge | Library | list[Knowledge], params: Params = DEFAULT, today: dt.date | None = None
    ):
        if isinstance(knowledge, Library):
            packs = list(knowledge.packs)
        elif isinstance(knowledge, (list, tuple)):
            packs = list(knowledge)
        else:
            packs = [knowledge]
        packs.sort(key=lambda k: (k.year or 0, k.place, str(k.directory)))
        covered = [f"{k.place}{k.year}年的报告" if k.year else k.title for k in packs]
        self.params = params
        self.today = today
        self.packs = [PackEngine(k, params, today, covered) for k in packs]
        self.latest = self.packs[-1].knowledge  # the latest report
        # Every pack's topics and entries in one view (labelled with their year): browsing,
        # /data, inline mode and admin lists go through it; one pack is its own catalog.
        self.knowledge = catalog(packs)
        self.multi_year = len({k.year for k in packs}) > 1
        self._owner = {}
        for pack in self.packs:
            for entry_id in pack.knowledge.entries:
                self._owner.setdefault(entry_id, pack)

    # --- the chat API --------------------------------------------------------------------

    def respond(self, text: str, conversation: Conversation | None = None, now: float | None = None) -> Response:
        """Answer one message; update `conversation` when something is answered."""
        now = time.monotonic() if now is None else now
        text = text if isinstance(text, str) else ""
        if len(self.packs) == 1:
            response = self.packs[0].respond(text, conversation, now)
            year = self.packs[0].knowledge.year
        else:
            response, year = self._route(text, conversation, now)
            if self.multi_year:
                response = answers.with_year(response, year)
        if conversation is not None and response.status == "answer":
            conversation.last_year = year or conversation.last_year
            conversation.last_text = text
        return response

    def answer_entry(
        self, entry_id: str, conversation: Conversation | None = None, now: float | None = None
    ) -> Response | None:
        """The answer for a known entry id (button presses); None if the id is unknown."""
        for pack in self._packs_for_id(entry_id):
            response = pack.answer_entry(entry_id, conversation, now)
            if response is not None:
                if conversation is not None:
                    conversation.last_year = pack.knowledge.year
                return answers.with_year(response, pack.knowledge.year) if self.multi_year else response
        return None

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """The curated entries nearest a question, with their scores (admin review)."""
        found = [c for pack in self.packs for c in pack.closest(text, limit)]
        return sorted(found, key=lambda c: -c[1])[:limit]

    def pack_of(self, entry_id: str) -> PackEngine | None:
        return self._owner.get(entry_id)

    def knows(self, entry_id: str) -> bool:
        """Whether a button's id names something this engine can answer (an entry of any pack,
        or a sentence of any report)."""
        if entry_id in self._owner:
            return True
        return entry_id.startswith("report:") and any(p.report.sentence(entry_id) for p in self.packs)

    # --- routing ---------------------------------------------------------------------------

    def _packs_for_id(self, entry_id: str) -> list[PackEngine]:
        owner = self._owner.get(entry_id)
        return [owner] if owner is not None else list(reversed(self.packs))

    def _route(self, text: str, conversation: Conversation | None, now: float) -> tuple[Response, int | None]:
        scope = analyze(text, today=self.today).scope
        pool = [p for p in self.packs if p.names_place(text)] or self.packs
        years = list(scope.years)
        question = text
        if scope.previous:
            base = (
                conversation.last_year
                if conversation is not None and conversation.active(now) and conversation.last_year
                else max(p.knowledge.year or 0 for p in pool)
            )
            years = [base - 1, base]
            if (
                _PREVIOUS_ONLY_RE.match(re.sub(r"[\s，,。？?！!]", "", text))
                and conversation is not None
                and conversation.last_text
            ):
                question = conversation.last_text  # "比上一年呢": the last question, for both years
        if years:
            chosen = [p for p in pool if p.knowledge.year in years]
            if not chosen:
                other = next(y for y in years)
                word = f"{scope.relative}（{other}年）" if scope.relative else f"{other}年"
                return answers.decline(pool[-1].knowledge, "other_year", word, covered=pool[-1].covered), None
            if len({p.knowledge.year for p in chosen}) > 1:
                return self._side_by_side(chosen, question, now), None
            return self._first_answer(chosen, question, conversation, now)
        if scope.all_years and len({p.knowledge.year for p in pool}) > 1:
            return self._side_by_side(pool, question, now), None
        return self._first_answer(pool, question, conversation, now)

    def _first_answer(
        self, pool: list[PackEngine], text: str, conversation: Conversation | None, now: float
    ) -> tuple[Response, int | None]:
        """The newest report first; an older one only when it has words of the question the
        newer ones lack (a fact only it has). With several places, the reports whose text
        shares the most of the question go first (益阳's questions to 益阳's reports)."""
        core = pool[-1].analyze(text).core
        pairs = {core[i : i + 2] for i in range(len(core) - 1)}
        overlap = {id(p): sum(pair in p.context.report_norm for pair in pairs) for p in pool}
        best = max(overlap.values(), default=0)
        if len({p.knowledge.place for p in pool}) > 1 and best:
            pool = [p for p in pool if overlap[id(p)] >= best * PLACE_OVERLAP]
        first: tuple[Response, int | None] | None = None
        seen: set[str] = set()  # pairs found in the reports asked so far
        for year in sorted({p.knowledge.year or 0 for p in pool}, reverse=True):
            packs = [p for p in pool if (p.knowledge.year or 0) == year]
            if seen or first is not None:
                packs = [p for p in packs if any(pair in p.context.report_norm and pair not in seen for pair in pairs)]
            replies = [(p.respond(text, conversation, now), p.knowledge.year) for p in packs]
            seen |= {pair for p in packs for pair in pairs if pair in p.context.report_norm}
            answered = [r for r in replies if r[0].status == "answer"]
            if answered:
                return max(answered, key=lambda r: r[0].score)
            first = first or (replies[0] if replies else None)
        return first or (pool[-1].respond(text, conversation, now), pool[-1].knowledge.year)

    def _side_by_side(self, pool: list[PackEngine], text: str, now: float) -> Response:
        latest: dict[int, PackEngine] = {}
        for pack in pool:
            latest[pack.knowledge.year or 0] = pack
        question = _YEARS_RE.sub("", text)  # each report is asked the question without the years
        parts = [(year, latest[year].respond(question, None, now)) for year in sorted(latest)]
        if not any(r.status == "answer" for _, r in parts):
            return parts[-1][1]
        return answers.by_year(parts)


class EngineHolder:
    """The engine currently serving. A reload builds a new Engine off the event loop and
    swaps it in one assignment, so a question in flight finishes on the engine it started with."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def swap(self, engine: Engine) -> None:
        self.engine = engine
