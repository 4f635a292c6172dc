"""Retrieval over the curated entries: every phrasing, and each entry's answer text.

`CuratedRetriever.candidates(analysis)` ranks entries by their best row (see scoring.py for
the bonuses and the coverage penalty). Follow-ups ("那成功率呢？") are resolved against the
previous answer by `followup`.
"""

from __future__ import annotations

import re

import numpy as np

from bot.analysis import Analysis
from bot.analysis.numbers import figure_range, find_numbers
from bot.engine.memo import once
from bot.engine.params import Params
from bot.knowledge.model import Entry, Knowledge
from bot.retrieval import Candidate, retrieval_key
from bot.retrieval.index import TextIndex
from bot.retrieval.scoring import Content, figure_fit, scale_of
from bot.text.normalize import clean, convert_numerals, normalize

# An ask pointing at the last answer ("它管哪些事", "这个有啥用"): about that thing, not a sibling.
_POINTING_RE = re.compile(r"它|他们|她们|这个|那个|这项|该")


# A follow-up naming only a kind of figure ("金额呢", "人数呢").
_KIND_ONLY_RE = re.compile(r"^(?:金额|人数|人次|数量|比例|比率|件数|案件数|成功率|和解率|总数|单位数|家数)$")


# "一次都不用跑", "一趟不用跑": one, negated right after it, is none.
_NEGATED_AFTER_RE = re.compile(r"[都也]?(?:不|没)")


def _name_number(n, text: str) -> tuple[float, str]:
    """A number as it names a measure: (value, unit), "一次都不用" read as (0, 次)."""
    return (0.0 if n.low == 1 and _NEGATED_AFTER_RE.match(text, n.end) else n.low), n.unit


def _named_numbers(phrasings: tuple[str, ...]) -> set[tuple[float, str]]:
    named = set()
    for p in phrasings:
        text = convert_numerals(clean(p))
        named.update(_name_number(n, text) for n in find_numbers(text) if n.exact)
    return named


class CuratedRetriever:
    def __init__(self, knowledge: Knowledge, params: Params):
        self.knowledge = knowledge
        self.params = params
        norm = lambda text: normalize(text, knowledge.synonyms)  # noqa: E731
        owners, texts, norms, weights = [], [], [], []
        for entry in knowledge.entries.values():
            rows = [(t, 1.0) for t in entry.phrasings] + [(entry.answer, params.answer_text_weight)]
            for text, weight in rows:
                n = norm(text)
                if n:
                    owners.append(entry.id)
                    texts.append(text)
                    norms.append(n)
                    weights.append(weight)
        self.texts = texts
        self.index = TextIndex(norms, owners, weights)
        self.entry_texts = {e.id: " ".join(e.phrasings + (e.answer, e.source)) for e in knowledge.entries.values()}
        # an answer gathering passages of several parts ("honors") is found by how it is asked,
        # not by each thing it lists (the thing's own entry answers a question naming it)
        self.entry_chars = {
            e.id: frozenset(
                norm(" ".join(e.phrasings + ((e.value,) if "\n" in e.source else (e.answer, e.source, e.value))))
            )
            for e in knowledge.entries.values()
        }
        self.vocabulary = frozenset().union(*self.entry_chars.values()) if self.entry_chars else frozenset()
        self._is_metric = np.array([knowledge.entries[o].is_metric for o in owners], dtype=bool)
        self.bounds = {
            e.id: figure_range(e.number, scale_of(e.unit), e.qualifier)
            for e in knowledge.metrics
            if e.number is not None
        }
        # Numbers named in an entry's own phrasings ("跑动1次事项数"): a question quoting one leans there.
        self.named_numbers = {e.id: _named_numbers(e.phrasings) for e in knowledge.entries.values()}

    def _fit(self, entry: Entry, analysis: Analysis, subject: bool) -> float:
        """Bonuses of an entry for a question (`subject`: the question's quoted figure is its subject)."""
        named = self.named_numbers[entry.id]
        bonus = (
            self.params.named_figure_bonus
            if named and any(_name_number(n, analysis.text) in named for n in analysis.numbers)
            else 0.0
        )
        # "要跑两趟以上才能办的事": how often is named (2次), and an entry named by another
        # count of it ("0跑动", "跑1次") is another measure
        times = {value for value, unit in named if unit == "次"}
        asked_times = {_name_number(n, analysis.text)[0] for n in analysis.numbers if n.unit == "次"}
        if times and asked_times and not times & asked_times:
            bonus -= self.params.named_figure_mismatch_penalty
        if analysis.scope.counties and any(c in self.entry_texts[entry.id] for c in analysis.scope.counties):
            bonus += self.params.place_bonus
        if not entry.is_metric:
            return bonus
        return bonus + figure_fit(
            analysis,
            entry.number,
            entry.unit,
            entry.qualifier,
            entry.value,
            self.params,
            subject,
            self.bounds.get(entry.id),
        )

    def candidates(self, analysis: Analysis, limit: int = 10, text: str | None = None) -> list[Candidate]:
        """Best row per entry, highest score first (once per message for the same ask)."""
        q = analysis.core if text is None else text
        return once((self, retrieval_key(analysis, q)), lambda: self._ranked(analysis, q))[:limit]

    def _ranked(self, analysis: Analysis, q: str) -> list[Candidate]:
        p = self.params
        rows, scores = self.index.similarity(q, p)
        if not len(rows):
            return []
        wants_figure = analysis.wants_figure
        wants_text = analysis.intent.kind in ("description", "list")
        if wants_figure != wants_text:
            scores = scores + np.where(self._is_metric[rows] == wants_figure, p.intent_bonus, 0.0)
        if analysis.intent.asks_name:  # "找谁调解": a name is asked, a count does not answer it
            scores = scores - np.where(self._is_metric[rows], p.name_metric_penalty, 0.0)
        if len(scores) > p.shortlist:
            top = (-scores).argpartition(p.shortlist)[: p.shortlist]
            order = top[(-scores[top]).argsort(kind="stable")]
        else:
            order = (-scores).argsort(kind="stable")
        content = Content(q, self.vocabulary, p)
        subject = analysis.figure_is_subject
        owners, entries = self.index.owners, self.knowledge.entries
        best: dict[str, Candidate] = {}
        for i, similarity in zip(rows[order].tolist(), scores[order].tolist()):
            owner = owners[i]
            if owner in best:
                continue
            missing = content.missing(self.entry_chars[owner])
            score = similarity + self._fit(entries[owner], analysis, subject) - p.coverage_penalty * missing
            best[owner] = Candidate(owner, score, self.texts[i], missing)
            if len(best) >= p.rerank_pool:
                break
        return sorted(best.values(), key=lambda c: -c.score)

    def followup(
        self, candidates: list[Candidate], previous_title: str, previous_id: str, analysis: Analysis
    ) -> Candidate | None:
        """Resolve an elliptical follow-up against the previous answer: among the plausible
        candidates, the one whose name is best covered by "previous name + question"."""
        p = self.params
        pool = [c for c in candidates[: p.followup_pool] if c.score >= p.clarify_min and c.id != previous_id]
        previous = self.knowledge.entries[previous_id]
        # a follow-up goes on about the thing just answered: a sibling of its part of the report
        pool = [c for c in pool if self.knowledge.entries[c.id].topic == previous.topic]
        if not pool:
            return None
        norm = lambda text: normalize(text, self.knowledge.synonyms)  # noqa: E731
        context = set(norm(previous_title)) | set(analysis.core)

        def covered(candidate: Candidate) -> float:
            name = set(norm(self.knowledge.entries[candidate.id].title))
            return len(name & context) / len(name) if name else 0.0

        if _KIND_ONLY_RE.match(analysis.core):  # "金额呢": the sibling whose name holds that kind
            asked = set(norm(analysis.core))
            pool = [c for c in pool if asked <= set(norm(self.knowledge.entries[c.id].title))] or pool
        ranked = sorted(pool, key=lambda c: (covered(c), c.score), reverse=True)
        lead = covered(ranked[0]) - (covered(ranked[1]) if len(ranked) > 1 else 0.0)
        if _POINTING_RE.search(analysis.cleaned) and covered(ranked[0]) < p.followup_cover:
            return None  # "它管哪些事" asks about the last answer itself: one shared character (事) names no sibling
        return ranked[0] if lead >= p.followup_lead else None
