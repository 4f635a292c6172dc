"""The chat API: one user message in, one `Response` out.

`Engine.respond(text, conversation)` is what the CLI, the terminal chat, Telegram and the web
call. An engine holds one or more report packs (`bot/packs.py`) and routes each question by
its scope, from the packs rather than from code:
  * a year (2023年, 去年, 前年 against today's date) or a place that a pack covers → that pack;
    a year or place no pack covers → an honest refusal naming what is covered;
  * several years ("2023年和2024年分别是多少", "两年各是多少", "比上一年呢") → each year's
    answer side by side, each with its own source, never a computed difference;
  * no year → the latest report, then older ones for a fact only they have; the answer says
    which year it is from.
Inside a pack, `PackEngine` (bot/pack_engine.py) runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import replace
from functools import cached_property

from bot.analysis import ASKS_ABOUT_OTHER_RE, Analysis, stated_claim
from bot.analysis.ask import YEAR_RE, Ask, corrected, find_ask, known_words, narrative
from bot.analysis.check_words import UNIT_WORDS, kind_checked, kind_checked_after, kind_fits, offers_choice
from bot.analysis.compare import referred
from bot.analysis.figures import parse_figure_query
from bot.analysis.numbers import AskedNumber
from bot.analysis.ruled_out import ruled_out, without_known
from bot.analysis.scope import find_scope
from bot.answers import compose as answers
from bot.answers.compose import Response
from bot.decision.rules import CLAUSE_BREAK_RE, GENERIC_VERBS, ORDINAL_RE, PLACEHOLDERS, ordinal_key
from bot.decision.verify import COMPARED_RE, CONTRASTS, WAY_RE, negates, verdict
from bot.engine.conversation import Conversation
from bot.engine.memo import once, one_message
from bot.engine.pack import PackEngine
from bot.engine.params import DEFAULT, Params
from bot.knowledge.model import Knowledge
from bot.knowledge.packs import Library, catalog
from bot.knowledge.reporttext import TARGET_ASKED_RE, figures_of
from bot.knowledge.sameas import MeasureLinks
from bot.retrieval.scoring import measure_fits
from bot.text.dialect import mandarin
from bot.text.english import english
from bot.text.lexicon import is_common, is_noun, segment, words_in
from bot.text.normalize import clean, convert_numerals, simplified
from bot.text.pairs import none_occur
from bot.text.pinyin import has_latin

__all__ = ["Conversation", "Engine", "EngineHolder", "PackEngine"]

PLACE_OVERLAP = 0.8  # with several places, reports sharing at least this share of the best overlap answer
_YEARS_RE = re.compile(
    r"(?:(?:19|20)?\d\d|二[〇零][一二三四五六七八九〇零]{2})年度?|去年|今年|前年|上一年|上年|"
    r"(?:和|与|跟|及)(?=[，,]|$)"
)
_PREVIOUS_ONLY_RE = re.compile(
    r"^(?:那|那么)?(?:比|跟|和|与)?(?:上一年|上年|前一年|去年同期)(?:比|相比|呢|怎么样|如何|多少)*$"
)

_PUNCTUATION_RE = re.compile(r"[\s，,。？?！!]")
# "去年" is the calendar's last year: when no report of it is loaded, the reply says so and offers
# the newest report's answer to the same question as a button, never its figure (a figure of
# another year is no answer). 今年 and 前年 are what the calendar says, as everywhere.
RECENT_WORDS = ("去年",)
_PARTICLES_RE = re.compile(r"[\s，,。？?！!、]|那|么|呢|的|啊|呀|吗|年|情况|怎么样|如何")

# What a check says beyond its number: frames, hearsay, surprise, units and particles ("不是三千项吗",
# "就五个啊", "我听说才百分之九十，不是吗", "九成三，没记错吧", "两千多万？这么多？确定吗").
_CHECK_WORDS_RE = re.compile(
    r"听人说|听别人说|听人讲|听别人讲|听讲|听说|我记得|没得|冇得|ok|okay|对头|是滴|"
    # what the check draws from the answer ("所以是五万多人？") or rules out ("不会超过五千吧")
    r"所以|因此|这么说|这样说|照这么说|换句话说|不会|不可能|不止|"
    r"记得|以为|当是|好像|似乎|没记错|记错|没(?:听|看|搞|弄|算)错|真的假的|真假|假的|一点点|一点儿|一点|一些|"
    r"也就是|意思是|难道|还|竟然|居然|就是|全都|全部|所有|个个|都能|就能|能|可以|在|连|都|也|咯|啰|嘛|确实|应该|应当|可能|估计|这么|那么|么|我|你|不是|是不是|确定|真的|对不对|对吗|对吧|没错|是|对|吧|吗|呢|啊|呀|哦|就|才|只有|只|有|没有|超过|不到|"
    r"大概|差不多|左右|那|这|个|件|项|家|台|人|名|次|起|条|类|元|成|倍|多|余|近|来|了|的|[万亿千百十]"
)
# Which way a change went, asked as a choice ("是涨了还是降了", "增加还是减少").
_UP = "涨|升|增|多|上升|增加|增长|提高|上涨|变多"
_DOWN = "降|跌|减|少|下降|减少|降低|下滑|变少"
_WHICH_WAY_RE = re.compile(rf"(?:那|那么)?(?:是|到底是)?(?:{_UP}|{_DOWN})了?还是(?:{_UP}|{_DOWN})了?(?:呢|啊|呀)?")
_ANOTHER_EXISTS_RE = re.compile(r"的(?:有没有|有吗|有没)[\s？?。.！!]*$")
_ASKED_MARK_RE = re.compile(r"[吗呢么吧]$")
# Words of a follow-up that ask, not name ("上了哪个电视节目", "是哪次会议通过的").
_ASKING_RE = re.compile(r"哪(?:个|一个|些|几个|次|家|位|年|天|里)?|什么|啥|多少|几|谁|怎么|如何|是|的|了|上|被|过|呢")
# A follow-up asking which ones, or for examples ("哪五个", "具体是哪几个", "举两个例子", "有哪些").
_MEMBERS_ASK_RE = re.compile(
    r"^(?:那|那么|具体|都|分别)?(?:是|有|设在|分布在|在)?(?:哪几个|哪几项|哪几家|哪些|哪[两二三四五六七八九十\d]+[个项家类条]|"
    r"举(?:几|两|一|个)?个?例子|举个例|(?:比如|例如)说?(?:呢|有|是)?(?:哪些|哪几个|什么|啥)?[呢啊呀]?$|说(?:两|几)个)"
)
# An ask about a thing (which, what, how many): one a story's subject can complete; "我该怎么办"
# asks for advice, never about the story's subject.
_ASKS_ABOUT_RE = re.compile(r"哪|什么|啥|多少|几|谁|叫")
_NUMERAL_WORD_RE = re.compile(r"[\d.一二两三四五六七八九十百千万]+[个项家类条件名次种批]?")
_NAMES_SEVERAL_RE = re.compile(r"[\u4e00-\u9fff”]、[\u4e00-\u9fff“]|”“")
_QUESTION_WORD_RE = re.compile(r"哪|什么|啥|多少|几|谁|怎么|如何")
# The words of asking where something stands ("在全省排什么位置", "全省排名怎么样"): no subject.
_RANK_FRAME_RE = re.compile(r"全省|全国|全市|排名|排位|名次|位置|水平|档次|排|算")
# Narrowing the last question to a part of it ("只说办了多少件案子", "我只要部门的"); not "只要跑一次的".
_NARROWING_RE = re.compile(  # ("只要跑一次": a claim of how often, no narrowing)
    r"^\s*(?:那)?(?:我|俺)?((?:只|光)(?:说|讲|谈|问|看)|(?:只|光)要(?![一两几跑])|就(?:说|讲)|其中)(?=[\u4e00-\u9fff]{2})"
)
_POINTING_TAIL_RE = re.compile(r"(?:那个|那些|那块|这个|的)?(?:吧|呢|啊|呀|哈)?[？?。.！!]*$")  # "…那个吧"
_ADDED_PART_RE = re.compile(r"新增|新加|再次|通过初评")  # a part of a whole, never the whole asked after it
_KIND_WORDS = frozenset(
    "电视 电视台 电视节目 栏目 频道 节目 报道 称号 名称 名字 会议 哪次 时候 时间 单位 部门 地方 "
    "标准 依据 通知 文件 方案 方面 荣誉 奖项 机制 措施 举措 做法".split()  # which standard, notice, document …
)


_BARE_NUMBER_RE = re.compile(r"(?<![\d.])\d{2,}(?:\.\d+)?(?![\d.]|年)")  # "2022年" is a year, no figure


# "意思是全都出庭了？": every one of them, a share of 100% claimed
_ALL_RE = re.compile(r"全都|全部|所有|个个|一个不落|百分百|都.{0,4}了")


def _with_bare_numbers(a: Analysis) -> Analysis:
    """The analysis with its bare numbers (no unit) as exact numbers to check, or with "all of
    them" (全都, 全部) as a share of 100%."""
    found = tuple(
        AskedNumber(m.group(0), float(m.group(0)), float(m.group(0)), False, "", True, m.start(), m.end())
        for m in _BARE_NUMBER_RE.finditer(a.text)
    )
    every = _ALL_RE.search(a.text)
    if not found and every:
        found = (AskedNumber(every.group(0), 100.0, 100.0, True, "%", False, every.start(), every.end()),)
    return replace(a, numbers=found) if found else a


_NAME_DIGITS_RE = re.compile(r"\d+")


def _numbers_kept(text: str, plain: Response, again: Response) -> bool:
    """The ask writes a number that names its thing ("那跑一次的呢": 1) which the plain answer's
    name has and the pointing-back answer's name lacks ("“0”跑动事项数"): the plain one stays."""
    asked = set(_NAME_DIGITS_RE.findall(convert_numerals(clean(text))))
    if not asked or plain.status != "answer":
        return False
    names = [r.text.split("\n", 1)[0] for r in (plain, again)]
    have = [set(_NAME_DIGITS_RE.findall(n.split("：", 1)[0])) for n in names]
    return asked <= have[0] and not asked <= have[1]


def _check_words_only(text: str) -> bool:
    """A check of the last answer ("对吧", "是5个吗"): repeating that answer is its reply."""
    return not _CHECK_WORDS_RE.sub("", re.sub(r"[\d.%\s，,。？?！!]+", "", convert_numerals(clean(text))))


_DIRECTION_RE = re.compile("|".join(word for word, _ in CONTRASTS))
MAX_FOLLOW_UP_CHARS = 24  # a longer message is a question of its own
_POINTS_BACK_RE = re.compile(r"^(?:那|那么|其中|具体|后来|另外|还)|这个|这些|这种|这项|那个|那些|它|他们|她们|其中|该")
MAX_CHECK_RESIDUE = 6
# Replies a pointing-back reading never overrides: the report's own answer that it lacks this.
DELIBERATE_KINDS = frozenset(
    (
        "scope",
        "wider_scope",
        "breakdown",
        "measure",
        "no_figure",
        "part_only",
        "count_only",
        "together",
        "unstated",
        "unsupported",
    )
)
# Declines of a scope, a breakdown, a part or a list the report does not give: no narrowing
# answers them ("只说听证室有多少间": the report counts 询问室、听证室 together).
_SCOPE_DECLINES = answers.SCOPE_KINDS | {"wider_scope", "breakdown", "together", "count_only"}
SUBJECT_SENTENCES = 2  # a word the report writes in at most this many sentences names a subject
LENDING_CLAUSES = 2  # story clauses before an unanswered ask whose report words it may borrow  # more of its own than this and a message is a new question


# A number said back with a checking tone ("七百个？", "就5个啊", "才这么点吧").
_ASKS_A_FIGURE_RE = re.compile(r"多少|(?<![十百千万好])几(?![十百千万亿])")  # not 十几, 几百: rough numbers
_CHECK_TONE_RE = re.compile(
    r"[?？]$|[吧吗啊呀咯嘛啰][\s，,]*(?:我记得|我听说|印象中|好像)?$|真的假的$|^(?:就|才|只有|只|也就)|"
    r"^(?:我|俺)?(?:还|一直|原来)?(?:以为|当是|记得)"  # "我还以为只有三千人次左右": a figure believed
)


def _contradicts(residue: str, said: str) -> bool:
    """The check's own words are the opposite of what was just said ("是下降了110%吗" after
    "同比上升110%"): still a check of that figure, which the verdict denies."""
    return any(word in residue and any(o in said for o in opposites) for word, opposites in CONTRASTS)


class Engine:
    def __init__(
        self, knowledge: Knowledge | Library | list[Knowledge], params: Params = DEFAULT, today: dt.date | None = None
    ):
        if isinstance(knowledge, Library):
            packs = list(knowledge.packs)
        elif isinstance(knowledge, (list, tuple)):
            packs = list(knowledge)
        else:
            packs = [knowledge]
        packs.sort(key=lambda k: (k.year or 0, k.place, str(k.directory)))
        covered = [f"{k.place}{k.year}年的报告" if k.year else k.title for k in packs]
        self.params = params
        self.today = today
        self.packs = [PackEngine(k, params, today, covered) for k in packs]
        self.latest = self.packs[-1].knowledge  # the latest report
        # Every pack's topics and entries in one view (labelled with their year): browsing,
        # /data, inline mode and admin lists go through it; one pack is its own catalog.
        self.knowledge = catalog(packs)
        self.multi_year = len({k.year for k in packs}) > 1
        self.links = MeasureLinks(packs)  # same_as: one measure across years
        self._owner = {}
        for pack in self.packs:
            for entry_id in pack.knowledge.entries:
                self._owner.setdefault(entry_id, pack)

    # --- the chat API --------------------------------------------------------------------

    def respond(self, text: str, conversation: Conversation | None = None, now: float | None = None) -> Response:
        """Answer one message; update `conversation` when something is answered."""
        now = time.monotonic() if now is None else now
        latin = isinstance(text, str) and has_latin(text)
        before = replace(conversation) if latin and conversation is not None else None  # only pinyin is read again
        with one_message():
            response = self._respond(text, conversation, now)
        if response.status == "answer" or not latin:
            return response
        # "fayuan案件受理了多少": letters two words share were read as the frequent one (法院) and
        # nothing answers; read as the other (法援), the message is asked again from the same turn
        reader = self.packs[-1].pinyin
        message = _spoken(text)
        other = reader.read_in_message(message, other=True)
        if other == reader.read_in_message(message) or has_latin(other):
            return response
        after = replace(conversation) if conversation is not None else None
        if before is not None:
            conversation.__dict__.update(before.__dict__)
        with one_message():
            again = self._respond(other, conversation, now)
        if again.status == "answer" and again.score >= self.params.other_reading_min:
            return again
        if after is not None:
            conversation.__dict__.update(after.__dict__)
        return response

    def _respond(self, text: str, conversation: Conversation | None, now: float) -> Response:
        # 零跑動…分別多少項 asks two; "成功率好多" asks 多少 (bot/text/dialect.py)
        message = _spoken(text)
        if has_latin(message):  # "在吗~renmin tiaojie chenggonglv多谢": read before the ask is found
            message = self.packs[-1].pinyin.read_in_message(message)
        message = self.packs[-1].homophones.fix(message)  # "…存挡的": typos read before the ask is found
        message = without_known(self._as_corrected(message))  # "…业务应用我知道了": not asked
        text, bare = self._readings(message)
        asked_last = message.rstrip(" ？?。.！!").endswith(text.rstrip(" ？?。.！!"))
        if asked_last and stated_claim(text.rstrip(" ？?")) and (text == message or _MARKED_END_RE.search(message)):
            text = text.rstrip(" ？?") + "？"  # "（…顺便问一句）2023年新增了10个立法联系点": said to be checked
        kind = kind_checked(text)
        if kind:
            return self._kind_of_last(kind, conversation, now)
        *asked, last_clause = re.split(r"[\s，,。？?！!]+", text.rstrip(" ，,。？?！!")) or [""]
        kind = kind_checked(last_clause) if asked else ""
        quoted, quoted_kind = kind_checked_after(convert_numerals(text)) if not kind else ("", "")
        if quoted_kind:
            # "那个74.1是百分比吗": the figure quoted, then a check of its kind in one clause
            reply = self._respond(quoted, conversation, now)
            if reply.status == "answer" and reply.figure is not None:
                return answers.checked(reply, kind_fits(quoted_kind, reply.figure.unit, reply.figure.title))
        if kind:
            # "近2万件是指什么东西的数量啊 是案子数吗": the ask, then a check of its figure's kind
            reply = self._respond(text[: text.rfind(last_clause)].rstrip(" ，,。"), conversation, now)
            if reply.status == "answer" and reply.figure is not None:
                return answers.checked(reply, kind_fits(kind, reply.figure.unit, reply.figure.title))
            return reply
        looked_up = text[: text.rfind(last_clause)].rstrip(" ，,。？?！!") if asked else ""
        quoted = parse_figure_query(convert_numerals(clean(looked_up))) if looked_up else None
        if (quoted or _QUOTED_FIGURE_RE.search(convert_numerals(looked_up))) and _checks_a_number(last_clause):
            # "二百一十四项指的是什么？是214项吧": a figure looked up, then a check of it; asked
            # as two turns of one conversation, the check is judged against the figure found
            both = Conversation()
            found = self._respond(looked_up, both, now)
            if found.status == "answer" and found.figure is not None:
                return self._respond(last_clause, both, now)
        offered = self._options_of_last(text, conversation, now)
        if offered is not None:
            return offered
        said_of_last = _PUNCTUATION_RE.sub("", text)
        of_last = next((say for pattern, say in _OF_LAST if pattern.fullmatch(said_of_last)), None)
        if of_last is not None and conversation and conversation.active(now):
            # "这个是哪年的", "出处呢": the year or the part of the report of the answer just given
            last = self._last_answer(conversation) if conversation.last_text else None
            if last is not None and last.status == "answer" and last.year and last.section:
                return of_last(answers.checked(last, None))
        check = self._check_of_last(text, conversation, now) or self._check_then_story(text, conversation, now)
        if check is not None:
            return check
        which_way = self._which_way(text, conversation, now)
        if which_way is not None:
            return which_way
        previous = conversation.last_entry_id if conversation is not None and conversation.active(now) else None
        previous = None if conversation is not None and conversation.scoped_out else previous
        if previous and _MEMBERS_ASK_RE.search(text) and len(text) <= MAX_FOLLOW_UP_CHARS:
            # "哪五个", "举两个例子", "具体是哪几个": the members of what was just answered, as the
            # report's own sentence names them
            listed = self._listed_in(previous, text)
            if listed is not None and not self._names_subject(text):
                # "其中是街道的是哪个": those of the members the ask names, else all of them
                return (self._members_matching(previous, text) if _WITHIN_RE.search(text) else None) or listed
        entry = self.packs[-1].knowledge.entries.get(previous or "")
        only = _ONLY_MEMBERS_RE.match(text) if previous and not (entry and entry.is_metric) else None
        if only:  # (after a figure, "只讲部门的" is the figure of that part: 部门规范性文件51件)
            matching = self._members_matching(previous, only.group(1))  # "只说县区", "只要街道的"
            if matching is not None:
                return matching
        nth = self._nth_of_last(text, conversation, now) if previous else None
        if nth is not None:
            return nth
        named = self._document_of_last(text, conversation, now) if previous else None
        if named is not None:
            return named
        sibling = self._sibling_of_last(text, conversation, now) if previous else None
        if sibling is not None:
            return sibling
        within = self._within_last_area(text, conversation, now) if previous else None
        if within is not None:
            return within
        kind_said = previous and _ONLY_KIND_RE.match(_PUNCTUATION_RE.sub("", text))
        of_kind = self._figures_in_last(text, conversation, now) if kind_said else None  # "只说钱"
        if of_kind is not None:
            return of_kind
        if (
            previous
            and _WITHIN_RE.search(text)
            and len(text) <= MAX_FOLLOW_UP_CHARS
            and not self.packs[-1].analyze(text).wants_figure
        ):
            # "其中是街道的是哪个": of the members just listed, those the ask names (names never
            # answer "多少": "高频事项里面有多少项实现了免证办" asks a figure)
            matching = self._members_matching(previous, text)
            if matching is not None:
                return matching
        narrowing = _NARROWING_RE.match(text) if previous else None
        last = self._last_answer(conversation) if narrowing else None  # before this answer is remembered
        response, year = self._answer(text, conversation, now)
        part_named = False
        if narrowing and response.kind not in _SCOPE_DECLINES:  # ("其中小微企业占几家": a breakdown)
            # "那只说湘易办服务场景那个" after several figures: what follows the narrowing words,
            # read alone, when the last answer's sentences hold its answer
            alone, alone_year = self._answer(_POINTING_TAIL_RE.sub("", text[narrowing.end() :]), conversation, now)
            if alone.status == "answer" and alone.source and alone.source in last.source:
                response, year = alone, alone_year
                part_named = True  # a part the narrowing names: no pointing back overrides it
        if narrowing and (
            (
                response.status != "answer"
                and (response.kind in ("nomatch", "clarify") or narrowing.group(1) in response.lacking)
            )
            or (response.status == "answer" and not (response.source and response.source in last.source))
        ):
            # "我只要部门的", "只说办了多少件案子" after an answer: the part of it asked, the
            # narrowing words no subject (a pair asked apart, "只说听证室", keeps its own reply);
            # an answer from elsewhere in the report ("只讲部门的" → 行政检察…) is no part of it
            rest = text[narrowing.end() :]
            again, again_year = self._answer(rest, conversation, now)
            if again.status != "answer" and conversation.last_text:
                # "全市柔性执法的效果怎样" then "只说办了多少件案子": the part asked of the last subject
                subject = self._last_subject(conversation)
                again, again_year = self._answer(f"{subject}，{rest}", conversation, now)
            if again.status == "answer":
                response, year = again, again_year
        outside = narrowing and not (response.source and response.source in last.source)
        # "只要行政复议那块的比例" after the figures of 矛盾纠纷化解: the figures of those it names
        # (each holding every word said in its own name, else in its sentence); said in their
        # own names, they are the answer whatever the plain reading found ("只说立法联系点的":
        # both figures of it, not the first; "其中承诺时限压缩呢": that one, not two)
        own = self._figures_in_last(text, conversation, now, own_only=True) if previous else None
        narrowed = own or (self._figures_in_last(text, conversation, now) if previous else None)
        # a decline naming what the report lacks ("其中小微企业占几家") stands unless they hold it
        lacked = narrowed is not None and any(response.lacking not in p.text for p in narrowed.parts or [narrowed])
        lacked = (response.lacking and lacked) or response.kind in _SCOPE_DECLINES
        if (
            narrowed is not None
            and not lacked
            and (response.status != "answer" or outside or (own is not None and _ids(own) != _ids(response)))
        ):
            response, year = narrowed, None
            part_named = True
        corrected = _CORRECTION_RE.match(text) if previous and conversation.last_text else None
        kind = _MEASURE_KIND_RE.search(conversation.last_text) if corrected else None
        if kind and kind.group(0) not in text:
            # "人民调解…成功率多少" then "我说的是诉前调解的": the same kind of figure, of the
            # subject the asker meant
            again, again_year = self._answer(f"{corrected.group(1)}的{kind.group(0)}", conversation, now)
            if again.status == "answer":
                response, year = again, again_year
        elif corrected and _KIND_SAID_RE.fullmatch(corrected.group(1)) and response.status != "answer":
            # "诉前调解情况" then "我问的是成功率不是件数": that kind of figure, of the last subject
            subject = self._last_subject(conversation)
            again, again_year = self._answer(f"{subject}的{corrected.group(1)}", conversation, now)
            if again.status == "answer":
                response, year = again, again_year
        elif previous and conversation.last_text and response.status != "answer" and self._kind_only(text):
            # "换成比例是多少", "比例是多少" after 78件: only a kind of figure named, of the last subject
            subject = self._last_subject(conversation)
            again, again_year = self._answer(f"{subject}的{text}", conversation, now)
            if again.status == "answer" and again.figure is not None:
                response, year = again, again_year
        if text != message and _ASKS_ABOUT_RE.search(text) and not self._names_subject(text):
            # "…讲是营商码…中央台报道了的，是哪个节目啊": an ask naming nothing the report says
            # in one place only is about the nearest thing of the story the report does name
            subject = self._nearest_subject(message)
            if subject:
                again, again_year = self._answer(f"{subject}，{text}", conversation, now)
                if again.status == "answer":
                    response, year = again, again_year
        lent_words = text[: -len(bare)] if bare != text and text.endswith(bare) else ""
        lent_declined = response.kind in ("nomatch", "clarify") or (response.lacking and response.lacking in lent_words)
        if response.status != "answer" and lent_words and lent_declined:
            # "…前阵子市场监管来查出个小问题 人家说第一次轻微违规不罚款…有多少家企业享受了这个":
            # a word lent from what the ask points back at never causes a decline (a year or a
            # place does: it is no word lacked); the ask alone is read again
            again, again_year = self._answer(bare, conversation, now)
            if again.status == "answer":
                response, year = again, again_year
        if response.status != "answer" and text != message:
            # "听说市里有个行政执法能力三年提升的方案 第一批验收了多少个单位": an ask that gets
            # no answer alone is read with the report's own words of the story just before it
            lent = self._lent(message)
            if lent:
                again, again_year = self._answer(f"{lent}，{text}", conversation, now)
                if again.status == "answer":
                    response, year = again, again_year
        # the answer just given again, to a question of other words ("他们提了多少意见建议"
        # after "新增了几个联系点"): not an answer to it
        repeated = (
            response.status == "answer"
            and previous is not None
            and response.entry_id == previous
            and not _check_words_only(text)
        )
        # "第一批…验收了哪些单位" then "总共几个单位": the batch the decline names was the last
        # question's, a scope the follow-up keeps as it keeps a year ("新增" then "现在一共有几个"
        # asks the whole, which the report lacks)
        inherited = (
            response.kind == "part_only"
            and ORDINAL_RE.fullmatch(response.lacking or "") is not None
            and previous is not None
            and response.lacking in conversation.last_text
        )
        if (
            not part_named
            and (response.kind != "followup" or repeated)
            and (response.kind not in DELIBERATE_KINDS or inherited)
            and (not (response.status == "answer" and response.kind == "figure") or repeated)
            and self._points_back(text, conversation, now)
            and (repeated or response.status != "answer" or not self._names_subject(text) or not self._own_words(text))
        ):
            # "那是哪个频道的", "他们考的是啥": asked about what was just answered, so the last
            # question's subject comes first, and that reading answers when it can (an answered
            # ask naming its own subject, "那个医疗纠纷调解委员会…", is about that subject)
            subject = self._last_subject(conversation)
            if self.packs[-1].analyze(text).intent.total:
                # "新增了几个立法联系点" then "现在总共有多少个": the whole of it, not the part added
                subject = _ADDED_PART_RE.sub("", subject)
            kind_only = self._kind_only(text)  # "总数呢", "换成比例是多少": that kind of the last subject
            again, again_year = self._answer(f"{subject}{'的' if kind_only else '，'}{text}", None, now)
            # an ask naming nothing of its own ("得了个什么称号", or a kind of figure only) is about
            # the last subject whatever the plain reading scored; a kind of figure only by a figure
            own = [] if kind_only else self._own_words(text)
            better = (
                (repeated or response.status != "answer" or again.score > response.score or not own)
                and not _numbers_kept(text, response, again)
                and (not kind_only or again.figure is not None)
            )
            if again.status == "answer" and (again.entry_id != response.entry_id or not repeated) and better:
                response, year = again, again_year
            elif again.kind in answers.LACKS_KINDS and (
                response.status != "answer" or (response.entry_id != previous and not own)
            ):
                # "在全省排第几" after 法律援助: the report ranks no 法律援助, and another subject's
                # rank is no answer to it; "这个是谁评的啊" after a title: what the report lacks
                # of that subject, not a guess at another
                response, year = again, again_year
        if response.kind in ("nomatch", "clarify") and previous and self._held_by_last(text, conversation, now):
            # "栏目叫啥" after 桃江…CCTV-12频道《小区大事》栏目予以报道: every word the ask names is
            # in the sentence just answered, where the report says it
            response = answers.held_in(self._last_answer(conversation))
        if response.status != "answer" and previous and _GO_ON_RE.fullmatch(text.strip()):
            # "还有呢" right after an answer that nothing more continues: that answer is all the
            # report writes of it
            last = self._last_answer(conversation)
            if last.status == "answer":
                response = answers.all_said(last)
        if response.status == "answer" and response.section and _PART_ASKED_RE.search(message):
            # "…并请注明出自报告哪一部分": where it stands is part of the answer asked for
            response = answers.with_part(response)
        if conversation is not None and response.status == "answer":
            conversation.last_year = year or conversation.last_year
            conversation.last_text = conversation.last_text if response.kind == "all_said" else text
            conversation.scoped_out = False
        elif conversation is not None and response.kind in answers.SCOPE_KINDS:
            # "2024年网上可办率多少": "那2023年的呢" next asks it in scope
            offered = response.suggestions[0].id if response.suggestions else None
            question = self._without_scope(text)
            if not _PARTICLES_RE.sub("", question):  # "2021年呢": the question it asked of another year
                question = conversation.last_text
            conversation.scope_declined(question, offered, now)
        return response

    def _without_scope(self, text: str) -> str:
        """The question without its year and place words ("2024年网上可办率多少" → 网上可办率多少)."""
        analysis = self.packs[-1].analyze(text)
        scope, question = analysis.scope, analysis.cleaned
        for start, end in sorted(scope.spans, reverse=True):
            question = question[:start] + question[end:]
        for word in (*scope.places, *scope.counties, scope.wider):
            question = question.replace(word, "") if word else question
        return question.strip("的，, ")

    def _answer(self, text: str, conversation: Conversation | None, now: float) -> tuple[Response, int | None]:
        recent = self._recent(text)
        if recent is not None:
            # "去年法律援助多少件" with no report of that year (去年 is 2025 today): no figure of
            # another year, only a button to the newest report's answer to the same question
            question, word = recent
            response, _ = self._answer_in_scope(question, None, now)
            pack = self.packs[-1]
            entry = pack.knowledge.entries.get(response.entry_id or "") if response.status == "answer" else None
            options = [answers.suggestion(entry)] if entry is not None else []
            return answers.decline(pack.knowledge, "other_year", word, options=options, covered=pack.covered), None
        return self._answer_in_scope(text, conversation, now)

    def _recent(self, text: str) -> tuple[str, str] | None:
        """A relative year of RECENT_WORDS (去年) in the ask, later than every report loaded: the
        question without it (to offer the newest report's answer as a button) and the year asked
        as the reply names it ("去年（2025年）"); None otherwise."""
        analysis = self.packs[-1].analyze(text)  # its years are the ask's, never the story's (_years_asked)
        scope = analysis.scope
        newest = max(p.knowledge.year or 0 for p in self.packs)
        if scope.relative not in RECENT_WORDS or not newest or min(scope.years, default=0) <= newest:
            return None
        written = text if scope.relative in text else analysis.cleaned  # "qu nian 网上可办率多少": read
        question = written.replace(scope.relative, "", 1)
        if not _PARTICLES_RE.sub("", question):
            return None  # "那去年呢": another year is the whole ask
        asked = next(y for y in scope.years if y > newest)
        return question, f"{scope.relative}（{asked}年）"

    def _answer_in_scope(self, text: str, conversation: Conversation | None, now: float) -> tuple[Response, int | None]:
        only = self.packs[0].knowledge
        if len(self.packs) == 1 and only.year and _PREVIOUS_ONLY_RE.match(_PUNCTUATION_RE.sub("", text)):
            # "那前一年呢": the same figure for a year before the only report loaded
            return answers.decline(only, "other_year", f"{only.year - 1}年", covered=self.packs[0].covered), None
        if len(self.packs) == 1:
            return self.packs[0].respond(text, conversation, now), self.packs[0].knowledge.year
        response, year = self._route(text, conversation, now)
        return (answers.with_year(response, year) if self.multi_year else response), year

    def _points_back(self, text: str, conversation: Conversation | None, now: float) -> bool:
        """A short question that points at the last answer (这个, 他们, 那…, 具体, 其中), or
        names nothing of its own beyond the kind of thing asked ("哪个频道的", "上了哪个电视节目")."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return False
        if len(text) > MAX_FOLLOW_UP_CHARS:
            return False
        if _POINTS_BACK_RE.search(text):
            return True
        if conversation.scoped_out and not _PARTICLES_RE.sub("", self._without_scope(text)):
            return True  # "益阳呢" after a question of another place: only a scope of the report's own
        # "哪个频道的": a question word and nothing named; a bare figure ("100%") asks on its own;
        # "总数呢", "比例是多少": a kind of figure only, of what was just answered
        return (bool(_QUESTION_WORD_RE.search(text)) and not self._own_words(text)) or self._kind_only(text)

    def _held_by_last(self, text: str, conversation: Conversation, now: float) -> bool:
        """A short ask whose words (verbs of asking aside, 栏目 and 频道 kept) are all in the last
        answer's sentence."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now) or not _ASKS_ABOUT_RE.search(text):
            return False
        core = _ASKING_RE.sub(" ", self.packs[-1].analyze(text).core)
        named = [w for w in words_in(core) if len(w) >= 2 and w not in GENERIC_VERBS]  # 栏目, 频道 too
        last = self._last_answer(conversation)
        return bool(named) and last.status == "answer" and all(_holds_word(last.source, w) for w in named)

    def _own_words(self, text: str) -> list[str]:
        """The ask's words that name a subject: not question words, verbs of asking or the
        kind of thing asked."""
        text = _COUNTER_RE.sub(r"\1", text)  # "帮了几个人": 个 counts, it makes no 个人
        analysis = self.packs[-1].analyze(text)
        core = _ASKING_RE.sub(" ", analysis.core)  # "有啥用": no 有用 glued where 啥 stood
        if analysis.intent.measure == "rank":  # "在全省排什么位置": where it stands, and among whom
            core = _RANK_FRAME_RE.sub(" ", core)
        report, norm = self.packs[-1].context.report_norm, self.packs[-1].context.normalize
        # a rare verb the report never writes ("调成了几件") is the asker's way of saying what
        # was done, no subject; a thing's name or an everyday word is one (天气, 孩子, 罚款)
        return [
            w
            for w in words_in(core)
            if len(w) >= 2
            and w not in PLACEHOLDERS
            and w not in _KIND_WORDS
            and w not in GENERIC_VERBS  # "现在总共有多少个": when and how much, no subject
            and (not none_occur(norm(w), report) or _names_a_thing(w) or is_common(w))
        ]

    def _check_of_last(self, text: str, conversation: Conversation | None, now: float) -> Response | None:
        """A check of the figure just given ("是两千九百多件对吧", "不是三千项吗"): judged against
        the answer to the last question, never searched afresh. A check is a number to confirm
        with nothing of its own to ask beyond what that answer says."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return None
        if conversation.scoped_out:
            return None  # the last question was declined: no figure of it was given to check
        a = self.packs[-1].analyze(text)
        if not (a.intent.yes_no or a.rough or _CHECK_TONE_RE.search(text.strip())):
            return None
        if ASKS_ABOUT_OTHER_RE.search(text) and not a.intent.yes_no:
            return None  # "跑两次以上的呢": what about another one, not a check of this one
        if _ASKS_A_FIGURE_RE.search(a.text) and not a.intent.yes_no:
            return None  # "那2022年受理了多少啊": a figure asked by its question word, a new question
        if _ANOTHER_EXISTS_RE.search(text):
            return None  # "跑两次以上的有没有": whether another one exists, not a check of this one
        if not a.numbers:
            a = _with_bare_numbers(a)  # "四千四对吧": after an answer, a bare number is its figure checked
        core = a.core
        for number in a.numbers:  # "七百个？": the number is the check, not a subject
            core = core.replace(number.text, "")
        plain = re.sub(r"[\d.%]+", "", core)
        way = WAY_RE.search(plain)  # "增多了对吧": a direction, before 多 and 了 are read as check words
        residue = _CHECK_WORDS_RE.sub("", COMPARED_RE.sub("", WAY_RE.sub("", plain)))
        if len(residue) > MAX_CHECK_RESIDUE:
            return None
        named = [w for w in segment(WAY_RE.sub(" ", plain)) if len(w) >= 2 and is_noun(w)]  # "那就是案子减少了？": 案件
        contrast = self._contrast_checked(plain, a.text, conversation)  # "通过的是终评吗" after 初评
        if contrast is not None:
            return contrast
        if not a.numbers and not (residue and _DIRECTION_RE.fullmatch(residue)) and not (way and len(residue) <= 2):
            return None  # no number and no direction ("是上升了对吧"): nothing of the last answer to check
        last = self._last_answer(conversation)
        part = self._part_checked(last, a)
        if part is not None:
            # "三百七十名农民工对不对", then "钱是三百多万吧", after 317万余元 and 370名 answered
            # together: the part of the figure checked is the answer judged
            last = part
            conversation.remember(part.entry_id, now)
        figure = last.figure if last.status == "answer" else None
        if figure is None and last.status == "answer" and a.numbers:
            # an explanation that states the figure ("…诉前调解案例13355件…"): the one figure
            # of its direct answer in the unit the check counts in
            unit = a.numbers[-1].unit[-1:]
            found = {f.value: f for f in figures_of(last.answer) if unit and f.unit[-1:] == unit}
            figure = next(iter(found.values())) if len(found) == 1 else None
        if figure is None:
            return None
        unit, value = getattr(figure, "unit", ""), getattr(figure, "value", "")
        if a.intent.measure and value and not measure_fits(a.intent.measure, a.intent.unit, unit, value):
            # "钱呢 是不是三百多万" after a count of people: money is another figure, the money
            # of the same thing when the last question's subject reads it so
            subject = self._last_subject(conversation)
            again, _ = self._answer(f"{subject}，{text}", None, now)
            other = again.figure if again.status == "answer" else None
            fits = other is not None and measure_fits(
                a.intent.measure, a.intent.unit, getattr(other, "unit", ""), getattr(other, "value", "")
            )
            if not (fits and again.answer.startswith(("是的", "不是"))):
                return None
            conversation.remember(again.entry_id, now)  # the figure judged is the one a next check judges
            return again
        norm = self.packs[-1].context.normalize
        said = norm(last.answer or last.text)  # its own words, not the quoted sentence's other figures
        if any(n.unit != a.numbers[-1].unit and norm(n.text) not in said for n in a.numbers[:-1]):
            return None  # "跑一次的是一千零二十四项对吧" after “0”跑动: a number naming another thing
        if way and any(not (set(norm(w)) - _MEASURE_CHARS) & set(said) for w in named):
            return None  # "那就是人数减少了？" after 破案数: a subject of its own, a new question
        if residue and not all(residue[i : i + 2] in said for i in range(len(residue) - 1)):
            if not _contradicts(plain, said) and not (way and named):
                return None  # words of its own: a new question ("那就是案子减少了？" names its subject)
        if way and not a.intent.yes_no:  # "那就是上涨了？": a check by its tone, judged as one
            a = replace(a, intent=replace(a.intent, yes_no=True))
        if way and residue and not a.numbers:
            # "那就是案子减少了？": the subject in the asker's word, the direction checked
            a = self.packs[-1].analyze(way.group(0) + "了吗")
        return answers.checked(last, verdict(a, last.source, figure))

    def _contrast_checked(self, plain: str, question: str, conversation: Conversation) -> Response | None:
        """A check naming a stage, batch or level ("是终评吗", "是第一批吧") of the figure just
        given: 不是 when the answer says its opposite, 是的 when the answer says the word itself."""
        named = [(w, o) for w, o in CONTRASTS if w in plain and not WAY_RE.search(w)]
        if not named or _QUESTION_WORD_RE.search(question):
            return None  # ("有没有啥项目进了全国的名单" asks of its own)
        last = self._last_answer(conversation)
        if last.status != "answer":
            return None
        said = self.packs[-1].context.normalize(last.answer or last.text)
        flip = negates(question)  # "不是第一批吧" states the negation; "不是第二批吗" asserts 第二批
        if any(any(o in said for o in opposites) and word not in said for word, opposites in named):
            return answers.checked(last, flip)
        rest = plain
        for word, _ in named:
            rest = rest.replace(word, "")
        # 是的 only when the check says nothing else ("是全省第二吗" after 全省第一 says 第二)
        alone = not _CHECK_WORDS_RE.sub("", rest)
        return answers.checked(last, not flip) if alone and all(word in said for word, _ in named) else None

    def _options_of_last(self, text: str, conversation: Conversation | None, now: float) -> Response | None:
        """ "到底是5100多名还是15300多名" right after an answer: the options offered name nothing
        of their own; the figure just given says which, with no 是的/不是 on either."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return None
        a = self.packs[-1].analyze(text)
        own = [w for w in self._own_words(a.text) if not re.fullmatch(UNIT_WORDS, w)]  # "是元还是万元"
        if not offers_choice(a.cleaned) or a.numbers or own:
            return None  # (the options, as numbers, were read as the question's "是多少")
        last = self._last_answer(conversation)
        if last.status != "answer":
            return None
        if last.figure is None and last.parts:  # several figures given: the one of the options' unit
            said = convert_numerals(a.cleaned)
            offered = [p for p in last.parts if p.figure is not None and p.figure.unit and p.figure.unit in said]
            last = offered[0] if len(offered) == 1 else last
        return answers.checked(last, None) if last.figure is not None else None

    @staticmethod
    def _part_checked(last: Response, a: Analysis) -> Response | None:
        """Of an answer to several asks, the one part whose figure is of the unit, or else the
        measure, of the number checked; None when not exactly one is."""
        if not last.parts or not a.numbers:
            return None
        unit = a.numbers[-1].unit[-1:]
        figured = [p for p in last.parts if p.figure is not None and p.entry_id]
        found = [p for p in figured if unit and getattr(p.figure, "unit", "")[-1:] == unit]
        if not found and a.intent.measure:
            found = [
                p
                for p in figured
                if measure_fits(
                    a.intent.measure, a.intent.unit, getattr(p.figure, "unit", ""), getattr(p.figure, "value", "")
                )
            ]
        return found[0] if len(found) == 1 else None

    def _document_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "为这个出台的是啥文件" after an answer whose sentence names one document: that one."""
        if not _DOCUMENT_ASKED_RE.search(text):
            return None
        things = [w for w in self._own_words(text) if is_noun(w)]  # "靠哪个文件推动的": 推动 is what it did
        verbs_only = not things and len(text) <= MAX_FOLLOW_UP_CHARS
        if not (self._points_back(text, conversation, now) or (verbs_only and conversation.active(now))):
            return None
        if not _THIS_ONE_RE.search(text) and things:
            return None  # "另外想问乡镇综合执法示范创建是哪个通知" names a thing of its own; "依据的哪个文件" none
        last = self._last_answer(conversation)
        if any(w not in last.source for w in things):
            return None  # "推进立法协商的那个文件叫啥": a thing of its own, not the last answer's
        titles = list(dict.fromkeys(_TITLE_RE.findall(last.source))) if last.status == "answer" else []
        return answers.named_in(last, titles[0]) if len(titles) == 1 else None

    def _nth_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "第二个呢，是为了啥" after an answer naming several things (《…》 titles, or names
        listed with 、): the thing at that place, asked what follows of it (what it is, if nothing)."""
        said = _NTH_RE.match(_spoken(text).strip())
        if said is None or not conversation.active(now):
            return None
        last = self._last_answer(conversation)
        if last.status != "answer":
            return None
        titles = list(dict.fromkeys(_TITLE_RE.findall(last.answer)))
        members = titles or next((_list_items(x) for x in re.split(r"[。；;]", last.answer) if "、" in x), [])
        place = said.group("place")
        index = "一二三四五六七八九".find(place.replace("两", "二")) if place and not place.isdigit() else -1
        index = int(place) - 1 if place and place.isdigit() else index  # none: "最后一个"
        if len(members) < 2 or index >= len(members):
            return None
        rest = _PUNCTUATION_RE.sub("", said.group("rest")) or "是什么"
        again, _ = self._answer(f"{members[index]}{rest}", None, now)
        return again if again.status == "answer" else None

    def _within_last_area(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "其中县里的那个是哪个县" right after an area's sentences: the one of them that holds
        the ask's words (a figure asked is left to the follow-up of figures)."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now):
            return None
        if not (_WITHIN_RE.search(text) or _NARROWING_RE.match(text) or _THIS_ONE_RE.search(text)):
            return None  # "桃江县的婚调经验得了么子荣誉" asks of its own; "其中…", "只说…", "那个…" point inside
        last = self._last_answer(conversation)
        pack = self.packs[-1]
        if last.kind != "area" or pack.analyze(text).wants_figure:
            return None
        if self._figures_in_last(text, conversation, now, own_only=True) is not None:
            return None  # "就讲成功率": figures named by their own names, not a sentence
        words = [w for w in self._own_words(_NARROWING_RE.sub("", text)) if w not in PLACEHOLDERS]
        # "跟湖有关的那个": what it is about, though one character
        words += [w for m in _ABOUT_RE.finditer(text) for w in m.groups() if w and w not in words]
        if not words:
            return None
        sentences = pack.knowledge.report_text.holding(last.source)
        held = [(sum(_holds_word(s.text, w) for w in words), s) for s in sentences]
        best = max((n for n, _ in held), default=0)
        found = [s for n, s in held if n == best]
        if not best or len(found) != 1:
            return None
        plain, _ = self._answer(_NARROWING_RE.sub("", text), None, now)
        if plain.status == "answer" and (plain.figure or plain.parts) and found[0].text in plain.source:
            return None  # "只要诉前调解的" of the figures listed: its figures, not their whole sentence
        return answers.answer_report(pack.knowledge, found[0], None, 1.0, kind="followup")

    def _figures_in_last(
        self, text: str, conversation: Conversation, now: float, own_only: bool = False
    ) -> Response | None:
        """ "只要行政复议那块的比例", "就讲成功率", "只说市本级确定了几项" after an answer: the
        figures of the last answer's sentences the narrowing names, each holding every word said
        (in its own name and sentence, else in its sentence) and of the kind said; None when none
        is, or when the words name everything shown."""
        said = _NARROWED_TO_RE.match(_PUNCTUATION_RE.sub("", text))
        if said is None or len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now):
            return None
        rest = said.group("rest") or said.group("within")
        kind = next((k for k in _KINDS_BY_LENGTH if k in rest), "")
        words = [w for w in self._own_words(rest.replace(kind, " ") if kind else rest) if w not in _KIND_WORDS]
        last = self._last_answer(conversation)
        if last.status != "answer" or not (words or kind):
            return None
        kb = self.packs[-1].knowledge
        held = [m for m in kb.metrics if m.source and m.source in last.source]
        if kind:
            held = [m for m in held if measure_fits(_KINDS_SAID[kind], "", m.unit, m.value) or kind in m.title]
        own = [m for m in held if all(_holds_word(f"{m.title}{m.answer}", w) for w in words)]
        found = own if own or own_only else [m for m in held if all(_holds_word(m.source, w) for w in words)]
        shown = [m for m in kb.metrics if m.source and m.source in last.source and m.value in last.text]
        if not found or (not words and len(found) == len(shown)):
            return None
        parts = [answers.answer(kb, m, 1.0, "followup") for m in found[:MAX_NARROWED_FIGURES]]
        return parts[0] if len(parts) == 1 else answers.combined(kb, parts)

    def _kind_of_last(self, kind: str, conversation: Conversation | None, now: float) -> Response:
        """ "是人数吗", "是案子数吗": whether the figure just given is of that kind, judged by its
        unit (and, for cases, its name); asked with nothing before it, nothing to check."""
        active = conversation is not None and conversation.active(now) and conversation.last_text
        last = self._last_answer(conversation) if active else None
        if last is None or last.status != "answer":
            return answers.decline(self.packs[-1].knowledge, "no_match", covered=self.packs[-1].covered)
        figure = last.figure
        if figure is None:
            return answers.checked(last, None)
        return answers.checked(last, kind_fits(kind, figure.unit, figure.title))

    def _kind_only(self, text: str) -> bool:
        """Whether the ask names only a kind of figure ("换成比例是多少"), no subject of its own."""
        words = self._own_words(text)
        return bool(words) and all(_KIND_SAID_RE.fullmatch(w) or w in _RECKONING_VERBS for w in words)

    def _last_subject(self, conversation: Conversation) -> str:
        """What the last question was about: its core, as the analysis reads it."""
        return self.packs[-1].analyze(conversation.last_text).core

    def _sibling_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "那第一批是哪些" after "第二批…有哪些": the last question asked again of the ordinal said
        instead of its own (the report's answer, or its honest "not stated"), never another
        thing that ordinal happens to name."""
        said = ORDINAL_RE.search(text)
        if said is None or not self._points_back(text, conversation, now):
            return None
        last = conversation.last_text
        unit = said.group(1) or "批"
        own = next((m for m in ORDINAL_RE.finditer(last) if (m.group(1) or "批") == unit), None)
        if own is None or ordinal_key(own.group(0)) == ordinal_key(said.group(0)):
            return None
        again, _ = self._answer(last[: own.start()] + said.group(0) + last[own.end() :], conversation, now)
        return again if again.status == "answer" or again.kind in answers.LACKS_KINDS else None

    def _last_answer(self, conversation: Conversation) -> Response:
        """The answer to the last question, asked again (once per message: a check and a "which
        way" both judge against it). A follow-up asked alone reads otherwise ("具体呢，是哪些单位"):
        when its answer is not the entry remembered, the remembered entry's answer is the last one."""
        last = once((self, "last answer", conversation.last_text), lambda: self.respond(conversation.last_text))
        remembered = conversation.last_entry_id
        ids = {last.entry_id} | {p.entry_id for p in last.parts}
        if remembered and (last.status != "answer" or remembered not in ids):
            return self.answer_entry(remembered) or last
        return last

    def _which_way(self, text: str, conversation: Conversation | None, now: float) -> Response | None:
        """ "是涨了还是降了" right after a change: the answer just given, which says which way."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return None
        if not _WHICH_WAY_RE.fullmatch(_PUNCTUATION_RE.sub("", text)):
            return None
        last = self._last_answer(conversation)
        return answers.checked(last, None) if last.status == "answer" and WAY_RE.search(last.source) else None

    def _check_then_story(self, text: str, conversation: Conversation | None, now: float) -> Response | None:
        """ "不是四千台吗 我看新闻说的四千台", "不是上升了吗 我朋友在法院说案子越来越多": a check of the
        last answer, then where the asker heard otherwise; the clauses after it ask nothing."""
        clauses = [c for c in CLAUSE_BREAK_RE.split(text) if c]
        if len(clauses) < 2 or _QUESTION_WORD_RE.search("".join(clauses[1:])) or _ASKED_MARK_RE.search(clauses[-1]):
            return None
        return self._check_of_last(clauses[0], conversation, now)

    def question(self, text: str) -> str:
        """The ask of a message (analysis/ask.py): its story left out, except the report's own
        words of the clauses an ask points back to ("…医疗纠纷那个调解委员会 这个拿了什么称号"),
        which carry no year or place."""
        return self._readings(text)[0]

    def _as_corrected(self, message: str) -> str:
        """ "公示的执法事项有多少项 不对 我是问经过法治审核的有多少项": the ask said after a
        self-correction, with the corrected ask's subject when it names none of its own."""
        found = corrected(message)
        if found is None:
            return message
        before, after = found
        if self._names_subject(after):
            return after
        return f"{self.packs[-1].analyze(before).core}，{after}"

    def _readings(self, text: str) -> tuple[str, str]:
        """The ask read with the words it points back at, and without them (context words never
        cause a decline: the ask alone is read again when the first reading declines)."""
        report = self.packs[-1].context.report_norm
        if referred(text.strip()) != text.strip():
            return text, text  # "A和B，前面那个多吧": its pointing words point inside it, a comparison
        ask = _ask_of(text, report)
        ruling = [c for c in CLAUSE_BREAK_RE.split(ask.context) if ruled_out(c)]
        if ruling:
            # "…的总数，不是市本级那个": what the asker rules out belongs to the ask
            ask = replace(ask, text=ask.text + "，" + "，".join(ruling))
        told = _HEARD_THING_RE.search(ask.context.rsplit("，", 1)[-1]) if _NAME_ASKED_RE.match(ask.text) else None
        if told:
            # "同事说市里有个律所跟企业结对子帮忙的活动，叫什么来着": what was heard of is described
            # in the asker's words; the name asked is the thing's, so the description is the ask's own
            described = f"{told.group(1)}，{ask.text}"
            return described, described
        if not ask.refers:
            return ask.text, ask.text
        refers = self.packs[-1].knowledge.synonyms.apply(clean(ask.refers))  # "医调委" is the report's word
        pointed = _VERB_THIS_RE.search(ask.text)
        done = re.search(re.escape(pointed.group(1)) + r"([\u4e00-\u9fff]{2,12})", refers) if pointed else None
        if done and known_words(done.group(1), report).strip():
            # "…要考执法资格证…，一共组织了多少人考这个": what 这个 points at is what was 考'd
            # in the story, not every word of the report the story says (城管)
            refers = done.group(1)
        said = set(segment(refers))
        lent = [w for w in self._story_words(refers, report) if _lendable(w, said)]
        # "手机上办事那个益阳在2021年的旗舰店 里面接了多少个应用": the year of the thing pointed at
        # (never of the asker's story) is the ask's
        year = self._years_of(ask.refers.split("，"), ask.text)
        return (year + "".join(lent) + "，" + ask.text if lent else ask.text), ask.text

    def _listed_in(self, entry_id: str, asked: str = "") -> Response | None:
        """The report sentence an answer came from, when it names several things (、 or “…”);
        after a count whose members the report does not name, `asked` naming nothing but the
        thing counted, the decline that it gives the count only."""
        pack = self._owner.get(entry_id) or self.packs[-1]
        if entry_id.startswith("report:"):
            found = [s for s in (pack.report.sentence(entry_id),) if s is not None]
        else:
            source = pack.knowledge.entries[entry_id].source if entry_id in pack.knowledge.entries else ""
            found = pack.knowledge.report_text.holding(source)
        entry = pack.knowledge.entries.get(entry_id)
        if entry is not None and entry.is_metric and entry.value and _members_unnamed(pack, entry, found, asked):
            return answers.decline(pack.knowledge, "count_only", entry.value, near=self.answer_entry(entry_id))
        found = [s for s in found if _NAMES_SEVERAL_RE.search(s.text)]
        if not found:
            return None
        return answers.answer_report(pack.knowledge, found[0], None, 1.0, kind="members")

    def _members_matching(self, entry_id: str, text: str) -> Response | None:
        """The members of the last answer's list (its sentence's 、-separated names) that hold a
        word of the ask ("其中是街道的是哪个" → 赫山区龙光桥街道); None when none or all do."""
        listed = self._listed_in(entry_id)
        if listed is None or listed.entry_id is None:
            return None  # no list, or a count whose members the report does not name
        pack = self._owner.get(entry_id) or self.packs[-1]
        sentence = pack.report.sentence(listed.entry_id) if listed.entry_id.startswith("report:") else None
        if sentence is None:
            return None
        items = _list_items(sentence.text)
        asked = [w for w in words_in(_WITHIN_RE.sub("", text)) if len(w) >= 2 and w not in PLACEHOLDERS]
        found = [item for item in items if any(w in item for w in asked)]
        ends = [e for w in asked for e in _KIND_ENDS.get(w, ())]  # "县区": members named …县, …区
        found = found or [item for item in items if ends and item.endswith(tuple(ends))]
        if not found or len(found) == len(items):
            return None
        return answers.members_matching(pack.knowledge, sentence, found)

    @cached_property
    def _sentence_texts(self) -> list[str]:
        """The newest report's sentences, normalised (built on first use)."""
        pack = self.packs[-1]
        return [pack.context.normalize(s.text) for s in pack.knowledge.report_text.sentences]

    @cached_property
    def _subject_texts(self) -> str:
        """The newest pack's entry titles and phrasings, normalised: what its knowledge asks about."""
        pack = self.packs[-1]
        return "\n".join(
            pack.context.normalize(p) for e in pack.knowledge.entries.values() for p in (e.title, *e.phrasings)
        )

    def _sentences_with(self, word: str) -> int:
        """In how many of the newest report's sentences a (normalised) word stands."""
        return sum(word in t for t in self._sentence_texts)

    def _names_subject(self, ask: str) -> bool:
        """Whether an ask names something the report writes of in at most two sentences and the
        knowledge asks about (营商码, 诉前调解): its own subject. 报道, 节目, 中央 do not."""
        pack = self.packs[-1]
        runs = known_words(pack.context.normalize(ask), pack.context.report_norm).split()
        words = [w.lstrip("几个项家件名次条类种批") for w in runs]  # "几个单位": the 单位, not 个单位
        return any(
            len(w) >= 2
            and w not in PLACEHOLDERS
            and not _NUMERAL_WORD_RE.fullmatch(w)  # "哪五个": a number names nothing
            and not is_common(w)  # 报道, 做法, 中央: everyday words name no subject of their own
            and 0 < self._sentences_with(w) <= SUBJECT_SENTENCES
            and w in self._subject_texts  # a thing the knowledge asks about, not a word in passing
            for w in words
        )

    def _nearest_subject(self, message: str) -> str:
        """The report's words of the nearest story clause that names a subject of its own."""
        report = self.packs[-1].context.report_norm
        ask = _ask_of(message, report)
        for clause in reversed(re.split(r"[，,。！!？?；;\s]+", ask.context)):
            if clause and self._names_subject(clause):
                words = known_words(YEAR_RE.sub(" ", clean(clause)), report).split()  # no "20" of 2019年
                # a place the knowledge asks about (大通湖) is a subject here; other places never lent
                return "".join(w for w in words if not _scoped(w, self.today) or self._names_subject(w))
        return ""

    def _story_words(self, story: str, report: str) -> list[str]:
        """The report's words a story says, without a year or place, and never one the asker
        rules out ("我说的不是新增的是总数": 新增 is what the ask does not mean)."""
        ruled = ruled_out(story)
        story = YEAR_RE.sub(" ", story)  # "2019年…": no "20" lent from a year
        return [
            w
            for w in known_words(story, report).split()
            if not _scoped(w, self.today) and not any(w in r or r in w for r in ruled)
        ]

    def _lent(self, message: str) -> str:
        """The report's words of the story clauses just before the ask (no year, no place)."""
        report = self.packs[-1].context.report_norm
        ask = _ask_of(message, report)
        if not ask.context:
            return ""
        clauses = ask.context.split("，")[-LENDING_CLAUSES:]
        before = "，".join(clauses)
        lent = "".join(self._story_words(clean(before), report))
        # the kind of figure the story names ("…出庭应诉的比例很高 到底是多少"), in any words
        kind = _MEASURE_KIND_RE.findall(before)
        lent = lent + "".join(k for k in dict.fromkeys(kind) if k not in lent) if lent else ""
        return self._years_of(clauses, ask.text) + lent if lent else ""

    @staticmethod
    def _years_of(clauses: list[str], asked: str) -> str:
        """The years of the clauses lent from that tell no story of the asker ("那个益阳在2021年的
        旗舰店 里面接了多少个应用": the thing asked of is 2021's), when the ask names none."""
        years = [y for c in clauses if not narrative(c) for y in YEAR_RE.findall(c)]
        return "".join(dict.fromkeys(years)) if years and not YEAR_RE.search(asked) else ""

    def answer_entry(
        self, entry_id: str, conversation: Conversation | None = None, now: float | None = None
    ) -> Response | None:
        """The answer for a known entry id (button presses); None if the id is unknown."""
        for pack in self._packs_for_id(entry_id):
            response = pack.answer_entry(entry_id, conversation, now)
            if response is not None:
                if conversation is not None:
                    conversation.last_year = pack.knowledge.year
                return answers.with_year(response, pack.knowledge.year) if self.multi_year else response
        return None

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """The curated entries nearest a question, with their scores (admin review)."""
        found = [c for pack in self.packs for c in pack.closest(text, limit)]
        return sorted(found, key=lambda c: -c[1])[:limit]

    def pack_of(self, entry_id: str) -> PackEngine | None:
        return self._owner.get(entry_id)

    def knows(self, entry_id: str) -> bool:
        """Whether a button's id names something this engine can answer (an entry of any pack,
        or a sentence of any report)."""
        if entry_id in self._owner:
            return True
        return entry_id.startswith("report:") and any(p.report.sentence(entry_id) for p in self.packs)

    # --- routing ---------------------------------------------------------------------------

    def _packs_for_id(self, entry_id: str) -> list[PackEngine]:
        owner = self._owner.get(entry_id)
        return [owner] if owner is not None else list(reversed(self.packs))

    def _route(self, text: str, conversation: Conversation | None, now: float) -> tuple[Response, int | None]:
        scope = self.packs[-1].analyze(text).scope  # one analysis, shared with the packs
        pool = [p for p in self.packs if p.names_place(text)] or self.packs
        years = list(scope.years)
        question = text
        if scope.previous:
            base = (
                conversation.last_year
                if conversation is not None and conversation.active(now) and conversation.last_year
                else max(p.knowledge.year or 0 for p in pool)
            )
            years = [base - 1, base]
            if (
                _PREVIOUS_ONLY_RE.match(_PUNCTUATION_RE.sub("", text))
                and conversation is not None
                and conversation.last_text
            ):
                question = conversation.last_text  # "比上一年呢": the last question, for both years
        if years:
            chosen = [p for p in pool if p.knowledge.year in years]
            if not chosen and TARGET_ASKED_RE.search(text):  # "2025年的目标": the reports that set it
                chosen = [p for p in pool if all(f"{y}年" in p.context.report_norm for y in years)][-1:]
            if not chosen:
                other = next(y for y in years)
                word = f"{scope.relative}（{other}年）" if scope.relative else f"{other}年"
                return answers.decline(pool[-1].knowledge, "other_year", word, covered=pool[-1].covered), None
            if len({p.knowledge.year for p in chosen}) > 1:
                return self._side_by_side(chosen, question, now), None
            return self._first_answer(chosen, question, conversation, now)
        if scope.all_years and len({p.knowledge.year for p in pool}) > 1:
            return self._side_by_side(pool, question, now), None
        return self._first_answer(pool, question, conversation, now)

    def _first_answer(
        self, pool: list[PackEngine], text: str, conversation: Conversation | None, now: float
    ) -> tuple[Response, int | None]:
        """The newest report first; an older one only when it has words of the question the
        newer ones lack (a fact only it has). With several places, the reports whose text
        shares the most of the question go first (益阳's questions to 益阳's reports)."""
        core = pool[-1].analyze(text).core
        pairs = {core[i : i + 2] for i in range(len(core) - 1)}
        overlap = {id(p): sum(pair in p.context.report_norm for pair in pairs) for p in pool}
        best = max(overlap.values(), default=0)
        if len({p.knowledge.place for p in pool}) > 1 and best:
            pool = [p for p in pool if overlap[id(p)] >= best * PLACE_OVERLAP]
        first: tuple[Response, int | None] | None = None
        seen: set[str] = set()  # pairs found in the reports asked so far
        for year in sorted({p.knowledge.year or 0 for p in pool}, reverse=True):
            packs = [p for p in pool if (p.knowledge.year or 0) == year]
            if seen or first is not None:
                packs = [p for p in packs if any(pair in p.context.report_norm and pair not in seen for pair in pairs)]
            replies = [(p.respond(text, conversation, now), p.knowledge.year) for p in packs]
            seen |= {pair for p in packs for pair in pairs if pair in p.context.report_norm}
            answered = [r for r in replies if r[0].status == "answer"]
            if answered:
                found = self._older_fact(pool, year, core, text, conversation, now) or max(
                    answered, key=lambda r: r[0].score
                )
                return self._newest_same(found, pool, conversation, now)
            first = first or (replies[0] if replies else None)
        return first or (pool[-1].respond(text, conversation, now), pool[-1].knowledge.year)

    def _older_fact(self, pool, year: int, core: str, text: str, conversation, now: float):
        """An older report's answer when the question names a thing (3+ characters: 复调对接) that
        only that report writes: the newer report's answer would be another measure (unless
        same_as says the newer report has that measure in other words: `_newest_same`)."""
        newer = [p.context.report_norm for p in pool if (p.knowledge.year or 0) >= year]
        for pack in sorted(pool, key=lambda p: -(p.knowledge.year or 0)):
            if (pack.knowledge.year or 0) >= year:
                continue
            own = [
                core[i : i + 3]
                for i in range(len(core) - 2)
                if " " not in core[i : i + 3]
                and core[i : i + 3] in pack.context.report_norm
                and all(core[i : i + 2] not in n and core[i + 1 : i + 3] not in n for n in newer)
            ]
            if own:
                reply = pack.respond(text, conversation, now)
                if reply.status == "answer":
                    return reply, pack.knowledge.year
        return None

    def _side_by_side(self, pool: list[PackEngine], text: str, now: float) -> Response:
        latest: dict[int, PackEngine] = {}
        for pack in pool:
            latest[pack.knowledge.year or 0] = pack
        question = _YEARS_RE.sub("", text)  # each report is asked the question without the years
        parts = [(year, latest[year].respond(question, None, now)) for year in sorted(latest)]
        parts = self._same_measure(parts, latest, now)
        if not any(r.status == "answer" for _, r in parts):
            return parts[-1][1]
        return answers.by_year(parts)

    def _same_measure(self, parts: list[tuple[int, Response]], latest: dict, now: float) -> list:
        """Each year's answer is the same measure (same_as) as the newest year's that has links."""
        anchor = next((r.entry_id for _, r in reversed(parts) if self.links.linked(r.entry_id)), None)
        if anchor is None:
            return parts
        paired = []
        for year, reply in parts:
            same = self.links.in_year(anchor, year)
            if same and reply.entry_id != same:
                reply = latest[year].answer_entry(same, None, now) or reply
            paired.append((year, reply))
        return paired

    def _newest_same(self, found: tuple[Response, int | None], pool, conversation, now: float):
        """An older report's answer, when a newer report has the same measure (same_as): the newer."""
        response, year = found
        for pack in reversed(pool):
            newer = pack.knowledge.year or 0
            if newer <= (year or 0):
                break
            same = self.links.in_year(response.entry_id, newer)
            if same:
                return pack.answer_entry(same, conversation, now) or response, newer
        return found


# A clause telling of a thing heard of ("同事说市里有个…的活动"): the thing, described.
_HEARD_THING_RE = re.compile(
    r"(?:说|讲|听说|听讲)(?:市里|益阳|我们这|这边)?有(?:个|一个|种|一种|项)([\u4e00-\u9fff]{4,30}?的[\u4e00-\u9fff]{1,6})$"
)
_NAME_ASKED_RE = re.compile(r"^(?:它|那)?(?:叫|名字叫)")


# Where an answer stands in the report, asked ("出自报告哪一部分", "在报告哪一章", "注明出处").
_PART_ASKED_RE = re.compile(
    r"(?:出自|来自|在|属于)(?:报告)?(?:的)?哪(?:一)?(?:部分|章|节|块|段|里)|注明出处|哪个部分|哪一部分"
)


def _ask_of(message: str, report: str) -> Ask:
    """find_ask, once per message (the ask and the story it lends words from)."""
    return once(("ask", message, report), lambda: find_ask(message, report))


def _members_unnamed(pack: PackEngine, entry, found: list, asked: str) -> bool:
    """ "具体是哪些" after a count: its members are named only in the count's own clause ("市市监局、
    市科学技术局等11个单位"), and "…新增5个立法联系点…" names none of them; an ask naming a
    thing besides the counted one ("都是哪些领域的合同" after 审查意见) asks something else."""
    clauses = [c for s in found for c in CLAUSE_BREAK_RE.split(s.text) if entry.value in c]
    if not clauses or any(_NAMES_SEVERAL_RE.search(c) for c in clauses):
        return False
    norm, report = pack.context.normalize, pack.context.report_norm
    counted = norm(" ".join([entry.title, *entry.phrasings]))
    return not any(
        len(w) >= 2
        and w not in PLACEHOLDERS
        and w not in _KIND_WORDS
        and norm(w) not in counted
        and (is_noun(w) or not none_occur(norm(w), report))
        for w in (words_in(pack.analyze(asked).core) if asked else ())
    )


# A verb and the thing pointed at ("考这个", "办那个"): the story's object of that verb is meant.
_VERB_THIS_RE = re.compile(r"([\u4e00-\u9fff])(?:这个|那个)(?![\u4e00-\u9fff])")
# Words naming the kind of a figure ("比例", "金额"), which a story lends with its report words.
_MEASURE_KIND_RE = re.compile(r"比例|比率|占比|成功率|金额|人数|人次|数量")
# The asker saying which subject the last question meant ("我说的是诉前调解的", "我是问部门的").
_CORRECTION_RE = re.compile(
    r"^(?:不是[，,\s]*)?(?:我|俺)(?:说的是|是说|问的是|是问|指的是)([\u4e00-\u9fff]{2,12}?)的?"
    r"(?:[，,\s]*(?:而)?不是[\u4e00-\u9fff]{1,8})?[。！!？?\s]*$"  # "…成功率不是件数": what it was not
)
# "只说…", "就讲…": a part of what was just given, asked alone (the verbs of each use follow).
_ONLY = r"^(?:那)?(?:我|俺)?(?:只|光|就)"
# "只说县区", "只要街道的": some of the members just listed, by what they are.
_ONLY_MEMBERS_RE = re.compile(
    _ONLY + r"(?:说|讲|要|看|问)(?:一下|下)?(?:其中)?(?:的)?([\u4e00-\u9fff]{2,4}?)(?:的|那些|那个)?[吧呀啊呢哈]*$"
)
# Kinds of member named by how their names end ("县区" → 资阳区, 南县).
_KIND_ENDS = {
    "县区": ("县", "区"),
    "区县": ("县", "区"),
    "县": ("县",),
    "区": ("区",),
    "街道": ("街道",),
    "乡镇": ("乡", "镇"),
    "部门": ("局", "委", "办"),
    "单位": ("局", "委", "办", "院", "中心"),
}
# "只说钱", "就讲人数的": a kind of figure among those just given.
_KINDS_SAID = {"钱": "money", "金额": "money", "资金": "money", "人": "people", "人数": "people", "人次": "people"}
_KINDS_SAID |= {k: "percent" for k in ("比例", "比率", "百分比", "率")}
_ONLY_KIND_RE = re.compile(
    _ONLY + r"(?:说|讲|谈|要|问|看)(?:一下|下)?(?:其中)?(?:的)?(?:跟|和)?"
    r"(?P<kind>" + "|".join(sorted(_KINDS_SAID, key=len, reverse=True)) + r")"
    r"(?:的|数|相关的|有关的|方面的|那个|那些)?[吧呀啊呢哈]*$"
)
_KINDS_BY_LENGTH = sorted(_KINDS_SAID, key=len, reverse=True)
# "只要行政复议那块的比例", "其中市本级的呢": the part of the last answer asked for.
_NARROWED_TO_RE = re.compile(
    _ONLY + r"(?:说|讲|谈|要|问|看)(?:一下|下)?(?:其中)?(?P<rest>.{1,16})$|^(?:那)?其中(?P<within>.{2,16})$"
)
MAX_NARROWED_FIGURES = 6  # a narrowing names a few figures; more is the whole said again
# A kind of figure said alone ("成功率", "免罚金额" is a subject's): what of the last subject is meant.
_KIND_SAID_RE = re.compile(_MEASURE_KIND_RE.pattern + r"|件数|总数|[率数]")
# Verbs asking the same thing in another kind ("换成比例", "折合成金额"): no subject of their own.
_RECKONING_VERBS = frozenset(("换成", "换算", "换算成", "算成", "折合", "折算", "按"))


# "还有呢", "然后呢", "别的呢": go on, with nothing named.
_GO_ON_RE = re.compile(r"(?:那|那么)?(?:还有|然后|其他的?|其它的?|别的|另外的?)(?:呢|吗|没有?|么|嘛)?[？?。.！!]*")
# An ask within what was just listed ("其中…哪个", "里面有…吗").
_MARKED_END_RE = re.compile(r"[？?]\s*$")
_ABOUT_RE = re.compile(r"(?:跟|和|与|同)([\u4e00-\u9fff]{1,6}?)(?:有关|相关)|(?:关于|有关)([\u4e00-\u9fff]{1,6}?)的")
_WITHIN_RE = re.compile(r"其中|里面|里头|当中|这些里|这几个里|这里面")
# Which document was issued ("出台的是啥文件", "依据的哪个文件"), and a document's title as written.
# "第二个呢，是为了啥", "最后一个是哪个单位": a thing at its place among those just named.
_NTH_RE = re.compile(r"^(?:那)?(?:第(?P<place>[一二两三四五六七八九\d])|最后一?)个(?:呢|啊|呀)?[，,\s]*(?P<rest>.*)$")
_DOCUMENT_ASKED_RE = re.compile(
    r"(?:啥|什么|哪个|哪份|哪一个|哪部)(?:文件|规定|办法|意见|方案|通知)|文件(?:叫|是)(?:啥|什么)"
)
_TITLE_RE = re.compile(r"《[^》]{2,60}》")
_THIS_ONE_RE = re.compile(
    r"这个|那个|这份|那份|这项|那项|它|为此|^这是|^那是|^这些|^那些"
)  # what the last answer was about
# Where a list's last name ends and the sentence goes on ("…赫山区龙光桥街道成功创建为…").
_LIST_END_RE = re.compile(r"(?:成功|被|获|等|已|均|都|分别|入选|创建|评为|通过)")


def _list_items(sentence: str) -> list[str]:
    """The names a sentence lists with 、 ("资阳区、南县、市市场监管局、赫山区龙光桥街道成功…")."""
    if "、" not in sentence:
        return []
    items = sentence.split("、")
    first = re.split(r"[,，；;。：:]", items[0])[-1]
    last = _LIST_END_RE.split(re.split(r"[,，；;。]", items[-1])[0], maxsplit=1)[0]
    return [first, *items[1:-1], last]


def _names_a_thing(word: str) -> bool:
    """A noun, or a phrase holding one (今天天气 holds 天气)."""
    return is_noun(word) or any(is_noun(word[i:j]) for i in range(len(word)) for j in range(i + 2, len(word) + 1))


_COUNTER_RE = re.compile(r"(几|多少)[个位名项件家条次起台处]")


# The characters of a measure's kind: a subject sharing only these with the last answer is another.
_MEASURE_CHARS = frozenset("数率额量人次件项个名起家")


def _lendable(run: str, said: set[str]) -> bool:
    """A run of the context longer than two characters, a word the asker said or a figure: never
    two characters glued across the asker's words ("真实发生" lends no 实发)."""
    return len(run) >= 3 or run in said or any(c.isdigit() for c in run)  # a figure stated ("6项") too


def _scoped(word: str, today: dt.date | None) -> bool:
    scope = find_scope(word, today)
    return bool(scope.years or scope.places or scope.counties or scope.wider or scope.previous or scope.all_years)


class EngineHolder:
    """The engine currently serving. A reload builds a new Engine off the event loop and
    swaps it in one assignment, so a question in flight finishes on the engine it started with."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def swap(self, engine: Engine) -> None:
        self.engine = engine


_QUOTED_FIGURE_RE = re.compile(r"^\D{0,4}\d[\d.]*(?:%|万|[\u4e00-\u9fff]?)(?:是|指|说的是)")  # "74.1%是个什么率"
_NUMBER_CHECK_RE = re.compile(
    r"^(?:应该|大概|是不是|是|有|有没有)?.{0,4}\d[\d.]*\S{0,3}(?:吧|吗|对吧|对不对|是吧|没错吧|对吗)?$"
)


def _checks_a_number(clause: str) -> bool:
    """ "是214项吧", "应该是34.1%吧", "是不是93%": a clause checking a number, naming nothing else."""
    return _NUMBER_CHECK_RE.match(convert_numerals(clean(clause))) is not None


def _ids(response: Response) -> set[str | None]:
    """The entries a reply answers with: its own and its parts'."""
    return {response.entry_id} | {p.entry_id for p in response.parts}


def _holds_word(sentence: str, word: str) -> bool:
    """Whether a sentence holds the word, or its noun before a word of place ("县里" → 县)."""
    return word in sentence or (len(word) == 2 and word[1] in "里上中内" and word[0] in sentence)


def _spoken(text: str) -> str:
    """A message as the engine reads it first: English words, traditional characters and dialect
    words in the report's Mandarin, hesitations inside it left out ("全部音像记录嗯随案存档") ("" for
    what is no text)."""
    if not isinstance(text, str):
        return ""
    read = mandarin(simplified(english(text)))
    unhesitant = _HESITATION_RE.sub("", read)
    read = unhesitant if len(_HANZI_CHAR_RE.findall(unhesitant)) >= 2 else read
    read = _RELATED_TO_RE.sub(r"\1的", read)  # "只说跟法治审核有关的": 法治审核's, 有关 no word asked
    read = _PARTICLE_BEFORE_OR_RE.sub("还是", read)  # "是11个呢还是22个", "…金额，还是…": one choice, said with a pause
    return _ASK_THEN_CHECK_RE.sub(r"\1，", read)  # "有多少应用呀是不是三百多个": said as two


# The year of what was just said asked ("这个是哪年的", "这是哪一年的数据", "啥时候的数字").
_YEAR_OF_LAST_RE = re.compile(
    r"(?:那|那么)?(?:这个|这些|这|那个|那些|它|上面|刚才)?(?:数|数字|数据|情况)?(?:是|说的是|指的是)?"
    r"(?:哪|那|啥|什么)(?:一)?(?:年|年份|时候|年度)(?:的)?(?:数|数字|数据|情况|事|事情)?(?:啊|呀|呢|吧|哦)?"
)
# "出处", "这个出自哪里", "原文在哪": where the answer just given stands in the report.
_SOURCE_OF_LAST_RE = re.compile(
    r"(?:那|那么)?(?:这个|这些|这|那个|它|上面|刚才)?(?:的)?(?:数|数字|数据|说法|内容)?"
    r"(?:出处|来源|原文|出自|来自|依据)(?:是|在)?(?:哪|哪里|哪儿|哪个部分|哪一部分|什么|啥)?(?:的)?(?:啊|呀|呢|吧|哦)?"
)
_OF_LAST = ((_YEAR_OF_LAST_RE, answers.year_of), (_SOURCE_OF_LAST_RE, answers.with_part))
_PARTICLE_BEFORE_OR_RE = re.compile(r"(?<=[\u4e00-\u9fff\d%])(?:[呢啊呀吧][，,\s]*|[，,\s]+)还是")
# A thing named as what another is about ("跟法治审核有关的", "和调解相关的数据"): that thing's.
_RELATED_TO_RE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[说讲要看问谈就只]))(?:跟|和|与|同)([\u4e00-\u9fff]{2,8}?)(?:有关|相关)(?:的)?"
)


# A clause ended by its particle, then a check said right after it with no mark between.
_ASK_THEN_CHECK_RE = re.compile(r"([\u4e00-\u9fff]{2}[啊呀呢嘛哦咯])(?=是不是|是|应该|大概|有没有|对吧|没错)")


# A hesitation said inside a message ("嗯", "呃呃"): no word of it. Alone, it is what was said.
_HESITATION_RE = re.compile(r"(?<=[\u4e00-\u9fff\s，,])(?:嗯+|呃+)(?=[\u4e00-\u9fff\s，,])")
_HANZI_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
