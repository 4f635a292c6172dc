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
from copy import copy
from dataclasses import replace
from functools import cached_property

from bot.analysis import guards, stated_claim
from bot.analysis.ask import YEAR_RE, Ask, corrected, find_ask, known_words, narrative, said_corrected
from bot.analysis.check_words import kind_checked, kind_checked_after, kind_fits, without_rejected
from bot.analysis.compare import referred
from bot.analysis.figures import parse_figure_query
from bot.analysis.ruled_out import ruled_out, sets_aside, without_known
from bot.analysis.scope import find_scope
from bot.answers import compose as answers
from bot.answers.compose import Response
from bot.decision.rules import CLAUSE_BREAK_RE, ORDINAL_RE, PLACEHOLDERS, Context
from bot.engine.conversation import Conversation
from bot.engine.followups import (
    ASKS_ABOUT_RE,
    CHECK_WORDS_RE,
    KIND_SAID_RE,
    KINDS_SAID,
    MAX_FOLLOW_UP_CHARS,
    MEASURE_KIND_RE,
    NARROWING_RE,
    ONLY_LEAD,
    PARTICLES_RE,
    PUNCTUATION_RE,
    WITHIN_RE,
    FollowUps,
)
from bot.engine.memo import once, one_message
from bot.engine.pack import PackEngine
from bot.engine.params import DEFAULT, Params
from bot.knowledge.model import Knowledge
from bot.knowledge.packs import Library, catalog
from bot.knowledge.reporttext import TARGET_ASKED_RE
from bot.knowledge.sameas import MeasureLinks
from bot.text.dialect import mandarin
from bot.text.english import english
from bot.text.lexicon import is_common, is_noun, segment
from bot.text.normalize import clean, convert_numerals, simplified
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

# "去年" is the calendar's last year: when no report of it is loaded, the reply says so and offers
# the newest report's answer to the same question as a button, never its figure (a figure of
# another year is no answer). 今年 and 前年 are what the calendar says, as everywhere.
RECENT_WORDS = ("去年",)

# A follow-up asking which ones, or for examples ("哪五个", "具体是哪几个", "举两个例子", "有哪些").
_MEMBERS_ASK_RE = re.compile(
    r"^(?:那|那么|具体|都|分别)?(?:是|有|设在|分布在|在)?(?:哪几个|哪几项|哪几家|哪些|哪[两二三四五六七八九十\d]+[个项家类条]|"
    r"举(?:几|两|一|个)?个?例子|举个例|(?:比如|例如)说?(?:呢|有|是)?(?:哪些|哪几个|什么|啥)?[呢啊呀]?$|说(?:两|几)个)"
)
_NUMERAL_WORD_RE = re.compile(r"[\d.一二两三四五六七八九十百千万]+[个项家类条件名次种批]?")
_POINTING_TAIL_RE = re.compile(r"(?:那个|那些|那块|这个|的)?(?:吧|呢|啊|呀|哈)?[？?。.！!]*$")  # "…那个吧"
_ADDED_PART_RE = re.compile(r"新增|新加|再次|通过初评")  # a part of a whole, never the whole asked after it


_NAME_DIGITS_RE = re.compile(r"\d+")


# Declines for what kind of answer is asked ("都是哪些" of a count, another year): reading a
# pinyin word as another word changes none of them.
_FORM_DECLINES = frozenset(
    {"count_only", "breakdown", "other_year", "other_place", "wider_scope", "practical", "legal_advice"}
)


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
    return not CHECK_WORDS_RE.sub("", re.sub(r"[\d.%\s，,。？?！!]+", "", convert_numerals(clean(text))))


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
_STANDING_DECLINES = answers.SCOPE_KINDS | {"wider_scope", "breakdown", "together", "count_only"}
SUBJECT_SENTENCES = 2  # a word the report writes in at most this many sentences names a subject
LENDING_CLAUSES = 2  # story clauses before an unanswered ask whose report words it may borrow  # more of its own than this and a message is a new question


class Engine(FollowUps):
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
            response = self._request_named(text, self._respond(text, conversation, now))
        if response.status == "answer" or not latin or response.kind in _FORM_DECLINES:
            return response  # a decline of what the question asks for, whatever its words are read as
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

    def _request_named(self, text: str, response: Response) -> Response:
        """An answer to a message that also makes a practical request in a clause of its own
        ("…考试的有多少名？收不收费"): the request named as not in the report, whichever reading
        of the message answered."""
        if response.status != "answer" or not isinstance(text, str) or answers.names_practical(response):
            return response
        pack = self.packs[-1]
        wanted = guards.request_at_end(simplified(text), pack.report.normalized_text)
        return answers.with_practical(response, wanted) if wanted else response

    def _respond(self, text: str, conversation: Conversation | None, now: float) -> Response:
        # 零跑動…分別多少項 asks two; "成功率好多" asks 多少 (bot/text/dialect.py)
        message = _spoken(text)
        if has_latin(message):  # "在吗~renmin tiaojie chenggonglv多谢": read before the ask is found
            message = self.packs[-1].pinyin.read_in_message(message)
        message = self.packs[-1].fixed(message)  # "…存挡的": typos read before the ask is found
        message = without_known(self._as_corrected(message))  # "…业务应用我知道了": not asked
        message = without_rejected(message)  # "是百分比吧，不是110起案子": the check alone
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
            number = _QUOTED_LAST_NUMBER_RE.search(quoted)
            if reply.status == "answer" and reply.figure is None and number:
                # "首次不罚的6125是案件数吗": the words before it found an explanation; the figure
                # quoted, looked up, is what the check is of (never when they were declined:
                # "承诺时限超期率那个74.1", "广州市…那个74.1")
                reply = self._respond(number.group(0), conversation, now)
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
            checked = self._asked_then_checked(looked_up, last_clause, Conversation(), now)
            if checked is not None:
                return checked
        elif (
            looked_up
            and _BARE_NUMBER_RE.fullmatch(convert_numerals(clean(last_clause)))
            and not _YEAR_ALONE_RE.fullmatch(clean(last_clause))  # "法援 件数 2023": the year asked
        ):
            asked_first = self.packs[-1].analyze(looked_up)
            if asked_first.wants_figure and not asked_first.intent.yes_no:
                # "帮了多少个农民工来着，370个？": a figure asked, then a number said back (a check)
                both = copy(conversation) if conversation is not None else Conversation()
                checked = self._asked_then_checked(looked_up, last_clause + "？", both, now)
                if checked is not None:
                    if conversation is not None:  # the figure found is the one a next check is of
                        conversation.__dict__.update(both.__dict__)
                    return checked
        offered = self._options_of_last(text, conversation, now)
        if offered is not None:
            return offered
        said_of_last = PUNCTUATION_RE.sub("", text)
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
                return (self._members_matching(previous, text) if WITHIN_RE.search(text) else None) or listed
        entry = self.packs[-1].knowledge.entries.get(previous or "")
        only = _ONLY_MEMBERS_RE.match(text) if previous and not (entry and entry.is_metric) else None
        if only:  # (after a figure, "只讲部门的" is the figure of that part: 部门规范性文件51件)
            matching = self._members_matching(previous, only.group(1))  # "只说县区", "只要街道的"
            if matching is not None:
                return matching
        one = _ONE_MEMBER_RE.match(PUNCTUATION_RE.sub("", text)) if previous else None
        if one:  # "制度方面的那条是啥" after 五个方面: the member holding that word (制度完备)
            matching = self._members_matching(previous, one.group(1))
            if matching is not None:
                return matching
        nth = self._nth_of_last(text, conversation, now) if previous else None
        if nth is not None:
            return nth
        named = self._document_of_last(text, conversation, now) if previous else None
        named = named or (self._channel_of_last(text, conversation, now) if previous else None)
        if named is not None:
            return named
        sibling = self._sibling_of_last(text, conversation, now) if previous else None
        if sibling is not None:
            return sibling
        placed = self._place_of_last(text, conversation, now) if previous else None
        if placed is not None:
            return placed
        within = self._within_last_area(text, conversation, now) if previous else None
        if within is not None:
            return within
        kind_said = previous and _ONLY_KIND_RE.match(PUNCTUATION_RE.sub("", text))
        of_kind = self._figures_in_last(text, conversation, now)[0] if kind_said else None  # "只说钱"
        if of_kind is not None:
            return of_kind
        if (
            previous
            and WITHIN_RE.search(text)
            and len(text) <= MAX_FOLLOW_UP_CHARS
            and not self.packs[-1].analyze(text).wants_figure
        ):
            # "其中是街道的是哪个": of the members just listed, those the ask names (names never
            # answer "多少": "高频事项里面有多少项实现了免证办" asks a figure)
            matching = self._members_matching(previous, text)
            if matching is not None:
                return matching
        narrowing = NARROWING_RE.match(text) if previous else None
        last = self._last_answer(conversation) if narrowing else None  # before this answer is remembered
        in_area = self._figure_of_last_area(text, conversation, now) if previous and not narrowing else None
        response, year = self._answer(text, conversation, now)
        if in_area is not None and not (response.status == "answer" and response.source in in_area.source):
            # "最后市本级定了几项" after 重大行政决策's sentences: their figure, not 358项 elsewhere
            conversation.remember(in_area.entry_id, now)
            response, year = in_area, None
        part_named = False
        if narrowing and response.kind not in _STANDING_DECLINES:  # ("其中小微企业占几家": a breakdown)
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
        narrowed, by_name = self._figures_in_last(text, conversation, now) if previous else (None, False)
        own = narrowed if by_name else None
        # a decline naming what the report lacks ("其中小微企业占几家") stands unless they hold it
        lacked = narrowed is not None and any(response.lacking not in p.text for p in narrowed.parts or [narrowed])
        lacked = (response.lacking and lacked) or response.kind in _STANDING_DECLINES
        if (
            narrowed is not None
            and not lacked
            and (response.status != "answer" or outside or (own is not None and _ids(own) != _ids(response)))
        ):
            response, year = narrowed, None
            part_named = True
        corrected = _CORRECTION_RE.match(text) if previous and conversation.last_text else None
        kind = MEASURE_KIND_RE.search(conversation.last_text) if corrected else None
        if kind and kind.group(0) not in text:
            # "人民调解…成功率多少" then "我说的是诉前调解的": the same kind of figure, of the
            # subject the asker meant
            again, again_year = self._answer(f"{corrected.group(1)}的{kind.group(0)}", conversation, now)
            if again.status == "answer":
                response, year = again, again_year
        elif corrected and KIND_SAID_RE.fullmatch(corrected.group(1)) and response.status != "answer":
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
        if text != message and ASKS_ABOUT_RE.search(text) and not self._names_subject(text):
            # "…讲是营商码…中央台报道了的，是哪个节目啊": an ask naming nothing the report says
            # in one place only is about the nearest thing of the story the report does name
            subject = self._nearest_subject(message)
            held = response.status == "answer" and response.kind == "entry" and subject in response.text
            if subject and not held:  # ("…哪几个地方规定啊 资江那个 大通湖那个": the list found holds it)
                again, again_year = self._answer(f"{subject}，{text}", conversation, now)
                if again.status == "answer":
                    response, year = again, again_year
        response, year = self._context_reread(message, text, bare, response, year, conversation, now)
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
            # the subject lent is no ask of its own: "还有网上可办率是多少" after 刑事破案数 read
            # with it asks two things, the last answer again among them
            lent_asked = (
                response.status == "answer"
                and previous in _ids(again)
                and len(again.parts) > 1
                and self._names_subject(text)
            )
            better = (
                (repeated or response.status != "answer" or again.score > response.score or not own)
                and not _numbers_kept(text, response, again)
                and (not kind_only or again.figure is not None)
                and not lent_asked
            )
            if again.status == "answer" and (again.entry_id != response.entry_id or not repeated) and better:
                response, year = again, again_year
            elif again.kind in answers.LACKS_KINDS and (
                response.status != "answer"
                # ("那网上可办率又是多少" after 法援件数 names its own subject: what it found stands)
                or (response.entry_id != previous and not own and not self._names_subject(text))
            ):
                # "在全省排第几" after 法律援助: the report ranks no 法律援助, and another subject's
                # rank is no answer to it; "这个是谁评的啊" after a title: what the report lacks
                # of that subject, not a guess at another
                response, year = again, again_year
        again_said = (
            repeated
            and response.status == "answer"
            and WITHIN_RE.search(text) is not None
            and response.answer == self._last_answer(conversation).answer
        )
        unsaid = [w for w in self._own_words(text) if w not in response.text] if again_said else []
        if unsaid:
            # "其中考试通过的有多少" after the figures of an area: the same answer again says nothing
            # of what is asked within it (考试通过); the report lacks it there
            response = answers.decline(self.packs[-1].knowledge, "unstated", unsaid[0], near=response)
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
            # the reading that was answered ("资江大通湖，…出台了哪些规定" read with the words the
            # ask points back at), so that the last answer asked again is the one given
            asked = response.asked if response.asked and response.kind == "area" else text
            conversation.last_text = conversation.last_text if response.kind == "all_said" else asked
            if response.kind not in ("all_said", "nth"):
                conversation.last_parts = " ".join(p.entry_id for p in response.parts if p.entry_id)
            conversation.scoped_out = False
        elif conversation is not None and response.kind in answers.SCOPE_KINDS:
            # "2024年网上可办率多少": "那2023年的呢" next asks it in scope
            offered = response.suggestions[0].id if response.suggestions else None
            question = self._without_scope(text)
            if not PARTICLES_RE.sub("", question):  # "2021年呢": the question it asked of another year
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

    def _asked_then_checked(self, asked: str, check: str, both: Conversation, now: float) -> Response | None:
        """A figure asked and a check of it in one message, read as two turns of `both`: the
        check judged against the figure found; None when no figure is found."""
        found = self._respond(asked, both, now)
        return self._respond(check, both, now) if found.status == "answer" and found.figure is not None else None

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
        if not PARTICLES_RE.sub("", question):
            return None  # "那去年呢": another year is the whole ask
        asked = next(y for y in scope.years if y > newest)
        return question, f"{scope.relative}（{asked}年）"

    def _answer_in_scope(self, text: str, conversation: Conversation | None, now: float) -> tuple[Response, int | None]:
        only = self.packs[0].knowledge
        if len(self.packs) == 1 and only.year and _PREVIOUS_ONLY_RE.match(PUNCTUATION_RE.sub("", text)):
            # "那前一年呢": the same figure for a year before the only report loaded
            return answers.decline(only, "other_year", f"{only.year - 1}年", covered=self.packs[0].covered), None
        if len(self.packs) == 1:
            response, year = self.packs[0].respond(text, conversation, now), self.packs[0].knowledge.year
        else:
            response, year = self._route(text, conversation, now)
            response = answers.with_year(response, year) if self.multi_year else response
        return (replace(response, asked=text) if not response.asked else response), year

    def question(self, text: str) -> str:
        """The ask of a message (analysis/ask.py): its story left out, except the report's own
        words of the clauses an ask points back to ("…医疗纠纷那个调解委员会 这个拿了什么称号"),
        which carry no year or place."""
        return self._readings(text)[0]

    def _as_corrected(self, message: str) -> str:
        """ "公示的执法事项有多少项 不对 我是问经过法治审核的有多少项": the ask said after a
        self-correction, with the corrected ask's subject when it names none of its own."""
        message = said_corrected(message)  # "是不是三千 哦不对 是两千九百多件吧": the second claimed
        found = corrected(message)
        if found is None:
            return message
        before, after = found
        if self._names_subject(after):
            return after
        core = self.packs[-1].analyze(before).core
        if _act_corrected(before, after):
            # "罚了多少家企业 哦不 免了多少家": what was done is said again; the things the
            # corrected ask named are lent, never its act (罚)
            things = "".join(w for w in segment(core) if len(w) >= 2 and is_noun(w))
            return f"{things}{after}"  # one clause: the things are what the act was done to
        return f"{core}，{after}"

    def _readings(self, text: str) -> tuple[str, str]:
        """The ask read with the words it points back at, and without them (context words never
        cause a decline: the ask alone is read again when the first reading declines)."""
        report = self.packs[-1].context.report_norm
        if referred(text.strip()) != text.strip():
            return text, text  # "A和B，前面那个多吧": its pointing words point inside it, a comparison
        ask = _ask_of(text, self.packs[-1].context)
        ruling = [c for c in CLAUSE_BREAK_RE.split(ask.context) if ruled_out(c)]
        if ruling:
            # "…的总数，不是市本级那个": what the asker rules out belongs to the ask
            ask = replace(ask, text=ask.text + "，" + "，".join(ruling))
        aside = [c for c in CLAUSE_BREAK_RE.split(ask.context) if c][-1:]
        if aside and sets_aside(aside[0]):
            # "除了执法人员身上别着录像的那个设备以外 另外还有几台": the rest of what is set aside is asked
            ask = replace(ask, text=aside[0] + "，" + ask.text)
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
        elif (named := self._pointed_noun(ask.text, ask.refers, report)) is not None:
            # "…要先过执法资格考试…，他问我有多少人参加了这个考试": 这个考试 is the story's 执法资格
            # 考试, not every word of the report the story says (市场监管局)
            refers = named
        said = set(segment(refers))
        lent = [w for w in self._story_words(refers, report) if _lendable(w, said)]
        # "手机上办事那个益阳在2021年的旗舰店 里面接了多少个应用": the year of the thing pointed at
        # (never of the asker's story) is the ask's
        year = self._years_of(ask.refers.split("，"), ask.text)
        return (year + "".join(lent) + "，" + ask.text if lent else ask.text), ask.text

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
        knowledge asks about (营商码, 诉前调解): its own subject. 报道, 节目, 中央 do not. Once per
        message for the same ask (the follow-up steps ask it of one text several times)."""
        return once((self, "names_subject", ask), lambda: self._reads_subject(ask))

    def _reads_subject(self, ask: str) -> bool:
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
        ask = _ask_of(message, self.packs[-1].context)
        for clause in reversed(re.split(r"[，,。！!？?；;\s]+", ask.context)):
            if clause and self._names_subject(clause):
                words = known_words(YEAR_RE.sub(" ", clean(clause)), report).split()  # no "20" of 2019年
                # a place the knowledge asks about (大通湖) is a subject here; other places never lent
                return "".join(w for w in words if not _scoped(w, self.today) or self._names_subject(w))
        return ""

    def _pointed_noun(self, ask: str, refers: str, report: str) -> str | None:
        """The story's clause that names the noun the ask points at with 这个/那个 ("这个考试"),
        up to that noun ("说要先过执法资格考试"): what the ask means, and nothing the story says
        elsewhere; None when the ask points at no noun or no clause of the story names it."""
        pointed = _THIS_NOUN_RE.search(ask)
        if pointed is None:
            return None
        synonyms = self.packs[-1].knowledge.synonyms
        clauses = [synonyms.apply(clean(c)) for c in CLAUSE_BREAK_RE.split(refers) if c.strip()]
        for size in range(len(pointed.group(1)), 1, -1):
            noun = pointed.group(1)[:size]
            naming = [c for c in clauses if noun in c]
            ends = pointed.end(1) - len(pointed.group(1)) + size
            if size == 2 and ends < len(ask) and "\u4e00" <= ask[ends] <= "\u9fff":
                continue  # "这种复议加调解的办法": two characters opening a description, no noun
            if naming:
                named = naming[-1][: naming[-1].rindex(noun) + size]
                return named if self._story_words(named, report) else None
        return None

    def _story_words(self, story: str, report: str) -> list[str]:
        """The report's words a story says, without a year or place, and never one the asker
        rules out ("我说的不是新增的是总数": 新增 is what the ask does not mean)."""
        ruled = ruled_out(story)
        story = YEAR_RE.sub(" ", story)  # "2019年…": no "20" lent from a year
        return [
            w
            for w in known_words(story, report).split()
            if not _scoped(w, self.today)
            and not any(w in r or r in w for r in ruled)
            # a number only as the story writes it whole ("10816是起还是件"), never a piece of a
            # longer one ("是一万五还是": 15000 holds 5000)
            and (not re.fullmatch(r"[\d.]+%?", w) or re.search(rf"(?<![\d.]){re.escape(w)}(?![\d.])", story))
        ]

    def _lent(self, message: str) -> str:
        """The report's words of the story clauses just before the ask (no year, no place)."""
        report = self.packs[-1].context.report_norm
        ask = _ask_of(message, self.packs[-1].context)
        if not ask.context:
            return ""
        clauses = ask.context.split("，")[-LENDING_CLAUSES:]
        before = "，".join(clauses)
        lent = "".join(self._story_words(clean(before), report))
        # the kind of figure the story names ("…出庭应诉的比例很高 到底是多少"), in any words
        kind = MEASURE_KIND_RE.findall(before)
        lent = lent + "".join(k for k in dict.fromkeys(kind) if k not in lent) if lent else ""
        return self._years_of(clauses, ask.text) + lent if lent else ""

    def _context_reread(
        self,
        message: str,
        text: str,
        bare: str,
        response: Response,
        year: int | None,
        conversation: Conversation | None,
        now: float,
    ) -> tuple[Response, int | None]:
        """The ask read again when what was said around it is all that made it decline or go
        unanswered: the words lent to it, the story's report words, the description before an ask
        naming nothing, or a topic before the clause asking a figure. Context never causes a decline."""
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
                if again.status == "answer" or (
                    response.kind == "nomatch"
                    and again.kind not in ("nomatch", "clarify")
                    and (again.lacking or "") in text
                ):
                    # ("那370个人里面，干哪一行的最多": found of what the story names, the report
                    # lacks what the ask itself says, a truer decline than "nothing found")
                    response, year = again, again_year
        unsure = response.kind in ("nomatch", "clarify") or (
            response.status == "answer" and response.score < self.params.answer_min
        )
        described = self._described_before(message) if unsure and text != message else ""
        if described:
            # "帮出门干活的人要回被拖欠的工钱，益阳一共帮了多少个人": an ask naming nothing
            # after a clause that tells no story of the asker describes what it asks about
            again, again_year = self._answer(f"{described}，{text}", conversation, now)
            if again.status == "answer" and again.score > response.score:
                response, year = again, again_year
        *topic, last = re.split(r"[，,。；;！!？?\s]+", text.strip().rstrip("，,。；;！!？? "))
        if (
            response.kind in ("no_figure", "measure")
            and topic
            and self._names_subject(last)
            and self.packs[-1].analyze(last).wants_figure
        ):
            # "益阳搞柔性执法，免罚的钱有多少": the last clause asks a figure of its own subject; the
            # topic said before it (whose explanation states no such figure) is context
            again, again_year = self._answer(last, conversation, now)
            if again.status == "answer" and again.figure is not None:
                response, year = again, again_year
        return response, year

    def _described_before(self, message: str) -> str:
        """The clause right before an ask that names nothing of its own, when it tells no story
        of the asker (no teller, no time of a story): the description of what is asked about."""
        ask = _ask_of(message, self.packs[-1].context)
        last = ask.context.split("，")[-1] if ask.context else ""
        if not last or narrative(last) or self._names_subject(ask.text):
            return ""
        if re.search(r"\d{2,}|\d万", YEAR_RE.sub("", convert_numerals(ask.text))):
            return ""  # "4400这个数说的啥": a figure quoted names what is asked about
        return last

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
                _PREVIOUS_ONLY_RE.match(PUNCTUATION_RE.sub("", text))
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


def _ask_of(message: str, context: Context) -> Ask:
    """find_ask, once per message (the ask and the story it lends words from); a description
    the knowledge reads ("帮穷人免费打官司的") is the report's word, no story."""
    said = context.described(message) if context.described else message
    ask = once(("ask", said, context.report_norm), lambda: find_ask(said, context.report_norm))
    return replace(ask, text=message) if said != message and ask.text == said else ask  # one question as said


# A verb and the thing pointed at ("考这个", "办那个"): the story's object of that verb is meant.
_VERB_THIS_RE = re.compile(r"([\u4e00-\u9fff])(?:这个|那个)(?![\u4e00-\u9fff])")
_THIS_NOUN_RE = re.compile(r"(?:这个|那个|这项|那项|这种|那种)([\u4e00-\u9fff]{2,4})")  # "参加了这个考试"
# The asker saying which subject the last question meant ("我说的是诉前调解的", "我是问部门的").
_CORRECTION_RE = re.compile(
    r"^(?:不是[，,\s]*)?(?:我|俺)(?:说的是|是说|问的是|是问|指的是)([\u4e00-\u9fff]{2,12}?)的?"
    r"(?:[，,\s]*(?:而)?不是[\u4e00-\u9fff]{1,8})?[。！!？?\s]*$"  # "…成功率不是件数": what it was not
)
# "只说县区", "只要街道的": some of the members just listed, by what they are.
_ONLY_MEMBERS_RE = re.compile(
    ONLY_LEAD + r"(?:说|讲|要|看|问)(?:一下|下)?(?:其中)?(?:的)?([\u4e00-\u9fff]{2,4}?)(?:的|那些|那个)?[吧呀啊呢哈]*$"
)
# One member of the list just given, named by a word of it ("制度方面的那条是啥", "队伍那个呢").
_ONE_MEMBER_RE = re.compile(
    r"^(?:那|其中|里面)?(?:关于|讲|说)?([\u4e00-\u9fff]{2,4}?)(?:方面|这块|那块|有关|相关)?(?:的)?(?:那|这)(?:一)?[条个项点]"
    r"(?:是|叫|具体是|说的是|讲的是)?(?:啥|什么|哪个|哪条|哪一条)?(?:呢|啊|呀|哈)?$"
)
_ONLY_KIND_RE = re.compile(
    ONLY_LEAD + r"(?:说|讲|谈|要|问|看)(?:一下|下)?(?:其中)?(?:的)?(?:跟|和)?"
    r"(?P<kind>" + "|".join(sorted(KINDS_SAID, key=len, reverse=True)) + r")"
    r"(?:的|数|相关的|有关的|方面的|那个|那些)?[吧呀啊呢哈]*$"
)


# "还有呢", "然后呢", "别的呢": go on, with nothing named.
_GO_ON_RE = re.compile(r"(?:那|那么)?(?:还有|然后|其他的?|其它的?|别的|另外的?)(?:呢|吗|没有?|么|嘛)?[？?。.！!]*")
# An ask within what was just listed ("其中…哪个", "里面有…吗").
_MARKED_END_RE = re.compile(r"[？?]\s*$")


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
# A number said back alone, in its unit ("370个？", "4400台", "100%"), not a count of asks ("三个数")
_YEAR_ALONE_RE = re.compile(r"(?:19|20)\d\d")
# A number said alone, with its qualifier and unit ("370个", "4000多件", "近2万件", "九成左右").
_BARE_NUMBER_RE = re.compile(
    r"(?:近|约|大约|大概|差不多)?\d[\d.]*(?:多|余|来)?(?:万|亿)?(?:多|余)?(?:%|[\u4e00-\u9fff](?<![数多余来]))?(?:左右|上下|以上)?"
)
_NUMBER_CHECK_RE = re.compile(
    r"^(?:应该|大概|是不是|是|有|有没有)?.{0,4}\d[\d.]*\S{0,3}(?:吧|吗|对吧|对不对|是吧|没错吧|对吗)?$"
)


def _checks_a_number(clause: str) -> bool:
    """ "是214项吧", "应该是34.1%吧", "是不是93%": a clause checking a number, naming nothing else."""
    return _NUMBER_CHECK_RE.match(convert_numerals(clean(clause))) is not None


def _ids(response: Response) -> set[str | None]:
    """The entries a reply answers with: its own and its parts'."""
    return {response.entry_id} | {p.entry_id for p in response.parts}


# A pause after a verb's 了, before the amount it did ("提了 差不多两百条"): the clause goes on.
_PAUSE_BEFORE_AMOUNT_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]了)\s+(?=(?:差不多|大概|大约|将近|约|近)?[\d零一二两三四五六七八九十百千万.点]+[多余来]?"
    r"[个项件家台处条类种名起次人位户%])"
)
# The same question word said twice ("哪个部门执法就由哪个部门负责", "哪家办就哪家管"): whoever.
_WHOEVER_RE = re.compile(
    r"(?P<q>哪个(?:部门|单位)?|哪家(?:单位)?)(?P<did>[\u4e00-\u9fff]{1,4}?)(?:就由|就让|就归|就|便|由)(?P=q)"
)


def _spoken(text: str) -> str:
    """A message as the engine reads it first: English words, traditional characters and dialect
    words in the report's Mandarin, hesitations inside it left out ("全部音像记录嗯随案存档") ("" for
    what is no text)."""
    if not isinstance(text, str):
        return ""
    # "七点五万呃七万五千多项": a number restarted or taken back is read before hesitations go
    read = mandarin(simplified(english(said_corrected(text))))
    unhesitant = _HESITATION_RE.sub("", _REMEMBERED_RE.sub("", read))
    read = unhesitant if len(_HANZI_CHAR_RE.findall(unhesitant)) >= 2 else read
    read = _PRESENTED_TAIL_RE.sub("", read)  # "…一起报一下，带上单位": how to show it, no item asked
    read = _RELATED_TO_RE.sub(r"\1的", read)  # "只说跟法治审核有关的": 法治审核's, 有关 no word asked
    read = _PARTICLE_BEFORE_OR_RE.sub("还是", read)  # "是11个呢还是22个", "…金额，还是…": one choice, said with a pause
    read = _PAUSE_BEFORE_AMOUNT_RE.sub("", read)  # "审查意见提了 嗯 差不多两百条是吧": one clause, paused
    read = _WHOEVER_RE.sub(r"谁\g<did>谁", read)  # "哪个部门执法就由哪个部门负责…": whoever, asks no one
    return _ASK_THEN_CHECK_RE.sub(
        lambda m: (m.group(1) or m.group(2)) + "，", read
    )  # "有多少应用呀是不是三百多个": said as two


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
_ASK_THEN_CHECK_RE = re.compile(
    r"([\u4e00-\u9fff]{2}[啊呀呢嘛哦咯])(?=是不是|是|应该|大概|有没有|对吧|没错)|"
    # "又放了几项是十一项对吧", "接入了多少个app是六百多个吗": the question word, then a number checked
    r"((?:多少|几)[个项件家台处条类种名起次人位]?)"
    r"(?=(?:是不是|应该是|是|有没有)(?:近|约)?[\d一二两三四五六七八九十百千万][\d.一二两三四五六七八九十百千万多余来]*"
    r"[\u4e00-\u9fffA-Za-z%]{0,3}?(?:对吧|对吗|吗|吧|是吧|没错吧|[？?。！!]|$))"
)


# The number a message quotes last, with what it counts in if said ("…的6125", "近2万件").
_QUOTED_LAST_NUMBER_RE = re.compile(r"(?:近|约)?\d+(?:\.\d+)?(?:余|多)?万?%?[个项件家台处条类种名起次人位元]?$")
# A hesitation said inside a message ("嗯", "呃呃"): no word of it. Alone, it is what was said.
_HESITATION_RE = re.compile(r"(?<=[\u4e00-\u9fff\s，,])(?:嗯+|呃+)(?=[\u4e00-\u9fff\s，,])")
# A last clause asking how the answer be shown ("带上单位", "注明出处", "附上原文"): every answer
# has its unit, source sentence and place in the report; it asks nothing of its own.
_PRESENTED_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff\d%])[，,；;\s]+(?:并|同时|请|麻烦)?(?:要|都)?(?:带上|带着|带|附上|附|注明|标明|写明|加上)"
    r"(?:单位|出处|原文|来源|原话|原句)(?:哈|啊|呀|吧|哦|呢|啦)?[。！!～~\s]*$"
)
# "哦对了" said before one more ask ("…成功率，哦对了，诉前调解案例也报一下"): no words of it.
_REMEMBERED_RE = re.compile(r"(?:(?<=^)|(?<=[，,。！？!?\s]))(?:哦|噢|喔|啊|哎|诶)?对了[，,！!\s]*(?=[\u4e00-\u9fff])")
_HANZI_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")


# An act said first in a corrected ask ("免了多少家" after "罚了多少家企业"): the verb before 了/过.
_ACT_SAID_RE = re.compile(r"^[\u4e00-\u9fff]{1,2}?[了过](?=多少|几|好多)")


def _act_corrected(before: str, after: str) -> bool:
    """Whether a self-correction says the act again ("罚了…哦不 免了…"): both asks open their
    clause with an act done, and the acts differ."""
    said = _ACT_SAID_RE.match(after.strip())
    done = _ACT_SAID_RE.search(re.split(r"[，,。\s]+", before.strip())[-1])
    return bool(said and done and said.group(0) != done.group(0))
