"""Matching: score every phrasing of the knowledge base against a query, and decide.

The score of a phrasing (0–1) is computed in `Matcher.rank`:
    matched = LCS on characters + PINYIN_CREDIT × (extra LCS on pinyin symbols)
    score   = QUERY_WEIGHT × matched / len(query) + (1 − QUERY_WEIGHT) × matched / len(phrasing)
with characters the knowledge base never uses counting extra in len(query), so a question
about something the report does not cover ("执法记录仪多少钱") scores lower. An entry's score
is its best phrasing's. `decide` turns the ranking into answer / clarify / fallback using
the thresholds below — the only place they are set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from .knowledge import Entry, Knowledge
from .normalize import clean, convert_numerals, drop_filler, pinyin_key

# --- thresholds and weights (chosen on tests/eval/questions.yaml) -------------
ANSWER_MIN = 0.62      # best entry must reach this to be answered ...
ANSWER_MARGIN = 0.06   # ... and lead the next different entry by this much
CLARIFY_MIN = 0.45     # entries from here up are offered as "您是想问"
CLARIFY_WINDOW = 0.12  # ... if within this distance of the best
CLARIFY_MAX = 4
QUERY_WEIGHT = 0.6
PINYIN_CREDIT = 0.8
UNKNOWN_CHAR_WEIGHT = 0.5
INTENT_BONUS = 0.03
SHORTLIST = 60
FOLLOWUP_POOL = 6    # follow-ups choose among this many top candidates ...
FOLLOWUP_LEAD = 0.1  # ... when one covers the context this much better

_WANTS_FIGURE = re.compile(r"多少|几|数量|数目|比例|占比|金额|多大|多高|百分|比率|排名|第几|多快")
_WANTS_TEXT = re.compile(r"是什么|什么是|什么意思|怎么|如何|哪些|哪个|哪里|介绍|内容|含义|做法|为什么|举措|措施|荣誉|称号")


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float
    phrasing: str


@dataclass(frozen=True)
class Query:
    text: str          # the normalised query used for scoring
    wants_figure: bool
    wants_text: bool


@dataclass(frozen=True)
class Decision:
    status: str  # "answer" | "clarify" | "fallback"
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


class Matcher:
    """Precomputed normalised and pinyin forms of every phrasing, scored with rapidfuzz."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.synonyms = knowledge.synonyms
        owners, texts, norms = [], [], []
        for entry in knowledge.entries.values():
            for text in entry.phrasings:
                norm = self._normalize(text)
                if norm:
                    owners.append(entry.id)
                    texts.append(text)
                    norms.append(norm)
        self._owners = owners
        self._texts = texts
        self._norms = norms
        self._keys = [pinyin_key(n) for n in norms]
        self._lengths = np.array([len(n) for n in norms], dtype=np.float64)
        self._is_metric = np.array([knowledge.entries[o].is_metric for o in owners])
        self.vocabulary = frozenset("".join(norms))

    def _normalize(self, text: str) -> str:
        return drop_filler(self.synonyms.apply(convert_numerals(clean(text))))

    def prepare(self, text: str) -> Query:
        """Normalise a user query, noting whether it asks for a figure or a description."""
        full = self.synonyms.apply(convert_numerals(clean(text)))
        return Query(drop_filler(full), bool(_WANTS_FIGURE.search(full)), bool(_WANTS_TEXT.search(full)))

    def phrasing_scores(self, query: Query) -> np.ndarray:
        """Score (0–1) of every phrasing against the query."""
        q = query.text
        if not q or not self._norms:
            return np.zeros(len(self._norms))
        chars = process.cdist([q], self._norms, scorer=LCSseq.similarity, dtype=np.int32)[0]
        sounds = process.cdist([pinyin_key(q)], self._keys, scorer=LCSseq.similarity, dtype=np.int32)[0]
        matched = chars + PINYIN_CREDIT * np.maximum(sounds - chars, 0)
        unknown = sum(1 for c in q if c not in self.vocabulary)
        query_len = len(q) + UNKNOWN_CHAR_WEIGHT * unknown
        scores = QUERY_WEIGHT * matched / query_len + (1 - QUERY_WEIGHT) * matched / self._lengths
        if query.wants_figure != query.wants_text:
            prefer_metric = query.wants_figure
            scores = scores + np.where(self._is_metric == prefer_metric, INTENT_BONUS, 0.0)
        return scores

    def rank(self, text: str | Query, limit: int = 10) -> list[Candidate]:
        """Best phrasing per entry, highest score first."""
        query = self.prepare(text) if isinstance(text, str) else text
        scores = self.phrasing_scores(query)
        if not len(scores):
            return []
        order = np.argsort(-scores, kind="stable")[:SHORTLIST]
        best: dict[str, Candidate] = {}
        for i in order:
            owner = self._owners[i]
            if owner not in best:
                best[owner] = Candidate(owner, round(float(scores[i]), 4), self._texts[i])
                if len(best) >= limit:
                    break
        return list(best.values())


    def rerank_followup(self, candidates: list[Candidate], previous: Entry, query: Query) -> Candidate | None:
        """Resolve an elliptical follow-up ("那成功率呢？") against the previous answer.

        Among the plausible candidates for the query alone, prefer the one whose name is
        best covered by "previous name + query": after 人民调解化解纠纷数, "成功率" means
        人民调解调处成功率. Returns None when the context does not single one out.
        """
        pool = [c for c in candidates[:FOLLOWUP_POOL]
                if c.score >= CLARIFY_MIN and c.entry_id != previous.id]
        if not pool:
            return None
        context = set(self._normalize(previous.title)) | set(query.text)

        def coverage(candidate: Candidate) -> float:
            name = set(self._normalize(self.knowledge.entries[candidate.entry_id].title))
            return len(name & context) / len(name) if name else 0.0

        ranked = sorted(pool, key=lambda c: (coverage(c), c.score), reverse=True)
        lead = coverage(ranked[0]) - (coverage(ranked[1]) if len(ranked) > 1 else 0.0)
        return ranked[0] if lead >= FOLLOWUP_LEAD else None


def decide(candidates: list[Candidate]) -> Decision:
    """Answer, clarify or fall back, from a ranking (see the thresholds above)."""
    if not candidates or candidates[0].score < CLARIFY_MIN:
        return Decision("fallback", tuple(candidates[:3]))
    top = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    if top.score >= ANSWER_MIN and top.score - runner_up >= ANSWER_MARGIN:
        return Decision("answer", (top,))
    # Not sure enough: offer the plausible entries (one "did you mean" if only one is close).
    close = [c for c in candidates if c.score >= CLARIFY_MIN and top.score - c.score <= CLARIFY_WINDOW]
    return Decision("clarify", tuple(close[:CLARIFY_MAX]))
