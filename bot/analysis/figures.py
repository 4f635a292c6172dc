"""Figure lookup: a query that is a figure of the report ("6125", "74.1%", "4400台")
is answered with what that figure measures."""

from __future__ import annotations

import re

from bot.knowledge.model import Entry
from bot.text.normalize import drop_filler

_FIGURE_RE = re.compile(
    r"(?:近|约)?(\d+(?:\.\d+)?)(?:余|多)?(万)?(?:余|多)?(%)?"
    r"(人次|个?方面|万元|万项|万件|[项件家个台处条类种名起次人元])?"
)
# What may surround a bare figure: "4400台是什么", "74.1%指的是", "6125这个数字".
_RESIDUE_RE = re.compile(
    r"^(?:指|代表|表示|是|说|讲|数字|数据|意思|含义|对应|这|那|个|说明|意味着|啥|什么|一|下|哪|项|指标|统计|干嘛|干啥|事项|事情|东西|的|余|多|哪些|哪个|方面|数量|数目|数值|"
    # "13355后面跟的是啥单位" (its unit, which the figure answers), "5100多是什么人的数"
    r"后面|后头|跟|带|单位|量词|用|数|人)*$"
)


def _canonical(number: float, wan: bool, percent: bool) -> str:
    """One spelling per figure: 7.5万 and 75000 are both '75000'; 74.1% is '74.1%'."""
    value = round(float(number) * (10000 if wan else 1), 6)
    text = str(int(value)) if value.is_integer() else f"{value:g}"
    return text + ("%" if percent else "")


def figure_key(entry: Entry) -> str | None:
    """'75000', '74.1%', '6125' … for a metric; None for a metric without a figure."""
    if entry.number is None or not re.search(r"\d", entry.value):
        return None
    return _canonical(entry.number, entry.unit.startswith("万"), entry.unit == "%")


# A question about a quoted figure: "6125家企业是怎么回事", "317万元是什么钱", "4600多件说的是什么案件".
_REPORT_SAYS_RE = re.compile(
    r"(?:这份|这个|那份)?(?:报告|文件|文中|原文|上面|里面)(?:里|中|上|里面|上面|里头)?(?:说|提|写|讲)(?:到|了)?的?"
)
_WHAT_IS_RE = re.compile(r"是什么|是啥|什么意思|怎么回事|咋回事|说的是|指的是|指什么|是指|代表什么|干嘛|干啥|是哪")
# "是人数还是钱", "那个数是人数还是别的什么", "是罚的钱还是免的钱啵": which of two kinds a figure is.
_KIND_CHOICE_RE = re.compile(
    r"(?:(?:这个|那个|这|那)?(?:数字|数据|数))?(?:是|指|说的是)?[\u4e00-\u9fff]{1,12}还是[\u4e00-\u9fff]{1,12}?[呢啊呀吗啵哦咯]*"
)
# Words pointing at a few things right before their count ("后面两个", "哪两家", "这三项").
_KIND_ASKED_RE = re.compile(
    r"(?:哪个|哪些|哪几个|哪一个|什么|啥|哪类)(?:行业|领域|年龄段|年龄|职业|工种|性别|学历|规模)"
)
_POINTING_RE = re.compile(r"(?:哪|这|那|后面|前面|最后|其中|另外|剩下|头)$")
MAX_POINTED = 10
MAX_BEFORE_CHOICE = 3  # characters before a figure asked which kind it is ("那个")
_THIS_NUMBER_RE = re.compile(r"(?:这个|那个|这|那)?(?:数字|数据|数)")
_LIST_ASK_RE = re.compile(r"分别|哪些|哪几|具体|都有|都是|都叫|列一下|列出|列个|名单|完整|全部|所有|清单|名字|名称")


# Which member stands first is asked ("这六千多家企业里哪个行业的最多"), not what the figure is.
MOST_ASKED_RE = re.compile(r"最多|最高|最少|最低|最大|排第一|排名第一")


def parse_figure_query(text: str) -> tuple[str, str] | None:
    """If the (cleaned, numeral-converted) text is one figure, or asks what one figure with
    its unit is, return (key, unit char)."""
    # a year ("2023年同比是升了还是降了") is no figure of the report's
    matches = [m for m in _FIGURE_RE.finditer(text) if m.group(0) and not text.startswith("年", m.end())]
    if len(matches) > 1 and len({m.group(0) for m in matches}) == 1:
        # "“近2万件”说的是什么东西有近2万件": one figure, said again
        for again in reversed(matches[1:]):
            text = text[: again.start()] + text[again.end() :]
        matches = matches[:1]
    if len(matches) != 1:
        return None
    match = matches[0]
    said = _REPORT_SAYS_RE.match(text)
    if said and said.end() <= match.start():  # "报告里说的近200是什么": the number quoted of the report
        return parse_figure_query(text[said.end() :])
    if match.group(1) == "1" and not match.group(3):
        return None  # "保护一个湖的那个办法": 一个 is an article, not a figure to look up
    rest = text[match.end() :]
    if text[: match.start()].endswith("哪"):
        return None  # "具体是哪6项": which of the things counted, never what the figure is
    if _KIND_ASKED_RE.search(rest):
        return None  # "370名农民工主要是哪个行业的": a kind of its members, never what the figure is
    residue = drop_filler(text[: match.start()] + rest)
    if _RESIDUE_RE.match(residue):
        return _key(match)
    if _POINTING_RE.search(text[: match.start()]) and match.group(4) and float(match.group(1)) < MAX_POINTED:
        return None  # "后面2个是啥", "是哪2家组成的": the few things pointed at, not a figure
    asks_what = _WHAT_IS_RE.search(rest) and not _LIST_ASK_RE.search(rest) and not MOST_ASKED_RE.search(rest)
    if asks_what and (match.group(2) or match.group(3) or match.group(4) or _THIS_NUMBER_RE.match(rest)):
        # the figure comes first and is asked about, with its unit, as a percentage or as a
        # number ("4400这个数说的是什么")
        return _key(match)
    if _KIND_CHOICE_RE.fullmatch(drop_filler(rest)) and len(drop_filler(text[: match.start()])) <= MAX_BEFORE_CHOICE:
        # "370是人数还是钱", "那个两千多万是罚的钱还是免的钱": which kind of figure it is (a figure
        # with more before it is compared: "…案件比370个农民工讨回多还是少")
        return _key(match)
    return None


def _key(match: re.Match[str]) -> tuple[str, str]:
    number, wan, percent, unit = match.groups()
    return _canonical(float(number), bool(wan), bool(percent)), "方面" if (unit or "").endswith("方面") else (
        unit or ""
    )[-1:]


def index_figures(metrics: list[Entry]) -> dict[str, list[Entry]]:
    """Figure key → the metrics with that figure (built once per knowledge base)."""
    index: dict[str, list[Entry]] = {}
    for metric in metrics:
        key = figure_key(metric)
        if key is not None:
            index.setdefault(key, []).append(metric)
    return index


_WAN_DROPPED_RE = re.compile(r"[1-9]\d{2,3}|\d+\.\d+")


def metrics_with_figure(index: dict[str, list[Entry]], key: str, unit_char: str) -> list[Entry]:
    """Metrics whose figure is `key` (74.1 also finds 74.1%); narrowed by unit when given. A
    number people read off a figure written in 万 without it ("317那个数" of 317万余元, "7.5" of
    7.5万余项) finds that figure when no figure is the number itself; a short whole number
    ("2") is too common to stand for one."""
    found = index.get(key, []) + index.get(key + "%", [])
    if not found and _WAN_DROPPED_RE.fullmatch(key):
        found = [m for m in index.get(_canonical(float(key), True, False), []) if m.unit.startswith("万")]
    if unit_char:
        narrowed = [m for m in found if m.unit.endswith(unit_char)]
        if narrowed or len(unit_char) > 1:  # "五个方面" counts aspects: never 5个 立法联系点
            return narrowed
    return found


# "报告里有两个近200 分别说的是啥": one figure written more than once, each asked.
_EACH_OF_FIGURE_RE = re.compile(
    r"(?:[2-9]|几)个(?P<fig>(?:近|约)?\d+(?:\.\d+)?(?:余|多)?万?(?:余|多)?%?)[，,\s]*"
    r"(?:分别|各自|各|都)(?:说的|指的|讲的)?(?:是|指)?(?:啥|什么|哪些|哪个)"
)


def parse_each_figure(text: str) -> tuple[str, str] | None:
    """(key, unit char) of a figure the question says stands more than once and asks each of."""
    m = _EACH_OF_FIGURE_RE.search(text)
    if not m:
        return None
    inner = _FIGURE_RE.match(m.group("fig"))
    return _key(inner) if inner and inner.group(0) else None
