"""Scope of a question: the year(s) and the place it asks about.

Years: "2023年", "23年", "二〇二三年" (numerals converted first), and 今年 / 去年 / 前年 /
大前年 / 明年 resolved against today's date in Asia/Shanghai; "上一年" / "比上年" ask for the
year before the one in question (a comparison). Places: other cities, provinces and
countries, scopes wider than a city (全国, 全省), and counties asked for a breakdown.
Which of these a pack covers is decided later, from the packs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.analysis.places import CITIES, COUNTIES, COUNTRIES, PROVINCES, WIDER

try:
    from zoneinfo import ZoneInfo

    _SHANGHAI: dt.tzinfo = ZoneInfo("Asia/Shanghai")
except Exception:  # no tz database: China has had no daylight saving time since 1991
    _SHANGHAI = dt.timezone(dt.timedelta(hours=8))

_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:年|年度)?(?![\d.%万项件家个台处条类种名起次人元多余来])")
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


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


_PLACE_RE = _alternation(PROVINCES + CITIES + COUNTRIES)
_WIDER_RE = _alternation(WIDER)
_COUNTY_RE = _alternation(COUNTIES)
_COUNTY_SHAPE_RE = re.compile(
    r"(?:^|[的在和与及、])?([\u4e00-\u9fff]{2}(?:区|县|旗))(?![\u4e00-\u9fff]{0,1}(?:建设|政府|示范))"
)
_NOT_COUNTIES = (
    "城区",
    "园区",
    "社区",
    "小区",
    "地区",
    "辖区",
    "景区",
    "新区",
    "市区",
    "校区",
    "营区",
    "片区",
    "湖区",
    "山区",
    "矿区",
    "林区",
    "示范区",
    "开发区",
    "全区",
    "本区",
    "全县",
    "本县",
    "各区",
    "各县",
    "郊区",
    "老区",
    "边区",
    "禁区",
    "误区",
    "灾区",
    "县区",
    "区县",
    "城县",
    "乡县",
    "进县",
    "范县",
    "强县",
    "大县",
    "进区",
    "范区",
    "点区",
    "验区",
    "范市",
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
    places = []
    for m in _PLACE_RE.finditer(text):
        places.append(m.group(0))
    counties = [m.group(0) for m in _COUNTY_RE.finditer(text)]
    for m in _COUNTY_SHAPE_RE.finditer(text):  # a county of a place the gazetteer does not know (松桥区)
        name = m.group(1)
        if (
            name not in counties
            and not any(name in c or c in name for c in counties)
            and not name.endswith(_NOT_COUNTIES)
            and not _PLACE_RE.fullmatch(name)
            and not name.startswith(("哪", "这", "那", "每", "各", "全", "本", "该", "某", "一", "两", "个", "几"))
        ):
            counties.append(name)
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
