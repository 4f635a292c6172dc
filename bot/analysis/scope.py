"""Scope of a question: the year(s) and the place it asks about.

Years: "2023年", "23年", "二〇二三年" (numerals converted first), and 今年 / 去年 / 前年 /
大前年 / 明年 resolved against today's date in Asia/Shanghai; "上一年" / "比上年" ask for the
year before the one in question (a comparison). Places: whole names of the gazetteer
(bot/analysis/places.py: provinces, cities, counties and districts, countries), never text
fragments; scopes wider than a city (全国, 全省); counties and districts asked for a breakdown.
Which of these a pack covers is decided later, from the packs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.analysis.places import WIDER, gazetteer
from bot.text.normalize import words_re

try:
    from zoneinfo import ZoneInfo

    _SHANGHAI: dt.tzinfo = ZoneInfo("Asia/Shanghai")
except Exception:  # no tz database: China has had no daylight saving time since 1991
    _SHANGHAI = dt.timezone(dt.timedelta(hours=8))

_YEAR_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?!年?度?版)(?:年|年度)?(?![\d.%万项件家个台处条类种名起次人元多余来])"
)  # 2023年版: a name
_RELATIVE = (
    ("大前年", -3),
    ("前年", -2),
    ("去年", -1),
    ("上一年度", None),
    ("今年", 0),
    ("本年度", 0),
    ("明年", 1),
    ("后年", 2),
)
_RELATIVE_RE = re.compile("|".join(w for w, _ in _RELATIVE))
_PREVIOUS_RE = re.compile(r"上(?:一|1)年|上年|前(?:一|1)年|上个年度|比去年同期")
_BOTH_RE = re.compile(
    r"(?:两|2)年(?:各|分别|都|的|间|来|对比|比较)|这(?:两|2|几)年|历年|每年|逐年|各年|近几年|(?:两|2)个年度"
)


def year_words(text: str) -> list[str]:
    """The years a cleaned, numeral-converted text names, as written ("2022年", "前年"), in order."""
    found = list(_YEAR_RE.finditer(text))
    found += [m for m in _RELATIVE_RE.finditer(text) if dict(_RELATIVE)[m.group(0)] is not None]
    return [m.group(0) for m in sorted(found, key=lambda m: m.start())]


def today_in_china() -> dt.date:
    return dt.datetime.now(_SHANGHAI).date()


@dataclass(frozen=True)
class Scope:
    years: tuple[int, ...] = ()  # explicit or resolved years, in the order written
    relative: str = ""  # the relative word used (去年), for the reply
    previous: bool = False  # "比上一年" / "上一年": the year before the one asked
    all_years: bool = False  # "两年分别", "历年"
    places: tuple[str, ...] = ()  # cities, provinces, countries named
    wider: str = ""  # 全国 / 全省 when asked about a wider scope
    counties: tuple[str, ...] = ()  # counties or districts named
    spans: tuple[tuple[int, int], ...] = ()  # where the scope words stand (removed before matching)


# A wider scope, not the first word of a name (中央电视台, 全国法治政府建设示范市, 省政府办公厅).
_WIDER_RE = re.compile(
    f"(?:{words_re(WIDER).pattern})(?!电视台|台|广播|法治政府建设示范|模范|先进|优秀|政府办公厅|新时代)"
)


# A place where someone lives or works ("住在长沙青石岭开了个早餐摊", "老家在常宁市开了个小超市"):
# 在 (or 住/老家) before it, a verb of living or working after it, a village's name between.
_LIVED_BEFORE_RE = re.compile(r"(?:住|家|老家|老家是)?在$|家住$|老家是?$")
_LIVED_AFTER_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:开了|开个|开家|开间|开出租|开店|种了|种地|种田|跑长途|跑车|跑运输|送外卖|送快递|摆了|摆摊|"
    r"打工|上班|工作|读书|读大学|当老师|当兵|卖|修|帮工|带孩子|养猪|养鸡|踩缝纫机|做生意|做木匠|做事|住|生活|退休)"
)


def _lived_in(text: str, start: int, end: int) -> bool:
    return bool(_LIVED_BEFORE_RE.search(text[max(0, start - 3) : start])) and bool(
        _LIVED_AFTER_RE.match(text[end : end + 14])
    )


def find_scope(text: str, today: dt.date | None = None) -> Scope:
    """The scope words of a cleaned, numeral-converted question."""
    today = today or today_in_china()
    years: list[int] = []
    spans: list[tuple[int, int]] = []
    relative = ""
    for m in _YEAR_RE.finditer(text):
        years.append(int(m.group(1)))
        spans.append(m.span())
    for m in _RELATIVE_RE.finditer(text):
        offset = dict(_RELATIVE)[m.group(0)]
        if offset is None:
            continue
        years.append(today.year + offset)
        relative = relative or m.group(0)
        spans.append(m.span())
    previous = bool(_PREVIOUS_RE.search(text))
    places: list[str] = []
    counties: list[str] = []
    for found in gazetteer().find(text):
        if _lived_in(text, found.start, found.end):
            continue  # "我二舅在道县开出租车": where someone of the story lives or works
        (counties if found.level == "county" else places).append(found.text)
    wider = _WIDER_RE.search(text)
    return Scope(
        tuple(dict.fromkeys(years)),
        relative,
        previous,
        bool(_BOTH_RE.search(text)),
        tuple(dict.fromkeys(places)),
        wider.group(0) if wider else "",
        tuple(dict.fromkeys(counties)),
        tuple(spans),
    )
