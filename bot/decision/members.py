"""The other members of a group the report's own city belongs to.

`rule_other_members` declines "全国首批法治政府建设示范市有哪些城市" where the report says only
that 益阳 is one of them: its sentence names no other place, so it is no list of the group.
Where the report does list places ("资阳区、南县、市市场监管局…成功创建为第二批…") the rule
stays silent and the list answers.
"""

from __future__ import annotations

import re

from bot.analysis.places import gazetteer
from bot.decision.decline import Decline

# The places of a group asked as a list: "有哪些城市", "还有哪几个市", "都是哪些地方".
_PLACES_ASKED_RE = re.compile(
    r"(?:哪些|哪几个|哪几座|哪几)(?P<kind>城市|地市|市|地方|地区|省份|省|县市|县)"
    r"|(?:其他|别的|其余|另外)(?:的)?(?:几个|哪些)?(?P<kind2>城市|地市|地方|地区|省份)"
)


def rule_other_members(a, choice, ctx) -> Decline | None:
    """The places of a group asked, where the evidence names no place but the report's own."""
    asked = _PLACES_ASKED_RE.search(a.text)
    if choice is None or asked is None or choice.figure_value:
        return None
    named = {found.text for found in gazetteer().find(choice.text)}
    if named - set(ctx.place_words) - set(ctx.region_words):
        return None  # the evidence names other places: a list of them answers
    kind = asked.group("kind") or asked.group("kind2")
    return Decline("unstated", f"其他{'城市' if kind in ('市', '地市') else kind}")
