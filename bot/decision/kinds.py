"""What a figure claims, against what is asked: a target (目标, 力争, 到2025年) answers only a
question worded as a target; a change (同比增长6.9%, 较上年增加600余件) never answers a plain
"how many"; a result never answers a question about a target.

`rule_figure_kind` is one of the decline rules (bot/decision/rules.py RULES). The figure's kind
comes from the report (reporttext.figure_role) for a report clause, and from the entry's own
words for a curated or drafted metric (a drafted target's name says 目标).
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.decision.decline import Decline
from bot.knowledge.reporttext import TARGET_ASKED_RE, figures_of

# A question about a change: 同比, 比上年, 增长了多少, 下降多少, 变化.
CHANGE_ASKED_RE = re.compile(
    r"同比|环比|较上年|比上年|比去年|较去年|上一年|上年|增长|增加|增幅|增速|降幅|下降|减少|提高|降低|上升|"
    r"回落|下滑|变化|变了|变动|涨|降了|升了|升高|升幅|翻了|多了|少了|多出|幅度|压缩|缩短|缩减|砍掉|砍了|减掉"
)


# ... asked outright: a level (82.5%) does not answer "比上年提高了多少".
CHANGE_STRONG_RE = re.compile(
    r"同比|环比|较上年|比上年|比去年|较去年|(?:比|较|跟|和)(?:(?:上|前)[一1]年|上年度)|增幅|降幅|变化|"
    r"(?:增长|增加|下降|减少|提高|降低|上升)了?(?:多少|几|百分之几)"
)


def choice_role(choice) -> str:
    """achieved | target | change | rank for the figure a choice answers ("" for none)."""
    if choice is None or not choice.figure_value:
        return ""
    figure = getattr(choice.candidate, "figure", None)
    if figure is not None and getattr(figure, "value", None) == choice.figure_value:
        return figure.role
    # A curated or drafted entry: its evidence is its name, answer, source and phrasings; the
    # source sentence (or a drafted target's name) says 目标 / 力争 / 到2025年 before the figure.
    roles = [f.role for f in figures_of(choice.text) if f.value == choice.figure_value]
    for role in ("target", "change", "rank"):
        if role in roles:
            return role
    return "achieved"


def rule_figure_kind(a: Analysis, choice, ctx) -> object | None:
    """A target given for a plain question (or a result for a target asked), or a change given
    for a count: declined, with the nearest content shown, never as the answer."""
    role = choice_role(choice)
    if not role:
        return None
    text = a.text
    asked_target = bool(TARGET_ASKED_RE.search(text))
    if role == "target" and not asked_target:
        return Decline("unstated", "实际完成情况")
    if asked_target and role in ("achieved", "change") and "目标" not in choice.text:
        return Decline("unstated", "目标")
    if role == "achieved" and CHANGE_STRONG_RE.search(text):
        # "比上一年多了吗", "增加了多少": a change asked; a level is no answer, whether or not its
        # sentence states a change beside it
        return Decline("unstated", "变化幅度")
    offered = "还是" in text and any(n.percent for n in a.numbers)  # "是百分之四十点二一呢还是一两成"
    if role == "change" and a.wants_figure and not CHANGE_ASKED_RE.search(text) and not a.intent.yes_no and not offered:
        return Decline("unstated", "总数")
    return None
