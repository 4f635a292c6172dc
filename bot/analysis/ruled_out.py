"""What the asker says they do not mean: "不是市本级的", "我说的不是新增的是总数".

One reading serves two stages: the split keeps such a clause with the ask before it, and the
decision declines a figure whose own words are the part ruled out.
"""

from __future__ import annotations

import re

# "不是市本级的", "不要新增的", "不算第一批那个": the words ruled out, up to their 的/那个.
_RULED_OUT = r"(?:不是|不要|不算|并非|而非)([\u4e00-\u9fff]{2,6}?)(?:的|那个|那些|这个)"
_RULED_OUT_RE = re.compile(_RULED_OUT)
_RULING_CLAUSE_RE = re.compile(_RULED_OUT + "$")


def ruled_out(text: str) -> list[str]:
    """The words a message rules out ("不是新增的是总数" → 新增)."""
    return _RULED_OUT_RE.findall(text)


def rules_out(clause: str) -> bool:
    """Whether a whole clause only rules something out ("不是市本级的")."""
    return bool(_RULING_CLAUSE_RE.match(clause))
