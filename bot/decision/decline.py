"""Why the bot does not answer: a named reason and its detail. The wording of each reason
lives in answer composition (bot/answers/compose.py, `DECLINES`), one template per reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    OTHER_YEAR = "other_year"  # a year no report covers
    OTHER_PLACE = "other_place"  # a place no report covers
    WIDER_SCOPE = "wider_scope"  # 全国 / 全省 asked, the report has the city's own figure
    BREAKDOWN = "breakdown"  # a county or a part the report does not break out
    MEASURE = "measure"  # money / people / a percentage asked, the figure measures another kind
    NO_FIGURE = "no_figure"  # a number asked of an answer that gives none
    PART_ONLY = "part_only"  # a total asked where the report gives a part (新增5个)
    COUNT_ONLY = "count_only"  # a list asked where the report gives a count
    TOGETHER = "together"  # one of two things the report counts together, asked alone
    UNSTATED = "unstated"  # a detail or measure the report writes only of something else
    ABSENT = "absent"  # a word the report never writes
    PRACTICAL = "practical"  # how to apply, contacts, prices: never in the report
    LEGAL_ADVICE = "legal_advice"  # a judgement of the asker's own legal case: never in the report
    UNKNOWN_FIGURE = "unknown_figure"  # a bare figure the report does not have
    NO_MATCH = "no_match"  # nothing in the report comes close
    ELSEWHERE = "elsewhere"  # the report states it of another clause than the one found: that one answers


# The report's own answer that it lacks what was asked (a part, a list, another measure): no
# other reading of the question overrides it.
STATED_LACKS = frozenset(
    (
        Reason.BREAKDOWN,
        Reason.MEASURE,
        Reason.NO_FIGURE,
        Reason.PART_ONLY,
        Reason.COUNT_ONLY,
        Reason.TOGETHER,
        Reason.UNSTATED,
    )
)


@dataclass(frozen=True)
class Decline:
    reason: Reason
    detail: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", Reason(self.reason))  # an unknown reason is an error, never no_match
