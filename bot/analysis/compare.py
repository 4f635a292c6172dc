"""Comparisons inside one report: "A和B哪个多", "A比B高吗", "A多还是B多".

`find_comparison(text)` returns the two subjects, each as a figure question of its own, and
the direction asked (more or less). The engine answers both figures side by side with their
sources; which is larger is said only where the two verbatim figures leave no doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.check_words import claim_end
from bot.analysis.numbers import find_numbers
from bot.text import lexicon
from bot.text.normalize import convert_numerals

_MORE = "多|高|大|长|快|强"
_LESS = "少|低|小|短|慢"
_DIR = f"(?:{_MORE}|{_LESS})"
_BI = (
    # 比 of a comparison, not of 同比 / 比例 / 比重 (比重大… compares), nor a change against
    # the time before ("比原来缩短了多少", "比以前快了")
    r"(?<![同相环对无])比(?![例率较上下]|重(?!大)|原来|以前|过去|往年|之前|从前|去年|前年)"
)
_JOIN = r"(?:和(?!解)|跟|与|(?<![合共相不认协如等一陪])同(?![比时步意])|(?<![涉普以危顾来])及(?![时格]))"
_PATTERNS = (
    # A和B(比)(一下)，哪个/谁(的X)(更)多
    re.compile(
        r"^(?P<a>.+?)[，,\s]*" + _JOIN + r"(?P<b>.+?)(?:相比|比较|比一比|比一下|" + _BI + r")?[，,\s]*"
        rf"(?:(?:二者|两者|这两项|这两个|这俩)(?:之中|当中|中|里)?(?:的)?(?:数量|数字)?(?:哪个|谁|孰)?|"
        rf"哪个|哪一个|哪项|哪样|哪种|哪类|谁|哪边|孰)(?:的)?(?P<what>[\u4e00-\u9fff]{{0,8}}?)(?:更|要|会)?(?P<dir>{_DIR})"
    ),
    # A多还是B多 / A高还是B高 (before 比: "…比原来缩短高还是…" names a subject, not a comparison)
    re.compile(
        rf"^(?P<a>.+?)(?:更|要)?(?P<dir>{_DIR})[，,\s]*还是(?P<b>.+?)(?:更|要)?{_DIR}(?:一些|一点|些|点)?[呢啊呀吧]*$"
    ),
    # A比B多/高(吗/还是少/不)
    re.compile(
        rf"^(?P<a>.+?){_BI}(?P<b>.+?)(?:更|要|还)?(?P<dir>{_DIR})"
        r"(?P<tail>吗|么|不|还是|呢|吧|$|[，,\s]*(?:对吧|对不对|对吗|是吧|是不是|没错吧|吧|吗))"
    ),
    # A和B(之间)差了多少, A和B差不多吗: both figures, never the difference
    re.compile(
        r"^(?P<a>.+?)[，,\s]*" + _JOIN + r"(?P<b>.+?)[，,\s]*(?:的)?(?:数量|数字|数)?(?:之间)?"
        r"(?:(?:相)?差(?:了|距)?(?:多少|几|好多|多大|有多大)|差不多|(?P<same>一样多|一样|相同|相等))(?P<dir>)"
    ),
    # A有没有B多/高: a claim that A is at least B
    re.compile(rf"^(?P<a>.+?)有没有(?P<b>.+?)(?:那么|这么)?(?P<dir>{_DIR})(?P<tail>吗|么|$)"),
)
_JOIN_RE = re.compile(_JOIN)
_JOINED_PAIRS = (_PATTERNS[0], _PATTERNS[3])  # the patterns whose two subjects stand around a join
# The measure named once after the second subject, which the first subject shares.
_SHARED_MEASURE_RE = re.compile(r"的([\u4e00-\u9fff]{0,4}(?:率|金额|人数|件数|数量|人次))$")
_OWN_MEASURE_RE = re.compile(
    r"(?:率|数|金额|人次|数量|案件|事项|案例|房间|上升|下降|增长|减少|增幅|降幅|[件项个家台处条类种名起次人元])$"
)
_TRIM_RE = re.compile(
    r"^(?:那|那么|请问|问下|问一下)|(?:是不是|是否|有没有|是)$|(?:的)?(?:数量|数字|(?<![家件项个人台起名次条类])数)?$"
)


@dataclass(frozen=True)
class Comparison:
    first: str  # a figure question for each subject
    second: str
    more: bool  # "哪个多" (True) or "哪个少" (False)
    claim: bool = False  # "A比B高吗": a check that A is the larger (or, with 少/低, the smaller)
    # the same two with the shared head first ("湘易办旗舰店里，业务应用多还是服务场景多"), or ""
    first_alt: str = ""
    second_alt: str = ""
    same: bool = False  # "A和B一样多吗": a claim that the two are equal


_COUNT_WORDS = frozenset("条目 数量 数字 数目 个数 数 项目 东西".split())
_COMPARED_THEN_MEASURE_RE = re.compile(r"^(.+?)(?:相比|比较|比)[，,\s]+([\u4e00-\u9fff]{1,4})$")
_COUNTED_RE = re.compile(r"^(?P<subject>.+?)的?(?P<unit>[家件项个人台起名次条类])数(?:量)?$")


# A subject said with its figure ("执法记录仪配了4400台"): the figure is what is compared; the
# verb that states it ("是", "有") goes with the figure.
_SAID_AS_RE = re.compile(r"(?:是|有|为|达到?)$")


def _question(subject: str, what: str) -> str:
    """A figure question for one subject; "企业家数" counts 企业 in 家 (never 企业家)."""
    digits = convert_numerals(subject)  # "配了四千四百台" as 配了4400台
    stated = find_numbers(digits)[-1:] if not what else []
    if stated and stated[0].end == len(digits) and (stated[0].unit or stated[0].percent):
        head = _SAID_AS_RE.sub("", digits[: stated[0].start])
        if len(head) >= 2:
            return head + ("是多少" if stated[0].percent else f"多少{stated[0].unit}")
    for number in reversed(find_numbers(digits)):
        rest = digits[: number.start] + digits[number.end :]
        if not number.exact and len(rest) >= 4:  # "讨回的三百多万工资": the amount told only describes it
            digits = subject = rest
    counted = _COUNTED_RE.match(subject) if not what else None
    if counted:
        return f"{counted.group('subject')}有多少{counted.group('unit')}"
    return f"{subject}{what}是多少"


def _subject(text: str) -> str:
    text = text.strip("，, ")
    for _ in range(2):  # "诉前调解成功率是不是" → 诉前调解成功率
        text = _TRIM_RE.sub("", text).strip("，, ")
    return text


def find_comparison(text: str) -> Comparison | None:
    """The two subjects of a comparison question, or None."""
    found = find_comparisons(text)
    return found[0] if found else None


def find_comparisons(text: str) -> list[Comparison]:
    """Every reading of a comparison question, the first pattern's first: "A跟B与C相比谁多"
    is read cut at each of its joins (A | B与C, A跟B | C); the caller keeps the reading whose
    two subjects both answer."""
    readings: list[Comparison] = []
    text = text.strip().rstrip("？?！!。.～~…，, ")
    end = claim_end(text)
    if 0 < end < len(text):  # "A比B还多，是这样吗": the claim before the tag, checked as "A比B还多吗"
        text = text[:end].rstrip("，, ") + "吗"
    for reading in _referred_readings(text):
        for pattern in _PATTERNS:
            m = pattern.search(reading)
            if not m:
                continue
            pairs = [(m.group("a"), m.group("b"))]
            if pattern in _JOINED_PAIRS:  # "A跟B与C": the pair cut at each join
                both = reading[m.start("a") : m.end("b")]
                pairs += [(both[: j.start()], both[j.end() :]) for j in _JOIN_RE.finditer(both) if j.start() > 0]
            found = [r for a, b in dict.fromkeys(pairs) if (r := _reading(m, _subject(a), _subject(b)))]
            if found:
                readings += [r for r in found if r not in readings]
                break
    return readings


# "A，B有没有它多": 它 is the subject of the clause before (its figure, when told, left out).
_IT_RE = re.compile(r"^(?P<a>[^，,]{2,30})[，,]\s*(?P<rest>[^，,]*?它(?!们)[^，,]*)$")
# "A和B，前面那个高吧": which of the two, by the order they were named.
_WHICH_OF_TWO_RE = re.compile(
    r"^(?P<a>[^，,]+?)" + _JOIN + r"(?P<b>[^，,]+?)[，,\s]*"
    r"(?:(?P<first>前面那个|前面的|前者|第一个|头一个)|(?P<second>后面那个|后面的|后者|第二个))"
    rf"(?:更|要)?(?P<rest>{_DIR}.*)$"
)


def referred(text: str) -> str:
    """The comparison with its pointing words replaced by what they point at."""
    return _referred_readings(text)[0]


def _referred_readings(text: str) -> list[str]:
    """The comparison with its pointing words replaced by what they point at, one reading per
    join "前面那个/后者" may split the two at ("实施规范和办事指南的发布率和调处成功率，前者高吧");
    the text itself when it points at nothing."""
    it = _IT_RE.match(text)
    if it:
        subject = it.group("a")
        digits = convert_numerals(subject)
        numbers = find_numbers(digits)
        if numbers and digits.endswith(numbers[-1].text):
            subject = digits[: -len(numbers[-1].text)]  # "柔性执法事项358项": the subject
        return [it.group("rest").replace("它", subject, 1)]
    which = _WHICH_OF_TWO_RE.match(text)
    if which is None:
        return [text]
    both = text[: which.end("b")]
    readings = []
    for join in _JOIN_RE.finditer(both):
        a, b = both[: join.start()], both[join.end() :]
        if len(a) >= 2 and len(b) >= 2:
            first, second = (a, b) if which.group("first") else (b, a)
            readings.append(f"{first}比{second}{which.group('rest')}")
    return readings or [text]


MAX_OWNER_CHARS = 4  # an owner said with 的 ("市政府的", "部门的"): one short word
MIN_SHARED_CHARS = 4  # what two owners share, typed before the first ("规范性文件")


def _owners_typed_on(a: str, b: str, text: str) -> list[str]:
    """ "三统一的规范性文件市政府的和部门的": two owners said with 的, the first typed right after
    the thing they share; [thing, first owner] when so, else [a]."""
    if f"{b}的" not in text or len(b) > MAX_OWNER_CHARS or len(lexicon.segment(b)) != 1:
        return [a]
    words = lexicon.segment(a)
    owner = words[-1] if len(words) >= 2 else ""
    head = a[: len(a) - len(owner)].rstrip("的")
    if not owner or len(owner) > MAX_OWNER_CHARS or f"{owner}的" not in text or len(head) < MIN_SHARED_CHARS:
        return [a]
    return [head, owner]


def _reading(m: re.Match, a: str, b: str) -> Comparison | None:
    if len(a) < 2 or len(b) < 2:
        return None
    what = m.groupdict().get("what") or ""
    what = "" if what in _COUNT_WORDS else what  # "哪个条目多": how many, not a measure of its own
    measured = _COMPARED_THEN_MEASURE_RE.match(b)  # "A，跟B比，条数哪个多": the measure of both
    if measured:
        b = measured.group(1) + measured.group(2)
        a = a if measured.group(2) in a else a + measured.group(2)
    shared = _SHARED_MEASURE_RE.search(b)  # "诉前调解和人民调解的成功率哪个高": both are asked 成功率
    alt = ("", "")
    if shared and shared.group(1) not in a and not _OWN_MEASURE_RE.search(a):
        # or A names a figure of its own ("湘易办服务场景和首次不罚的免罚金额哪个多")
        alt = (_question(a, what), _question(b, what))
        a += shared.group(1)
    more = bool(re.fullmatch(_MORE, m.group("dir"))) or not m.group("dir")  # 差多少: which is larger
    parts = re.split(r"[，,\s]+", a)  # "三统一的规范性文件 市政府的多还是部门的多": a shared head
    if len(parts) == 1:
        parts = _owners_typed_on(a, b, m.string)  # "…规范性文件市政府的和部门的哪个多", typed without breaks
    if len(parts) > 1 and len(parts[-1]) <= 6:
        head = re.sub(r"(?:里面|里头|当中|之中|里|中)$", "", "".join(parts[:-1]))  # "…文件里面 市政府的…"
        alt = (_question(f"{head}的{parts[-1]}", what), _question(f"{head}的{b}", what))
        a, b = parts[-1] + head, b + head  # the part that differs first: it is what is asked
    tail = m.groupdict().get("tail")
    claim = tail is not None and tail not in ("还是", "呢")
    same = bool(m.groupdict().get("same"))
    return Comparison(_question(a, what), _question(b, what), more, claim or same, *alt, same=same)
