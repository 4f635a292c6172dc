"""A figure of the part the asker rules out ("不是市本级的，是全市加起来的").

`rule_excluded` declines a figure whose own words are the very thing the asker rules out; the
report then gives only that part, never the whole asked.
"""

from __future__ import annotations

from bot.analysis.ruled_out import ruled_out
from bot.decision.decline import Decline


def rule_excluded(a, choice, ctx) -> Decline | None:
    """A figure whose own words say what the asker rules out (358项 is 市本级's, "不是市本级的")."""
    if choice is None or not choice.figure_value:
        return None
    own = choice.own_text or choice.text
    for word in ruled_out(a.raw):
        if word in own:
            return Decline("part_only", word)
    return None
