"""The words of a check: a clause that only asks whether what was said before it is right.

One vocabulary serves every place a check tag is read: the ask keeps the clauses such a check
follows ("…近六百处，法律援助是2900多件，没错吧"), the split cuts several stated figures before one
tag into one check each, and a number followed by a tag is the amount stated ("有二个，对不对"),
not a question of whether it reaches that amount ("有两千件吗").
"""

from __future__ import annotations

import re

from bot.text.units import FIGURE_UNITS, SAME_PEOPLE

# Saying a claim was made up: "是真的还是邻居乱讲的", "是不是吹牛".
_MADE_UP = r"(?:乱讲|乱说|瞎说|瞎讲|胡说|吹牛|骗人|忽悠|造谣)的?"
# What makes a clause a check at all.
# "出了没", "上过没有": done or not, at a clause's end.
_DONE_OR_NOT = r"(?:了|过)(?:没|冇)有?(?=[?？!！。，,\s]*$)"
_CHECKS_RE = re.compile(
    _DONE_OR_NOT
    + r"|吗|吧|是不是|是否|对不对|有没有|难道|真的假的|是真是假|真的还是|(?:对|是)(?:么|嘛|不|咯|噻)|不会吧|不可能吧|(?:没|冇)(?:记|说|看|听)?错"
)
# Everything else a check that names nothing of its own may say.
_CHECK_WORDS_RE = re.compile(
    _DONE_OR_NOT + r"|(?:我|你)?(?:说|讲|问|写)(?:的|得)(?=这|那|对|没|是|都)|(?:两个|几个|俩)都|"
    r"(?:这|那)(?:几个|[两二三四五六俩23456]个|俩|些)(?:数据|数字|数)?|(?:我)?(?:没|冇)(?:记|说|看|听)?错|不会吧|不可能吧|"
    r"到底|究竟|难道|真的|假的|应该|是不是|是否|对不对|对吗|对吧|是吗|(?:对|是)(?:么|嘛|不|咯|噻)|吗|呢|吧|啊|呀|哦|噢|喔|哈|啦|哇|嘞|"
    r"这样|(?:有|真有)?(?:这么|那么)?(?:一)?回事|有这种事|这种事|有这事|这事|有没有|靠谱|属实|准确|都|那|这个|这(?!么)|"
    r"(?:我|也|都|还|有点|有些)*(?:不晓得|不知道|不清楚|搞不清|不确定|不敢信|不太信|不信|不相信|不太相信|不敢相信)|(?:他|她|他们|她们|人家)(?=是|说|讲)|"
    r"真有|真(?=是)|是真是假|还是[\u4e00-\u9fff]{0,4}?" + _MADE_UP + "|" + _MADE_UP + r"|是|的|[?？!！。，,\s]"
)
# What a bare check may still say: an ordinal or a size of what was claimed ("第一批", "这么多").
_ORDINAL_ONLY_RE = re.compile(r"第[一二三四五六七八九十\d]+[批次届个名]|首批|这么多|那么多|这么高|那么高")
# After a number, a question particle alone asks whether the figure reaches it ("有两千件吗").
_REACHING_RE = re.compile(r"[吗么嘛呢][?？。.!！]*")
_CLAUSE_BREAK_RE = re.compile(r"[，,；;]")


def bare_check(clause: str) -> bool:
    """A check that names nothing of its own ("是真的吗", "真的假的", "到底是不是第一批", "这几个数对不对")."""
    if not _CHECKS_RE.search(clause):
        return False
    rest = _CHECK_WORDS_RE.sub("", clause)  # "常德也是吗", "今年的有没有" name a place or a year: no bare check
    return not rest or bool(_ORDINAL_ONLY_RE.fullmatch(rest))


_TAG_RE = re.compile(r"[，,。？?！!\s]*([^，,。？?！!\s]+)[，,。？?！!\s]*$")


def claim_end(text: str) -> int:
    """Where a claim ends before the check tags closing it ("…全省第一，真的假的" → before 真的假的);
    a tag that says an ordinal ("是不是第一批") is part of the claim."""
    end = len(text)
    while (m := _TAG_RE.search(text, 0, end)) and m.start() > 0:
        tag = m.group(1)
        if not _CHECKS_RE.search(tag) or _CHECK_WORDS_RE.sub("", tag):
            break
        end = m.start()
    return end


# An amount as a check says it back ("两千多万", "4600余件", "百分之九十三").
_AMOUNT_RE = re.compile(
    r"(?:百分之)?[\d.%零一二两三四五六七八九十百千万亿]+(?:多|余|来|几|左右)?[万亿]?"
    rf"(?:[{FIGURE_UNITS}元成%])?"
)


def checks(clause: str) -> bool:
    """Whether a clause has a word of a check at all ("吧", "是不是", "对不对")."""
    return bool(_CHECKS_RE.search(clause))


def unchecked(clause: str) -> str:
    """What a clause says besides check words and an amount ("是不是两千多万" → "")."""
    return _AMOUNT_RE.sub("", _CHECK_WORDS_RE.sub("", clause))


def checked_after(rest: str) -> bool:
    """Whether the text after a number is a check of it ("，对不对", "是吧", "，这几个数没错吧"):
    the number is then the amount stated; a bare "吗" asks whether the figure reaches it."""
    clause = _CLAUSE_BREAK_RE.split(rest.lstrip("，, "), 1)[0].strip()
    return bool(clause) and not _REACHING_RE.fullmatch(clause) and bare_check(clause)


# A check naming only a kind of figure ("是人数吗", "这个是案子数吧"): of the figure just given.
_KIND_UNITS = {
    "人数": (("名", "人", "人次"), ()),
    "金额": (("元",), ()),
    "钱数": (("元",), ()),
    "件数": (("件",), ()),
    "项数": (("项",), ()),
    "家数": (("家",), ()),
    "台数": (("台",), ()),
    "比例": (("%",), ()),
    "比率": (("%",), ()),
    "百分比": (("%",), ()),
    "案子数": (("件",), ("案件", "案例", "案子")),
    "案件数": (("件",), ("案件", "案例", "案子")),
}
_KIND_CHECK_RE = re.compile(
    r"(?:那|这|那个|这个|它)?(?:是|算)(" + "|".join(_KIND_UNITS) + r")(?:吗|吧|么|嘛|不|对吧|是吧|对不对)"
)


# The units a figure is checked in ("单位是万元吗", "按件算").
UNIT_WORDS = r"万元|元|人次|名|人|位|件|项|个|家|台|处|条|类|种|起|次|%|百分比"
# A check naming only the unit of the figure ("单位是万元吗", "是按人次算的吧"): "单位:" and the unit.
_UNIT_CHECK_RE = re.compile(
    rf"(?:那|这|那个|这个|它)?(?:的)?(?:(?:计量)?单位(?:是|为)|是按|按)({UNIT_WORDS})"
    r"(?:数(?=算|计|统计|计算))?(?:算|计|统计|计算)?(?:的)?(?:吗|吧|么|嘛|不|对吧|是吧|对不对)"
)
UNIT_KIND = "单位:"
# The unit a figure is checked or asked in, inside a question ("是按万元算的", "单位是件",
# "按人次统计"): how the figure is counted, never what is counted (group 1: the unit).
UNIT_NAMED_RE = re.compile(
    rf"是?(?:按|(?:计量)?单位(?:是|为)?)({UNIT_WORDS})数?(?:算|计|统计|计算)?的?(?=吗|吧|么|嘛|呢|不|$|[，,。？?！!\s])"
)


def unit_fits(said: str, unit: str) -> bool:
    """Whether a figure written in `unit` is in the unit said (元 of 万元, 百分比 of %; 人 of 名:
    people are counted in either)."""
    said = said.replace("百分比", "%")
    people = SAME_PEOPLE.get(said, said) == "人" and SAME_PEOPLE.get(unit[-1:], unit[-1:]) == "人"
    return unit.endswith(said) or people


def kind_checked(text: str) -> str:
    """The kind of figure a check names and nothing else ("是人数吗" → 人数, "单位是万元吗" →
    单位:万元), or ""."""
    plain = re.sub(r"[\s，,。？?！!]", "", text)
    found = _KIND_CHECK_RE.fullmatch(plain)
    if found:
        return found.group(1)
    unit = _UNIT_CHECK_RE.fullmatch(plain)
    return UNIT_KIND + unit.group(1) if unit else ""


def kind_checked_after(text: str) -> tuple[str, str]:
    """A figure quoted, then a check of its kind in the same clause ("那个74.1是百分比吗",
    "13355单位是件吗"): (the text before the check, the kind); ("", "") when not so."""
    plain = re.sub(r"[\s，,。？?！!]", "", text)
    for pattern, prefix in ((_KIND_CHECK_RE, ""), (_UNIT_CHECK_RE, UNIT_KIND)):
        for found in pattern.finditer(plain):
            before = plain[: found.start()]
            if found.end() == len(plain) and re.search(r"\d", before):
                return before, prefix + found.group(1)
    return "", ""


def kind_fits(kind: str, unit: str, name: str) -> bool:
    """Whether a figure in `unit`, named `name`, is of that kind (案子数: in 件, naming cases), or
    in that unit (单位:万元 of 2000余万元)."""
    if kind.startswith(UNIT_KIND):
        return unit_fits(kind[len(UNIT_KIND) :], unit)
    units, names = _KIND_UNITS[kind]
    return unit.endswith(units) and (not names or any(n in name for n in names))


# Two options offered at the end of the ask ("是2900余件还是3000件", "是人数还是别的什么",
# "是罚的钱还是免的钱啵"): the reply says which, it confirms or denies neither. "还是" of "still"
# ("现在还是100%吗") and a claim said to be made up ("是真的还是乱讲的") offer no options.
_CHOICE_RE = re.compile(
    # (an option says no 是/有 of its own: "是按件算还是按起算是5408起对吧" checks a number after it)
    r"(?P<a>[^，,。；;？?！!\s]{1,14}?)还是(?P<b>(?:(?!是|有|应该|对吧|对不对)[^，,。；;？?！!\s]){1,14}?)"
    r"(?:啊|呢|呀|啵|哦|嘛|咯|噻|哈)*[？?。！!\s]*$"
)
_NO_OPTION_RE = re.compile(r"(?:是不是|不是|是否|真的|难道)$|^(?:真的|假的)")


def offers_choice(text: str) -> bool:
    """Whether the last clause of a question offers two options to choose from."""
    found = _CHOICE_RE.search(text)
    if not found or _NO_OPTION_RE.search(found.group("a")):
        return False
    if re.search(r"(?:[吗吧]|(?<![什怎那这])么)$", found.group("b")) and "是" not in found.group("a")[:-1]:
        return False  # "现在还是100%吗" (still); "是罚的钱还是免的钱吗" offers two all the same
    return not re.search(_MADE_UP + "|^假", found.group("b"))


def choice_options(text: str) -> tuple[str, str] | None:
    """The two options a question offers ("是人数还是场次" → 人数, 场次), or None."""
    if not offers_choice(text):
        return None
    found = _CHOICE_RE.search(text)
    return re.sub(r"^.*是", "", found.group("a")), found.group("b")


# The alternative an asker rejects beside a check ("是百分比吧，不是110起案子", "单位是项不是个吧",
# "单位是万元吧 不是两千多块钱"): what the check is not, said to make it plain; the check decides.
_REJECTED_TAIL_RE = re.compile(r"(?<=[吧吗嘛])[，,\s]+(?:而)?不是[^，,。？?！!吗吧呢啊]{1,20}[。！!]*$")
_REJECTED_INSIDE_RE = re.compile(  # ("就是…破案数不是下降了吗" asks 不是…吗 itself: no alternative)
    r"(?<![就也还都正要只倒])(?<=是)(?P<kept>(?!不)[\u4e00-\u9fff\d.%]{1,6}?)(?:而)?不是[^，,。？?！!\s吧吗]{1,10}?(?=吧|对吧|对不对)"
)


def without_rejected(text: str) -> str:
    """The check without the alternative the asker rejects beside it; a check claiming nothing
    ("没搞错吧，不是六百多家") checks what follows it instead."""
    tail = _REJECTED_TAIL_RE.search(text)
    if tail and _CLAIMS_SOMETHING_RE.search(text[: tail.start()]):
        text = text[: tail.start()]
    return _REJECTED_INSIDE_RE.sub(r"\g<kept>", text)


_CLAIMS_SOMETHING_RE = re.compile(r"是|\d|[一二两三四五六七八九十百千万]")  # a kind, a unit or a number claimed
