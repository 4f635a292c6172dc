"""Retrieval: candidates for a question from the curated entries and from the report's text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    id: str  # entry id, or "report:<sentence id>" for the report layer
    score: float
    row: str  # the text that matched best
    missing: float = 0.0  # share of the question's content the candidate's text lacks
    figure: object = None  # report layer: the Figure answered, if any

    @property
    def from_report(self) -> bool:
        return self.id.startswith("report:")
