"""The thing counted: "多少个案例" asks the count written next to 案例 ("发布典型案例70个"); another
figure of the same sentence (30多家 责任单位) counts something else.

`rule_counted_thing` declines a figure when the sentence writes the noun asked right next to
another number; `counted_asked` and `count_of` are read by the engine too, to find that figure.
"""

from __future__ import annotations

import re

from bot.decision.decline import Decline
from bot.text import lexicon
from bot.text.units import FIGURE_UNITS

# A question word and its unit, then what is counted ("多少个案例", "几家企业", "多少立法联系点").
_ASKED_RE = re.compile(r"(?:多少|几)([个项件家台处条类种名起次位户批]?)([\u4e00-\u9fff]{2,8})")
MAX_COUNTED_WORDS = 3  # words read after the question word for the noun counted ("立法|联系点")
_AMOUNT = rf"(?:近|超过)?\d+(?:\.\d+)?万?(?:余|多)?万?[{FIGURE_UNITS}元]"
_QUOTES = '“”"《》「」'
MAX_MODIFIER = 10  # characters naming the noun between it and its amount ("30多家谁执法谁普法责任单位")
_MODIFIER = rf"[\u4e00-\u9fff]{{0,{MAX_MODIFIER}}}?"


def counted_asked(text: str) -> str:
    """The noun an ask counts: the last of the first nouns in a row among the few words after its
    question word and unit ("多少个案例" → 案例, "多少典型案例" → 案例, "多少个立法联系点" → 联系点)."""
    found = _ASKED_RE.search(text)
    if not found:
        return ""
    noun = ""
    for word in lexicon.segment(found.group(2))[:MAX_COUNTED_WORDS]:
        if len(word) >= 2 and lexicon.is_noun(word):
            noun = word  # "多少典型案例": the last of the nouns in a row
        elif noun:
            break
    return noun


def count_of(noun: str, sentence: str) -> str:
    """The amount a sentence writes right next to `noun` ("发布典型案例70个" → 70个, "5个立法联系点"
    → 5个); "" when it writes none there."""
    if not noun:
        return ""
    plain = re.sub(f"[{_QUOTES}]", "", sentence)
    after = re.search(re.escape(noun) + f"({_AMOUNT})", plain)
    # "30多家“谁执法谁普法”责任单位": the amount, then what names the noun, then the noun
    before = re.search(f"({_AMOUNT})" + _MODIFIER + re.escape(noun), plain)
    found = after or before
    return found.group(1) if found else ""


def rule_counted_thing(a, choice, ctx) -> Decline | None:
    """A figure asked as the count of a noun ("多少个案例") that its sentence writes right next to
    another amount (30多家 of "…单位发布典型案例70个"): that other amount is the count asked."""
    if choice is None or not choice.figure_value or not a.wants_figure:
        return None
    written = count_of(counted_asked(a.text), choice.text)
    if not written or written in choice.figure_value or choice.figure_value in written:
        return None
    unit = _ASKED_RE.search(a.text).group(1)
    if unit and not written.endswith(unit):
        return None  # "多少家发布了案例": 家 counts who published, not the 案例 (70个)
    return Decline("measure", "count")
