"""A word of the ask that is the figure's own word turned round: "诉后执行的调解成功率" of 诉前调解成功率,
"向园区收权" of 放权赋权. One character changed to its opposite names another measure, which the
report does not give, however many other words of the ask fit the figure.
"""

from __future__ import annotations

from bot.decision.decline import Decline
from bot.text import lexicon
from bot.text.normalize import clean

# Characters whose swap turns a word into its opposite (诉前 / 诉后, 放权 / 收权, 线上 / 线下).
OPPOSITES = {"前": "后", "后": "前", "收": "放", "放": "收", "内": "外", "外": "内", "上": "下", "下": "上"}


def _pairs(text: str) -> list[str]:
    """The pairs of characters that may be a word: inside one word of the segmentation, or two
    characters each a word alone ("诉|后" is 诉后), never across a word's edge ("然后|调解")."""
    words = lexicon.segment(text)
    starts, at = [], 0
    for word in words:
        starts.append((at, len(word)))
        at += len(word)
    pairs = []
    for k, (start, size) in enumerate(starts):
        if size >= 2:
            pairs += [text[start + i : start + i + 2] for i in range(size - 1)]
        elif k + 1 < len(starts) and starts[k + 1][1] == 1:
            pairs.append(text[start : start + 2])
    return pairs


def turned_word(asked: str, own: str, report: str) -> str:
    """The first pair of characters of `asked` the report never writes whose opposite is in `own`."""
    for pair in _pairs(asked):
        if not all("\u4e00" <= c <= "\u9fff" for c in pair) or pair in report:
            continue
        for k, char in enumerate(pair):
            turned = pair[:k] + OPPOSITES.get(char, char) + pair[k + 1 :]
            if turned != pair and turned in own and turned in lexicon.words():
                return pair  # the figure's own word (a word, not two characters side by side)
    return ""


def rule_contrast(a, choice, ctx) -> Decline | None:
    """A figure whose own word the ask turns into its opposite (诉后 of 诉前): not its measure."""
    if choice is None or not choice.figure_value:
        return None
    own = clean(choice.text + choice.names + choice.own_text)
    turned = turned_word(a.text, own, ctx.report_norm)
    return Decline("unstated", turned) if turned else None
