"""Yes/no checks: does the report bear out what the question states?

`verdict(analysis, evidence, figure)` returns True (是的), False (不是) or None (the reply just
states what the report says). In order:
  * a number to confirm against the answered figure ("是不是有六千多家" vs 6125家), as ranges;
  * a number the question writes that the evidence writes differently (连续三年 vs 连续两年);
  * a contrast word: the question says 下降 where the report says 上升, 第二批 vs 首批;
  * the report says there is none (无跑动2次或以上事项) of what the question asks about;
  * otherwise True when the evidence covers what the question states.
"""

from __future__ import annotations

import itertools
import math
import re

from bot.analysis import Analysis
from bot.analysis.check_words import UNIT_WORDS, offers_choice, unit_fits
from bot.analysis.numbers import article, compare, figure_range
from bot.analysis.places import gazetteer
from bot.retrieval.scoring import scale_of
from bot.text import lexicon
from bot.text.normalize import clean, convert_numerals, pinyin_key, words_re
from bot.text.units import COUNT_UNITS, SAME_PEOPLE

# Words of one direction of change, as people say them; the report writes the first few.
WAYS_UP = (
    "上升",
    "增长",
    "增加",
    "提高",
    "提升",
    "上涨",
    "增多",
    "变多",
    "升高",
    "多了",
    "涨了",
    "升了",
    "往上走",
    "涨上去",
    "升上去",
    "涨起来",
    "多起来",
    "涨",
    "升",
    "增",  # "是不是增了", "没降反增"
)
WAYS_DOWN = (
    "下降",
    "减少",
    "降低",
    "下滑",
    "回落",
    "下跌",
    "减了",
    "变少",
    "少了",
    "降了",
    "跌了",
    "往下掉",
    "掉了",
    "往下走",
    "降下来",
    "降下去",
    "少下来",
    "减下来",
    "掉下来",
    "降",
    "跌",
    "减",
)
_WRITTEN_UP, _WRITTEN_DOWN = WAYS_UP[:4], WAYS_DOWN[:3]
WAY_RE = words_re(WAYS_UP + WAYS_DOWN)  # a word of either direction
# What a change is measured against ("同比", "比上一年"): the report's changes are year on year.
_AGAINST_YEAR_BEFORE = r"(?:比|较|跟|和|与)(?:上一?年|去年|前一年|往年)(?:相比|比)?"
COMPARED_RE = re.compile(rf"同比|环比|{_AGAINST_YEAR_BEFORE}|相比")

CONTRASTS = (
    *((word, _WRITTEN_DOWN) for word in WAYS_UP),
    *((word, _WRITTEN_UP) for word in WAYS_DOWN),
    # still to be handed in, where the report says it need not be ("不是还得交吗" of 免提交)
    ("得交", ("免提交", "免交")),
    ("要带", ("免提交", "免交")),
    ("得带", ("免提交", "免交")),
    ("要交", ("免提交", "免交")),
    ("需要交", ("免提交", "免交")),
    ("得提交", ("免提交",)),
    ("要提交", ("免提交",)),
    ("首批", ("第二批", "第三批")),
    ("第一批", ("第二批", "第三批")),
    ("第二批", ("首批", "第一批")),
    ("第三批", ("首批", "第一批", "第二批")),
    ("第1次", ("再次",)),  # the first time (第一次), where the report says it is done again
    ("首次", ("再次",)),
    ("终评", ("初评",)),  # a stage of an appraisal: the report's towns passed the first one
    ("复评", ("初评",)),
    ("垫底", ("领先", "前列", "第一", "第1")),
    ("落后", ("领先", "前列", "第一", "第1")),
    ("倒数", ("领先", "前列", "第一", "第1")),
    ("靠后", ("领先", "前列", "靠前")),
    # a low place said in everyday words ("是不是不太行", "排在后面", "很差"); never an A-not-A
    # ask (行不行, 好不好), which claims nothing
    *(
        (word, ("领先", "前列", "靠前", "第一", "第1"))
        for word in (
            "排在后面",
            "排后面",
            "后几名",
            "下游",
            "末尾",
            "吊车尾",
            "拖后腿",
            "不太行",
            "不怎么行",
            "不咋行",
            "不大行",
            "很差",
            "太差",
            "较差",
            "挺差",
            "蛮差",
            "有点差",
            "差劲",
        )
    ),
    ("全国", ("省新时代", "全省", "湖南省")),
    ("国家级", ("省级", "省")),
    ("全省", ("全国",)),
    ("省里", ("全国",)),
    ("省内", ("全国",)),
    ("省级", ("国家级", "全国")),
    ("法院", ("检察",)),  # who did it: the court, the procuratorate
    ("检察", ("法院",)),
)
_TOKEN_RE = re.compile(r"[a-z]+\d+|\d+(?:\.\d+)?(?=[年批次届个项件家台处条类种名起人])")
_NONE_RE = re.compile(r"(?:^|[，,])(?:无|没有|未)")


_REFERS_RE = re.compile(r"(?:这|那)$")  # a number after a demonstrative counts what was said


def _pick(analysis: Analysis, percent: bool):
    numbers = [n for n in analysis.numbers if not _REFERS_RE.search(analysis.text, 0, n.start)]
    numbers = numbers or list(analysis.numbers)  # "这两个数对吧" counts the claims said, claims nothing
    pool = [n for n in numbers if n.percent == percent] or numbers
    if len(pool) > 1 and _CHECK_TAIL_RE.fullmatch(analysis.text[pool[-1].end :]):
        # "…压缩了百分之七十几来着 应该是百分之三十四点一吧": the number the check ends on, unless
        # it is the one denied ("是三千来家 没得六千家吧": 三千 is claimed)
        said = analysis.text[pool[-2].end : pool[-1].start]
        if not _NEGATION_RE.search(_framed(said)):  # (是不是 asks, it denies nothing)
            return pool[-1]
    rough = [n for n in pool if not n.exact]
    return (rough or pool)[-1] if pool else None


# What may follow the number a check ends on: its unit's tail, check words and marks only.
_CHECK_TAIL_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,2}?)(?:对吧|对吗|对不对|是吧|是吗|没错吧|没错吗|吧|吗|啊|呀|呢|哦|嘛|咯|[\s，,。？?！!])*"
)


# A claim stated negatively ("不能在网上开吧", "不是全省第一吧", "是不是没有再赋权"): the verdict on
# the positive claim, turned round. The frames 是不是/有没有/没记错 are questions, not negations.
_NEGATION_RE = re.compile(
    r"不是|不能|不可以|不会|没有|没|未|并非|不再|无|不算|算不上|称不上|谈不上|"
    # "在全省不怎么靠前", "在全省不靠后吧": a place denied (the word of the place is the claim)
    r"不(?:怎么|太|大|很|咋|算)?(?=靠前|领先|前列|拔尖|突出|靠后|落后|垫底)"
)
# Words holding a negation character that negate nothing claimed ("心里没底", "无证明城市").
_NOT_NEGATING_RE = re.compile(
    r"没底|没事|没想到|没准|无论|无奈|未来|无证明|无跑动|无车|无房|有无|"
    r"(?:还)?没(?:到|有到)[\u4e00-\u9fff]{0,8}?(?:之前|以前)|"  # "还没到法院立案之前": before, no negation
    r"^(?:不会吧|不是吧|不可能吧|不会是真的吧)|"  # "不会吧，…能压缩七成多？": surprise, the claim is what follows
    r"[，,\s](?:不会吧|不可能吧|不会是真的吧)[？?！!。…]*$|"  # "…七成多，不会吧": the same surprise after it
    # "不会是上升了110%吧", "不会还有…吧": doubt of what follows, the claim checked; a bound
    # or a number right after it ("不会低于九成吧", the bound read with the number; "不会连五万项都
    # 没有吧", a bound 连 opens) is the asker's estimate, its negation kept
    r"不会(?![\s\0]|连|(?:有|是)?(?:低于|高于|超过|超出|少于|多于|不到|不足|没有))(?=[^，,。？?！!]*吧)"
)
_QUESTION_FRAMES_RE = re.compile(
    r"是不是|有没有|能不能|会不会|可不可以|是否|算不算|没(?:记|听|看|说|搞|弄|算)?错|对不对|行不行|(?:了没|没有?)(?:啊|呀|呢)?$|"
    # "第三批名单出了没 有谁": the frame, then another ask of the same thing
    r"了没有?(?=[\s，,]*(?:有谁|是谁|都有谁|有哪些|是哪些|哪些|哪几个|是什么|是啥)[啊呀呢？?]*$)|"
    r"(?<=[\u4e00-\u9fff\d])(?:对|是吧|对吗|对吧)$|"  # "连续两年第一对吧": the check's own word
    r"(?:排名|排)?第几(?:名|位)?"  # "排第几…排第一吗": the rank asked, then the one claimed
)


# The unit of a figure checked ("单位是起吗", "是按件算的吧").
_UNIT_CHECKED_RE = re.compile(
    rf"(?:单位|量词)(?:(?:是|为)(?P<said>{UNIT_WORDS})|(?P<glued>[件项个家台处条类种名起次位]))(?!还是)"
    rf"|按(?P<by>{UNIT_WORDS})数?(?:算|计|统计)(?!还是)"  # "按项数统计的吗": counted in 项
)


def checks_unit(text: str) -> bool:
    """Whether the text checks the unit a figure is counted in ("是按人次算的吧", "单位是件吗")."""
    return bool(_UNIT_CHECKED_RE.search(text))


# Whether a named one is among the things counted ("…里有没有泉交河镇", "包不包括市监局").
MEMBER_ASKED_RE = re.compile(
    r"(?:有没有|有冇得?|有木有|包不包括|包括不包括|包括|含不含|(?:里|中|里面|里头|当中|其中)(?:有|是否有))"
    r"(?:我们|咱们|俺们|我家)?(?:的)?"
    r"(?!哪|什么|啥|多少|几|没|冇|木|这么|那么)(?P<name>[\u4e00-\u9fff]{2,}?)(?:在里面|在内|在其中)?"
    r"(?:吗|么|嘛|啵|没有|没|不|呢)?[？?。！!\s]*$"
)


# Units that count the same thing ("1500人" checks "5100多名"); 个 counts anything.
_SAME_UNIT = {**SAME_PEOPLE, "个": "", "起": "件", "例": "件"}


def other_units(asked: str, written: str) -> bool:
    """Whether a checked number counts something else than the figure (台 against 名)."""
    kinds = [_SAME_UNIT.get(u[-1], u[-1]) if u else "" for u in (asked, written)]
    return all(kinds) and kinds[0] != kinds[1]


# "不是下降了吗", "不是82件吗，我记得": a 不是…吗 clause proposes its claim (a positive claim).
_RHETORICAL_RE = re.compile(r"(?<!是)不是[^，,。？?！!吧]*(?:吗|呢)(?:[，,。？?！!]|$)|难道")


_RHETORICAL_FRAME_RE = re.compile(r"难道|(?<!是)不是")


def _proposes(question: str, number: str) -> bool:
    """ "没搞错吧，不是六百多家": a 不是 before the number checked, in a clause not ending in 吧,
    proposes that number ("不是2900件吧" states the negation)."""
    for clause in re.split(r"[，,。？?！!]", question):
        at = clause.find(number)
        if at > 0 and re.search(r"(?<!是)不是", clause[:at]) and not clause.rstrip().endswith("吧"):
            return True
    return False


def negates(question: str) -> bool:
    """Whether a yes/no question states its claim negatively ("不能在网上开吧"); a rhetorical
    "不是…吗" asserts its claim, so it does not."""
    # "难道不是一个都没有吗" asserts "一个都没有": its frame negates nothing, the claim may
    question = _RHETORICAL_RE.sub(lambda m: _RHETORICAL_FRAME_RE.sub("", m.group(0), count=2), question)
    return bool(_NEGATION_RE.search(_framed(question)))


def _framed(question: str) -> str:
    """The question without its asking frames (是不是, 有没有…), the words that negate nothing and
    two negations that cancel ("不可能不是百分之百吧" claims 100%)."""
    return _NOT_NEGATING_RE.sub("", _QUESTION_FRAMES_RE.sub("", _DOUBLE_NEGATION_RE.sub("", question)))


# Two negations in a row assert ("不可能不是", "不会没有", "没有不"): nothing is negated.
_DOUBLE_NEGATION_RE = re.compile(r"(?<![会能])(?:不可能|不大可能|不会|没有|没)(?:不是|没有|不)")


# A verb's complement negated ("排不上号", "开不了", "算不上领先"): cannot. Only in the clause that
# claims it, the last one as typed ("我手机用不了，…能在网上开吧" claims nothing with 用不了);
# idioms that negate nothing (免不了, 说不上来, 对不起) kept out.
_CANNOT_RE = re.compile(r"[\u4e00-\u9fff](?<![免少差大对说看])不(?:上|了|到|成)(?!起|来|去)")
_CLAUSE_END_RE = re.compile(r"[，,。；;！!？?\s]+")


def cannot(raw: str) -> bool:
    """Whether the last clause of a message, as typed, claims that something cannot be."""
    clauses = [c for c in _CLAUSE_END_RE.split(raw) if c]
    return bool(clauses) and bool(_CANNOT_RE.search(clauses[-1]))


# Where a description of the subject ends ("没有证明也能办的|高频事项"): 的 before a noun.
_DESCRIBED_RE = re.compile(r"的(?=[\u4e00-\u9fff]{2})")
# A choice offered ("是上升了还是下降了"): neither side is claimed.
_CHOICE_RE = re.compile(r"(?:是)?[\u4e00-\u9fff]{1,4}?了?还是[\u4e00-\u9fff]{1,4}?了(?=[\u4e00-\u9fff，,\s]|$)")
NEGATION_REACH = 2  # characters between a lone negation and the number it negates ("没审查120件")
_STRONG_NEGATION_RE = re.compile(r"不是|没有|并非|不再|不能|不会")


def _negates_number(clause: str, number: str) -> bool:
    """Whether the clause checking a number states it negatively: a negation of the predicate
    (不是/没有… anywhere before the number, or a lone 没/未/无/不 just before it), never one
    inside a word typed before it ("涉法事无审查了120件": 无 is a typo of 务)."""
    if not negates(clause.replace(number, " ")):
        return False
    if number not in clause:
        return True
    framed = _framed(clause.replace(number, "\0", 1))
    before, _, after = framed.partition("\0")
    described = list(_DESCRIBED_RE.finditer(before))
    if described:  # "冇得证明也能办的|高频事项…是1500多项吧": a negation describing the subject
        before = before[described[-1].end() :]
    if _STRONG_NEGATION_RE.search(before) or _NEGATION_RE.search(after):
        return True
    return bool(re.search(r"[没未无不]", before[-NEGATION_REACH - 1 :]))


def within(asked, figure) -> bool:
    """Whether a number said ("300多", "不到九成") falls in the range a figure writes (300多个)."""
    if getattr(figure, "number", None) is None:
        return False
    return compare(asked, *figure_range(figure.number, scale_of(figure.unit), figure.qualifier)) is True


def verdict(analysis: Analysis, evidence: str, figure=None, stated: str = "") -> bool | None:
    """是的 / 不是 / None for a yes/no question answered by `evidence` (and its figure). A number
    to confirm is judged as a range (不到九成 is already a range); any other claim is judged as
    stated positively, then turned round when the question states it negatively. `stated` is what
    the report itself says (an entry's answer and source; `evidence` when empty): only it can say
    不是, an admin's phrasings only help bear a claim out."""
    question = _NOT_BUT_RE.sub("", analysis.text)  # "没降反而涨了" claims 涨, denying nothing
    if offers_choice(question):
        return None  # "是2900余件还是3000件": the figure says which option, no side is claimed
    if _TWO_COMPARED_RE.search(question) and not COMPARED_RE.search(question):
        return None  # "A比B少，没错吧": a claim about two figures, which one figure cannot bear out
    every = ALL_CLAIMED_RE.search(question) if analysis.intent.yes_no and not analysis.numbers else None
    if every is not None and figure is not None and getattr(figure, "number", None) is not None:
        # "人民调解是不是都调成功了" of 93%, "…是不是都填报发布了，没有落下的吧" of 100%: all of
        # them is claimed, which only a rate of 100% bears out, or a count the report says is all
        # there should be ("园区该赋的权是不是一项都没落下" of 11项…应赋全赋); "还没全部发布": not all
        if figure.unit == "%":
            found = figure.number == 100
        elif _ALL_WRITTEN_RE.search(convert_numerals(clean(_own_clause(stated or evidence, figure, told_after=True)))):
            found = True
        else:
            found = None
        if found is not None:
            return found != bool(_NOT_ALL_RE.search(question, 0, every.start()))
    counted = (getattr(figure, "unit", "") or "个")[-1:] if getattr(figure, "number", None) is not None else ""
    none = next((m for m in _NONE_CLAIMED_RE.finditer(question) if counted and _counts_own(m, counted)), None)
    if none is not None:
        # "是不是一个立法联系点都没新增": none at all of what the figure counts is claimed (not
        # "一趟都不用跑…有1837项吗": 趟 counts trips, the figure items); "不会连一个都没新增吧"
        # doubts the bound, as "不会连五万项都没有吧" does: the claim is that there are some
        is_none = figure.number == 0 or figure.value in ("无", "0")
        return not is_none if _DOUBTED_BOUND_RE.search(question[: none.start()]) else is_none
    unit_checked = _UNIT_CHECKED_RE.search(question) if not analysis.numbers else None
    if unit_checked and figure is not None and getattr(figure, "unit", ""):
        # "13355，单位是起吗": the unit the report writes the figure in is the fact checked (a
        # number checked is judged as a number; "是起还是件" is a choice, no check)
        said = unit_checked.group("said") or unit_checked.group("glued") or unit_checked.group("by")
        return unit_fits(said, figure.unit)
    if figure is not None and figure.number is not None and analysis.numbers:
        asked = _pick(analysis, figure.unit == "%")
        if asked is not None and MEMBER_ASKED_RE.search(analysis.text, asked.end):
            # "22个通过初评的乡镇 有没有我们泉交河镇": the number names the group, the check is
            # whether a member is in it, which the count cannot tell
            return _claim(analysis, evidence, None, stated or evidence)
        other_unit = asked is not None and other_units(asked.unit, figure.unit)
        if asked is not None and other_unit and asked.text not in convert_numerals(clean(evidence)):
            # "是一千五百台吗" of 5100多名: a number of something else, never 是的 (a number that
            # is part of the name, "跑动2次的事项", is judged with the claim's words below); the
            # figure's own number counted as another thing ("是6125个案件对吧" of 6125家) is 不是
            if asked.exact and asked.low == figure.number and not figure.qualifier:
                return False
            return None
        if asked is not None and asked.percent and figure.unit != "%" and asked.text not in clean(evidence):
            return None  # "网上能办的事项只有七成吗" of 2861项: a share checked of a count, never 是的
        if asked is not None and not asked.unit and not asked.percent and _far_apart(asked, figure):
            return None  # "工资没到三百万吧" of 370名: a number of another measure, never 是的 on this one
        if asked is not None and asked.percent == (figure.unit == "%") and not other_unit:
            found = compare(asked, *figure_range(figure.number, scale_of(figure.unit), figure.qualifier))
            own = _own_clause(stated or evidence, figure, told_after=True)
            if found and _opposed(_CHOICE_RE.sub("", question), convert_numerals(clean(own))):
                found = False  # "是下降了110%吗" of 上升110%: the number, but the other way
            # "不是2900余件吧" states the negation (a lead such as 不到/没到 is part of the range);
            # only a negation in the number's own clause ("是三千来家 | 没得六千家吧": 三千 is claimed)
            claim = _as_stated(question)
            judged = f"{figure.unit}{asked.unit}"
            if found and _number_contradicted(analysis, claim, convert_numerals(clean(own)), judged):
                found = False  # "只拿过一年全省第一吧" of 连续两年…全省第一: the 第一, not for one year
            clause = _clause_of(question, asked, analysis.numbers)
            typed = _typed_clause(analysis.raw, asked.text)
            if typed and typed in clause:
                clause = typed  # "园区那边冇得好多审批权，市里是不是又放哒二十项": 冇得 is another clause's
            if found is not None and _negates_number(clause, asked.text) and not _proposes(question, asked.text):
                return not found
            return found
    found = _claim(analysis, evidence, figure, stated or evidence)
    if found is not False and analysis.intent.yes_no and _asserts_undone(question, stated or evidence):
        found = False  # "第一次轻微违规是不是要罚款" of 首次不罚: the report says it is not done
    negated = negates(question) or cannot(analysis.raw) or _denies_written(question, stated or evidence)
    if found is None and analysis.intent.yes_no and _denies_done(question, stated or evidence):
        return False  # the claim is that the report's own deed was not done
    if found is None or not analysis.intent.yes_no or not negated:
        return found
    return not found


_DOUBTED_BOUND_RE = re.compile(r"不会|不至于|不可能")  # "不会连一个都没有吧": the bound doubted
_ALL_WRITTEN_RE = re.compile(r"应(.)全\1|应(.)尽\2|全覆盖|全部")  # the report saying a count is all of them
_NOT_ALL_RE = re.compile(r"(?:没有?|(?<!是)不|未|并非)(?:都|是)?$")  # "还没全部", "并非都", "不是全部" (not 是不是)
# All of what a rate counts claimed ("都调成功了", "全部都能网上办", "一个都没缺", "没有落下的").
ALL_CLAIMED_RE = re.compile(
    r"(?<![不没])都(?!没|不|是多少|有多少|有哪些|是哪些|有啥|是啥|是什么|有什么|在哪)|全部|全都|所有|统统|百分百|"
    r"[一1][个件家项名人位次](?:都|也)(?:没|不)(?:缺|落|漏|少)|没有?(?:落下|漏掉|缺)|无一"
)
# "A比B少": one thing said larger or smaller than another named thing (not a year: 比上年, 比2022年;
# not 比如, 比较, 比例).
_TWO_COMPARED_RE = re.compile(
    r"(?<![对无好])比(?![如较方例率重上前去往今明以之过原\d])[\u4e00-\u9fff\w]{2,30}?"
    r"(?:还|要|更)?(?:多|(?<!多)少|高|低|大|小)(?!数|少)"
)
# "一个立法联系点都没新增", "连一家都没有": a claim that there is none at all ("连一半都没到",
# "一千件都不到" are bounds: no counter right after 一, or 到/超 after the negation).
_NONE_CLAIMED_RE = re.compile(
    r"(?<![\d一二两三四五六七八九十百千万])[一1](?P<unit>个|项|家|件|名|人|台|处|条|起|次|分钱|点)"
    r"(?:(?![一1](?:个|项|家|件|名|人|台|处|条|起|次|点))[\u4e00-\u9fff\d]){0,12}?"
    r"(?:都|也)(?:还|再)?(?:没|未|不|冇)(?!到|有到|超|满|足|够|过|少|落|漏|缺|剩|拉下)"  # "一个乡镇都还没通过"; "一项都没落下": all
)


def _counts_own(claim: re.Match, counted: str) -> bool:
    """Whether a claim of none counts what the figure counts: in its unit ("一项都没有"), or in
    个, which counts anything ("一个要跑两次以上的事项都没有" of …项, "一个执法记录仪都没配")."""
    unit = claim.group("unit")
    # ("一件要跑两趟以上的事都冇得" of …项: 件 counts matters as 项 does)
    return unit[-1] == counted or (unit == "个" and counted not in "%元") or (unit == "件" and counted == "项")


# (不是/不会/不能… are the negations `negates` reads, a rhetorical 不是…吗 included; 不到/不少 are bounds)
_BARE_NOT_RE = re.compile(r"(?<![是要还])不(?![是会能可再用要必需少到足了])([\u4e00-\u9fff]{2})")


def _denies_written(question: str, evidence: str) -> bool:
    """ "有没有负责人不出庭应诉的": 不 before the report's own word (出庭), where the report never
    writes 不 before it (首次不罚 is its name, no denial), negates the claim."""
    framed = _framed(question)
    written = clean(evidence)
    return any(m.group(1) in written and f"不{m.group(1)[0]}" not in written for m in _BARE_NOT_RE.finditer(framed))


def _asserts_undone(question: str, evidence: str) -> bool:
    """ "是不是要罚款" of 首次不罚 / 免罚金额: the claim does what the report writes only undone
    (不罚, 免罚: never 罚 alone), so the claim is not what the report says."""
    written = clean(evidence)
    undone = {m.group(1) for m in _UNDONE_RE.finditer(written)}
    undone = {c for c in undone if not re.search(f"(?<![不免]){re.escape(c)}", written)}
    framed = _framed(question)
    return any(re.search(f"(?<![不免没未无别]){re.escape(c)}", framed) for c in undone)


_UNDONE_RE = re.compile(r"(?:不|免)([罚收交带跑])")  # acts a report writes undone: 不罚, 免罚, 免交


# "没经过论证", "没有再赋权", "未发布": what was not done, named by the report's own word
_NOT_DONE_RE = re.compile(r"(?:没有|没|未)(?:经过|再|全部|都|有)?([\u4e00-\u9fff]{2})")


def _denies_done(question: str, evidence: str) -> bool:
    """ "重大行政决策事项目录没经过论证就直接定了吧": the claim says a thing was not done that the
    report says was (论证), and the report never writes it undone (无跑动… is a named none)."""
    framed = _framed(question)
    written = clean(evidence)
    return any(
        m.group(1) in written and not re.search(f"[没未无不]{re.escape(m.group(1)[0])}", written)
        for m in _NOT_DONE_RE.finditer(framed)
    )


def _typed_clause(raw: str, number: str) -> str:
    """The clause, as typed between marks, that writes the number checked (read as the analysis
    reads it); "" when none alone does."""
    found = [c for c in (convert_numerals(clean(c)) for c in _CLAUSE_END_RE.split(raw)) if number in c]
    return found[0] if len(found) == 1 else ""


def _clause_of(question: str, asked, numbers) -> str:
    """The words that go with a checked number: from the number before it up to it, and on to the
    end when no number follows ("是3000来家 | 没得6000家吧": 没得 goes with 6000)."""
    before = max((n.end for n in numbers if n.end <= asked.start), default=0)
    later = any(n.start >= asked.end for n in numbers)
    return question[before : asked.end if later else len(question)]  # words before a number are its own


FAR_APART = 100  # a number this many times larger or smaller than the figure is about something else


def _far_apart(asked, figure) -> bool:
    """Whether a number with no unit is orders of magnitude from the figure (三百万 against 370名)."""
    low, high = figure_range(figure.number, scale_of(figure.unit), figure.qualifier)
    written = asked.low if asked.low > 0 else asked.high  # "没到300万" is below 300万: 300万 is written
    if not 0 < written < math.inf or high <= 0:
        return False
    return written >= FAR_APART * high or written * FAR_APART <= low


def _opposed(question: str, evidence: str) -> bool:
    """The question says 下降 where the evidence says 上升 (第二批 vs 首批 …), written or typed
    with a character of the same sound ("下将了吗")."""
    typed: set[str] | None = None
    for word, opposites in CONTRASTS:
        if word in evidence or not any(o in evidence for o in opposites):
            continue
        if word in question:
            return True
        if len(word) == 2:
            typed = _typed_sounds(question) if typed is None else typed
            sound = pinyin_key(word)
            if sound in typed and not _writes_sound(evidence, sound):
                return True  # (a sound the evidence writes is its word: "盛级版" is 升级版, not 省级)
    return False


def _writes_sound(evidence: str, sound: str) -> bool:
    """Whether the evidence writes a pair of that sound."""
    return any(pinyin_key(evidence[i : i + 2]) == sound for i in range(len(evidence) - 1))


def _typed_sounds(question: str) -> set[str]:
    """The sounds of the question's pairs that are no word of the dictionary: a two-character
    word typed with a character of the same sound ("下将" for 下降; "点滴" is a word, not 垫底)."""
    words = lexicon.words()
    pairs = (question[i : i + 2] for i in range(len(question) - 1))
    return {pinyin_key(pair) for pair in pairs if pair not in words}


def _claim(analysis: Analysis, evidence: str, figure, stated: str) -> bool | None:
    """The verdict on the question's claim read positively ("没有再赋权" as "再赋权"): 不是 only
    where what the report states (`stated`) contradicts it, 是的 where the evidence bears it out."""
    question = _as_stated(_NOT_BUT_RE.sub("", analysis.text))
    if figure is not None and getattr(figure, "value", "") in ("无", "0"):
        return False  # the report says there is none of it
    converted = convert_numerals(clean(stated))
    if _number_contradicted(analysis, question, converted):
        return False
    # ranks and ordinals in one writing ("第七次" asked, "第7次" written: the same)
    asked_rank = re.findall(r"第([一二三四五六七八九十]+|\d+)", convert_numerals(analysis.cleaned))
    have_rank = re.findall(r"第([一二三四五六七八九十]+|\d+)", converted)
    if asked_rank and have_rank and not set(asked_rank) & set(have_rank):
        return False  # 全省第一 asked, 全省第二 written
    if _opposed(question, convert_numerals(clean(_own_clause(stated, figure, told_after=True)))):
        return False  # in the figure's own clause: "一把手去法院应诉" of 出庭应诉率 beside 行政检察
    asked_titles = set(_TITLE_RE.findall(analysis.raw)) - set(_TITLE_RE.findall(stated))
    if asked_titles and _TITLE_RE.search(stated):
        return False  # "上了《新闻联播》吧" where the evidence names 《朝闻天下》
    if _misplaced(question, converted) or _not_listed(question, converted):
        return False  # "龙光桥街道是资阳区的吧" of 赫山区龙光桥街道; "沅江市也评上了吧" of 资阳区、南县…
    if _claims_some(analysis.text, converted) and _none_of(question, converted):
        return False  # "还有…吗" where the report says 无/没有
    if not analysis.intent.yes_no:
        return None
    borne = convert_numerals(clean(evidence))  # what may bear the claim out (phrasings too)
    if _TOP_CLAIM_RE.search(question) and _TOP_RANK_RE.search(borne):
        return True  # "在全省排得上号吧", "算靠前的吧" of 处于全省前列 (whose rank it is: rule_rank_subject)
    if not _stated(analysis.core, borne):
        return None
    if _names_unborne(analysis.core, borne):
        return None  # "营商码是不是上了新闻联播" of 《朝闻天下》: a thing named that the evidence never names
    if _only_a_step(analysis.core, converted, question):
        # "已经正式成为示范项目了吗" of 入围…推荐名单: only a step towards it. Whether it then
        # failed ("最后没评上吧") the report does not say either: no verdict on a denial
        return None if negates(_NOT_BUT_RE.sub("", analysis.text)) else False
    if not all(_writes_number(n.text, borne) for n in analysis.numbers):
        return None  # a number claimed that the evidence never writes: nothing to bear it out
    own = convert_numerals(clean(_own_clause(evidence, figure)))
    if _UNIVERSAL_RE.search(question) and not _UNIVERSAL_RE.search(own) and "100%" not in own:
        # "所有证明都不用开了" of 50余类证明材料: the report says it of some, never of all; "每个执法
        # 的人都有" of 4400台: the 全部 of the next clause is about 音像记录, not the figure's
        return None
    return True


# A claim that a figure stands near the top (its cannot form included: "排不上号" claims "排上号",
# turned round by `cannot`), and the report's words for it.
_TOP_CLAIM_RE = re.compile(
    r"靠前|前列|领先|排(?:到|在|得)?前(?:面|头|边)|排不?得?上号|排不?得?上名|数[一1]数[二2]|名列前茅|拔尖|上游|前几名|算不?得?上(?:靠前|前列|领先)|"
    r"不差|不错|(?:挺|很)好|"  # "在省里不差吧": doing well, said in everyday words
    r"(?:全省|全国|全市)(?:排名)?第[一1](?![批次届期号条款章节项\d])"  # "从没拿过全省第一"
)
_TOP_RANK_RE = re.compile(r"前列|领先|第[一1](?![批\d])|靠前")


def _names_unborne(core: str, borne: str) -> bool:
    """Whether the claim names a thing (a common noun of four or more characters, such as a
    programme's name, or a body of three: 电视台) that the evidence never writes: nothing bears
    that part of it out."""
    return any(
        (len(w) >= 4 or (len(w) == 3 and w[-1] in _OUTLETS)) and lexicon.is_noun(w) and w not in borne
        for w in lexicon.segment(core)
    )


# The last character of a three-character name of a body that does or reports something
# ("电视台", "报社", "公安局"): a claim naming one the evidence never names is not borne out.
_OUTLETS = frozenset("台社局厅署站所")


def _own_clause(evidence: str, figure, told_after: bool = False) -> str:
    """The clause of the evidence that writes the figure ("为执法人员配备执法记录仪4400台"); the
    whole evidence when there is no figure or it is not written there. `told_after`: with the
    clauses right after it that write no number ("…压缩率74.1%,处于全省前列")."""
    value = getattr(figure, "value", "") if figure is not None else ""
    if not value or value not in evidence:
        return evidence
    sentence = next((s for s in re.split(r"[；;。\s]", evidence) if value in s), evidence)
    clauses = re.split(r"[，,、]", sentence)
    at = next((i for i, c in enumerate(clauses) if value in c), None)
    if at is None:
        return evidence
    after = itertools.takewhile(lambda c: not re.search(r"\d", c), clauses[at + 1 :]) if told_after else ()
    return "，".join([clauses[at], *after])


_NUMBER_WRITTEN_RE = re.compile(r"(\d+(?:\.\d+)?)(万|亿|千|百)?")


def _writes_number(asked: str, evidence: str) -> bool:
    """Whether the evidence writes the number a claim says, as a number of its own with its
    magnitude ("1万" is not the 1 of cctv13, nor of 13)."""
    found = _NUMBER_WRITTEN_RE.search(asked)
    if found is None:
        return True
    token = found.group(1) + (found.group(2) or "")
    return re.search(rf"(?<![\d.a-z]){re.escape(token)}(?![\d.])", evidence) is not None


# A claim about every one of a kind ("所有证明都不用开了"): borne out only by a report that says so.
_UNIVERSAL_RE = re.compile(r"所有|全部|一切|任何|一律|全都|统统|全覆盖|每(?:一)?[个位名家人户件项]|人人|个个|家家")
_TITLE_RE = re.compile(r"《+([^《》]{2,30})》+")  # a programme, a document, a publication named
MIN_PLACED = 2  # characters of the question's words the evidence writes right after its own place


def _misplaced(question: str, evidence: str) -> bool:
    """The question places a thing in one place where the evidence writes it after another
    ("龙光桥街道是资阳区的吧" of "…赫山区龙光桥街道")."""
    asked = {found.text: found.level for found in gazetteer().find(question)}
    if not asked:
        return False
    for found in gazetteer().find(evidence):
        if found.level not in asked.values() or any(found.text in a or a in found.text for a in asked):
            continue  # only another place of the level asked (赫山区 against 资阳区) places it elsewhere
        after = evidence[found.end : found.end + 8]
        if gazetteer().find(after[: MIN_PLACED + 1]):
            continue  # a list of places ("资阳区、南县"): nothing placed in the first
        if any(after[:k] in question for k in range(len(after), MIN_PLACED - 1, -1)):
            return True
    return False


MIN_LISTED = 2  # places of one level the report must list before a place it leaves out is "not one of them"


def _not_listed(question: str, stated: str) -> bool:
    """The question claims a place the report's list of places of that level leaves out
    ("沅江市也评上了吧" where it lists 资阳区、南县 and 赫山区龙光桥街道)."""
    asked = gazetteer().find(question)
    listed = gazetteer().find(stated)
    for place in asked:
        same = {f.text for f in listed if f.level == place.level}
        if len(same) >= MIN_LISTED and not any(place.text in f or f in place.text for f in same):
            return True
    return False


def _none_of(question: str, stated: str) -> bool:
    """Whether the report says there is none of what the question claims some of ("还有跑两次的
    事项吗" of 无跑动2次或以上事项); "无车证明" names a certificate, nothing said to be none."""
    return any(stated[m.end() : m.end() + 1] in question for m in _NONE_RE.finditer(stated) if m.end() < len(stated))


def _as_stated(question: str) -> str:
    """The claim of a question read positively: its question frames and negations taken out."""
    return _NEGATION_RE.sub("", _QUESTION_FRAMES_RE.sub("", question))


def _number_contradicted(analysis: Analysis, question: str, converted: str, judged: str = "") -> bool:
    """Whether a number the claim states in a unit is one the report writes differently in that
    unit (连续3年 vs 连续2年, 新增10个 vs 新增5个; cctv12 vs cctv13); numbers in the units of
    `judged` (the figure's, judged as a range already) are left out."""
    for found in _TOKEN_RE.finditer(question):
        token, at = found.group(0), found.start()
        if token in converted and (token[:1].isalpha() or question[at : found.end() + 1] in converted):
            continue  # ("只拿了1年全省第1": the 1 of 第1 is no 1年)
        if at > 0 and question[at - 1] in "上前去今明后每近这那":
            continue  # "比上1年多了吗": a year pointed at, no count claimed
        letters = re.match(r"[a-z]+", token)
        if letters and letters.group(0) in converted and re.search(letters.group(0) + r"\d+", converted):
            return True  # cctv12 vs cctv13 (letters the evidence writes too: a name, not pinyin)
        if letters:
            continue  # letters glued to a number ("dadao25%"): not a figure of its own
        unit = question[found.end() : found.end() + 1]
        if unit == "年" and question[found.end() + 1 : found.end() + 2] in ("里", "内", "中", "间", "来"):
            continue  # "政府1年里要拍板的大事": a span the asker tells, no count of years claimed
        if token == "1" and unit and _only_articles(analysis.text, unit):
            continue  # "有没有新增一个立法联系点": the one introduces it, no count claimed
        if unit and unit not in judged and re.search(r"\d" + re.escape(unit), converted):
            return True
    return False


def _only_articles(text: str, unit: str) -> bool:
    """Whether every one written in `unit` ("1个") only introduces what follows it."""
    ones = list(re.finditer(r"(?<![\d.])1" + re.escape(unit), text))
    return bool(ones) and all(article(text, m.start(), m.end()) for m in ones)


def _claims_some(question: str, stated: str) -> bool:
    """Whether the question says 有 of its own, not as letters of a word the report writes
    ("有无房证明" is the name of a certificate)."""
    return any(
        c == "有" and question[i : i + 3] not in stated and question[max(i - 2, 0) : i + 1] not in stated
        for i, c in enumerate(question)
    )


def _only_a_step(core: str, evidence: str, question: str) -> bool:
    """The evidence's clause holding what is claimed calls it a step towards it (入围…推荐名单),
    and the question does not."""
    claim = _NOT_CLAIM_RE.sub("", _as_stated(core))
    words = [w for w in lexicon.segment(claim) if len(w) >= 2 and w not in _NOT_CLAIMED]
    if not words:
        return False
    for clause in re.split(r"[,，。；;]", evidence):
        if words[-1] in clause:
            steps = _TENTATIVE_RE.findall(clause)  # "进了推荐名单" names the step 入围…推荐名单 too
            # ("是全国的名单吧": 名单 is what the step is called, said short)
            return bool(steps) and not any(step in question or words[-1] in step for step in steps)
    return False


# What the evidence calls a step towards a thing, not the thing (入围推荐名单, 候选, 提名, 拟).
STEP_RE = re.compile(r"推荐名单|候选|提名|入围|初评")  # a step towards a thing (rules.rule_after_the_step too)
_TENTATIVE_RE = re.compile(STEP_RE.pattern + r"|拟")
STATED_MIN = 0.34  # share of the claim's character pairs the evidence must have for 是的
_NOT_CLAIM_RE = re.compile(r"[^\u4e00-\u9fff]|[的了吗呢啊吧呀嘛么是有]")


_NOT_CLAIMED = frozenset(
    "可以 能够 应该 已经 需要 必须 一直 还是 就是 真的 确实 都是 全部 所有 现在 目前 当时 真的假的 假的 一下 这样 那样 "
    "上一年 上年 去年 前年 今年 以前 过去 往年 同期 "
    "推动 推进 开展 进行 实施 搞好 抓好 回事 这回事 这事 "
    "里面 里头 里边 上面 当中 之中 中间".split()  # how a thing is done or checked, or where, not what is claimed
)


_NOT_CLAIMED_RE = words_re(_NOT_CLAIMED)


def _stated(core: str, evidence: str) -> bool:
    """Whether the evidence states the claim at all: most of the claim's character pairs are
    in it ("要自己去申请吗" of 首次不罚 states nothing the report says: no 是的)."""
    if any(word not in evidence for word in re.findall(r"[a-z]{2,}", core)):
        return False  # letters left unread ("是 diandi 的吗"): a claim the evidence cannot bear out
    claim = _NOT_CLAIM_RE.sub("", _as_stated(core))
    claim = _in_evidence_words(claim, evidence)
    said = _NOT_CLAIMED_RE.sub("", claim)  # "应该是降了吧": 应该 is how it is said, not what
    pairs = [said[i : i + 2] for i in range(len(said) - 1)]
    plain = re.sub(r"[\d.%]", "", evidence)  # the claim's numbers are left out of it, so of the evidence too
    if pairs and sum(p in evidence or p in plain for p in pairs) / len(pairs) < STATED_MIN:
        return False
    # what is claimed comes last ("…在全省是垫底的吗", "…都去出庭了吗"): the evidence must have it
    words = [w for w in lexicon.segment(claim) if len(w) >= 2 and w not in _NOT_CLAIMED]
    return (
        not words or words[-1] in evidence or any(words[-1][i : i + 2] in evidence for i in range(len(words[-1]) - 1))
    )


_MORE_THAN_BEFORE_RE = re.compile(_AGAINST_YEAR_BEFORE + "(?:要|还|更)?[多高]")
_LESS_THAN_BEFORE_RE = re.compile(_AGAINST_YEAR_BEFORE + "(?:要|还|更)?[少低]")
_WAY_RES = (words_re(WAYS_UP), words_re(WAYS_DOWN))
# A way denied, then the other claimed ("没降反而涨了", "不是减少而是增加"): the denial is left out.
_NOT_BUT_RE = re.compile(
    r"(?:没有|没|未|不是|并没有|并未|不)(?:"
    + "|".join(WAYS_UP + WAYS_DOWN)
    + r")(?:了)?[，,]?(?:反而|反倒|却|而是|倒是|反(?=[\u4e00-\u9fff]))"  # "没增反降"
    + r"|不是[^，,。？?！!]{1,20}?[，,]?而是"  # "不是省里的名单，而是全国…": the other claimed
)


# The first of a series said as an ordinal ("第一批", "头一批") where the report writes 首批.
_FIRST_OF_RE = re.compile(r"(?:第|头)[一1]([批届次期个家])")


# A verb split by its aspect ("发过言", "上过电视") where the report writes the word whole (发言).
_ASPECT_RE = re.compile(r"([\u4e00-\u9fff])[过了]([\u4e00-\u9fff])")
# Television said in everyday words ("上过电视", "电视上播了"), never a station by name (电视台).
_ON_TV_RE = re.compile(r"电视(?!台)")
# Not having to do something ("不用再交", "无需提交") where the report writes 免提交 / 免罚.
_EXEMPT_RE = re.compile(r"(?:不用|无需|不需要|不必|用不着|不要)(?:再|去|自己)?(?:提)?([\u4e00-\u9fff])")


def _exempt_word(match: re.Match[str], evidence: str) -> str:
    """The report's 免-word ending in the verb the claim says need not be done, or the claim."""
    found = re.search(r"免[\u4e00-\u9fff]?" + re.escape(match.group(1)), evidence)
    return found.group(0) if found else match.group(0)


def _in_evidence_words(claim: str, evidence: str) -> str:
    """The claim with its words of a direction in the evidence's own word for that direction
    ("增多了" of 上升110% reads "上升了"), with the first of a series and what need not be done
    in the evidence's words (第一批 of 首批, 不用交 of 免提交), and what a change is measured against left out."""
    claim = _MORE_THAN_BEFORE_RE.sub("增多", _LESS_THAN_BEFORE_RE.sub("减少", claim))  # "比上一年多"
    claim = COMPARED_RE.sub("", claim)
    claim = _EXEMPT_RE.sub(lambda m: _exempt_word(m, evidence), claim)
    claim = _ASPECT_RE.sub(
        lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in evidence else m.group(0), claim
    )
    if "cctv" in evidence:  # (the evidence as cleaned: lower case)
        claim = _ON_TV_RE.sub("cctv", claim)  # "上过电视" of a CCTV channel's report
    claim = _FIRST_OF_RE.sub(lambda m: "首" + m.group(1) if "首" + m.group(1) in evidence else m.group(0), claim)
    for way, written_re in zip((_WRITTEN_UP, _WRITTEN_DOWN), _WAY_RES):
        written = next((w for w in way if w in evidence), "")
        if written:
            claim = written_re.sub(written, claim)
    return claim


def stated_figure(text: str, analysis: Analysis):
    """The one figure an explanation states in the unit a check counts in ("…接入了…300多个
    业务应用…" for "有没有三百个"), or None."""
    from bot.knowledge.reporttext import figures_of

    units = {n.unit[-1:] for n in analysis.numbers if n.unit}
    # "免了3000多万是吧": a magnitude with no unit checks a figure in that magnitude (2000余万元)
    units |= {n.text[-1] for n in analysis.numbers if not n.unit and n.text[-1:] in ("万", "亿")}
    # the thing the checked number counts ("五个方面"): the figure's own words must name it
    counted = [analysis.text[n.end : n.end + 2] for n in analysis.numbers if n.unit]
    counted = [c for c in counted if re.fullmatch(r"[\u4e00-\u9fff]{2}", c) and not _QUESTION_FRAMES_RE.match(c)]
    found = {
        f.value: f
        for f in figures_of(text)
        if (f.unit[-1:] in units or f.unit[:1] in units)
        and all(c in f.own_words for c in counted if c not in ("的吗", "了吗", "是吗"))
    }
    return next(iter(found.values())) if len(found) == 1 else None


# Units that count things (4400台, 5100多名, 6125家): any two are counts, compared as numbers;
# money, rates and times are compared only with their own kind.
_COUNT_UNITS = frozenset(COUNT_UNITS)


def _comparable(first: str, second: str) -> bool:
    return first[-1:] == second[-1:] or (first[-1:] in _COUNT_UNITS and second[-1:] in _COUNT_UNITS)


def larger_of(first, second) -> int | None:
    """0 or 1: which of two verbatim figures is larger, when their units are the same and their
    ranges (qualifiers 余/近/多 included) cannot overlap; else None (the reply says nothing)."""
    if first.number is None or second.number is None or not _comparable(first.unit, second.unit):
        return None
    a = figure_range(first.number, scale_of(first.unit), first.qualifier)
    b = figure_range(second.number, scale_of(second.unit), second.qualifier)
    if a[0] > b[1]:
        return 0
    if b[0] > a[1]:
        return 1
    return None


def same_figure(first, second) -> bool:
    """Whether two verbatim figures are one exact number in one kind of unit (11项 and 11个: both
    counts), neither with a qualifier (余/近/多 leave it open)."""
    if first is None or second is None or first.number is None or second.number is None:
        return False
    if first.qualifier or second.qualifier or not _comparable(first.unit, second.unit):
        return False
    return first.number * scale_of(first.unit) == second.number * scale_of(second.unit)
