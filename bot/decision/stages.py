"""The stage of a case a count is of: received (受理, 新收, 立案) or concluded (办结, 结案, 审结).

`rule_case_stage` declines a count of one stage asked as the other: "法律援助案件办结了多少件"
is not 受理法律援助案件2900余件 (the report states what was received, not what was concluded).
"""

from __future__ import annotations

import re

from bot.analysis.ask import clause_asks
from bot.decision.decline import Decline

# The words of each stage, as people and reports write them.
RECEIVED = ("受理", "新收", "收案", "立案", "接收", "收到", "接到")
CONCLUDED = ("办结", "结案", "审结", "结办", "了结", "完结", "终结")

_CLAUSE_BREAK_RE = re.compile(r"[，,。？?！!；;\s]+")


def rule_case_stage(a, choice, ctx) -> Decline | None:
    """A figure whose own words state one stage of its cases, asked of the other stage only."""
    if choice is None or not choice.figure_value:
        return None
    own = f"{choice.names} {choice.own_text}"
    asking = [c for c in _CLAUSE_BREAK_RE.split(a.raw) if clause_asks(c)]
    asked = "".join(asking) or a.text  # ("就是一窗受理，不是，是零跑动的事项有多少项": 受理 is not asked)
    for asked_stage, other_stage in ((CONCLUDED, RECEIVED), (RECEIVED, CONCLUDED)):
        said = next((w for w in asked_stage if w in asked), "")
        if said and not any(w in own for w in asked_stage) and any(w in own for w in other_stage):
            return Decline("unstated", said)
    return None
