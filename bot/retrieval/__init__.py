"""Retrieval: candidates for a question from the curated entries and from the report's text."""

from __future__ import annotations

from typing import NamedTuple

from bot.analysis import Analysis


class Candidate(NamedTuple):  # a tuple: made by the thousand, cheaply
    id: str  # entry id, or "report:<sentence id>" for the report layer
    score: float
    row: str  # the text that matched best
    missing: float = 0.0  # share of the question's content the candidate's text lacks
    figure: object = None  # report layer: the Figure answered, if any

    @property
    def from_report(self) -> bool:
        return self.id.startswith("report:")


def retrieval_key(analysis: Analysis, text: str) -> tuple:
    """Everything the retrievers read of a question: the text matched, the intent, each
    number's value, range, unit and kind, and the counties named. Two analyses with the same
    key get the same candidates (a retriever reading more of an analysis adds it here)."""
    numbers = tuple((n.low, n.high, n.percent, n.unit, n.exact) for n in analysis.numbers)
    return text, analysis.intent, numbers, analysis.scope.counties
