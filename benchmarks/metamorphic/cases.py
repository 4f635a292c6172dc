"""A metamorphic case and how it is judged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from benchmarks.evaluation import EvalItem, Reply, direct_answer, judge, says_yes
from benchmarks.metamorphic.sources import soft

INVARIANCE, DIRECTION, COMPOSITION = "invariance", "direction", "composition"

# Expected outcomes.
RIGHT = "right"  # judged right like an eval item: every expect string, and yes/no when given
NO_FIGURE = "no figure"  # not an answer, or an answer without any of the report's figures
SCOPE = "scope decline"  # status fallback
HOWTO = "how-to decline"  # status fallback, and not opening with 是的/不是
CHOICE = "figure, no verdict"  # an answer with every expect string, not opening with 是的/不是
ASIDE = "figure, request named"  # judged right, and saying the practical request is not in the report
_ASIDE_RE = re.compile(r"没有.{1,12}这类办事信息")

_VERDICT_RE = re.compile(r"^\s*(?:是的|不是)[。，,]")  # the line opening one check's answer
_YES_NO_HEAD = re.compile(r"^\s*(?:是的|不是|不对|对的|是[，。,.！!]|对[，。,.！!])")


@dataclass(frozen=True)
class Case:
    transform: str
    family: str
    turns: tuple[str, ...]  # messages of one conversation; the reply to the last one is judged
    outcome: str = RIGHT
    expect: tuple[str, ...] = ()
    yes: bool | None = None
    source: str = ""  # the original question(s)
    forbid: tuple[str, ...] = ()  # figures the reply's first line must not give (what the asker stated)
    yes_each: tuple[bool, ...] = ()  # several claims checked at once: 是的/不是 of each answer, in order

    @property
    def question(self) -> str:
        return self.turns[-1]


def passes(case: Case, reply: Reply, figure_values: tuple[str, ...]) -> bool:
    """Whether `reply` (to the case's last turn) shows the case's expected outcome."""
    if case.outcome == RIGHT:
        head = soft(direct_answer(reply).split("\n", 1)[0])
        if any(soft(v) in head for v in case.forbid):
            return False
        if case.yes_each:  # one answer per claim, each opening with its own 是的/不是
            verdicts = [says_yes(line) for line in direct_answer(reply).splitlines() if _VERDICT_RE.match(line)]
            if verdicts != list(case.yes_each):
                return False
        return not judge(EvalItem(case.question, case.expect, yes=case.yes), reply)
    if case.outcome == NO_FIGURE:
        if reply.status != "answer":
            return True
        answer = soft(direct_answer(reply))
        return not any(soft(v) in answer for v in figure_values)
    if case.outcome == SCOPE:
        return reply.status == "fallback"
    if case.outcome == HOWTO:
        return reply.status == "fallback" and not _YES_NO_HEAD.match(reply.text)
    if case.outcome == ASIDE:
        return _figures_given(case, reply) and _ASIDE_RE.search(reply.text) is not None
    if case.outcome == CHOICE:  # the figure says which option is right; 是的/不是 confirms one
        return _figures_given(case, reply) and not _YES_NO_HEAD.match(direct_answer(reply))
    raise ValueError(case.outcome)


def _figures_given(case: Case, reply: Reply) -> bool:
    """Whether the reply is an answer with every expect string, whatever its verdict."""
    return reply.status == "answer" and not judge(EvalItem(case.question, case.expect), reply)
