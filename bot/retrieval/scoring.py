"""Scoring: from similarities and features to one score per candidate (weights in `Params`).

Used by both retrievers. A candidate's score is its best row's similarity, plus small bonuses
when the question quotes its figure, asks in its unit or measure, or a rough number of the
question fits its figure, less `coverage_penalty` × the share of the question's content that
the candidate's whole text never uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis import Analysis
from bot.analysis.numbers import compare, figure_range
from bot.engine.params import Params
from bot.text.units import unit_kind

# Everyday characters that carry no subject: not held against a candidate that lacks them.
GLUE_CHARS = frozenset(
    "是有在和与及或也都还就要能会可以被给把让去来到说做搞弄个们这那哪谁啥怎么样为对从向跟里上下中些其该"
    "不没很太最更多少几吧吗呢啊呀哦嘛么的了着过地得一二三四五六七八九十0123456789%."
)
# Everyday question words: not evidence that a question asks about something else.
GLUE_WORDS = re.compile(
    "怎么回事|咋回事|回事|意思|概念|东西|到底|百分之|运作|是不是|真的|假的|真假|听说|直接|自己|现在|"
    "时候|我们|咱们|你们|他们|大家|目前|已经|还是|或者|方面|一般|主要|具体|好处|作用|效果|享受|"
    "单位|平台|指标|推进|开展|服务|称号|荣誉|想|达到|原来|结合|起来|顺带|工作|问题|年|"
    "分别|受益|成效|成果|成绩|进展|咱|情况|水平|怎样|知道|那个|这个|搞|弄|咋|啥|比例|比率|占比"
)


def measure_of_figure(unit: str, value: str) -> str:
    """money | people | percent | rank | count, from a figure's unit and value."""
    if "第" in value:
        return "rank"
    return unit_kind(unit)


def scale_of(unit: str) -> float:
    return 1e4 if unit.startswith("万") else 1e8 if unit.startswith("亿") else 1.0


class Content:
    """The content characters of a question (glue words and characters left out), each with
    its weight: 1, or `unknown_coverage_weight` for one the whole knowledge never uses."""

    def __init__(self, core: str, vocabulary: frozenset[str], params: Params):
        chars = [c for c in GLUE_WORDS.sub(" ", core) if c not in GLUE_CHARS and c != " "]
        self.size = len(chars)
        self.weights: dict[str, float] = {}
        for c in chars:
            self.weights[c] = self.weights.get(c, 0.0) + (1.0 if c in vocabulary else params.unknown_coverage_weight)
        self.chars = frozenset(self.weights)

    def missing(self, text_chars: frozenset[str]) -> float:
        """Share (0–1) of the question's content that a candidate's text lacks."""
        if not self.size:
            return 0.0
        return min(1.0, sum(map(self.weights.__getitem__, self.chars - text_chars)) / self.size)


@lru_cache(maxsize=4096)  # few asks and figures: the same pairs come back with every question
def measure_fits(asked: str, asked_unit: str, unit: str, value: str) -> bool:
    """Whether a figure measures what the question asks (money, people, a percentage, a rank,
    or a count in a unit); unknown asks fit anything."""
    have = measure_of_figure(unit, value)
    if asked == "duration":
        return unit[-1:] in ("天", "时", "钟", "月", "年")
    if asked in ("money", "percent", "rank"):
        return have == asked or (asked == "percent" and "%" in value)
    if asked == "people":
        return have == "people"
    if asked == "change" and not asked_unit:  # "下降了多少": a rate of change, not a count
        return "%" in value or unit == "个百分点"
    if asked == "count" and not asked_unit:  # "网上可办数是多少": a number of things, never a rate or a rank
        return have not in ("percent", "rank")
    if asked in ("count", "change") and asked_unit:
        # a count in a unit: never a sum of money or a percentage (多少家 is not 317万余元, 多少次 not 100%)
        return have in ("count", "people") or (have == "money" and asked_unit[-1:] == "元")
    return True


def figure_fit(
    analysis: Analysis,
    number: float | None,
    unit: str,
    qualifier: str | None,
    value: str,
    params: Params,
    quoted_is_subject: bool = True,
    bounds: tuple[float, float] | None = None,
) -> float:
    """Bonus (or penalty) from how a figure fits the numbers and measure the question asks.
    A figure the question quotes as context ("调处成功率93%，那调解了多少起") gets no bonus."""
    bonus = 0.0
    asked = analysis.intent
    if number is not None:
        if not measure_fits(asked.measure, asked.unit, unit, value):
            bonus -= params.measure_penalty
        if asked.unit and unit[-1:] == asked.unit:
            bonus += params.unit_bonus
        low, high = bounds or figure_range(number, scale_of(unit), qualifier)
        for n in analysis.numbers:
            if n.percent != (unit == "%"):
                continue
            if n.exact and abs(n.low - low) < 1e-9 and not analysis.intent.yes_no:
                bonus += params.figure_bonus if quoted_is_subject else -params.context_figure_penalty
            elif compare(n, low, high):
                bonus += params.range_bonus
    return bonus
