"""Whether a report has a run of characters, without scanning it for every question.

Most runs a question is checked for are not in the report (a story's words), and `run in
report` finds that only after reading the whole text. A report's set of character pairs
answers a pair at once, and a longer run as soon as one of its pairs is missing.
"""

from __future__ import annotations

from functools import lru_cache

REPORTS_KEPT = 16  # the pair sets of this many texts (reports) are kept


@lru_cache(maxsize=REPORTS_KEPT)
def pairs_of(text: str) -> frozenset[str]:
    """Every run of two characters of a long text (a report's normalised text)."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def occurs(part: str, text: str) -> bool:
    """`part in text` for a report's text: False as soon as a pair of `part` is not in it."""
    if len(part) >= 2:
        pairs = pairs_of(text)
        if any(part[i : i + 2] not in pairs for i in range(len(part) - 1)):
            return False
        if len(part) == 2:
            return True
    return part in text


def none_occur(part: str, text: str) -> bool:
    """No pair of `part` is in a report's text: the report never writes any of it."""
    pairs = pairs_of(text)
    return all(part[i : i + 2] not in pairs for i in range(len(part) - 1))
