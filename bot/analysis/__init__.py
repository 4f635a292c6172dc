"""Query analysis: what a question asks, before anything is retrieved.

`analyze(text, synonyms, today)` returns an `Analysis`: the normalised text, the text left for
matching (`core`: filler, scope words and the numbers to check taken out), the intent and the
measure asked, the numbers written (exact or rough, as ranges), the scope (years, places) and
the candidate sub-questions. Stages: numbers.py, scope.py, intent.py, split.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from bot.analysis.ask import scope_only
from bot.analysis.check_words import UNIT_NAMED_RE, UNIT_WORDS, claim_end, offers_choice
from bot.analysis.intent import Intent, find_intent, overview_asked
from bot.analysis.numbers import AskedNumber, find_numbers
from bot.analysis.ruled_out import masked
from bot.analysis.scope import Scope, find_scope, today_in_china
from bot.analysis.split import Split, split_question
from bot.text.normalize import NO_SYNONYMS, Synonyms, clean, convert_numerals, drop_filler

__all__ = ["Analysis", "AskedNumber", "Intent", "Scope", "Split", "analyze", "stated_claim", "today_in_china"]

MAX_QUERY_CHARS = 200  # a real question is shorter; the rest is ignored
# Question frames around a number to confirm: taken out with the number ("是不是有", "吗").
_FRAME_RE = re.compile(r"是不是|是否|有没有|对不对|对吗|对吧|是吗|是吧|了吗|了没|没错吧|真的|吗|吧|呢|么|嘛|没$")
# "网上可办的事项是两千八百六十一项？": a statement of a figure asked with a question mark is a
# check, as if it ended in 吗; a question word makes it a question of its own.
_QUESTION_MARK_RE = re.compile(r"[?？]\s*$")
# a fact stated ("是降了", "连续两年都是第一"), as a check once asked with "？"
_STATED_RE = re.compile(
    r"是[\u4e00-\u9fff]{1,6}了$|(?:是|排|排名|位列)(?:全省|全国)?(?:第[一二三四五六七八九十\d]+|前列|领先)$"
)
# A whole message stating a figure with no mark at its end ("2023年新增了10个立法联系点", as
# voice input types it) is asked the same way: a figure is told to the bot only to be checked.
_UNMARKED_END_RE = re.compile(r"[\u4e00-\u9fff\w%](?<![呢啊呀嘛])\s*$")
_CLAIMED_RE = re.compile(r"(?:了|是|有|为|达|达到|共|计)(?:近|约|超过|超)?$")  # "新增了|10个"
_QUESTION_WORD_RE = re.compile(r"多少|几(?![百千万十])|什么|啥|哪|谁|怎|如何|为何|咋")
_HOW_MANY_RE = re.compile(
    r"多少|(?<![\d%])几(?![百千万十])|哪|(?<!为)什么|(?<!为)啥|谁"
)  # 为啥/为什么 ask why, not what
# "跑两次以上的呢": what about another one (named by its number), never a check of this one
ASKS_ABOUT_OTHER_RE = re.compile(r"的呢[\s？?。.！!]*$")
_OVERVIEW_WORDS = re.compile(
    r"年度|报告|这份|这篇|这个|材料|全文|文章|整体|总体|全年|这一年|一年来|法治政府建设|法治建设|"
    r"讲|说|写|主要|内容|哪|几|块|部分|方面|板块|大标题|结构|概括|总结|概述|简介|简单|干|做|"
    r"成绩|亮点|成效|成就|啥|什么|些|了|的|下|给我|一下|都|在|是|怎样|大|分|共|有|工作|情况|"
    # a formal request's frame ("烦请概括介绍该报告主要由哪几个部分构成，分别涉及哪些方面")
    r"烦请|请|介绍|该|本|由|构成|组成|分别|涉及|包括|包含|为|成|特此|询问|敬请|告知|"
    # the asker's wish to know, said with no break before it ("我就想大概知道下这份东西分了哪几大块")
    r"我|就|想|知道|了解|东西"
)


@dataclass(frozen=True)
class Analysis:
    raw: str
    cleaned: str  # clean(): simplified, no punctuation
    text: str  # numerals converted, synonyms applied
    core: str  # what retrieval matches: filler, scope words and checked numbers removed
    intent: Intent
    numbers: tuple[AskedNumber, ...]
    scope: Scope

    @cached_property
    def splits(self) -> tuple[Split, ...]:
        """The ways to read it as several questions (split.py); made when first asked for."""
        return tuple(split_question(self.raw[: MAX_QUERY_CHARS * 2]))

    @property
    def kind(self) -> str:
        return self.intent.kind

    @property
    def rough(self) -> tuple[AskedNumber, ...]:
        return tuple(n for n in self.numbers if not n.exact)

    @property
    def quotes_figure(self) -> bool:
        """The question writes an exact figure without asking to confirm it."""
        return any(n.exact for n in self.numbers) and not self.intent.yes_no

    @property
    def figure_is_subject(self) -> bool:
        """A quoted figure is what is asked about ("4400台是什么"), not context for another
        ask ("调处成功率93%，那调解了多少起", "214项建议是按哪个通知编的")."""
        if not self.quotes_figure:
            return False
        first = next(n for n in self.numbers if n.exact)
        # "一千零二十四项是跑几次的事项": the figure, then what it is asked to be; a place, a year
        # or a sigh before it names nothing ("唉 请问益阳这边一千零二十四项是…")
        before = _NOTHING_NAMED_RE.sub("", self.text[: first.start])
        opens = first.start == 0 or scope_only(before)
        return self.intent.kind == "lookup" or (opens and _IS_RE.match(self.text, first.end) is not None)

    @property
    def checks_number(self) -> bool:
        """A yes/no question about a number ("是不是有六千多家", "是85%吗"); a rough number
        beside 多少 or 哪些 is what the asker knows, not a check ("一万三千多件 准确数是多少",
        "300多个业务应用都有哪些"), and one naming another thing asked about is its name
        ("跑两次以上的呢")."""
        if not self.numbers:
            return False
        rough = bool(self.rough) and not _HOW_MANY_RE.search(self.text) and not ASKS_ABOUT_OTHER_RE.search(self.text)
        # ("那30多种证明…能给我列一下吗": the members asked of what the asker knows it counts)
        return self.intent.yes_no or (rough and not self.intent.wants_list)

    @property
    def wants_figure(self) -> bool:
        """A figure answers it: a figure question, or a check of a number."""
        return self.intent.kind == "figure" or self.checks_number


_IS_RE = re.compile(r"是|指|说的是|讲的是|代表")
# Words before a quoted figure that name nothing: a sigh, a request, who asks.
_NOTHING_NAMED_RE = re.compile(r"唉|哎|请问|问下|问一下|咱们|咱|我们|俺们")
# Two units offered at the end ("是按起算还是按件算", "单位是台还是套"): the figure's unit asked.
_UNIT_WORD = rf"(?:{UNIT_WORDS}|套|户|批|场)"
_UNITS_OFFERED_RE = re.compile(
    rf"(?:的单位|单位)?是?(?:按|以)?{_UNIT_WORD}(?:来)?(?:算|计|计算|统计)?的?(?:呢|啊|呀)?"
    rf"还是(?:按|以)?{_UNIT_WORD}(?:来)?(?:算|计|计算|统计)?的?[啊呢呀啵哦嘛咯噻哈]*(?=[，,。？?！!\s]*$)"
)
_FIGURE_SAID_RE = re.compile(
    r"\d{2,}|\d\.\d|\d[万亿千百余多]|近\d"
)  # (a single digit is part of a name: "0跑动", "跑1次")
# After a number, what makes it describe the thing ("跑2次以上才办得成的事项", "2次以上的"): 的 ends a description.
_DESCRIBES_AFTER_RE = re.compile(r"(?:以上|以下|或以上|及以上)?(?:(?:才|就|都|能|可)[\u4e00-\u9fff]{0,4})?的")
# Two numbers offered to choose from at the end ("网上可办率是100%还是90%"): the figure is asked.
_NUMBERS_OFFERED_RE = re.compile(
    r"是(?:大概|大约|约|近)?[\d.]+[余多来万亿%]*(?:人次|万元|[项件家个台处条类种名起次人元位])?[呢啊呀]?"
    r"还是(?:大概|大约|约|近)?[\d.]+[余多来万亿%]*(?:人次|万元|[项件家个台处条类种名起次人元位])?"
    r"[啊呢呀啵哦嘛咯噻哈]*(?=[，,。？?！!\s]*$)"
)


def _remove(text: str, spans) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def stated_claim(raw: str) -> bool:
    """Whether a whole message states a figure, unmarked, and asks nothing else: a check."""
    if not _UNMARKED_END_RE.search(raw) or re.search(r"[，,。；;！!？?\s]", raw.strip()):
        return False
    a = analyze(raw)
    last = a.numbers[-1] if a.numbers else None
    return (
        last is not None
        and not a.intent.yes_no
        and bool(_CLAIMED_RE.search(a.text[: last.start]))
        and not _QUESTION_WORD_RE.search(a.text)
    )


ANALYSES_KEPT = 1024  # recent analyses kept: a message is analysed once, whatever the packs asked


def analyze(raw: str, synonyms: Synonyms = NO_SYNONYMS, today: dt.date | None = None) -> Analysis:
    """Analyses are immutable and depend only on the text, the synonyms and the day, so every
    pack with the same synonyms (and every stage asking again) shares one."""
    return _cached(raw if isinstance(raw, str) else "", synonyms, today or today_in_china())


@lru_cache(maxsize=ANALYSES_KEPT)
def _cached(raw: str, synonyms: Synonyms, today: dt.date) -> Analysis:
    return _analyze(raw, synonyms, today)


_CLAUSE_RE = re.compile(r"[，,。？?！!；;\s]+")
_LAST_CLAUSE_RE = re.compile(r"[，,。？?！!；;]+")
# "市中级人民法院在强化执法监督方面出台了何种意见": after a subject of its own, "在X方面" says
# where in the report the thing stands, not what is asked.
_AREA_OF_SUBJECT_RE = re.compile(r"(?<=[\u4e00-\u9fff]{3})在[\u4e00-\u9fff]{2,12}?(?:方面|领域|工作中|工作上)")
# 没 / 没有 ending a check asks whether ("营业执照还要交没", "办了没有"), as 吗 does.
_ASKING_NOT_END_RE = re.compile(r"没有?$")
_ASKING_RE = re.compile(r"多少|几|好多|什么|啥|哪|谁|怎|咋|吗|呢|么$|没$|还是|是否|有没有|是不是|对吧|没错吧|[?？]")
# A clause telling of the asker or someone: its year is the story's.
TELLS_RE = re.compile(r"我|俺|咱|他|她|孩子|儿子|女儿|老伴|老公|老婆|爸|妈|家里|参加了|去过|办过|遇到|以前|那时")


def _asked_clauses(raw: str, requests_tell: bool = True) -> str:
    """The clauses of a message of two or more that ask or tell of no one, joined ("" when it has
    one clause, or none such); with `requests_tell` False a request to the bot ("你能告诉我…")
    tells no story."""
    parts = [c for c in _CLAUSE_RE.split(raw) if c.strip()]
    if len(parts) < 2:
        return ""
    return "，".join(
        c
        for c in parts
        if _ASKING_RE.search(c) or not TELLS_RE.search(c if requests_tell else _REQUEST_FRAME_RE.sub("", c))
    )


def _years_asked(raw: str, scope: Scope, synonyms: Synonyms, today: dt.date | None) -> Scope:
    """The scope without the years told in the story: a clause that asks nothing and tells of
    the asker or someone ("去年参加了两回立法协商座谈会，…提了多少条建议") sets no year. The spans
    stay: the story's year is no word of the ask either."""
    asked = _asked_clauses(raw)
    if not asked:
        return scope
    text = _read(clean(asked), synonyms)
    own = find_scope(text, today)
    if own.years == scope.years:
        return scope
    return replace(scope, years=own.years, relative=own.relative, previous=own.previous)


# Words of the ask that point back at a place told before ("我是安化的，那边办了多少"): its scope.
_PLACE_POINTED_RE = re.compile(r"那边|那里|那儿|那块|当地|本地|我们那|我们这|我们县|我们区|我们市|我那|俺们那|我们当地")


# A request to the bot ("你能告诉我长沙市…", "帮我查下…"): its 我 tells no story.
_REQUEST_FRAME_RE = re.compile(r"告诉我|给我|帮我|跟我说|我想问|我问|想问|请问|我想知道|我想了解|我想查")


def _places_asked(raw: str, scope: Scope, synonyms: Synonyms, today: dt.date | None) -> Scope:
    """The scope without the places told in the story: a clause that asks nothing and tells of
    the asker or someone ("我是安化的，柔性执法办了多少案子") sets no place, unless the ask
    points back at it ("…那边办了多少")."""
    asked = _asked_clauses(raw, requests_tell=False)
    if not asked or _PLACE_POINTED_RE.search(asked):
        return scope
    own = find_scope(masked(_read(clean(asked), synonyms)), today)
    return replace(scope, places=own.places, counties=own.counties, wider=own.wider)


def _asks_by_word(text: str, cleaned: str) -> bool:
    """A question word, as typed or after synonyms ("多少钱" is 金额 once synonyms apply)."""
    return bool(_QUESTION_WORD_RE.search(text) or _QUESTION_WORD_RE.search(cleaned))


def _read(cleaned: str, synonyms: Synonyms) -> str:
    """Cleaned text as the analysis reads it: numerals, synonyms, numerals again ("跑一趟" → 跑一次 → 跑1次)."""
    return convert_numerals(synonyms.apply(convert_numerals(cleaned)))


def _claimed(raw: str, text: str, synonyms: Synonyms) -> str:
    """The text up to the check tags closing the message, when they are only tags."""
    end = claim_end(raw)
    if end == len(raw):
        return text
    claim = _read(clean(raw[:end]), synonyms)
    return claim if text.startswith(claim) else text


def _analyze(raw: str, synonyms: Synonyms = NO_SYNONYMS, today: dt.date | None = None) -> Analysis:
    raw = raw if isinstance(raw, str) else ""
    cleaned = clean(raw[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
    text = _read(cleaned, synonyms)
    if offers_choice(text):
        text = _NUMBERS_OFFERED_RE.sub("是多少", text)  # the options are guesses; the figure answers
        if not _FIGURE_SAID_RE.search(text):
            # "化解纠纷是按起算还是按件算": the unit of a figure asked, the figure answers it (a
            # figure quoted before, "一万零八百一十六起，单位是起还是件", is looked up by its number)
            text = _UNITS_OFFERED_RE.sub("是多少", text)
    numbers = tuple(find_numbers(text))
    # a number checked counts in its unit ("有两千八百六十一项吗"); a share in % ("只有七成吗")
    counted = (numbers[-1].unit or ("%" if numbers[-1].percent else "")) if numbers else ""
    intent = find_intent(text, counted)
    if (
        (numbers or _STATED_RE.search(text))
        and not intent.yes_no
        and _QUESTION_MARK_RE.search(raw)
        and not _asks_by_word(text, cleaned)
        and not text.endswith(("吗", "么"))  # "…能给我列一下吗？": its 吗 read already, a request
    ):
        # "有2861项？", "刑事破案数是降了？": a number or a fact stated, then asked back by its mark
        intent = find_intent(text + "吗", counted)
    last = overview_asked(_read(clean(_LAST_CLAUSE_RE.split(raw.strip(" ，,。；;！!？?"))[-1]), synonyms))
    if intent.kind not in ("overview", "figure") and last and not intent.yes_no:
        # "…搞得怎么样，就想让你帮我概括一下，这份报告主要讲了哪几块内容": its last clause asks it
        intent = replace(intent, kind="overview")
    scope = find_scope(masked(text), today)  # "不是长沙的，是益阳的": a place ruled out is no scope
    if scope.years:
        scope = _years_asked(raw, scope, synonyms, today)
    if scope.places or scope.counties or scope.wider:
        scope = _places_asked(raw, scope, synonyms, today)
    # a check's claim is its last number, and others in its unit; a number in another unit names
    # the thing checked ("跑一次的是一千零二十四项对吧": 1次 is part of the subject)
    # and a number before 的 describes the thing ("没有要跑2次以上的吧": 2次以上 names it, 没有 is claimed)
    claimed = numbers[-1].unit if numbers and intent.yes_no else None
    checked = [
        (n.start, n.end)
        for n in numbers
        if (not n.exact or (intent.yes_no and n.unit == claimed)) and not _DESCRIBES_AFTER_RE.match(text, n.end)
    ]
    # "…全省第一，真的假的": the tags closing a check are how it is asked, not what is claimed
    core = _remove(_claimed(raw, text, synonyms) if intent.yes_no else text, checked + list(scope.spans))
    if checked:
        core = _FRAME_RE.sub(" ", core)
    core = drop_filler(_ASKING_NOT_END_RE.sub("", core) if intent.yes_no else core).replace(" ", "")
    core = _AREA_OF_SUBJECT_RE.sub("", core)
    if intent.yes_no:  # "免罚的钱是按万元算的吗": the unit checked is judged, not matched
        core = UNIT_NAMED_RE.sub("", core) or core
    # the last clause asking it alone is the ask; what comes before is context ("我就想大概知道下，…")
    asked_whole = (last or overview_asked(text)) if intent.kind == "overview" else ""
    residue = _OVERVIEW_WORDS.sub("", drop_filler(_remove(text, scope.spans) if asked_whole == text else asked_whole))
    if intent.kind == "overview" and len(re.sub(r"大概|大致|简单|一下|整个|\s", "", residue)) > 6:
        intent = find_intent(text.replace("报告", ""))  # a subject of its own: not the whole report
        if intent.kind == "overview":
            intent = Intent(
                "description",
                intent.yes_no,
                intent.measure,
                intent.unit,
                intent.total,
                intent.wants_list,
                intent.asks_name,
            )
    return Analysis(raw, cleaned, text, core, intent, numbers, scope)
