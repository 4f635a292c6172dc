"""Numbers in a question: exact figures ("4400台", "是不是6项") and rough ones to confirm
("一万多项", "四千来件", "三千左右", "不到九成", "超过60%", "过半"), each as a range.

Works on the cleaned, numeral-converted text (`normalize.convert_numerals`): "一万多" arrives
as "1万多". `compare(asked, figure)` says whether a report figure falls in the asked range:
True, False, or None when the two overlap only in part ("近200" against "两百多").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.analysis.check_words import checked_after
from bot.text.normalize import clean, convert_numerals
from bot.text.units import FIGURE_UNITS

INF = math.inf
_BELOW = (
    "不到",
    "不足",
    "少于",
    "低于",
    "没到",
    "没有到",
    "没有",
    "没达到",
    "未到",
    "不超过",
    "没超过",
    "没有超过",
    "不满",
    "没得",  # dialect 没有 ("没得九成吧"): below it
    "冇得",
)
_ABOVE = ("超过", "超出", "多于", "高于", "不少于", "至少", "突破", "不止", "不只", "不下", "过", "破", "超", "逾")
_NEAR = ("接近", "将近", "差不多", "快要", "快", "近")
_ABOUT = ("大概", "大约", "约", "大致", "估计")
_REACH = ("有没有", "达到", "达没达到", "到没到", "够", "有")
# Said to be that very number ("正好200处", "整整有4600件"): a figure written roughly is not it.
EXACTLY_WORDS = ("正好", "整整", "刚好", "恰好", "恰恰", "不多不少", "一个不多")
_EXACTLY_RE = re.compile(rf"(?:{'|'.join(EXACTLY_WORDS)})(?:是|有|就是)?$")
_ONLY = ("只", "才", "仅")
# A hedge said before 有/是 ("差不多有三万", "大概是四千"): the range the hedge gives, not "at least".
_HEDGED_RE = re.compile(rf"(?P<hedge>{'|'.join(sorted(_NEAR + _ABOUT, key=len, reverse=True))})(?:就)?(?:有|是|在)$")
_LEADS = sorted(_BELOW + _ABOVE + _NEAR + _ABOUT + _REACH, key=len, reverse=True)
# Units of several characters first, so "个百分点" is not read as "个".
_UNITS = ("个百分点", "人次", "万元", "亿元", "个亿", *FIGURE_UNITS, "元", "成", "%")
# "有没有超过六成" asks whether it is over 60%: its 没有超过 is not "not over"
# a lead may carry its aspect ("过了九成", "超过了90%": still over)
_LEAD_GROUP = (
    "(?:(?P<lead>"
    + "|".join(("(?<!有)" if w.startswith("没") else "") + re.escape(w) for w in _LEADS)
    + "|上(?=[百千万亿]|10{2,}(?![\\d.])|1[万亿]))了?)?"  # "上亿了", "上万", "上百" (上100 once converted): that magnitude reached
)
_NUMBER_RE = re.compile(
    _LEAD_GROUP
    + r"(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十两半]|(?<=[过破上])(?=[百千万亿]))"  # "过千", "破万": one of that
    r"(?P<mag>万|亿|千|百)?(?P<more>多|余|来|几)?(?P<mag2>万|亿)?"
    "(?P<unit>" + "|".join(map(re.escape, _UNITS)) + ")?"
    r"(?:(?<=成)(?P<tenth>[一二三四五六七八九](?![十百千万])|\d(?![\d.]))|(?<=[成%])(?P<more2>多|几))?"
    r"(?P<tail>左右|上下|以上|以下|以内|出头|开外|那么多|这么多)?"
)
# An act carried up to a number ("配到", "建到"): reaching it; a change's 到 ("上升到") gives its value.
_REACHED_RE = re.compile(r"(?<![不没未])[^\W\d升降增加减涨跌长高低达一二三四五六七八九十百千万亿几]到$")
# A relation said after the number ("一半都没到", "五千件不到吧", "九成都超过了", "四千件有了吧"):
# the same range as when said before it. A bare 没有 only with 都/也/还 or before 吧 ("八成都没有");
# at the end of a question it asks ("四千件没有？" = 有没有四千件).
_TRAIL_RE = re.compile(
    r"(?P<mark>都|也|还|早就|已经)?"
    r"(?:(?P<below>不到|没到|没有到|没达到|没超过|没有超过|不足|不够|不满)"
    r"|(?P<above>超过了|超过|超出了|突破了|过了)"
    r"|(?P<reach>有没有|有了没|到没到|达没达到|够不够|有了|到了|达到了|够了)"
    r"|(?P<none>没有|没)(?=[吧啊呀呢]|$|[，,。？?！!])|(?P<marked_none>(?<=[都也])(?:没有|没))(?=吗))"
)


# "一个" after a verb's 了/过 and before a description of what it names ("出了一个管资江两岸
# 风貌的规定"), or before 什么/哪; "新增了一个联系点吗" counts one.
_ARTICLE_AFTER_RE = re.compile(r"[\u4e00-\u9fff][了过]$")
_ARTICLE_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}的[\u4e00-\u9fff]")


# "有没有专门出一个管理办法": a one inside a check of whether a thing exists introduces it (never
# "有没有只出一个").
_EXISTS_BEFORE_RE = re.compile(
    r"(?:有没有|有冇得?|有木有|是否有?|有无)(?![\u4e00-\u9fff]*[只仅就才])[\u4e00-\u9fff]{0,6}$"
)


def article(text: str, start: int, end: int) -> bool:
    """Whether a one ("一个", "一项") only introduces what follows, counting nothing."""
    if re.match(r"什么|啥|哪", text[end : end + 2]):
        return True
    if _EXISTS_BEFORE_RE.search(text[max(0, start - 12) : start]) and re.match(r"[\u4e00-\u9fff]{2}", text[end:]):
        return not re.match(r"都|也", text[end:])
    return bool(_ARTICLE_AFTER_RE.search(text[max(0, start - 2) : start])) and bool(_ARTICLE_BEFORE_RE.match(text, end))


def _trailing(text: str, end: int) -> tuple[str, int]:
    """The lead a relation said right after a number stands for, and where it ends ("", end) when none."""
    m = _TRAIL_RE.match(text, end)
    if not m:
        return "", end
    if m.group("none") and not m.group("mark") and not text.startswith("吧", m.end()):
        return "有", m.end()  # "四千件没有？": whether it reaches that many
    if m.group("below") or m.group("none") or m.group("marked_none"):
        return "不到", m.end()
    return ("超过", m.end()) if m.group("above") else ("有", m.end())


# "还没到一半", "有没有一半", "过半": the leads of any number.
_HALF_RE = re.compile(_LEAD_GROUP + r"(?:一半|半数)(?P<more>多|出头|还多|以上)?|(?P<over>过半)")
# "四分之一", "三分之二": a share, read as a percentage give or take one point
_FRACTION_RE = re.compile(r"(?P<den>[二两三四五六七八九十])分之(?P<num>[一二两三四五六七八九])")
_FRACTION_SLACK = 1.0
# "翻了一倍还多", "翻了一番": a rise of 100% (more than that with 还多/多)
_DOUBLED_RE = re.compile(r"(?:翻了?|增长了?|增加了?|涨了?)(?:一|1)(?:倍|番)(?P<more>还多|多|以上)?")
# "涨幅不到一倍", "增幅超过一倍": a change of 100%, bounded by its lead
_TIMES_RISE_RE = re.compile(
    r"(?:涨幅|增幅|升幅|上升|增长|涨)[^，,。？?！!\d]{0,3}?(?P<lead>不到|没到|没有|超过|不止|至少|有|达到)?(?P<times>(?:一|1)倍)(?!多|还多|以上)"
)
_BELOW_LEADS = ("不到", "没到", "没有")
_MAGNITUDES = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "十": 10.0, "个亿": 1e8, "": 1.0}
CN_DIGITS = "一二三四五六七八九十"


def _numeral(char: str) -> int:
    """The value of one numeral character (两 as 二)."""
    return CN_DIGITS.index(char.replace("两", "二")) + 1


@dataclass(frozen=True)
class AskedNumber:
    text: str  # as it stands in the (converted) question
    low: float
    high: float  # the asked range [low, high]; INF when open
    percent: bool
    unit: str  # the unit character(s) asked in, "" when none
    exact: bool  # a plain number ("6项", "85%"), not a rough one
    start: int = 0
    end: int = 0
    anchor: float = 0.0  # the number said roughly about ("两千来万", "三千左右"): 0 when none
    strict: bool = False  # said to be that very number ("正好200处", "整整4600件"): no rough figure is it


def _step(number: float) -> float:
    """The place of the last non-zero digit: 4600 → 100, 1.5 → 0.1, 2000 → 1000."""
    if number <= 0:
        return 1.0
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))


ABOUT_POINTS = 5.0  # percentage points either side of a share said to be "about" it


def _range(lead: str, value: float, more: str, tail: str, exact_step: float) -> tuple[float, float, bool]:
    """(low, high, exact) for what the question writes."""
    step = exact_step
    if more in ("多", "余", "几") or tail in ("出头", "开外"):
        return value, value + step - step * 1e-6, False  # "九十几": short of the next ten (100% is not)
    if more == "来":  # "一千来项": about a thousand, a little over rather than under
        return value * 0.9, value + max(step / 5, value * 0.2), False
    if lead in _BELOW:
        return 0.0, value - max(value * 1e-6, 1e-6), False  # 没到100%: 100% itself is not below it
    if tail in ("以下", "以内"):
        return 0.0, value, False
    if lead in _ABOVE or lead == "上" or tail == "以上":  # "上亿了": at least a hundred million
        return value, INF, False
    if lead in _NEAR:
        return value * 0.85, value, False
    if lead in _ABOUT or tail in ("左右", "上下"):
        return value * 0.85, value * 1.15, False
    if lead in _REACH or tail in ("那么多", "这么多"):
        return value * 0.95, INF, False
    return value, value, True


_UNIT_GROUP = "(?P<unit>" + "|".join(map(re.escape, _UNITS)) + ")?"
# Two numbers said as a span ("3000到4000家", "两到三个" once converted: "2到3个").
_SPAN_RE = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)(?P<amag>万|千|百)?(?:到|至|-|~|～)(?P<b>\d+(?:\.\d+)?)(?P<mag>万|亿|千|百)?" + _UNIT_GROUP
)
# Two neighbouring numerals said together ("两三个", "三四千家", "七八十个"): one or the other.
_PAIR_RE = re.compile(r"(?P<pair>一两|两三|二三|三四|三五|四五|五六|六七|七八|八九)(?P<mag>十|百|千|万)?" + _UNIT_GROUP)


def _spans(text: str) -> list[AskedNumber]:
    """The numbers said as a span or a pair of numerals, each a rough range; a pair with a
    magnitude reaches half way to the next one ("五六千" is 5000 to 6500)."""
    found = []
    for m in _SPAN_RE.finditer(text):
        scale = _MAGNITUDES[m.group("mag") or ""]
        low = float(m.group("a")) * (_MAGNITUDES[m.group("amag")] if m.group("amag") else scale)
        high = float(m.group("b")) * scale
        unit = m.group("unit") or ""
        if low < high and ((unit and unit != "次") or m.group("mag")):
            found.append(AskedNumber(m.group(0), low, high, unit == "%", unit, False, m.start(), m.end()))
    for m in _PAIR_RE.finditer(text):
        first, second = (_numeral(c) for c in m.group("pair"))
        scale = _MAGNITUDES[m.group("mag") or ""]
        unit = m.group("unit") or ""
        if unit == "成":  # "七八成": 70% to 80%
            found.append(AskedNumber(m.group(0), first * 10.0, second * 10.0, True, "", False, m.start(), m.end()))
        elif (unit and unit != "次") or m.group("mag"):  # "跑两三次" names how often, not a figure
            high = (second + 0.5) * scale if scale > 1 else second
            found.append(AskedNumber(m.group(0), first * scale, high, unit == "%", unit, False, m.start(), m.end()))
    return found


# "四个里面和解一个" (4个里面…1个 once converted): a share, as "四分之一" is.
_OUT_OF_RE = re.compile(r"(?P<den>\d+)个(?:里面|里头|当中|之中|中)(?:有)?[\u4e00-\u9fff]{0,4}?(?P<num>\d+)个")


def _shares(text: str) -> list[AskedNumber]:
    """Shares said as so many out of so many, about that share (within ABOUT_POINTS)."""
    found = []
    for m in _OUT_OF_RE.finditer(text):
        den, num = int(m.group("den")), int(m.group("num"))
        if 0 < num < den:
            share = 100 * num / den
            found.append(
                AskedNumber(
                    m.group(0), share - ABOUT_POINTS, share + ABOUT_POINTS, True, "%", False, m.start(), m.end()
                )
            )
    return found


def states_number(clause: str) -> bool:
    """Whether a clause, as typed, states an amount ("有358项", "近二万件", "五个", "百分之九十三")."""
    return bool(find_numbers(convert_numerals(clean(clause))))


# After 一 and its counter, a negated verb of leaving out: all of them ("一个都没缺", "一个也没落下").
_EVERY_ONE_RE = re.compile(r"(?:都|也)(?:没有?|不)(?:缺|落|漏|少|掉|拉)")


def find_numbers(text: str) -> list[AskedNumber]:
    """Every number the question writes, with the range it asks about."""
    found: list[AskedNumber] = _spans(text) + _shares(text)
    spanned = [(n.start, n.end) for n in found]
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start("num") < e for s, e in spanned):
            continue  # a number of a span read above
        raw = m.group("num") or "1"  # "过千": over one thousand
        unit = m.group("unit") or ""
        if raw in CN_DIGITS + "两半":
            teens = raw == "十" and m.group("more") and unit  # "十几项", "十多个"
            if unit != "成" and not teens:
                continue  # a lone numeral word is not a figure unless it is 成 (九成)
            raw = str(CN_DIGITS.index(raw) + 1) if raw in CN_DIGITS else "2"
        after = text[m.end("num") : m.end("num") + 1]
        if after == "年" and len(raw) == 4:
            continue  # a year
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        if before in ("第", "哪") or (before == "头" and raw == "1") or (before.isascii() and before.isalpha()):
            continue  # an ordinal ("第7次", "头一批"), "哪一项" (which one) or a name (cctv13)
        if raw == "1" and _EVERY_ONE_RE.match(text, m.end()):
            continue  # "一个都没缺", "一件也不落": every one of them, no amount
        mag = (m.group("mag") or "") + (m.group("mag2") or "")
        if unit == "个亿":
            mag, unit = "亿", ""
        scale = 1.0
        for char in mag:
            scale *= _MAGNITUDES[char]
        number = float(raw)
        percent = unit in ("%", "成", "个百分点")
        tenth = m.group("tenth")
        if unit == "成":  # 九成 = 90%, 九成三 = 93%, 五成多 = over 50%
            number, scale = number * 10, 1.0
            if tenth:
                number += int(tenth) if tenth.isdigit() else _numeral(tenth)
        value = number * scale
        if before == "几" and raw in ("10", "100", "1000", "10000") and not mag:
            # "几百台" (几100 once converted): some hundreds, a rough range
            found.append(
                AskedNumber("几" + m.group(0), value * 2, value * 10, percent, unit, False, m.start() - 1, m.end())
            )
            continue
        lead, end = m.group("lead") or "", m.end()
        strict = _EXACTLY_RE.search(text[max(0, m.start() - 6) : m.start()]) is not None
        if strict and lead in _REACH:
            lead = ""  # "正好有200处": that very number, not "at least"
        hedged = _HEDGED_RE.search(text[max(0, m.start() - 5) : m.start() + len(lead)]) if lead in ("", "有") else None
        if hedged:
            lead = hedged.group("hedge")  # "差不多有三万人次": near it
        if not lead and _REACHED_RE.search(text[max(0, m.start() - 2) : m.start()]):
            lead = "达到"  # "配到四千台", "有没有建到两百处": reaching it, not that very number
        if not lead:
            lead, end = _trailing(text, end)
        elif lead == "有" and (before in _ONLY or checked_after(text[end:])):
            # "只有80几%": only that much; "联系点新加有二个，对不对": the amount stated, not
            # "at least" (which only a question of reaching asks: "有两千件吗")
            lead = ""
        low, high, exact = _range(
            lead,
            value,
            m.group("more") or m.group("more2") or "",
            m.group("tail") or "",
            _step(number) * scale,
        )
        if percent and (lead in _ABOUT or m.group("tail") in ("左右", "上下")):
            # "百分之九十左右": a share about X is within a few points of it (100% is not about 90%)
            low, high = value - ABOUT_POINTS, value + ABOUT_POINTS
        if exact and not unit and not mag and not percent:
            continue  # a bare number without unit is not a figure to check ("第7次" aside)
        if exact and value == 1 and article(text, m.start(), m.end()):
            continue  # "入围了全国的一个什么名单", "出了一个管资江的规定": an article, no count of one
        about = (m.group("more") in ("来", "多", "余") or m.group("tail") in ("左右", "上下")) and lead in ("", *_ABOUT)
        found.append(
            AskedNumber(
                text[m.start() : end],
                low,
                high,
                percent,
                "" if unit == "成" else unit,
                exact,
                m.start(),
                end,
                value if about and not exact else 0.0,
                strict and exact,
            )
        )
    for m in _HALF_RE.finditer(text):
        lead, end = ("过" if m.group("over") else m.group("lead") or ""), m.end()
        if not lead and not m.group("more"):
            lead, end = _trailing(text, end)
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        if lead == "有" and before in _ONLY:
            lead = ""  # "只有一半": about half, as stated, not "at least half"
        if lead in _ABOVE or lead in _REACH:
            low, high = 50.0, INF
        elif lead in _BELOW or lead in _NEAR:
            low, high = 0.0, 50.0  # "不到一半", "接近一半"
        else:
            low, high = 50.0 - ABOUT_POINTS, 50.0 + ABOUT_POINTS  # "一半", "一半左右": about half
        if m.group("more") == "以上" and not lead:
            low, high = 50.0, INF  # "半数以上"
        elif m.group("more") and lead not in _BELOW:
            low, high = 50.0, 200 / 3  # "一半多一点": more than half, short of two thirds
        found.append(AskedNumber(text[m.start() : end], low, high, True, "%", False, m.start(), end))
    for m in _DOUBLED_RE.finditer(text):
        high = INF if m.group("more") else 100.0
        found.append(AskedNumber(m.group(0), 100.0, high, True, "%", False, m.start(), m.end()))
    for m in _TIMES_RISE_RE.finditer(text):
        if any(n.start <= m.start("times") < n.end for n in found):
            continue
        lead = m.group("lead") or ""
        low, high = (0.0, 99.99) if lead in _BELOW_LEADS else (100.0, INF) if lead else (100.0, 100.0)
        found.append(AskedNumber(m.group("times"), low, high, True, "%", False, m.start("times"), m.end()))
    for m in _FRACTION_RE.finditer(text):
        den, num = (_numeral(c) for c in (m.group("den"), m.group("num")))
        if num < den:
            share = 100 * num / den
            found.append(
                AskedNumber(
                    m.group(0), share - _FRACTION_SLACK, share + _FRACTION_SLACK, True, "%", False, m.start(), m.end()
                )
            )
    return sorted(found, key=lambda n: n.start)


def figure_range(number: float, scale: float, qualifier: str | None) -> tuple[float, float]:
    """The range a report figure stands for: 4600余 → [4600, 4700), 近200 → [170, 200]."""
    value = number * scale
    step = _step(number) * scale
    if qualifier in ("余", "多"):
        return value, value + step
    if qualifier == "近":
        return value * 0.85, value
    if qualifier == "约":
        return value * 0.9, value * 1.1
    if qualifier in ("超过", "逾"):
        return value, value + step
    if qualifier == "不足":
        return value * 0.85, value
    return value, value


def compare(asked: AskedNumber, low: float, high: float) -> bool | None:
    """Does the report's range [low, high] fall in the asked range? None when unclear."""
    tolerance = 1e-9
    if asked.exact:
        if abs(low - high) < tolerance:
            return abs(asked.low - low) < tolerance
        if asked.strict:
            return False  # "是正好200处吗" of 近200处: the report writes no exact number
        return True if asked.low >= low - tolerance and asked.low <= high + tolerance else False
    inside = low >= asked.low - tolerance and high <= asked.high + tolerance
    if inside:
        return True
    if asked.anchor and high > low and abs(asked.anchor - low) < tolerance:
        return True  # "两千来万" of 2000余万元: two rough numbers said about the same one
    if asked.anchor and high > low and asked.low < asked.anchor - tolerance and abs(asked.anchor - high) < tolerance:
        return True  # "两百来处" of 近200处: said about it either side (never "两百多处", above it)
    if high < asked.low - tolerance or low > asked.high + tolerance:
        return False
    if high == low:
        return asked.low - tolerance <= low <= asked.high + tolerance
    # Partial overlap: the report's figure is "rough" too; judge by where most of it lies.
    overlap = min(high, asked.high) - max(low, asked.low)
    share = overlap / (high - low)
    if share >= 0.8:
        return True
    if share <= 0.2:
        return False
    return None


def written_figure(numbers: tuple[AskedNumber, ...], value: str) -> AskedNumber | None:
    """The number of a message that writes a figure as the report does, with its unit and
    qualifier ("四千四百台" of 4400台, "3000余项" of 3000余项; "三千项左右" is none), or None."""
    found = find_numbers(value)
    if not found:
        return None
    figure = found[0]
    return next(
        (
            n
            for n in numbers
            if n.unit == figure.unit
            and n.percent == figure.percent
            and abs(n.low - figure.low) < 1e-9
            and abs(n.high - figure.high) < 1e-9
            and n.exact == figure.exact
        ),
        None,
    )


def writes_figure(numbers: tuple[AskedNumber, ...], value: str) -> bool:
    """Whether a message's numbers write a figure as the report does (`written_figure`)."""
    return written_figure(numbers, value) is not None
