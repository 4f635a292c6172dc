"""A figure of the part the asker rules out ("不是市本级的，是全市加起来的") or sets aside
("首次不罚之外，减轻处罚的企业有多少家").

`rule_excluded` declines a figure whose own words are the very thing the asker rules out; the
report then gives only that part, never the whole asked. A figure named by what the asker sets
aside answers nothing of the rest asked about.
"""

from __future__ import annotations

import re

from bot.analysis.ruled_out import ruled_out, set_aside
from bot.decision.decline import Decline

# Where the thing asked about ends: its question word ("减轻处罚的企业|有多少家").
_ASKED_END_RE = re.compile(r"(?:的)?(?:一共|总共|共|还|又|都)?(?:有|是|占)?(?:多少|几|哪些|哪几|什么|啥|么子|好多)")

# A count asked of the rest ("还有多少项"), never which ones (哪几).
_COUNT_ASKED_RE = re.compile(r"(?<!哪)(?:多少|几)")
# What the rest of a message says when it names nothing but "the others" and a count.
_OTHER_NAMED_RE = re.compile(
    r"还|另外|另|其他的?|其它的?|别的|其余的?|剩下的?|又|都|一共|总共|共|有|是|的|"
    r"多少|几|[个项件家名台处条类种起次人位]|人次|[呢啊呀吧啦嘛哦咯]|[\s，,。？?！!]"
)
MAX_NAMED_ASIDE = 8  # a thing set aside longer than this is "the others" in a decline
# A counter or a particle left where the rest names its thing after the question word.
_NOT_NAMING_RE = re.compile(r"^[个项件家名台处条类种起次人位]|[呢啊呀吧啦嘛哦]+$")


def rule_excluded(a, choice, ctx) -> Decline | None:
    """A figure whose own words say what the asker rules out (358项 is 市本级's, "不是市本级的"),
    or whose name is what the asker sets aside (首次不罚企业数, "首次不罚之外…多少家")."""
    if choice is None or not choice.figure_value:
        return None
    own = choice.own_text or choice.text
    for word in ruled_out(a.raw):
        if word in own:
            return Decline("part_only", word)
    named = f"{choice.title} {choice.names}"
    for word, rest in set_aside(a.raw):
        if a.wants_figure and _COUNT_ASKED_RE.search(rest) and not _OTHER_NAMED_RE.sub("", rest):
            # "公示执法事项之外，还有多少项": the rest of that kind, which no figure counts
            return Decline("unstated", f"{word}之外的" if len(word) <= MAX_NAMED_ASIDE else "其他的")
        tail = next((word[k:] for k in range(len(word) - 1) if word[k:] in named), "")
        parts = _ASKED_END_RE.split(rest, maxsplit=1)
        asked = parts[0].strip() or _NOT_NAMING_RE.sub("", parts[-1])  # "…之外还有多少企业被减轻处罚"
        if tail and asked and tail not in asked:
            return Decline("unstated", asked)  # the rest asked about is no word of the figure's
    return None
