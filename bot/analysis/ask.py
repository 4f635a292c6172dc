"""The ask inside a message: the clauses that ask, apart from the story around them.

A citizen's message is often context plus the ask: "我家在赫山区开了个小店 前两年被罚过 …
想问下2023年全市有多少家企业享受到了这个啊". The ask decides what is asked; the context never
sets a year or a place, never causes a decline and never appears in "报告中没有…". Names in the
context may still resolve the ask's references ("这个", "他们局"): the clause just before an ask
that points back is kept with it.

`find_ask(text, report)` returns the ask (the whole text when the message is one question) and
the context left out. With the report's normalised text, a clause that does not ask is context
when the report has (almost) none of its words ("晚上看电视的时候", "吃饭的时候一家人争了半天"):
a story is made of words the report lacks, the subject of a question of words it has. Clauses are cut at punctuation and at the spaces of voice input; a clause
asks when it has a question word or a request ("列一下", "告诉我"); a lead ("我想问问", "请问",
"想知道") starts the ask even before its question word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from bot.analysis.check_words import bare_check, offers_choice
from bot.analysis.guards import ADDRESSED_GREETING
from bot.analysis.numbers import find_numbers, states_number
from bot.analysis.places import gazetteer
from bot.analysis.scope import year_words
from bot.analysis.split import under_frame
from bot.text.lexicon import segment
from bot.text.normalize import clean, convert_numerals
from bot.text.pairs import occurs, pairs_of

# Clause breaks: punctuation, and spaces between words (voice input writes no commas).
_BREAK_RE = re.compile(
    r"[，,。！!？?；;：:\n\r\t…~～—－]+|(?<!\d)\.+|\.+(?!\d)|-{2,}|(?<=[吗呢])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=说来话长|是这样的)|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\dA-Za-z《“「『（(])"
)
# Words that make a clause ask something (a question word, a check, a request); 几千/几万 is
# an amount told ("本来要罚几千块"), not asked.
_ASKS_RE = re.compile(
    r"(?<![没不])多少|(?<![好那这前近十没])几(?!个?(?:月|年|天|周|回)(?:后|前|来|里|以后|以前|之后|之前|了|都|就))(?:个|项|家|件|人|名|次|台|条|类|所|批|种|年|月|天|成|起|场|位|处|支|部|套|期|届|号)|"
    r"第几|百分之几|难道|什么|啥|哪|吗|么$|嘛$|呢$|是不是|是否|有没有|有无|怎么|怎样|如何|咋(?=[\u4e00-\u9fff])|(?:有|是)好[高大](?=[啊呀呢咯嘞]*$)|多大|多高|(?<![没不])多久|(?<![没不])多长|谁|为何|为什么|[多少高低大小]还是|"
    r"能否|可否|能不能|可不可以|会不会|要不要|用不用|对吧|对不对|(?:对|是)(?:不|咯|噻)[啊呀咯啵]?$|没错吧|真的假的|真的还是|是真是假|了没$|没有$|高不高|多不多|大不大|好不好|行不行|算不算|吧$|"
    r"列一下|列出|列个|说说|讲讲|说一下|讲一下|介绍|告诉我|查一下|查查|(?<!汇)报一下|给我|分别|各是|各有|比较|"
    r"想知道|想了解|请问|问问|问一下|问下|概括|概述|总结一下|总结下|(?<![听我他她])(?:说|讲)下(?!班|雨|去|来|午)"
)
# A lead: the ask starts here, even when its question word comes later.
_LEAD_RE = re.compile(
    r"(?:我|俺|咱)?(?:就|还|主要|只是|其实|现在)?(?:想|要|来)?(?:问问|问一下|问一问|问下|打听一下|打听下|咨询一下|请教一下|请教)|"
    r"请问|(?:现|特|特此|今)?(?:冒昧|斗胆)(?:地)?(?:咨询|请教|询问)(?:一下)?|(?:敬|烦|恳|特|望)请(?:告知|答复|解答|提供)|请(?:告知|赐教|提供)|望告知|"
    r"(?:我|俺)(?:就|还|主要|只|先)?想问(?![题])|顺便问(?:一句|一下|问)?|问一句|"
    r"(?:再|另外|我再)?问(?:个|点|一个)?别的|换个(?:问题|话题)|(?:再|另外)问(?:一个|个|一下)|"
    r"(?:麻烦|劳驾)(?:您|你)?(?:帮我|给我)?(?:看看|查查|查一下|问问)|(?:帮我|给我)(?:看看|查查|查一下)|(?:我|俺)(?:就|还|主要)?想(?:看看|查查|瞧瞧)|(?:我|俺)?(?:就|还|主要|先)?(?:想|很想)(?:先)?(?:知道|了解)(?:一下|下)?|(?:我|俺)?(?:就|挺|很)?好奇(?:的是)?|(?:帮我|麻烦)?查一下"
)
# A lead asking for items: kept with them, so the items are read as a list asked for.
_ITEMS_REQUEST_RE = re.compile(r"(?:敬|烦|恳|特|望)?请提供")
# A lead opening the message, with what follows it ("请问！", "劳驾问下，"): the ask comes after.
_LEAD_FIRST_RE = re.compile(r"^\s*(?:劳驾|麻烦|打扰一下)?(?:" + _LEAD_RE.pattern + r")[！!，,。.:：~～…\s]*")
# An ask that points back at the context ("这个", "他们局") keeps the clause before it.
_POINTS_BACK_RE = re.compile(
    r"这个|这种|这项|这些|这类|这块|这方面|这事|那[个种些项本家位次条句部件套批类]|那几|该|它|他们|她们|上面|前面说的|这|"
    r"同一?[批届期次]"  # "同一批评上的还有哪些": the batch of what was said before
)
_INSIDE_START_RE = re.compile(r"\s*(?:那|这)?(?:里面|里头|其中|当中)")
# "普法这一块", "政务服务这方面": a place word after the area's own name points back at nothing.
_AREA_WORD_RE = re.compile(r"这一?块|这一?方面|这部分|这一部分|这个方面|这个领域")


def _points_back(clause: str) -> bool:
    """Whether an ask points back at the context: a word of pointing, not the place word after
    a name of its own ("普法这一块搞了什么名堂"), or one that starts inside what was named
    ("…的旗舰店 里面接了多少个应用")."""
    if _INSIDE_START_RE.match(clause):
        return True
    for m in _POINTS_BACK_RE.finditer(clause):
        area = _AREA_WORD_RE.match(clause, m.start())
        if area and len(re.findall(r"[\u4e00-\u9fff]", clause[: m.start()])) >= 2:
            continue
        return True
    return False


# A request for several figures at once: the clauses before it are its items.
_LIST_REQUEST_RE = re.compile(
    r"列一下|列出来|都列|一起报|(?<!汇)报一下|一起说|一起讲|一块说|都说(?=一下|下|说|吧|$)|说下|讲下|报下|列下|几个数字?|[两二三四五六]个数字?|各多少|各是多少|分别是多少|分别多少|都是多少"
)
# An ask that picks one of what was named before it ("哪个多", "谁高"): its subjects are before it.
_SELECTS_RE = re.compile(
    r"^(?:那|那么)?[\u4e00-\u9fff]{0,3}?(?:哪个|哪一个|哪项|哪样|哪边|谁)[\u4e00-\u9fff]{0,3}?(?:更|要)?[多少高低大小]|"
    r"^(?:那|那么)?(?:哪个|哪一个|哪项|哪样|哪边|谁)|^(?:那|那么)?比(?![例率重较])|"
    r"^(?:那|那么)?(?:是不是|是否)?(?:一样|差不多|相同|相等)"  # "A 和 B 一样多吗"
)
# A clause that is only a join ("A 和 B"): the clauses either side of it are one.
_BARE_JOIN_RE = re.compile(r"^(?:和|跟|与|同|及|以及|还有|或者|或)$")
# A clause naming the second of two compared ("跟立法联系点提的意见比"): the first is before it.
COMPARED_WITH_RE = re.compile(r"^(?:跟|和|与|同)[\u4e00-\u9fff]{2,20}(?:比|相比|比较|比一比|比起来)$")
# A request to confirm ("我想确认一下报告里原话是怎么写的"): what it confirms is the claim before it.
_CONFIRMS_RE = re.compile(r"确认|核实|核对|求证|证实|对一下|对对")
# Question words that also tell an indefinite amount or time ("来了几个执法的", "几个晚上没睡好",
# "总怕哪天违规了"): in a clause of the story they tell, when a later clause asks.
_INDEFINITE_RE = re.compile(
    r"了好?几[\u4e00-\u9fff]?|好?几个?(?:晚上|小时|钟头|星期|礼拜|夜|宿|月|年|天|回|趟)|哪天|哪一天|谁(?=知道|想到|料到)"
)
_SOME_RE = re.compile(r"(?<![第])几[\u4e00-\u9fff]?")
TOLD_COVERAGE = 0.2  # a clause asking only by those, with at most this share of the report's pairs, tells
_MORE_ITEM_RE = re.compile(r"^(?:还有|再加上|加上|以及|再就是|另外)")
_NUMBER_RE = re.compile(r"[\d零一二两三四五六七八九十百千万亿]")  # "真的假的，两个亿？": an amount is never a feeling
_SIGH_END_RE = re.compile(r"(?<=\S)[，,。！!？?\s]+(?:唉|哎|哎呀|唉呀|嗯|哦|嗐)[！!。…~～\s]*$")
# A clause that still asks in some form ("收不收费", "几点上班", "…吗"): never a feeling to shed.
_QUESTION_FORM_RE = re.compile(r"几|([\u4e00-\u9fff])[不没]\1|[吗吧呢嘛么？?]")
_MEASURE_WORD_RE = re.compile(r"[数率额]|人次|名单|清单")  # "刑事破案数 具体起数": what a lookup asks
MIN_CONTEXT_CHARS = 24  # shorter messages are one question: no story to leave out
REFER_CLAUSES = 2  # how many clauses before a pointing ask may name what it points to
STORY_COVERAGE = 0.1  # a clause with at most this share of its character pairs in the report is story
MIN_ASK_CONTENT = 4  # an ask with fewer content characters takes the clause before it too
NAMED_COVERAGE = 0.5  # a message without a question word this much in the report's words names its subject
_FILLER_RE = re.compile(
    r"[啊呀呢吧嘛哦哈么的了吗喂嗯呃]|一下|请问|问问|我想|想问|知道|了解|到底|究竟|那么|就是|然后|那"
)


@dataclass(frozen=True)
class Ask:
    text: str  # what is asked (the whole message when nothing is left out)
    context: str = ""  # the clauses left out
    refers: str = ""  # context clauses the ask points back to ("这个委员会"): for references only

    @property
    def has_context(self) -> bool:
        return bool(self.context)


# Time words of a personal story ("前几天", "上个月"): a clause with one is context, and in speech one starts a new clause.
_STORY_TIMES = "|".join(
    ("以前", "前阵子", "前段时间", "前些天", "前些日子", "前几年", "那阵子", "那会儿")
    + ("上次", "上个月", "上周", "上礼拜", "上星期", "昨天", "前几天", "有一次", "当时", "后来")
)
# Where a clause starts in speech typed without punctuation: connectives and a speaker's
# "I / we / my …" ("…腿脚也不好听说现在好多事情网上就能办了…", "…孙子说一部手机就够了市本级…"),
# never right after a word that joins two subjects ("…多还是全市…", "…和全市…").
_SPOKEN_BREAK_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<!还是)(?<![和跟与比及或])(?=隔壁|"
    + _STORY_TIMES
    + r"|听说|听人说|听讲|但是|可是|不过|所以|然后|结果|现在听说|到底|感觉|前年|上回|前两天|前些天|前些日子|前段时间|(?<![帮给让叫问替教跟和对])(?:他|她)(?![市省国区县])|(?<![帮给让叫问替教跟和对])(?:你|您)(?!们)|(?<![帮给让叫诉问替教])我(?![市省国区县])|(?<!我)想问|请问|俺们|俺家|"
    r"孩子|儿子|女儿|老伴|孙子|朋友|邻居|顺便|麻烦|(?<![在从到去来回对给为是])(?:市本级|全市|益阳)|(?<=[了吧啊呢嘛哦])那(?![个些么样边里儿时种]))"
)
LONG_UNBROKEN = 20  # a clause this long without punctuation is cut where speech starts a new one


def clauses(text: str, report: str = "") -> list[str]:
    parts = [c for c in (part.strip() for part in _BREAK_RE.split(text)) if c]
    out: list[str] = []
    for part in parts:
        # an enumeration is typed, not spoken, up to its last item: what runs on after it may be
        # spoken ("A了几件、B多少我问这个是因为…")
        listed, mark, spoken = part.rpartition("、")
        unbroken = len(spoken) >= LONG_UNBROKEN
        pieces = (_objects_kept([c for c in _SPOKEN_BREAK_RE.split(spoken) if c], report) if unbroken else []) or [
            spoken
        ]
        if listed:  # the last item runs on up to where a story starts
            told = next((k for k, piece in enumerate(pieces) if k and narrative(piece)), len(pieces))
            pieces = ["".join(pieces[:told]), *pieces[told:]]
        pieces[0] = listed + mark + pieces[0]
        out += [cut for piece in pieces for cut in _story_cut(piece, report)]
    return out


MIN_TAIL = 4  # characters of the report's words a story's last clause must end on to be asked
TAIL_COVERAGE = 0.75  # share of a tail's character pairs the report must have


def _report_tail(clause: str, report: str) -> str:
    """The report's words a story's clause ends on ("心里挺高兴音像记录存档数" ends on
    音像记录存档数): from where a run of the report's pairs starts, the longest tail most of whose
    pairs the report has, when it is a keyword query of its own."""
    if not report:
        return ""
    pairs = pairs_of(report)
    covered = [clause[i : i + 2] in pairs for i in range(len(clause) - 1)]
    for k in range(0, len(clause) - MIN_TAIL + 1):
        if not covered[k] or (k and covered[k - 1]):
            continue  # not where a run of the report's words starts
        tail = clause[k:]
        named = len(tail) - len(_COUNT_NOUN_END_RE.search(tail).group(0))  # "…考试|人数": the count asked
        pairs = covered[k : k + max(named - 1, 1)]
        if named >= MIN_TAIL and sum(pairs) / len(pairs) >= TAIL_COVERAGE and not narrative(tail):
            return tail
    return ""


# The count a keyword query ends on, in words of its own ("执法资格考试人数"): not the report's.
_COUNT_NOUN_END_RE = re.compile(r"(?:人数|件数|个数|项数|数量|总数|多少)?$")


def _requests_only(piece: str) -> bool:
    """A request with no object yet, a year or place at most ("烦请告知2023年度"): what it asks
    for comes next."""
    lead = _LEAD_RE.search(piece)
    return lead is not None and scope_only(convert_numerals(piece[lead.end() :]))  # "二〇二三年度" too


def _objects_kept(pieces: list[str], report: str) -> list[str]:
    """Pieces of speech cut where a new clause may start, with a piece that neither asks nor
    tells a story joined back to the asking piece before it: its object ("哪个电视栏目报道了
    | 益阳营商码的推广应用")."""
    out: list[str] = []
    for piece in pieces:
        if out and (_asks(out[-1]) or _requests_only(out[-1])) and not _asks(piece) and not _story(piece, report):
            out[-1] += piece
        else:
            out.append(piece)
    return out


MIN_STORY_PREFIX = 4  # characters a story prefix has at least


def _story_cut(clause: str, report: str) -> list[str]:
    """A long clause typed without a break, a story running into the question ("我大姨住在华容
    开了家五金店挺感动的涉企执法案件柔性执法率…"): cut where the report's words start, when all
    before is a story (its own words, almost none of the report's) and what follows still asks."""
    if not report or len(clause) < LONG_UNBROKEN:
        return [clause]
    text = clause
    pairs = pairs_of(report)
    covered = [text[i : i + 2] in pairs for i in range(len(text) - 1)]
    places = None  # found once, at the first run start
    for k in range(len(covered) - 2, MIN_STORY_PREFIX - 1, -1):
        if not covered[k] or covered[k - 1]:
            continue  # not where a run of the report's words starts
        places = gazetteer().find(text) if places is None else places
        k = _word_start(text, k, places)
        head, rest = text[:k], text[k:]
        if narrative(head) and coverage(head, report) <= STORY_COVERAGE and _asks(rest):
            return [head, rest]
    for k in range(MIN_STORY_PREFIX, len(covered)):  # the question first, the story after it
        if not covered[k - 1] or covered[k]:
            continue  # not where a run of the report's words ends
        head, tail = text[: k + 1], text[k + 1 :]
        if (
            len(tail) >= MIN_STORY_PREFIX
            and not _asks(tail)
            and narrative(tail)
            and coverage(tail, report) <= STORY_COVERAGE
        ):
            return [head, tail]
    return [clause]


def _word_start(text: str, k: int, places: list) -> int:
    """Where the run of the report's words starting at k really starts: a place name (of the
    text's `places`) it runs on from ("…了解《益阳市行政执法…": the report's text has no 益阳) and an
    opening mark before that belong to the asking part, never to the story."""
    k = next((f.start for f in places if f.start < k < f.end), k)
    while k and text[k - 1] in _OPENING_MARKS:
        k -= 1
    return k


_OPENING_MARKS = "《“‘「『(（"


def _at_lead(clause: str) -> list[str]:
    """A clause cut where a lead starts inside it ("我二舅在芷江送外卖就想打听一下…")."""
    lead = _LEAD_RE.search(clause)
    if lead is None or lead.start() == 0 or not narrative(clause[: lead.start()]):
        return [clause]
    return [clause[: lead.start()], clause[lead.start() :]]


# Telling someone else ("我想给我孙子讲讲", "回去跟老伴说说"): the asker's plan, not a request.
_RETELLS_RE = re.compile(
    r"(?:给|跟|对|向|同)(?!(?:我|俺|咱)(?:们)?(?:讲|说|介绍|解释|详细|简单|大概|具体|仔细|好好))"
    r"[\u4e00-\u9fff]{1,6}?(?:讲讲|说说|讲一下|说一下|介绍|解释)"
)


# A question the asker's story tells of having ("研究有什么政策", "不晓得有啥补贴"): no ask of theirs.
_EMBEDDED_RE = re.compile(
    r"(?:研究|琢磨|不晓得|不知道|不清楚|搞不清|弄不清|打听)(?:一下|过)?(?:有|是|去|到|上|在|该|能|要)?"
    r"(?:什么|啥|哪些|哪里|哪儿|哪|怎么|问谁|找谁)"  # "可是根本不晓得去哪找": where to look, not known
)


def _told(clause: str, report: str) -> bool:
    """A clause whose only question words tell an amount or a time, in words the report lacks,
    or any 几 in the asker's story ("我们几个朋友准备合伙开公司")."""
    if not report:
        return False
    if narrative(clause) and _SOME_RE.search(clause) and not _asks(_SOME_RE.sub("", clause)):
        return True
    if not _INDEFINITE_RE.search(clause) or _TOTAL_ASKED_RE.search(clause):
        return False  # "益阳一共配了几台": a total is asked, never told as "a few"
    return not _asks(_INDEFINITE_RE.sub("", clause)) and coverage(clause, report) <= TOLD_COVERAGE


# Not knowing whom or where, with words between ("都不晓得找哪个", "不知道该去哪个部门问"): told when
# another clause asks; alone it may be the ask put softly ("不知道法律援助找哪个").
_NOT_KNOWING = r"不晓得|不知道|不清楚|搞不清|弄不清|不懂"
_WHOM_OR_WHERE = r"什么|啥|哪些|哪里|哪儿|哪个|哪家|哪|怎么|谁"
_UNKNOWN_RE = re.compile(rf"(?:{_NOT_KNOWING})[\u4e00-\u9fff]{{0,5}}?(?:{_WHOM_OR_WHERE})")
_NOT_KNOWING_RE = re.compile(f"{_NOT_KNOWING}|{_WHOM_OR_WHERE}")  # the words of not knowing, taken out


def _unknowing(clause: str, alone: bool = True) -> bool:
    """A clause whose only question words say what someone looked into or did not know ("老板让我
    去研究有什么补贴政策可以申请", "可是根本不晓得去哪找"): told, not asked. With another clause
    asking (`alone` False), any not-knowing with words between counts too ("都不晓得找哪个")."""
    found = _EMBEDDED_RE if alone else _UNKNOWN_RE
    return bool(found.search(clause)) and not _asks(found.sub("", clause))


def _unknown_named(clause: str, report: str) -> bool:
    """Whether what someone does not know names the report's words ("不知道法律援助找哪个"), not
    only whom or where ("不知道该去哪个部门问")."""
    rest = _NOT_KNOWING_RE.sub("", clause)
    return _content(rest) >= 2 and coverage(rest, report) >= NAMED_COVERAGE


def _unknowing_told(clause: str, report: str) -> bool:
    """Not knowing only whom or where ("不知道该去哪个部门问"): the story's, whatever else asks."""
    return bool(report) and _unknowing(clause, alone=False) and not _unknown_named(clause, report)


def _story_goes_on(parts: list[str], i: int, ends: frozenset[int]) -> bool:
    """A clause telling "a few" (了几条) that ends a sentence of the asker's story begun just before."""
    before = parts[i - 1] if i > 0 else ""
    return (
        i in ends
        and narrative(before)
        and not _LEAD_RE.search(before)
        and bool(_INDEFINITE_RE.search(parts[i]))
        and not _TOTAL_ASKED_RE.search(parts[i])
        and not _asks(_INDEFINITE_RE.sub("", parts[i]))
    )


def _sentence_ends(text: str, parts: list[str]) -> frozenset[int]:
    """The clauses a statement's end (。！) follows in the text."""
    ends, at = set(), 0
    for i, part in enumerate(parts):
        found = text.find(part, at) if part else -1
        if found < 0:
            continue
        at = found + len(part)
        if text[at : at + 1] in ("。", "！", "!"):
            ends.add(i)
    return frozenset(ends)


# A question someone put to the asker, reported ("朋友问我…", "他问我…", "我妈老问…").
_REPORTED_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:问我|问过我|老问|常问|问起)")
_TOTAL_ASKED_RE = re.compile(r"(?:一共|总共|到底|究竟|合计|总计)[\u4e00-\u9fff]{0,3}几")


def _asking(parts: list[str], report: str, ends: frozenset[int] = frozenset()) -> list[int]:
    """The clauses that ask; one that only tells an amount or a time is left out when a later
    clause asks ("上个月店里来了几个执法的…到底配了多少台"), as is one going on with the asker's
    story to the end of its sentence (`ends`: clauses a 。 or ！ ends), "去年我们还专门去立法联系点
    座谈过，提了几条意见。"."""
    found = [i for i, part in enumerate(parts) if _asks(without_named(part, report))]
    # "朋友问我益阳法治政府搞得怎么样，…这份报告主要讲了哪几块": a question someone put to the
    # asker is the story when the last question names something of its own ("他问我…，2023年到底
    # 是多少人" names nothing, "…这两个金额哪个大" points back: the question reported is asked)
    if found and _asks_of_its_own(parts[found[-1]]):
        found = [i for i in found if not _REPORTED_RE.match(parts[i])]
    tells = {i: _told(parts[i], report) or _story_goes_on(parts, i, ends) for i in found}
    found = [i for i in found if not (tells[i] and any(j > i and not tells[j] for j in found))]
    # "…我问这个是因为…可是根本不晓得去哪找": what someone did not know, told before or after the ask
    found = [i for i in found if not (report and _unknowing(parts[i]))]
    # "…被人骗了钱都不晓得找哪个…受理了多少件": not knowing whom or where is told when another
    # clause asks or when it names nothing of the report ("不知道该去哪个部门问" after keywords)
    unknowing = {i for i in found if report and _unknowing(parts[i], alone=False)}
    found = [
        i for i in found if i not in unknowing or (len(unknowing) == len(found) and _unknown_named(parts[i], report))
    ]
    # "…说是调解的多了，真的假的，民商事一审收案是不是少了": a doubt before a question of its own
    # is the asker's, the question after it is asked
    found = [i for i in found if not (bare_check(parts[i]) and any(j > i and not bare_check(parts[j]) for j in found))]
    if found and bare_check(parts[found[-1]]):
        # "身份证老是找不到放哪。听说…都不用交了，是真的吗": a check naming nothing checks what
        # was told right before it; a question word before that tale is the story's
        told = [k for k in range(found[-1]) if _is_told(parts, k)]
        found = [i for i in found if not told or i > told[-1]]
    return found


def _asks_of_its_own(clause: str) -> bool:
    """Whether an asking clause is no question reported and names a subject of its own, pointing
    back at nothing."""
    return (
        not _REPORTED_RE.match(clause)
        and not _POINTS_AT_SEVERAL_RE.search(clause)
        and _content(YEAR_RE.sub("", clause)) >= MIN_ASK_CONTENT
    )


_POINTS_AT_SEVERAL_RE = re.compile(r"这两|那两|这几|那几|这些|那些|两者|二者|它们")  # "这两个金额哪个大"


def _claims(clause: str, told: bool, report: str) -> bool:
    """Whether a clause before a check naming nothing is the claim it checks: one in the report's
    words; told to the asker, in fewer of them or stating a number ("隔壁王叔说问话的屋子跟开听证
    的房间是近200处")."""
    share = coverage(_TOLD_BY_RE.sub("", clause), report)
    if not told:
        return share >= CLAIM_COVERAGE
    # "…还要带身份证…听我侄子说现在这两样东西都不用交了，是不是真的": told of what it points back at
    return share >= TOLD_CLAIM_COVERAGE or states_number(clause) or _points_back(_TOLD_BY_RE.sub("", clause))


def _amount_claimed(clause: str) -> bool:
    """Whether a clause after a check's frame states an amount of its own to check: more than
    one of something, not a date or a signature, not the asker's story."""
    if _SIGNATURE_RE.search(clause) or narrative(clause):
        return False
    return any(n.high > 1 for n in find_numbers(convert_numerals(clean(clause))))


def _claims_checked(parts: list[str]) -> list[int]:
    """The clauses a bare check ending the message checks when they state two figures or more
    ("询问室听证室有近六百处，法律援助案件是2900多件，没错吧"): the run of clauses stating a
    number right before it, none of the asker's story; [] otherwise."""
    if len(parts) >= 2 and not bare_check(parts[-1]):
        # "普法案例是不是有七十个，涉及二十多个方面": a frame opening a run of stated amounts
        # (each later amount a claim: "…就是一次都不用跑的那种" describes, a letter's "一名市民
        # 2024年2月27日" signs, a story tells)
        first = next(
            (k for k in range(len(parts) - 1) if under_frame(parts[k:]) and all(map(_amount_claimed, parts[k + 1 :]))),
            None,
        )
        return [] if first is None else list(range(first, len(parts)))
    if len(parts) < 3:
        return []
    first = len(parts) - 1
    while first > 0 and states_number(parts[first - 1]) and not narrative(parts[first - 1]):
        first -= 1
    return list(range(first, len(parts))) if len(parts) - 1 - first >= 2 else []


def _is_told(parts: list[str], k: int) -> bool:
    """Whether clause `k` is something the asker was told ("听说…", "我表姐说…", or a clause
    right after a lone "听说")."""
    if not parts[k]:
        return False
    if _TOLD_BY_RE.match(parts[k]):
        return True
    return k > 0 and bool(_TOLD_BY_RE.match(parts[k - 1] + parts[k])) and len(parts[k - 1]) <= MAX_TELLER


_LEADING_YEAR_RE = re.compile(r"^\s*(?:(?:那个|就是|也就是|嗯|呃)\s*)*(?:在|是)?((?:19|20)\d\d年)(?!\d)")
YEAR_RE = re.compile(r"(?:19|20)\d\d年")  # a year written out ("2019年")
NAMED_MIN = 4  # characters of a name of the report holding a question word ("谁执法谁普法")
NAMED_REACH = 4  # characters either side of the question word a name may run


def without_named(clause: str, report: str) -> str:
    """The clause without the report's own names that hold a question word ("…说是谁执法谁普法"
    names a duty, it does not ask who): those names blanked out."""
    if not report:
        return clause
    out = clause
    for m in _ASKS_RE.finditer(clause):
        s0, e0 = m.start(), m.end()
        spans = (
            (s, e)
            for s in range(max(0, s0 - NAMED_REACH), s0 + 1)
            for e in range(min(len(clause), e0 + NAMED_REACH), e0 - 1, -1)
            if e - s >= max(NAMED_MIN, e0 - s0 + 2)
        )
        for s, e in spans:
            if occurs(clause[s:e], report):
                out = out[:s] + " " * (e - s) + out[e:]
                break
    return out


# A question word with 都/也 says "any" ("啥都能办", "什么都不懂", "谁也不知道"): no question.
_ANY_RE = re.compile(
    r"(?:啥|什么|哪儿|哪里|哪|谁)(?:都|也)|"
    # "答应多少天内办完的那个时间": a question word inside what describes a thing names it
    r"(?:多少|几)[\u4e00-\u9fff]{0,8}?的(?:那个|那种|这个|这种|那些|这些)|"
    # "没几天就破案了", "前几年": a few, after a negation or a word of time, asks nothing
    r"(?:没|没有|不|过了?|前|这|那|头|隔)几个?(?:天|年|月|回|趟|次|分钟|小时|星期|礼拜|个月)|"
    # "他怕自己哪天不小心违了规", "万一哪天…": some day, a worry, no question
    r"(?:怕|万一|要是|说不定|指不定|保不齐|迟早|总有)[\u4e00-\u9fff]{0,3}?哪(?:天|一天|次|回)|"
    # "有么子争议一放就清楚", "有啥事都找他们": whatever there is, then what follows; no question
    r"有(?:什么|啥|么子)[\u4e00-\u9fff]{1,6}?(?:一[\u4e00-\u9fff])?(?:就|都)|"
    # "一辈子没跟政府部门打过什么交道": 什么 after a negation of the clause's verb is "any"
    r"(?<!有)(?:没|没有|不曾|从没|从来没)(?![\u4e00-\u9fff]{0,8}?(?:吗|呢)$)[\u4e00-\u9fff]{1,8}?(?:过|了)?什么(?=[\u4e00-\u9fff]{1,3}$)"
)


def clause_asks(clause: str) -> bool:
    """Whether a clause asks (a question word, a request or a check)."""
    return _asks(clause)


def _asks(clause: str) -> bool:
    told = _ANY_RE.sub("", _RETELLS_RE.sub("", clause)).rstrip("，,。.！!？?~～… ")  # "…吧，" ends in 吧 still
    # "…，三个数" and "帮我核实一下" ask too
    return bool(_ASKS_RE.search(told) or _LIST_REQUEST_RE.search(told) or _CONFIRMS_RE.search(told))


_NON_WORD_RE = re.compile(r"\W")
_SPACE_RE = re.compile(r"\s")


def _content(clause: str) -> int:
    """Characters of a clause's own subject: question words, requests and fillers left out."""
    return len(_NON_WORD_RE.sub("", _FILLER_RE.sub("", _ASKS_RE.sub("", _LIST_REQUEST_RE.sub("", clause)))))


# Politeness around a question: context too ("打扰一下…谢谢您😊", "劳驾问下…辛苦了").
_POLITE_RE = re.compile(
    r"(?:(?:先)?谢谢(?:您|你|啦|了)?|(?:先)?谢过(?:了|啦)?|多谢(?!谢)(?:了)?|感谢(?:您|你)?|辛苦(?:了|啦)?|麻烦(?:您|你)?了|打扰(?:一下|了)?|劳驾|"
    r"此致|敬礼|盼复|为盼|敬上|谨上|顺颂(?:商祺|时祺)?|不胜感激|万分感谢|(?:烦请)?拨冗(?:答复)?|"
    r"(?:您|你)好|" + ADDRESSED_GREETING + r"|嗯+|呃+|哈+)[!！~～。.…，,\s]*"
)
_SYMBOLS_RE = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+|\[[\u4e00-\u9fff]{1,4}\]")


_THANKS_FIRST_RE = re.compile(r"\s*(?:太|非常|十分)?(?:谢谢|多谢|感谢|谢过)")
# A turn to a new question at the start of a message ("问个别的", "换个问题", "另外问一下").
_OPENER_RE = re.compile(
    r"^\s*(?:好的|好|嗯|那|那么|哦)?[，,\s]*(?:我)?(?:再|另外|顺便)?(?:问(?:个|点|一个)?别的|换个(?:问题|话题)|"
    r"问一下别的|再问(?:一个|个|一下|下)|另外问(?:一个|个|一下|下)?|顺便问(?:一下|下|一句|问)?)(?:问题)?(?:啊|哈|吧)?[，,：:。.\s]*"
)


# A letter's closing ("此致 敬礼", "，敬请告知。", "盼复"): no part of the ask.
_CLOSING_RE = re.compile(
    r"[，,。.!！\s]*(?:此致\s*[，,。!！]?\s*敬礼|(?:敬|烦|恳|望)?请(?:告知|回复|答复|拨冗答复)|盼复|望复)[。.!！]*\s*$"
)
# A letter's signature: a name and the date of writing ("…谢谢！王女士 2024年9月26日"), or a name
# with a title ("…此致 敬礼！李先生"): who wrote it and when, never what is asked.
_SIGNATURE_RE = re.compile(
    r"(?:^|(?<=[\s，,。.!！?？]))\s*(?:(?:[\u4e00-\u9fff]{1,3}(?:女士|先生|同志|老师)|[\u4e00-\u9fff]{2,3})?\s*"
    r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|[\u4e00-\u9fff]{1,3}(?:女士|先生|同志))\s*$"
)


# A letter's salutation ("尊敬的领导：", "致益阳市司法局：", "市政府办公室负责同志："): whom it
# is written to, never what is asked.
_SALUTATION_RE = re.compile(
    r"^\s*(?:(?:尊敬的|敬爱的|亲爱的)[\u4e00-\u9fff]{1,12}?|致[\u4e00-\u9fff]{2,15}?|[\u4e00-\u9fff]{0,10}?"
    r"(?:领导|负责同志|同志|市长|局长|主任|书记|工作人员))(?:们)?\s*[：:]"
)


# A self-correction in speech ("…有多少项 不对 我是问…", "…多少条 不对 是提了大概多少条"): what
# follows replaces the ask before it. "对不对", "不对吧" check; they correct nothing.
# The words of a correction; a lone 不是 is none ("是2900件 不是3000件吧" denies the second).
_CORRECTION = (
    r"(?:不对不对|不是不是|(?:呃|嗯|哦|噢|啊)?(?:不对|说错了|说错|讲错了|搞错了|我?记错了|口误)|(?:哦|噢|呃|啊|嗯)不是|"
    r"(?:哦|噢|呃|啊|嗯)不(?=[，,\s]))"  # "第二批 哦不 首批"
)
_CORRECTION_MARK_RE = re.compile(
    r"(?:^|(?<=[，,。？?！!\s]))"
    + _CORRECTION
    + r"(?![吧吗呀啊])[，,。！!\s]*(?:我是说|我是问|我想问的是|我问的是|我要问的是|应该是|是)?"
)


_AMOUNT = (
    r"(?:近|约|大概|大约)?(?:百分之)?[\d.零一二两三四五六七八九十百千万亿][\d.点零一二两三四五六七八九十百千万亿]*"
    r"(?:多|余|来|几|左右)?[万亿]?(?:人次|万元|元|[个项件家台处条类种名起次人位%成])?"
)
# Which one in a series ("第六次", "第二批", "首批", "第几次").
_ORDINAL = r"(?:第[\d一二两三四五六七八九十几]+|首|头一)[次批届期条项个]"
_SAID = rf"(?:{_ORDINAL}|{_AMOUNT})"
# An amount or an ordinal said, corrected at once by another ("是不是三千 哦不对 是两千九百多件吧",
# "第五次 不对 第七次", "第六次不对是第几次"): the first is taken back.
_SAID_CORRECTED_RE = re.compile(rf"{_SAID}[，,\s]*{_CORRECTION}[，,。\s]*(?:应该是|是)?(?={_SAID})")


# A number begun, then said again in full ("四千 四千六百多件", "一万零八百 呃 一万零八百一十六起"):
# voice input restarting; the first, cut short, is no amount of its own.
_RESTARTED_RE = re.compile(
    r"(?<![\d零一二两三四五六七八九十百千万亿点.])(?P<n>[\d零一二两三四五六七八九十百千万亿]+)(?:[，,\s]+(?:(?:呃|嗯|啊|那个|就是)[，,\s]*)*|(?:呃|嗯)[，,\s]*)"
    r"(?=(?P=n)[\d零一二两三四五六七八九十百千万亿点.多余几来])"
    # said again with no pause: two or more number words no number repeats ("一千一千零二十四项",
    # "四千六四千六百多件")
    r"|(?<![零一二两三四五六七八九十百千万亿点])(?P<m>[零一二两三四五六七八九十百千万亿点]{2,})"
    r"(?=(?P=m)[零一二两三四五六七八九十百千万亿点多余几来])"
    # a number cut short by a filler and said again in another form ("七点五万呃七万五千多项")
    r"|(?<![\d零一二两三四五六七八九十百千万亿点.])[\d零一二两三四五六七八九十百千万亿点.]+[，,\s]*(?:呃|嗯)[，,\s]*"
    r"(?=[\d零一二两三四五六七八九十])"
)


# A check's frame said twice over a pause ("还有没有 有没有啊", "是不是 是不是"): said once (words
# of a staff lookup typed twice name two things: "诉前调解 调解成功率").
_SAID_AGAIN_RE = re.compile(r"(?P<w>有没有|是不是|对不对|对吧|是吧|对不|是不)[，,\s]+(?=(?P=w))")
# Words said, a pause, then said again as the start of what follows ("都有 都有哪些"): a chunk of
# its own and no filler ("诉前调解 调解成功率" is two items; "就是 就是执法那个" keeps its pause).
_WORDS_SAID_AGAIN_RE = re.compile(r"(?<![^\s，,。？?！!])(?!就是|那个|这个|然后)([\u4e00-\u9fff]{2,4})[ \t]+(?=\1)")


def said_corrected(message: str) -> str:
    """The message with each amount or ordinal the speaker took back left out: the one said
    after the correction is the one meant; a number, a check or words begun and said again in full
    are said once."""
    restarted = _RESTARTED_RE.sub("", _SAID_CORRECTED_RE.sub("", message))
    return _WORDS_SAID_AGAIN_RE.sub("", _SAID_AGAIN_RE.sub("", restarted))


def corrected(message: str) -> tuple[str, str] | None:
    """What a spoken self-correction leaves (before, after): the ask said again after the mark,
    and what it corrects; None when the message corrects nothing or the rest asks nothing."""
    marks = list(_CORRECTION_MARK_RE.finditer(message))
    if not marks or marks[-1].start() == 0:
        return None
    before, after = message[: marks[-1].start()].strip(), message[marks[-1].end() :].strip()
    # a lookup corrected by a lookup ("网上可办率 讲错了 是承诺时限压缩率") asks as the first did
    looked_up = not _asks(before) and _content(after) >= 2
    return (before, after) if before and (_asks(after) or looked_up) else None


# How the answer should be given, said beside what is asked ("精确到小数点后两位是多少", "保留两位小数").
_FORM_ASKED_RE = re.compile(
    r"(?:请|麻烦)?(?:精确到|保留到?|具体到)(?:小数点后)?[一二两三四\d]位(?:小数)?|"
    r"(?:请|麻烦)?(?:用|以)(?:百分比|百分数|阿拉伯数字|数字)(?:表示|回答|说)"
)


# The year of the story pointed at ("我前年在益阳打工…想问下那一年益阳帮多少农民工讨回了工资").
_YEAR_POINTER_RE = re.compile(r"那一年|那年|当年|同一年|同年")


def find_ask(text: str, report: str = "") -> Ask:
    """The asking clauses of a message and the context around them (`report`: the report's
    normalised text, which tells story clauses from a question's own); a year the ask points at
    ("那一年") is the year the story told."""
    return _year_kept(_year_pointed(_find_ask(text, report)), text)


_YEAR_CUT_RE = re.compile("(" + YEAR_RE.pattern + "度?)$")


def _year_kept(ask: Ask, text: str) -> Ask:
    """A year said right before the ask's words, with no break between ("不晓得2021年益阳人民调解
    …化解了多少起"), is the ask's own, though the clause holding it was cut off as the asker's."""
    last = ask.context.rsplit("，", 1)[-1]
    year = _YEAR_CUT_RE.search(last)
    if year is None or year_words(convert_numerals(ask.text)) or (year.group(1) + ask.text) not in text:
        return ask
    context = ask.context[: len(ask.context) - len(year.group(1))].rstrip("，")
    return replace(ask, text=year.group(1) + ask.text, context=context)


def _year_pointed(ask: Ask) -> Ask:
    """The ask with a year pointer (那一年, 当年 …) read as the last year the story told before
    it, in the ask, cut off just before it, or in the thing the ask refers to; unchanged when the
    ask names a year of its own or the story tells none."""
    pointer = _YEAR_POINTER_RE.search(ask.text)
    named = _YEAR_POINTER_RE.search(ask.refers) if pointer is None else None
    if named is not None:  # "2022年我家孩子刚上小学！当年…的那个模式 调解和解了几件": of the thing pointed at
        told = year_words(convert_numerals(ask.context.partition(ask.refers)[0]))
        if told and not year_words(convert_numerals(ask.text + ask.refers)):
            return replace(ask, refers=ask.refers[: named.start()] + told[-1] + ask.refers[named.end() :])
    bare = ask.context.rsplit("，", 1)
    if pointer is None and len(bare) == 2 and _YEAR_POINTER_RE.fullmatch(bare[1].strip()):
        # "我是二零二零年退的休。那年市本级…网上可办率是百分之几": the pointer cut off before the ask
        told = year_words(convert_numerals(bare[0]))
        if told and not year_words(convert_numerals(ask.text)):
            return Ask(told[-1] + ask.text, bare[0], ask.refers)
    if pointer is None:
        return ask
    before = ask.text[: pointer.start()]  # the whole message asks: the year told before the pointer
    told = year_words(convert_numerals(before)) or year_words(convert_numerals(ask.context))
    if not told or year_words(convert_numerals(ask.text[pointer.end() :])):
        return ask
    if before and year_words(convert_numerals(before)) and narrative(before):
        # "我是2023年退的休 那年询问室听证室": the story, then the ask from the pointer on
        context = "，".join(c for c in (before.strip(" ，,。！!"), ask.context) if c)
        return Ask(told[-1] + ask.text[pointer.end() :], context, ask.refers)
    return replace(ask, text=ask.text[: pointer.start()] + told[-1] + ask.text[pointer.end() :])


def _find_ask(text: str, report: str = "") -> Ask:
    """The asking clauses and their context, any year pointer still as said."""
    text = _SIGH_END_RE.sub("", text)  # "…下降了吗，唉": a sigh after the ask says nothing
    text = _FORM_ASKED_RE.sub("", text)  # "精确到小数点后两位": how to give the figure, not what
    unsigned = _SALUTATION_RE.sub("", _SIGNATURE_RE.sub("", _CLOSING_RE.sub("", text)), count=1)
    text = unsigned if unsigned.strip() else text
    opened = _OPENER_RE.sub("", text, count=1)
    text = opened if _asks(opened) else text  # "问个别的 两法衔接平台录入数排第几": the ask follows
    unled = _LEAD_FIRST_RE.sub("", text, count=1)
    text = unled if _content(unled) >= MIN_ASK_CONTENT else text  # "请问！A和B分别是多少": the ask follows
    polite = _POLITE_RE.sub(" ", _SYMBOLS_RE.sub(" ", text)).strip()
    named = bool(report) and _content(polite) >= 2 and coverage(polite, report) >= NAMED_COVERAGE
    said = _content(polite) >= MIN_ASK_CONTENT and not _THANKS_FIRST_RE.match(text)  # thanks after, not thanks said
    if polite and polite != text.strip() and (_asks(polite) or named or said):
        # "谢谢你的回答" stays thanks: only a message that asks, names the report's words
        # ("嗯嗯…出庭应诉率 多谢！") or says enough besides ("…百分之七十几来着谢谢您") sheds it
        text = polite.rstrip(" ，,、；;")  # "…列一下，感谢": no dangling mark where the thanks were
    parts = [piece for part in clauses(text, report) for piece in _at_lead(part)]
    teller = ""  # who told the claim a check naming nothing checks ("我同事说")
    if len(parts) >= 2 and bare_check(parts[-1]) and _TOLD_BY_RE.match(parts[0]):
        teller = _TOLD_BY_RE.match(parts[0]).group(0)
        parts[0] = parts[0][len(teller) :]  # "我同事说…是6项，到底是不是": who told it is context
        if len(_SPACE_RE.sub("", text)) < MIN_CONTEXT_CHARS:  # "…，我将信将疑，对不对": the asker's doubt is context
            doubts = [p for p in parts[1:-1] if narrative(p)]
            asked = [p for p in parts if p not in doubts]
            return Ask("，".join(asked), "，".join([teller] + doubts))
    claims = _claims_checked(parts)
    if claims:  # "A是N，B是M，对吗": every figure stated right before the check is checked with it
        left = [p for i, p in enumerate(parts) if p and i not in claims]
        return Ask("，".join(parts[i] for i in claims), "，".join(([teller] if teller else []) + left))
    if len(parts) < 2 or len(_SPACE_RE.sub("", text)) < MIN_CONTEXT_CHARS:
        after = parts[1:]
        # "刑事破案数。头都大了": a lookup naming the report's words asks as a question would
        # (two options offered ask too: "是五千多人还是五万多人，我记不清了")
        asking_first = bool(after) and (_asks(parts[0]) or offers_choice(parts[0]))
        named_first = bool(after) and (asking_first or coverage(parts[0], report) >= NAMED_COVERAGE)
        if after and report and named_first and not any(_asks(p) for p in after):
            if all(coverage(p, report) <= STORY_COVERAGE and not _NUMBER_RE.search(p) for p in after) and not any(
                _MEASURE_WORD_RE.search(p) or _QUESTION_FORM_RE.search(p) for p in after
            ):
                # "去办事还得带营业执照身份证吗 好麻烦呀": a feeling after the ask, no words of the report
                end = text.find(parts[0]) + len(parts[0])
                marked = parts[0] + "？" if end >= len(parts[0]) and text[end : end + 1] in "？?" else parts[0]
                return Ask(marked, "，".join(after))
        return Ask(text)
    start, led = None, False
    # "跑一次的事项 请问贵单位…法律援助案件 这两个各是多少": a lead inside a list asked of all
    # its items starts no ask; the items before it are asked too
    listed = len(parts) >= 3 and bool(_LIST_REQUEST_RE.search(parts[-1])) and not _story(parts[0], report)
    for i, part in enumerate(parts):
        lead = _LEAD_RE.search(part)
        if lead and listed and i > 0:
            parts[i] = part[lead.end() :].strip() or part
            start = 0 if start is None else start  # the list starts the ask
            continue
        if lead:  # "…我想问问2023年…": the ask starts after the lead
            # a request for items keeps its words ("烦请提供A、B及C": what it asks for is each item)
            rest = part[lead.start() if _ITEMS_REQUEST_RE.fullmatch(lead.group(0)) else lead.end() :].strip()
            parts[i] = rest
            start = i if rest else i + 1
            led = True
    if start is None or start >= len(parts):
        asking = _asking(parts, report, _sentence_ends(text, parts))
        if not asking:  # "跑一次事项，我问这个是因为我老同学在浏阳…": the clauses without a story ask
            plain = [
                i for i, part in enumerate(parts) if not _story(part, report) and not _unknowing_told(part, report)
            ]
            tail = _report_tail(parts[-1], report) if _story(parts[-1], report) else ""
            if tail:  # "…坐车的时候刷手机看到 觉得挺新鲜诉前调解成功率": the report's words it ends on
                return Ask(tail, "，".join(parts[:-1] + [parts[-1][: -len(tail)]]))
            if not plain or len(plain) == len(parts):
                return Ask(text)
            return Ask("，".join(parts[i] for i in plain), "，".join(p for i, p in enumerate(parts) if i not in plain))
        start = asking[0]
        # a run of asking clauses ends the message, or several asks stand apart: keep every ask
        chosen = [i for i in range(start, len(parts)) if i in asking or _joins(parts, i, asking, report)]
    else:
        asking = _asking(parts, report, _sentence_ends(text, parts))
        later = [i for i in asking if i >= start]
        if not later:  # "特此请教：三统一 市政府 件数": keywords after the lead, up to a story clause
            following = itertools.takewhile(lambda i: not _story(parts[i], report), range(start + 1, len(parts)))
            chosen = [i for i in [start, *following] if parts[i]] or [start]  # the lead's own clause, whatever it says
        elif narrative(parts[start]) and start not in asking:
            # "就想打听一下我是个体户 办营业执照那会跑了好几趟 …那零跑动的事项有多少项": a story
            # told after the lead is read as any story before an ask is
            chosen = [i for i in range(later[0], len(parts)) if i in asking or _joins(parts, i, asking, report)]
        else:
            # what else is said from the lead up to the ask is the question's own ("还没到法院立案，
            # 先让双方坐下来谈的那种调解，有多少件")
            chosen = [
                i
                for i in range(start, later[-1] + 1)
                if parts[i] and (i == start or i in asking or not _story(parts[i], report))
            ]
        # "X有多少家？我问这个是因为…想知道像我这样的有多少": a question asked before the story
        # is asked still; the lead after the story restates it
        chosen = [i for i in range(start) if i in asking and not _story(parts[i], report)] + chosen
    if not chosen:
        return Ask(text)
    for i in range(chosen[-1] + 1, len(parts)):  # "…多少，还有网上可办率": one more item asked
        if not (_MORE_ITEM_RE.match(parts[i]) and not _story(parts[i], report)):
            break
        chosen.append(i)
    if _LIST_REQUEST_RE.search(parts[chosen[-1]]):  # "…都列出来：A、B、C": the items after the request
        chosen += [i for i in range(chosen[-1] + 1, len(parts)) if parts[i] and not _story(parts[i], report)]
    if _BACK_AT_SEVERAL_RE.match(parts[chosen[0]]):
        # "10816是起 13355是件 这俩分别指啥": what it points back at is asked, back to a clause of
        # the asker's story
        while chosen[0] > 0 and parts[chosen[0] - 1] and not narrative(parts[chosen[0] - 1]):
            chosen.insert(0, chosen[0] - 1)
    if _LIST_REQUEST_RE.search(parts[chosen[-1]]) and _content(parts[chosen[-1]]) < MIN_ASK_CONTENT:
        # "A，B，还有C，这几个数告诉我": every item is asked, back to the lead or a clause of the
        # asker's story (items described in words the report lacks are items still)
        first = chosen[-1]
        while first > (start if led and start is not None else 0) and not narrative(parts[first - 1]):
            first -= 1
        chosen = list(range(first, chosen[-1] + 1))
    if _EACH_ASKED_RE.search(parts[chosen[0]]):
        # "那个一趟都不用跑就能办的事，诉前调解案件各是多少": the items the ask asks each of
        # come before it (described in words the report lacks, items still), back to the lead or
        # a clause that tells of the asker
        while (
            chosen[0] > (start if led and start is not None else 0)
            and parts[chosen[0] - 1]
            and not narrative(parts[chosen[0] - 1])
            and not _asks(parts[chosen[0] - 1])
        ):
            chosen.insert(0, chosen[0] - 1)
    ends = _sentence_ends(text, parts)
    while not led and chosen[0] > 0:
        if chosen[0] - 1 in ends and narrative(" ".join(parts[: chosen[0]])):
            break  # "…结果窗口说身份证都不用交了。现在…是不是…": a sentence of the story ends there
        if _joins_ask(parts[chosen[0] - 1], report):
            chosen.insert(0, chosen[0] - 1)  # "在湘潭，2023年…多少项": a short clause of the question itself
        elif (
            chosen[0] > 1
            and _BARE_JOIN_RE.match(parts[chosen[0] - 1].strip())
            and _joins_ask(parts[chosen[0] - 2], report)
        ):
            chosen[:0] = [chosen[0] - 2, chosen[0] - 1]  # "A 和 B 一样多吗" typed with spaces
        else:
            break
    while (
        chosen[0] > (start if led and start is not None else 0)
        and _content("".join(parts[i] for i in chosen)) < MIN_ASK_CONTENT
        and not narrative(parts[chosen[0] - 1])
    ):
        # "A、B、C，列一下": the request's subject is the clause before; never a clause of the
        # asker's story ("我老婆说这东西全市配了好多台"), whose report words the engine may lend
        chosen.insert(0, chosen[0] - 1)
    pointing = bool(report) and _points_back(parts[chosen[0]]) and coverage(parts[chosen[0]], report) == 0
    if chosen[0] > 0 and (_names_nothing(parts[chosen[0]]) or (pointing and not narrative(parts[chosen[0] - 1]))):
        # "政府要拍板的大事列了个目录，2023年市本级定了几项", "听说市本级一趟都不用跑的事项有不少，
        # 到底多少项", "把审批权往工业园区那边放，这一次又放下去了几项" (no word of the report but
        # its pointing): the clause before says what, heard or not, when it has the report's words
        before = parts[chosen[0] - 1]
        if not _story(before, report) or coverage(before, report) > STORY_COVERAGE:
            chosen.insert(0, chosen[0] - 1)
    if chosen[0] > 0 and not led and _describes(parts[chosen[0] - 1]) and not _asks(parts[chosen[0] - 1]):
        # "那种一趟都不用跑、坐在屋里就能办好的事情，市本级有多少项", "答应老百姓几天内办完的那个
        # 期限，整体给砍掉了多少比例": the thing described is what the ask is about, and so is a
        # clause of the description before it ("还没到法院正式立案打官司，先坐下来谈和解的那种")
        chosen.insert(0, chosen[0] - 1)
    if chosen[0] > 0 and not led and _describes(parts[chosen[0]]):
        while chosen[0] > 0 and _describing(parts[chosen[0] - 1]):
            chosen.insert(0, chosen[0] - 1)
    if chosen[0] > 0 and _SELECTS_RE.match(parts[chosen[0]]) and not _story(parts[chosen[0] - 1], report):
        chosen.insert(0, chosen[0] - 1)  # "A跟B 哪个项数多": the clause before holds what is compared
        if chosen[0] > 0 and COMPARED_WITH_RE.match(parts[chosen[0]]) and not _story(parts[chosen[0] - 1], report):
            chosen.insert(0, chosen[0] - 1)  # "A，跟B比，条数哪个多": A is before the clause naming B
    if chosen[0] > 0 and _CONFIRMS_RE.search(parts[chosen[0]]) and not _story(parts[chosen[0] - 1], report):
        chosen.insert(0, chosen[0] - 1)  # "…音像记录有将近两万件，我想确认一下": the claim is asked
    elif chosen[0] > 0 and len(chosen) == 1 and bare_check(parts[chosen[0]]) and report:
        # "她说…法律援助案件有三千多件，我有点不信，是真的吗": a check naming nothing checks the
        # nearest claim before it in the report's words, whoever told it
        told_at = {j for j in range(chosen[0]) if _is_told(parts, j)} | ({0} if teller else set())
        claim = next((j for j in range(chosen[0] - 1, -1, -1) if _claims(parts[j], j in told_at, report)), None)
        after = next((j for j in range(chosen[0] + 1, len(parts)) if _claims(parts[j], False, report)), None)
        if claim is not None:
            chosen.insert(0, claim)
        elif after is not None:  # "…我就好奇不会吧，承诺时限能压缩七成多？": the doubt, then what it doubts
            chosen.append(after)
    if len(chosen) >= 2 and bare_check(parts[chosen[-1]]):
        # "我表姐说…是2900多件，是真的吗": who told the claim checked is context, not the claim
        chosen_parts = {i: _TOLD_BY_RE.sub("", parts[i]) for i in chosen[:-1]}
        parts = [chosen_parts.get(i, p) for i, p in enumerate(parts)]
    while chosen[0] > 0 and scope_only(parts[chosen[0] - 1]):
        chosen.insert(0, chosen[0] - 1)  # "2024年，…少了多少": a year or place just before is the ask's
    ask_text = "，".join(parts[i] for i in chosen if parts[i])
    opening = parts[0] + (parts[1] if scope_only(parts[0]) and len(parts) > 1 else "")  # "2022年，我家…"
    scope = _leading_scope(parts[0]) if chosen[0] > 0 and not narrative(opening) else ""
    if scope and scope not in ask_text and not (YEAR_RE.match(scope) and YEAR_RE.search(ask_text)):
        # "2019年的企业第一次犯小错不罚款的 一共免了多少钱", "广州那边…有多少家企业": a year or a
        # place opening the message, not a story's ("2022年我在益阳打工"), is the ask's scope
        ask_text = f"{scope}，{ask_text}"
    left = [p for i, p in enumerate(parts) if p and i not in chosen]
    if not left:  # the whole message asks (less who told the claim it checks)
        return Ask(ask_text if teller else text, teller)
    refers = ""
    described = (
        chosen[0] > 0 and bool(_THING_NAMED_RE.search(parts[chosen[0] - 1])) and not narrative(parts[chosen[0] - 1])
    )
    if _points_back(parts[chosen[0]]) or _NAME_ONLY_RE.match(clean(parts[chosen[0]])) or described:
        # the ask points back ("这个委员会拿了什么称号"): the clauses before it name what it means
        # (a feeling between them says nothing: "…还要带身份证，忘带一样就白跑一趟，气死人。听说这两样…")
        before = [p for p in parts[: chosen[0]] if p and not (report and _story(p, report) and not narrative(p))]
        # a tale between them with no word of the report says nothing either ("…示范，心里蛮自豪的。
        # 逢年过节跟亲戚吹了好几回。…同一批评上的还有哪些")
        naming = [p for p in before if report and coverage(p, report) > 0]
        before = (naming or before)[-REFER_CLAUSES:]
        refers = "，".join(before)
    return Ask(ask_text, "，".join(left), refers)


# Words of a personal story: a clause with one of them is context, never part of the ask.
# "我们益阳市…", "俺们这边…": the asker's city, the question's own scope, never a story of theirs.
_OUR_PLACE = r"(?:益阳|这边|这里|当地|本地|市(?!民))"
NARRATIVE_RE = re.compile(
    _STORY_TIMES
    + r"|我(?!们"
    + _OUR_PLACE
    + r")|俺(?!们"
    + _OUR_PLACE
    + r")|咱家|本人|鄙人|笔者|他说|她说|他们说|孩子|儿子|女儿|老伴|老公|老婆|爸|妈|爷|奶|侄|外甥|孙|邻居|朋友|同事|亲戚|听说|"
    r"婶|姨|舅|叔|伯|姑|嫂|姐|哥|闺女|媳妇|丈夫|老头|老太|老人|屋里人|家里人|外婆|外公|公公|婆婆|女婿|岳父|岳母|亲家|隔壁|楼下|说来话长|是这样的|"
    # who the asker is ("作为市人大代表", "作为一名基层执法人员"): a frame of the asker, no part of the ask
    r"作为(?:一名|一个|一位|一家)?[\u4e00-\u9fff]{0,10}?(?:代表|委员|人员|干部|律师|记者|学生|研究生|居民|市民|村民|党员|"
    r"老师|教师|商户|工商户|企业主|个体户|员工|职工|负责人|法务|工作者|公民|家长)|"
    r"那时|最近|年底|前天|那天|小时候|心里|觉得|高兴|担心|生气|气得|够呛|难受|心疼|感动|激动|郁闷|委屈|不服|急|烦|好奇|嘀咕|纳闷|犯愁|发愁|不踏实|没底"
)


def narrative(text: str) -> bool:
    """Whether the text has a word of a personal story as a word of its own: a match cutting
    across two words of the text ("外公" in 对外/公开) is none."""
    found = list(NARRATIVE_RE.finditer(text))
    if not found:
        return False
    words = segment(text)
    if "".join(words) != text:
        return True
    bounds = set(itertools.accumulate(map(len, words), initial=0))
    return any(m.start() in bounds or m.end() in bounds for m in found)


MAX_JOINING_CLAUSE = 14  # a clause this short, with no story word, just before the ask is part of it
SUBJECT_COVERAGE = 0.6  # ... or one this much in the report's words, whatever its length


_SOMEONE_RE = re.compile(r"(?:他|她)(?!们?(?:局|单位|部门|那边|那里))")


# An ask of each of several items named before it ("…，B各是多少", "…分别有多少").
_EACH_ASKED_RE = re.compile(r"(?:各|分别|各自)(?:是|有|为)?(?:多少|几)")


# An ask pointing back at several things just named ("这俩分别指啥", "这几个数各是什么").
_BACK_AT_SEVERAL_RE = re.compile(r"^(?:那|那么)?(?:这|那)(?:俩|两个|几个|三个|些)(?:数|数字|数据)?(?:分别|各自|各|都)")

# Who told a claim, before it ("我表姐说", "村里的人讲", "群里有人说"): context, never the claim.
_TOLD_BY_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:说|讲|讲的|告诉我|听说|听讲)(?:过)?(?=[\u4e00-\u9fff])")
CLAIM_COVERAGE = 0.4  # share of a clause's pairs the report must have to be a claim of it
TOLD_CLAIM_COVERAGE = 0.25  # the same for a clause told to the asker ("听说…")
MAX_TELLER = 8  # characters of a lone clause naming who told ("听说", "我表姐说")


def _joins_ask(clause: str, report: str = "") -> bool:
    """A short clause before the ask that carries none of a story's words: the question's own
    scope or subject ("在湘潭", "深圳那边无证明城市建设中")."""
    if not clause or _story(clause, report) or _content(clause) < 2 or _SOMEONE_RE.match(clause):
        return False  # "他天天加班学新系统": what someone of the story does, not the question's
    # short, or longer but made of the report's words ("在2025年三统一的规范性文件"): the question's own
    return len(clause) <= MAX_JOINING_CLAUSE or (bool(report) and coverage(clause, report) >= SUBJECT_COVERAGE)


def _joins(parts: list[str], i: int, asking: list[int], report: str = "") -> bool:
    """A clause between two asks that carries a subject of the second ("成功率 高不高")."""
    return i + 1 in asking and i - 1 in asking and len(parts[i]) <= 8 and not _story(parts[i], report)


_PLAIN_RE = re.compile(r"[^\u4e00-\u9fff]|[的了吗呢啊吧呀嘛么着过]")
_SCOPE_GLUE_RE = re.compile(
    r"\d{2,4}年度?|去年|今年|前年|在|那边|那里|这边|的话|全市|也就是|就是|那个|这个|[的了呢啊呀嗯呃]"
)


def _leading_scope(clause: str) -> str:
    """The year or the place a clause opens with ("2019年的…", "在湘潭市，", "广州那边…"), or ""."""
    year = _LEADING_YEAR_RE.match(convert_numerals(clause))  # "二零二一年" is 2021年
    if year:
        return year.group(1)
    text = clean(clause)
    found = gazetteer().find(text)
    return found[0].text if found and found[0].start <= len(text) - len(text.lstrip("在")) else ""


# Where and when, how many, and verbs that say nothing of what: an ask made of these alone
# ("2023年市本级定了几项") names nothing and is about the clause before it.
_NOTHING_RE = re.compile(
    r"(?:19|20)\d\d年|全市|市本级|本级|益阳市?|市里|一共|总共|到底|究竟|具体|多少|几|"
    r"[个项件家名起次条类种台处]|了|的|是|有|定|搞|弄|做|办|列|出|那|这|呢|吗|啊|呀|吧|又|还|都"
)


# A thing described in everyday words, named by its kind at the end ("那种一趟都不用跑、坐在屋里就
# 能办好的事情", "没钱请律师的那种案子"): what an ask naming nothing of its own counts.
_DESCRIBED_RE = re.compile(
    r"(?:(?:的|那种|这种|那类|这类|那个|这个|那块|这块)"
    r"(?:事|事情|事儿|事项|东西|案子|案件|地方|点|期限|时限|活动|情况|平台|软件|app|APP)"
    r"|的(?:那种|这种|那类|这类|那个|这个)"
    r"|(?<=[\u4e00-\u9fff]{4})(?:那种|那个))[啊呀呢吧嘛哈]*$"  # spoken, no 的: "帮…工人要工钱那个"
)


# A clause that is a thing described, then named by its kind ("扫一下就能查企业检查情况的那个码"):
# the subject of an ask after it.
_THING_NAMED_RE = re.compile(r"的(?:那|这)(?:个|种|类|项)[\u4e00-\u9fff]{1,2}$")


def _describes(clause: str) -> bool:
    """Whether a clause only describes a thing (a noun phrase, not the asker's story)."""
    return bool(_DESCRIBED_RE.search(clause)) and not narrative(clause)


MAX_DESCRIBING_CLAUSE = 16  # a clause of a description before its named kind is this short at most


def _describing(clause: str) -> bool:
    """Whether a clause before a described thing still describes it: short, no story, no ask."""
    return 0 < len(clause) <= MAX_DESCRIBING_CLAUSE and not narrative(clause) and not _asks(clause)


def _names_nothing(clause: str) -> bool:
    text = convert_numerals(clean(clause))
    return _asks(clause) and (len(_NOTHING_RE.sub("", text)) < 2 or bool(_YEARS_COMPARED_ONLY_RE.fullmatch(text)))


# Two years compared, and nothing else named ("2023年跟2022年比哪年多", "2023年对比2022年有什么变化").
_YEARS_COMPARED_ONLY_RE = re.compile(
    r"(?:19|20)\d\d年的?(?:跟|和|与|比|较|相比|对比)(?:19|20)\d\d年(?:比|相比|比较)?(?:起来)?"
    r"(?:哪一?年|哪个)?(?:更|是)?(?:[多少高低]了?|有什么变化|变化|怎么样)(?:还是[多少高低]了?)?[吗呢啊呀吧]?"
)


# Asks of a name with no thing of their own ("是啥称号啊", "叫什么名字"): the thing is before them.
_NAME_ONLY_RE = re.compile(
    r"^(?:那|它)?(?:到底|究竟|又|都)?(?:是|叫|获评了?|获得?了?|得了?|拿了?|评了?)?(?:啥|什么|么子|哪个|哪种|哪些)(?:样的|的)?"
    r"(?:称号|名字|名称|荣誉|奖项?|叫法)[呢啊呀吧嘛]?$"
)


def scope_only(clause: str) -> bool:
    """A place or a year alone ("在湘潭", "长沙那边", "2023年", "去年就是二零二五年"): the
    question's own scope."""
    text = convert_numerals(clean(clause))
    for found in gazetteer().find(text):
        text = text.replace(found.text, "")
    return len(_SCOPE_GLUE_RE.sub("", text)) < 2


def coverage(clause: str, report: str) -> float:
    """The share of a clause's character pairs (particles left out) that the report has; numbers
    in words count as the digits they are ("一万零八百一十六是起" as 10816是起)."""
    plain = _PLAIN_RE.sub("", convert_numerals(clean(clause)))
    pairs = [plain[i : i + 2] for i in range(len(plain) - 1)]
    have = pairs_of(report)
    return sum(p in have for p in pairs) / len(pairs) if pairs else 1.0


def _story(clause: str, report: str = "") -> bool:
    """A clause of the story: a story's own words (我, 孩子, 听说 …), or, given the report, a
    clause the report has almost none of the words of (a place or a year alone is a scope)."""
    if narrative(clause):
        return True
    if not report or scope_only(clause):
        return False
    return coverage(clause, report) <= STORY_COVERAGE


def known_words(text: str, report: str, min_chars: int = 2) -> str:
    """The runs of `text` every character pair of which the report has: what the context may
    lend an ask ("医疗纠纷 调解委员会"), never a word the report lacks (a decline must not name
    it) and never a year or a place of the story (removed by the caller's scope analysis)."""
    runs, run = [], ""
    pairs = pairs_of(report)
    for a, b in zip(text, text[1:] + " "):
        if a + b in pairs:
            run = run + a if run else a
        else:
            if run and run[-1:] + a in pairs:
                run += a
            if len(run) >= min_chars:
                runs.append(run)
            run = ""
    return " ".join(runs)
