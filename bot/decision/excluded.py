"""What the asker says they do not mean: "不是市本级的，是全市加起来的", "我说的不是新增的是总数".

`rule_excluded` declines a figure whose own words are the very thing the asker rules out; the
report then gives only that part, never the whole asked.
"""

from __future__ import annotations

import re

from bot.decision.decline import Decline

# "不是市本级的", "不要新增的", "不算第一批那个": the words ruled out, up to their 的/那个.
_RULED_OUT_RE = re.compile(r"(?:不是|不要|不算|并非|而非)([\u4e00-\u9fff]{2,5}?)(?:的|那个|那些|这个)")


def ruled_out(text: str) -> list[str]:
    """The words a message rules out ("不是新增的是总数" → 新增)."""
    return _RULED_OUT_RE.findall(text)


def rule_excluded(a, choice, ctx) -> Decline | None:
    """A figure whose own words say what the asker rules out (358项 is 市本级's, "不是市本级的")."""
    if choice is None or not choice.figure_value:
        return None
    own = choice.own_text or choice.text
    for word in ruled_out(a.raw):
        if word in own:
            return Decline("part_only", word)
    return None
