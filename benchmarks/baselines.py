"""The naive matchers the engine is compared with, each a predictor `question -> Reply`.

All baselines see the same phrasings (every entry's title + aliases/alternates) and the same
naive normalisation, applied to phrasings and questions alike: OpenCC traditional → simplified,
nothing else (no punctuation stripping, no synonyms, no numeral conversion, no pinyin).
Each answers with the owner of its best phrasing (its name, value and answer sentence, as
the engine words a curated entry) when the score reaches its cutoff, else falls back. The cutoff is the one that maximises correct decisions on the eval set itself
(in-scope questions answered with the right entry + out-of-scope questions refused): an
oracle choice that flatters the baselines.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import opencc
from rapidfuzz import fuzz, process

from benchmarks.evaluation import EvalItem, EvalResult, Predictor, Reply, evaluate
from bot.answers.compose import entry_head
from bot.knowledge.model import Knowledge

FALLBACK = Reply("fallback")


def reply_for(knowledge: Knowledge, entry_id: str) -> Reply:
    """A baseline's answer: the entry worded as the engine words it."""
    entry = knowledge.entries[entry_id]
    direct = f"{entry_head(entry)}\n{entry.answer}"
    return Reply("answer", f"{direct}\n原文：“{entry.source}”", entry_id, direct)


_T2S = opencc.OpenCC("t2s")


def naive(text: str) -> str:
    """The baselines' only normalisation: traditional → simplified."""
    return _T2S.convert(text)


def phrasing_table(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    """(naive phrasings, owner entry ids), in knowledge-base order."""
    texts, owners = [], []
    for entry in knowledge.entries.values():
        for phrasing in entry.phrasings:
            texts.append(naive(phrasing))
            owners.append(entry.id)
    return texts, owners


@dataclass
class Baseline:
    """A scorer `question -> (best phrasing index or None, score)` plus a cutoff."""

    name: str
    best: Callable[[str], tuple[int | None, float]]
    owners: list[str]
    cutoff: float = 0.0
    label: str = ""  # how the cutoff is expressed, for the report

    def predictor(self, cutoff: float | None = None) -> Predictor:
        limit = self.cutoff if cutoff is None else cutoff

        def predict(question: str) -> Reply:
            index, score = self.best(question)
            if index is None or score < limit:
                return FALLBACK
            return reply_for(self.knowledge, self.owners[index])

        return predict


# --- difflib ------------------------------------------------------------------


def difflib_baseline(knowledge: Knowledge) -> DifflibBaseline:
    return DifflibBaseline(knowledge)


class DifflibBaseline:
    """`difflib.get_close_matches(question, phrasings, n=1, cutoff=c)`."""

    name = "difflib"

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.texts, self.owners = phrasing_table(knowledge)
        self.owner_of = dict(zip(self.texts, self.owners))
        self.cutoff = 0.0

    def score(self, question: str) -> tuple[str | None, float]:
        """Best phrasing and its ratio, as get_close_matches would pick it (for tuning)."""
        q = naive(question)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(q)
        best: tuple[float, str] | None = None
        for text in self.texts:
            matcher.set_seq1(text)
            candidate = (matcher.ratio(), text)
            if best is None or candidate > best:  # get_close_matches: nlargest on (score, text)
                best = candidate
        return (best[1], best[0]) if best else (None, 0.0)

    def predictor(self, cutoff: float | None = None) -> Predictor:
        limit = self.cutoff if cutoff is None else cutoff

        def predict(question: str) -> Reply:
            found = difflib.get_close_matches(naive(question), self.texts, n=1, cutoff=limit)
            return reply_for(self.knowledge, self.owner_of[found[0]]) if found else FALLBACK

        return predict


# --- rapidfuzz WRatio -----------------------------------------------------------


class RapidfuzzBaseline:
    """`rapidfuzz.process.extractOne(question, phrasings, scorer=WRatio, score_cutoff=c)`."""

    name = "rapidfuzz WRatio"

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.texts, self.owners = phrasing_table(knowledge)
        self.cutoff = 0.0

    def score(self, question: str) -> tuple[int | None, float]:
        found = process.extractOne(naive(question), self.texts, scorer=fuzz.WRatio)
        return (found[2], found[1]) if found else (None, 0.0)

    def predictor(self, cutoff: float | None = None) -> Predictor:
        limit = self.cutoff if cutoff is None else cutoff

        def predict(question: str) -> Reply:
            found = process.extractOne(naive(question), self.texts, scorer=fuzz.WRatio, score_cutoff=limit)
            return reply_for(self.knowledge, self.owners[found[2]]) if found else FALLBACK

        return predict


# --- BM25 over jieba tokens -------------------------------------------------------


def _is_word(token: str) -> bool:
    """Drop whitespace and punctuation tokens (a '？' would otherwise match every question)."""
    return any(unicodedata.category(c)[0] in "LN" for c in token)


class BM25Baseline:
    """bm25s (Lucene BM25, k1=1.5, b=0.75) over jieba tokens of the phrasings; top-1 by score."""

    name = "BM25 (jieba + bm25s)"

    def __init__(self, knowledge: Knowledge):
        import bm25s
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        self._jieba = jieba
        self.knowledge = knowledge
        self.texts, self.owners = phrasing_table(knowledge)
        self.retriever = bm25s.BM25()
        self.retriever.index([self.tokens(t) for t in self.texts], show_progress=False)
        self.cutoff = 0.0

    def tokens(self, text: str) -> list[str]:
        return [t for t in self._jieba.lcut(text) if _is_word(t)]

    def score(self, question: str) -> tuple[int | None, float]:
        ids = self.retriever.get_tokens_ids(self.tokens(naive(question)))
        if not ids:
            return None, 0.0
        scores = self.retriever.get_scores(ids)
        best = int(np.argmax(scores))
        return best, float(scores[best])

    def predictor(self, cutoff: float | None = None) -> Predictor:
        limit = self.cutoff if cutoff is None else cutoff

        def predict(question: str) -> Reply:
            index, score = self.score(question)
            if index is None or score <= 0.0 or score < limit:
                return FALLBACK
            return reply_for(self.knowledge, self.owners[index])

        return predict


# --- cutoff tuning ------------------------------------------------------------------


def correct_decisions(result: EvalResult) -> int:
    """In-scope questions answered right + out-of-scope questions not answered."""
    refused = len(result.out_of_scope["all"]) - sum(result.out_of_scope["all"])
    return sum(result.in_scope["all"]) + refused


def tune_cutoff(baseline, items: list[EvalItem]) -> tuple[float, int]:
    """The cutoff with the most correct decisions on `items` (smallest on ties).

    Scores each question once, then replays the cached best match through `evaluate`
    for every distinct score as cutoff — the same scorer as the final table.
    """
    cached = {item.question: baseline.score(item.question) for item in items}
    owner = getattr(baseline, "owner_of", None)

    def replay(cutoff: float) -> Predictor:
        def predict(question: str) -> Reply:
            best, score = cached[question]
            if best is None or score <= 0.0 or score < cutoff:
                return FALLBACK
            return reply_for(baseline.knowledge, owner[best] if owner is not None else baseline.owners[best])

        return predict

    candidates = sorted({score for _, score in cached.values()} | {0.0})
    best_cutoff, best_correct = 0.0, -1
    for cutoff in candidates + [max(candidates) + 1.0]:
        correct = correct_decisions(evaluate(replay(cutoff), items))
        if correct > best_correct:
            best_cutoff, best_correct = cutoff, correct
    baseline.cutoff = best_cutoff
    return best_cutoff, best_correct


BASELINES = (DifflibBaseline, RapidfuzzBaseline, BM25Baseline)
