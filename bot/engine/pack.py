"""Answering from one report pack: `PackEngine.respond(text, conversation)`.

`bot/engine.py` routes each question to the pack(s) of the year and place it asks about. The
pipeline inside a pack, one stage per module:

    analysis/   what is asked: intent, measure, numbers (exact or rough), scope, sub-questions
    retrieval/  candidates: curated entries (curated.py), report sentences and figure clauses (report.py)
    scoring.py  one score per candidate
    decision.py answer / clarify / decline, with named decline rules
    verify.py   是的 / 不是 for a yes/no check
    answers.py  the wording of every reply

Order: empty → small talk and help → overview → scope (year, place) → practical requests →
a bare figure ("4400台是什么") → several questions in one message → one question (with
follow-up context).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import time
from dataclasses import replace
from functools import cached_property, lru_cache, partial
from itertools import product

from bot.analysis import Analysis, analyze, guards
from bot.analysis.area import find_area, find_area_figures, find_area_honours
from bot.analysis.ask import COMPARED_WITH_RE, clause_asks, coverage, without_named
from bot.analysis.check_words import bare_check, kind_checked, offers_choice
from bot.analysis.compare import Comparison, find_comparisons
from bot.analysis.figures import (
    MOST_ASKED_RE,
    index_figures,
    metrics_with_figure,
    parse_each_figure,
    parse_figure_query,
)
from bot.analysis.intent import RANK_ASKED_RE
from bot.analysis.numbers import states_number, writes_figure
from bot.analysis.ruled_out import masked
from bot.analysis.split import JOIN_RE, UNIT_CHARS, Split, checked_claims, listed_items
from bot.answers import compose as answers
from bot.answers.compose import Response
from bot.decision.counted import count_of, counted_asked
from bot.decision.decline import STATED_LACKS
from bot.decision.kinds import CHANGE_ASKED_RE
from bot.decision.rules import (
    CHANGE_STATED_RE,
    CLAUSE_BREAK_RE,
    EXACT_RANK,
    GENERIC_VERBS,
    IDENTITY_RULES,
    MEASURE_NEUTRAL,
    NOT_ASKED_RE,
    PLACEHOLDERS,
    RANK_WORDS_RE,
    SCOPE_RULES,
    TOTAL_WORDS_RE,
    Choice,
    Context,
    Decision,
    Decline,
    absent_terms,
    act_word,
    clarify_options,
    compared_base_year,
    first_decline,
    kinds_of_one_list,
    lead_ok,
    measure_head,
    measure_parts,
    members_asked,
    named_measure,
    names_measure_word,
    rank_clauses,
)
from bot.decision.verify import checks_unit, larger_of, other_units, same_figure, stated_figure, verdict, within
from bot.engine.conversation import Conversation
from bot.engine.memo import once, one_message
from bot.engine.params import DEFAULT, Params
from bot.knowledge.model import Knowledge
from bot.knowledge.reporttext import figures_of as stated_figures
from bot.retrieval import Candidate
from bot.retrieval.curated import CuratedRetriever
from bot.retrieval.report import ReportRetriever
from bot.retrieval.scoring import measure_fits, measure_of_figure, scale_of
from bot.text import lexicon
from bot.text.abbreviations import Abbreviations
from bot.text.homophones import HomophoneFixer
from bot.text.normalize import clean, convert_numerals, normalize
from bot.text.pairs import occurs
from bot.text.pinyin import PinyinReader, has_latin

# The noun a count asks for, when it is not a bare unit ("几个方面", "多少个部分").
# A code of letters and digits ("cctv13", normalised): a name whose every character counts.
_CODE_RE = re.compile(r"[a-z]+\d+")
_COUNTED_AFTER_GE_RE = re.compile(r"(?:几|多少)个([\u4e00-\u9fff]{2,})")
_COUNTED_NOUN_RE = re.compile(r"(?:(?:几|多少)个|哪些|哪几个?)(方面|部分|领域|环节)")
_WHAT_RE = re.compile(r"啥|什么|哪")
_HOW_MANY_RE = re.compile(r"多少|几(?![百千万十])")
# A part of the last answer's subject asked about as a whole ("农民工那块呢", "讨薪这块的情况呢").
_PART_ASKED_RE = re.compile(
    r"^(?:那|那么)?([\u4e00-\u9fff]{2,8}?)(?:那块|这块|那一块|这一块|那部分)(?:的)?(?:情况|数字|数据)?(?:呢|啊)?$"
)
# What a whole is split by ("按跑动次数分", "按照跑动次数来划分"): its kind, without the word of kind
_SPLIT_BY_RE = re.compile(
    r"按(?:照)?([\u4e00-\u9fff]{2,6}?)(?:次数|类型|种类|类别|类|种)?(?:来|进行)?(?:分|划分|区分|分类)(?![析别开担])"
)
_COMPARED_WITH_RE = re.compile(r"^\s*(?:跟|和|同|与)[^，,。]{2,}?(?:比|相比|对比)")  # "…，跟B比哪个大"
MAX_PART_FIGURES = 4  # more figures than this under one name: too broad to list them all
_ORDINAL_ASKED_RE = re.compile(r"第几[批次届期回]|哪[一]?[批次届期回]")  # an ordinal asked
_ORDINAL_VALUE_RE = re.compile(r"第[\d一二三四五六七八九十]+|首")  # an ordinal figure: 第7次, 首批
# What rule_known_figure says is asked further, as it writes it (no 的/了, no marks).
_ASKED_FURTHER_RE = re.compile(r"[的了]|[，,。？?！!\s]")
# "What about X" with nothing asked of X ("那公安那边呢"): the subject of the ask after it.
_WHAT_ABOUT_RE = re.compile(r"(?:那|那么)?[\u4e00-\u9fff]{1,10}?(?:那边|这边|那块|这块|方面|的)?呢")
_ANOTHER_ASK_RE = re.compile(r"还有|另外|再问|再就是|以及|顺便问|顺带问")  # "…呢？还有X几项": a second ask
_THING_ASKED_RE = re.compile(r"什么|啥|哪些|哪几|怎么|如何")  # what a thing is or has, asked
_ASKS_SOMETHING_RE = re.compile(r"多少|几|什么|啥|哪|谁|怎|咋|吗|是否|有没有|是不是|率|数")
_GREETED_RE = re.compile(r"在吗|在不在|在么|在嘛")  # "在吗~…": a greeting, nothing checked
_VAGUE_RE = re.compile(r"(?:蛮|很|挺|非常|相当|特别)多|不少")  # "办了蛮多案子吧": how many, no claim
# A negation in a part of several asks ("…是不是还有 | 不出庭应诉的"), not its question tag
# ("是不是", "有没有", "…多没"): the part says something the check beside it does not.
_NEGATED_RE = re.compile(r"[不没未无非冇]")
_TAG_QUESTION_RE = re.compile(r"是不是|有没有|[不没冇]有?$")
# A question asked: its question words, particles and marks (not a measure's name, as above).
_QUESTION_RE = re.compile(r"多少|几|什么|啥|哪|谁|怎|咋|吗|呢|么|是否|有没有|是不是|对吧|没错吧|[?？]")
# What breaks a message into clauses; an ask of something (not only a check: "对吗"); words
# pointing back at what was said before them.
_CLAUSE_MARK_RE = re.compile(r"[，,。；;！!]|\s+")
_WHAT_ASKED_RE = re.compile(r"多少|几|什么|啥|哪|谁|怎|咋|呢")
# A clause ending in a check ("是78件吧", "有2900余件对吧"): its figure is claimed, not known.
_CHECKED_END_RE = re.compile(r"(?:吧|吗|嘛|对不对|是不是|对吧|是吧)[\s。.！!？?]*$")
_POINTING_BACK_RE = re.compile(
    r"确认|核实|核对|求证|证实|对一下|对对|原话|原文|怎么写|这|它|其中|里面|里头|当中|之中|其他|其余|剩下"
)
# A clause naming a whole that the ask after it takes a part of ("那70个普法典型案例里，…").
_WITHIN_RE = re.compile(r"(?:里|里面|里头|中|当中|之中|其中)$")
# Money asked without 多少 ("三百多万是啥钱"); a ranking asked ("排名怎么样": a figure, not an area).
_MONEY_WORD_RE = re.compile(r"钱|金额|资金|款|工资")
_RANKED_RE = re.compile(r"排名|排第|名次|位次")
# What came of the thing just explained ("效果咋样", "那成效呢", "结果怎么样").
_RESULTS_ASKED_RE = re.compile(
    r"(?:那|那么)?(?:它的|这个的|这个|他们的|这些)?(?:效果|成效|成果|结果|效益)"
    r"(?:呢|咋样|怎么样|如何|怎样|好不好|大不大|有多大|明显吗|明不明显)?[啊呀呢吗]?"
)
_ELLIPTICAL_RE = re.compile(
    r"^(?:那么|那|还有|另外|然后|再问|他们|它们|她们|这些|那些)|呢$|^[\u4e00-\u9fff]{1,8}?呢"
)  # "市本级的呢 确定了几项"
_NAMED_RE = re.compile(r"“[^”]{2,20}”|《[^》]{2,40}》")
# What a thing is called asked outright ("叫啥", "全称"): only a sentence naming something answers.
_CALLED_RE = re.compile(r"叫什么|叫啥|什么名字|啥名字|名称|全称|什么说法|怎么称呼")
_LIST_MARK_RE = re.compile(r"、|”“|”、“|；")
_SEVERAL_RE = re.compile(JOIN_RE.pattern + r"|分别|各|哪个|哪一个|倍")  # several asked, or compared


KNOWN_TEXTS_KEPT = 4096  # normalised texts of the pack kept for the rules
MIN_DESCRIBED_WORDS = 2  # a described thing is answered when the ask has this many of the report's words
NAMING_WORD_CHARS = 4  # or one of them this long
MAX_SIBLING_DIFFERENCE = 6  # characters two titles may differ in and still be parts of one measure
MIN_PARTS_ANSWERED = 2  # an enumeration is answered in part only when this many parts are
LISTING_NEAR = 3  # entries near a list asked after a count that may name its members
NAMED_ALONE_NEAR = 4  # near entries checked for naming every word of a follow-up
_LIST_ASK_TAIL_RE = re.compile(r"(?:是|有|又有|又是)?(?:多少|几[个项件家台处条类种名起次人位]?)(?:呢|啊|呀)?$")


# Characters of asking and of everyday grammar: no clue to which thing is described.
_ASKING_CHARS = frozenset(
    "的了是在有个一那这么什啥叫哪些几多少吗呢吧啊呀种样方式说法名字称来着和与跟也都就还又把被给让"
)


def _names_each_part(first: str, second: str, asked: str) -> bool:
    """Whether the ask names what sets each of two sibling titles apart, each word whole and
    apart from the other ("三统一市政府规范性文件数" and "三统一部门规范性文件数": 市政府 and 部门;
    "政府部门" names 部门 only)."""
    head = len(os.path.commonprefix([first, second]))
    tail = len(os.path.commonprefix([first[head:][::-1], second[head:][::-1]]))
    own, other = first[head : len(first) - tail], second[head : len(second) - tail]
    if len(own) < 2 or len(other) < 2:
        return False
    at, elsewhere = asked.find(own), asked.find(other)
    if at < 0 or elsewhere < 0:
        return False
    return at + len(own) <= elsewhere or elsewhere + len(other) <= at


MAX_RANK_OPTIONS = 4
_COUNT_ASKED_RE = re.compile(r"多少|几")  # a count asked, exactly or roughly ("有几万项")
_NOT_HANZI_RE = re.compile(r"[^\u4e00-\u9fff]")
_COUNT_WORD_RE = re.compile(r"[数量率额比次]$")  # how much of a thing: 条数, 金额, 比率
# Asked of a figure just given, quoted back: its members or a part ("这70个案例分别是哪些"), or
# another kind of figure of it ("四千四百台花了多少钱": money of a count of things)
_OF_FIGURE_DECLINES = ("count_only", "breakdown", "measure")
SAME_NUMBER_MAX = 3  # a number written of more figures than this is asked back (a clarify)
_NOT_DECLINED = lambda declined: declined is None  # noqa: E731
_HOW_MANY_AT_RE = re.compile(r"多少|几")
# An answer that ranks its own subject in the province ("排名全省第一", "处于全省前列", "在全省领先").
_RANKED_ANSWER_RE = re.compile(
    r"(?:全省|全国)(?:排名)?(?:第[一二三四五六七八九十\d]+|前列|领先|靠前)|排名(?:全省)?(?:第|靠前)"
)
# What a rank ask says besides its subject ("在全省具体排第几名啊"): nothing left, no subject.
_RANK_ASK_FRAME_RE = re.compile(
    r"(?:19|20)\d\d年|全省|全国|全市|省里|省内|益阳市?|市里|在|具体|到底|究竟|能|排名|排位|排在|排|名次|第几名?|位置|水平|档次|"
    r"算|处于|什么|啥|多少|怎么样|如何|咋样|靠前|靠不靠前|前列|[的了是吗呢啊呀吧嘛？?，,。！!\s]"
)


class PackEngine:
    """Answers from one report pack (see the module docstring for the stages)."""

    def __init__(
        self,
        knowledge: Knowledge,
        params: Params = DEFAULT,
        today: dt.date | None = None,
        covered: list[str] | None = None,
    ):
        self.knowledge = knowledge
        self.params = params
        self.today = today
        self.covered = covered or knowledge.covered  # what the whole library covers, for declines
        self.curated = CuratedRetriever(knowledge, params)
        self.report = ReportRetriever(knowledge.report_text, knowledge.synonyms, params)
        self.figure_index = index_figures(knowledge.metrics)
        self.entry_clause = self._entry_clauses()
        # (heading, its section, whether it is a section) for "X方面做了什么"
        self.headings = list(
            dict.fromkeys(
                (h, s.section if h == s.subsection else "", h == s.section)
                for s in knowledge.report_text.sentences
                for h in (s.section, s.subsection)
                if h and not (h == s.subsection and h == s.section)
            )
        )
        self.pinyin = PinyinReader.from_knowledge(knowledge)  # "falv yuanzhu" → 法律援助
        self.homophones = HomophoneFixer.from_knowledge(knowledge)  # "企页" → 企业
        self.abbreviations = Abbreviations.from_knowledge(knowledge)  # "人调" → 人民调解
        place = knowledge.place
        short = place.rstrip("市区县") if len(place) > 2 else place
        region = knowledge.pack.region
        norm = lru_cache(maxsize=KNOWN_TEXTS_KEPT)(partial(normalize, synonyms=knowledge.synonyms))
        sentences = {s.text: s for s in knowledge.report_text.sentences}
        # a rank stated in a clause of its own: the sentence that answers an ask of it ("elsewhere")
        self.ranked_in = {c: sentences[t] for c, t in rank_clauses(list(sentences), norm).items()}
        self.context = Context(
            report_norm=self.report.normalized_text,
            place_words=tuple(w for w in {place, short} if w),
            region_words=tuple(w for w in {region, region.rstrip("省")} if w),
            years=(knowledge.year,) if knowledge.year else (),
            # the pack's texts (answers, sentences, clauses) and single words: the same ones recur with every question
            normalize=norm,
            rank_clauses=tuple(self.ranked_in),
            described=knowledge.synonyms.described,
        )

    def names_place(self, text: str) -> bool:
        """Whether a question names this pack's place (益阳, 青岚市)."""
        return any(w and w in text for w in self.context.place_words)

    def _entry_clauses(self) -> dict[str, str]:
        """Each metric's own clause in the report (its figure and the words around it)."""
        by_value: dict[tuple[str, str], str] = {}
        for sentence in self.knowledge.report_text.sentences:
            for figure in sentence.figures:
                by_value.setdefault((figure.value, sentence.text), figure.own_words)
        clauses = {}
        for entry in self.knowledge.metrics:
            for (value, text), clause in by_value.items():
                if value == entry.value and (text in entry.source or entry.source in text):
                    clauses[entry.id] = clause
                    break
        return clauses

    # --- the chat API --------------------------------------------------------------------

    def respond(self, text: str, conversation: Conversation | None = None, now: float | None = None) -> Response:
        """Answer one message; update `conversation` when something is answered."""
        now = time.monotonic() if now is None else now
        with one_message():
            response = self._respond(text if isinstance(text, str) else "", conversation, now)
        if conversation is not None and response.status == "answer" and response.entry_id:
            conversation.remember(response.entry_id, now)
        return response

    def answer_entry(
        self, entry_id: str, conversation: Conversation | None = None, now: float | None = None
    ) -> Response | None:
        """The answer for a known entry id (button presses); None if the id is unknown."""
        kb = self.knowledge
        if entry_id in kb.entries:
            response = answers.answer(kb, kb.entries[entry_id], 1.0, "button")
        elif entry_id.startswith("report:") and self.report.sentence(entry_id) is not None:
            response = answers.answer_report(kb, self.report.sentence(entry_id), None, 1.0, kind="button")
        else:
            return None
        if conversation is not None:
            conversation.remember(entry_id, time.monotonic() if now is None else now)
        return response

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """The curated entries nearest a question, with their scores (admin review)."""
        return [(c.id, c.score) for c in self.curated.candidates(self.analyze(text), limit=limit)]

    # --- stages ------------------------------------------------------------------------

    def analyze(self, text: str) -> Analysis:
        """The analysis of a text (the same parts are read again while one message is answered:
        once per message, bot/engine/memo.py)."""
        return once((self, "analyze", text, self.today), lambda: self._analyze(text))

    def _analyze(self, text: str) -> Analysis:
        read = self.pinyin.read(text) if has_latin(text) else text
        return analyze(self.abbreviations.expand(self.fixed(read)), self.knowledge.synonyms, self.today)

    def fixed(self, text: str) -> str:
        """The text with its homophone typos put right (bot/text/homophones.py), once per message:
        the ask found in a message already read is the message's own text, read as it is."""
        fixed = once((self, "fixed", text), lambda: self.homophones.fix(text))
        return once((self, "fixed", fixed), lambda: fixed)

    def _respond(self, text: str, conversation: Conversation | None, now: float) -> Response:
        return _with_name_asked(text, self._respond_read(text, conversation, now))

    def _respond_read(self, text: str, conversation: Conversation | None, now: float) -> Response:
        a = self.analyze(text)
        stated = self._after_stated_clause(a)
        if stated is None or _COMPARED_WITH_RE.match(stated[2]):
            # "柔性执法事项358项，跟企业合规指导建议的数量比哪个大": the clause told is the first
            # side of the comparison the rest asks, not a figure known before a new ask
            return self._respond_to(a, text, conversation, now)
        # "网上可办率是100%，那诉前调解案例有多少": the ask after what the asker already knows
        known, first, rest = stated
        reply = self._respond(rest, conversation, now)
        if reply.status != "answer" or _answered(reply) == known:
            whole = self._respond_to(a, text, conversation, now)  # what is asked of the stated figure
            if reply.status == "clarify" and _answered(whole) == known and self._names_report_thing(rest):
                return reply  # "…是2900余件了，还没到…的那种案子呢": the rest asks, the stated figure is no answer
            return whole
        if reply.score >= self.params.stated_rest_min:
            return reply
        whole = self._respond_to(a, text, conversation, now)
        if _answered(whole) == known:
            return reply  # "零跑动事项数是1837项，那找律师咨询呢": the figure told is known, no answer
        if whole.status != "answer" and whole.lacking and whole.lacking in first:
            return reply  # the known clause's words never make the report "lack" the ask
        if whole.status != "answer" and whole.lacking and whole.lacking in _ASKED_FURTHER_RE.sub("", rest):
            # "法治审核事项数是1.5万余项，帮没钱打官司的人那个事一年是多少": the whole found the
            # figure told and lacks the rest; the rest, answered on its own, is what was asked
            return reply
        return whole

    def _asks_figure_only(self, text: str) -> bool:
        """Whether a text asks a figure: a count, exactly or roughly ("受理了多少件", "有几万项"),
        or a figure asked in other words, never a yes/no of the asker's own step ("能不能网上约")."""
        if _COUNT_ASKED_RE.search(text):
            return True  # "有几万项", "少了多少": a count asked, roughly or not
        if not clause_asks(text):
            return False
        rest = self.analyze(text)
        checked = rest.intent.yes_no and not rest.numbers  # "能不能网上约": the asker's own step
        return rest.wants_figure and not checked

    def _states_change(self, a: Analysis) -> bool:
        """Whether the entry found first for the question states a change (同比上升110%)."""
        found = self.curated.candidates(a, limit=1)
        return any(
            c.score >= self.params.clarify_min and CHANGE_STATED_RE.search(self.knowledge.entries[c.id].answer)
            for c in found
        )

    def _names_report_thing(self, part: str) -> bool:
        """Whether a part names a thing in the report's words (not a placeholder, a scope or a
        word of asking): "先调解的那种案子呢" does (调解), "说的是哪个模式" does not."""
        return any(w not in PLACEHOLDERS and w in self.context.report_norm for w in _thing_words(part))

    def _respond_to(self, a: Analysis, text: str, conversation: Conversation | None, now: float) -> Response:
        kb = self.knowledge
        greeted, rest = guards.strip_greeting(a.cleaned)
        if not rest:
            return answers.small_talk(kb, "greeting" if greeted else "empty")
        talk = guards.small_talk(rest)
        if talk:
            return answers.small_talk(kb, talk)
        if a.kind == "help":
            return answers.small_talk(kb, "how")
        if a.intent.yes_no and not a.numbers and bare_check(a.raw):
            # "是真的吗" right after an answer: the report does state it, the same answer again;
            # with nothing said before, nothing to check (never 是的 on a guess)
            last = conversation.last_entry_id if conversation is not None and conversation.active(now) else None
            again = self.answer_entry(last) if last else None
            if again is not None and again.status == "answer":
                return answers.checked(again, True)
            return answers.decline(kb, "no_match", covered=self.covered)
        if greeted:
            a = self.analyze(rest)
        scope = first_decline(a, None, self.context, SCOPE_RULES)
        if scope is not None and (scope.reason == "other_year" or scope.detail not in self.context.report_norm):
            # a year no report covers, a place the report never names: declined whatever
            # retrieval finds, with the nearest of its own questions as buttons (never the figure)
            near = [kb.entries[c.id] for c in self.curated.candidates(a, limit=2) if c.score >= self.params.clarify_min]
            return answers.decline(
                kb, scope.reason, scope.detail, options=[answers.suggestion(e) for e in near], covered=self.covered
            )
        base = compared_base_year(a, self.context)
        if base and not self._states_change(a):
            # "…2023年对比2022年有什么变化": the other year's figure is asked too, and only a
            # change the report states answers it (an area or a level never does)
            return answers.decline(kb, "other_year", f"{base}年", covered=self.covered)
        if a.kind == "overview":
            opening = [x for x in kb.report_text.sentences if not x.section] if _OPENING_RE.search(a.text) else []
            if opening:  # "报告开头总结了哪几个亮点": the paragraphs before its first part, verbatim
                return answers.area(kb, "开头部分", "", opening, [])
            return answers.overview(kb)
        wanted = guards.unsupported_request(a.cleaned, self.report.normalized_text, clause_asks, a.raw)
        rest = guards.without_request(a.raw, wanted) if wanted else ""
        if rest and self._asks_figure_only(rest):
            # "法律援助受理了多少件？申请要什么条件？": the figure the report tells, the request named
            reply = self._respond(rest, conversation, now)
            if reply.status == "answer":
                return answers.with_practical(reply, wanted)
        if wanted:
            near = [kb.entries[c.id] for c in self.curated.candidates(a, limit=2) if c.score >= self.params.clarify_min]
            return answers.decline(
                kb, "practical", wanted, options=[answers.suggestion(e) for e in near], covered=self.covered
            )
        if guards.legal_advice(a.cleaned, self.report.normalized_text):
            return answers.decline(kb, "legal_advice", covered=self.covered)
        blank = self._blank_filled(a)
        if blank is not None:
            return blank
        asked_area = (
            self._honours_of(a.cleaned)
            or self._area(a.cleaned)
            or self._figures_of_part(a.cleaned)
            or self._rough_figure_asked(a)
        )
        if asked_area is not None:
            return asked_area
        figure = parse_figure_query(a.text) if not a.intent.yes_no else None
        if figure and (metrics_with_figure(self.figure_index, *figure) or not self._writes(*figure)):
            # (a number the report writes of no figure, "五个方面是啥": its sentence answers)
            return self._figure(*figure, a)
        kind_of = self._kind_of_quoted(a) if not a.intent.yes_no else None
        if kind_of is not None:
            return kind_of
        each = parse_each_figure(a.text)
        if each:  # "报告里有两个近200 分别说的是啥": every metric written with that figure
            found = metrics_with_figure(self.figure_index, *each)
            if len(found) >= 2:
                return answers.combined(
                    self.knowledge, [answers.answer(self.knowledge, m, 1.0, "figure") for m in found]
                )
        comparisons = find_comparisons(a.text if has_latin(text) else text)  # pinyin read first
        compared = self._comparison(comparisons)
        if compared is not None:
            return compared
        if a.intent.yes_no and any(c.claim for c in comparisons):
            # "A是不是比B低": a claim about two figures, never 是的/不是 on the one found
            a = replace(a, intent=replace(a.intent, yes_no=False), numbers=())
        combined = self._compound(a, explicit=True)
        if combined is not None:
            return combined
        whole = self._single(a, conversation, now)
        across = self._listed_across(a, whole)
        if across is not None:
            return across
        heading = self._heading_answered(whole) or self._part_of_entry(a, whole)
        if heading is not None:
            return heading
        if whole.status != "answer" and whole.kind not in STATED_LACKS:
            return self._compound(a, explicit=False) or whole
        if (
            whole.status != "answer"
            and whole.lacking
            and whole.kind != "count_only"
            and not NOT_ASKED_RE.search(a.text)
        ):
            # (a count the report gives without its list is no word of another ask: "5个…有名单不")
            # "考试的人数，还有第一批…验收了几个单位": the whole lacks 第一批, a word of another
            # ask; when every part of the message is answered, and one of them with that word, it
            # was several asks (never when the message says what it does not ask: "不是新增的")
            several = self._compound(a, explicit=False)
            if several is not None and whole.lacking in several.answer:
                return several
        if whole.status != "answer" and whole.kind in STATED_LACKS and _joined(a, own_asks=True):
            # "出庭应诉率和刑事破案数同比增幅": the whole read as one measure lacks a kind of figure
            # (变化幅度 of 出庭应诉率); joined by 和, each part answered by a figure of its own
            several = self._compound(a, explicit=False, figures=True)
            if several is not None:
                return several
        return self._joined_measures(a, whole) or self._clause_together(a, whole) or self._with_sibling(a, whole)

    def _clause_together(self, a: Analysis, whole: Response) -> Response | None:
        """ "网上可办情况": the ask names no kind of figure, and the figure found stands in one clause
        with another near one (网上可办数2861项,网上可办率100%): both, in the report's order."""
        if whole.status != "answer" or whole.kind != "entry" or whole.figure is None or a.intent.yes_no:
            return None
        curated = self.curated.candidates(a)
        chosen = next((c for c in curated if c.id == whole.entry_id), None)
        return self._clause_figures(chosen, curated, a, adjacent=True) if chosen is not None else None

    def _joined_measures(self, a: Analysis, whole: Response) -> Response | None:
        """ "复调对接案件数和和解率": the whole answered one of two measures joined by 和; when
        each part answers a figure of its own, that one among them, both are asked."""
        if (
            whole.status == "answer"
            and whole.figure is not None
            and not a.intent.yes_no
            and (_joined(a, own_asks=True) or _glued_measures(a))
        ):
            several = self._compound(a, explicit=False, figures=True)
            if several is not None and whole.answer in several.answer:
                return several
        return None

    def _with_sibling(self, a: Analysis, whole: Response) -> Response:
        """ "三统一的规范性文件有多少件": the report gives the measure in two parts (市政府 28件,
        部门 51件) and the ask names neither: both, side by side, never one as the whole."""
        kb = self.knowledge
        first = kb.entries.get(whole.entry_id or "")
        if first is None or not first.is_metric or whole.kind != "entry" or not a.wants_figure or a.intent.yes_no:
            return whole
        candidates = self.curated.candidates(a)
        found = [c for c in candidates[:3] if c.id != first.id]
        if not found:
            return whole
        near = found[0]
        second = kb.entries[near.id]
        if not second.is_metric or second.unit[-1:] != first.unit[-1:] or not self._fits(near, a):
            return whole
        top = next((c.score for c in candidates if c.id == first.id), 0.0)
        if top - near.score > self.params.sibling_window:
            return whole
        if _names_each_part(clean(first.title), clean(second.title), a.cleaned):
            return self._both(a, whole, near)  # "规范性文件 市政府的几件 部门的几件": each named
        own, other = set(clean(first.title)), set(clean(second.title))
        asked = set(a.cleaned) | set(a.text)  # "跑一趟" names 跑动1次 by its number
        if not (own - other) or not (other - own) or (own - other) & asked or (other - own) & asked:
            return whole  # they differ in nothing, or the ask names one of them
        if len(own ^ other) > MAX_SIBLING_DIFFERENCE:
            return whole  # two different measures, not two parts of one
        first_names, second_names = self._names_of(first), self._names_of(second)
        if any(w in first_names and w not in second_names for w in self._words(a.core)):
            return whole  # "不用跑的有几项": a word only the first's phrasings say names it
        return self._both(a, whole, near)

    def _both(self, a: Analysis, whole: Response, near: Candidate) -> Response:
        """The answer given and its sibling's, side by side."""
        return answers.combined(self.knowledge, [whole, self._compose(a, self._entry_choice(near))])

    def _single(self, a: Analysis, conversation: Conversation | None = None, now: float = 0.0) -> Response:
        """One question: retrieve, decide, compose. Once per message for the same reading and
        the same entry talked about (the splits of a message read one part several times)."""
        last = conversation.last_entry_id if conversation is not None and conversation.active(now) else None
        return once((self, "single", a, last), lambda: self._single_read(a, conversation, now))

    def _single_read(self, a: Analysis, conversation: Conversation | None, now: float) -> Response:
        """One question: retrieve, decide, compose."""
        kb = self.knowledge
        p = self.params
        curated = self.curated.candidates(a)
        short = len(a.core) <= p.short_query_chars
        if conversation is not None and conversation.active(now) and conversation.last_entry_id in kb.entries:
            previous = kb.entries[conversation.last_entry_id]
            results = self._results_of(previous, a)
            if results is not None:
                return results
            listing = self._listing_of_last(a, curated, previous)
            if listing is not None:
                choice = self._entry_choice(listing)
                declined = first_decline(a, choice, self.context)
                if declined is not None and declined.reason == "count_only":  # "那11项都是哪些啊": not named
                    return self._reply(a, Decision("decline", choice, declined))
                return self._compose(a, choice, "followup")
            runner = curated[1].score if len(curated) > 1 else 0.0
            clear = bool(curated) and curated[0].score - runner >= p.followup_trust  # "其中一次都不用跑的呢"
            clear = clear or self._named_by_number(a, clarify_options(curated, p)) is not None  # "跑两次以上的呢"
            clear = clear or self._names_again(a, curated, conversation.last_entry_id)  # "那诉前调解的成功率呢"
            clear = clear or self._named_alone(a, curated)  # "那全国示范项目呢" after 第二批示范地区
            clear = clear or (bool(curated) and curated[0].score >= p.report_skip_above)  # "诉前调解的案例呢"
            elliptical = _ELLIPTICAL_RE.search(a.cleaned) or not _names_own_thing(a.cleaned)  # "市本级定了几项"
            unit = a.intent.unit
            if (
                not _names_own_thing(a.cleaned)
                and previous.is_metric
                and unit
                and previous.unit.endswith(unit)
                and not a.intent.wants_list  # "标准有哪几个方面": which ones, not how many
            ):
                # "总共有多少种" right after 30余种: the count in that unit is the one just given
                same = self._entry_choice(Candidate(previous.id, curated[0].score if curated else 0.0, previous.title))
                if first_decline(a, same, self.context) is None:
                    return self._compose(a, same, "followup")
            tied = self._of_last_sentence(a, curated, previous)
            if tied is not None:
                return tied  # "提了多少条意见" after 新增5个立法联系点: that sentence's 40余条立法意见建议
            if (elliptical or not lead_ok(curated, p, short)) and not clear:
                if previous.is_metric and _writes_figure(a, previous.value):
                    # "哦四千四百台，是全市的数吧": the figure just given, asked about again
                    again = self._entry_choice(
                        Candidate(previous.id, curated[0].score if curated else 0.0, previous.title)
                    )
                    declined = first_decline(a, again, self.context)
                    if declined is not None and declined.reason in _OF_FIGURE_DECLINES:
                        return self._reply(a, Decision("decline", again, declined))
                    return self._compose(a, again, "followup")
                chosen = self.curated.followup(curated, previous.title, previous.id, a)
                if chosen is not None and _COUNTED_AFTER_GE_RE.search(a.text) and not self._fits(chosen, a):
                    chosen = None  # "那现在一共有几个联系点": 40余条 counts no 联系点
                if chosen is not None and self._code_elsewhere(chosen, a):
                    chosen = None  # "那CCTV-13呢" after the CCTV-12 answer: another thing of the report

                if chosen is not None:
                    together = self._clause_figures(chosen, curated, a, previous)
                    if together is not None:
                        return together  # "农民工讨薪那块呢": 370名 and 317万余元, one clause's figures
                    choice = self._entry_choice(chosen)
                    declined = first_decline(a, choice, self.context)
                    figure_asked = a.wants_figure or (a.intent.yes_no and bool(a.numbers))  # or a figure checked
                    stated = self._stated_metric(a, choice) if figure_asked and declined is None else None
                    if stated is not None:
                        # "那被罚的企业一共多少家" answered by the 首次不罚 explanation: the figure it
                        # states in the unit asked (6125家) is judged as a figure answering it would be
                        choice, declined = stated, first_decline(a, stated, self.context)
                    if declined is not None and declined.reason in _WORD_LACKED and declined.detail:
                        # "还有乡镇综合执法过了初评的有几个" after 执法记录仪: the word the near
                        # entry lacks (初评) is where the ask read on its own finds its answer
                        plain = self.decide(a, curated, short)
                        if plain.status == "answer" and declined.detail in plain.choice.text:
                            return self._reply(a, plain)
                    if declined is not None:  # "那成功率呢" after 法律援助案件: 370名 is no rate
                        return self._reply(a, Decision("decline", choice, declined))
                    return self._compose(a, choice, "followup")
                options = [
                    c
                    for c in clarify_options(curated, p)
                    if c.id == previous.id and self._measured(c, a) and not self._code_elsewhere(c, a)
                ]
                if options and len(clarify_options(curated, p)) > 1:
                    # "哪个频道报道的" right after the 营商码 answer: of the things it could be
                    # about, the one just answered
                    choice = self._entry_choice(options[0])
                    declined = first_decline(a, choice, self.context)
                    return self._reply(
                        a, Decision("decline", choice, declined) if declined else Decision("answer", choice)
                    )
                decision = self.decide(a, curated, short)
                if decision.status == "answer" and self._elsewhere(decision.choice, previous):
                    # "涉及金额一共多大" after the contracts reviewed: no sibling has it, and a weak
                    # match in another part of the report (免罚金额) is not what was asked
                    return self._reply(a, Decision("decline", None, Decline("no_match"), curated[:1]))
                return self._reply(a, decision)
            if elliptical and clear and kb.entries[curated[0].id].topic == previous.topic:
                # "其中跑一趟就行的呢": an elliptical ask clearly about a sibling is still a follow-up
                decision = self.decide(a, curated, short)
                if decision.status == "answer":
                    return self._compose(a, decision.choice, "followup")
                return self._reply(a, decision)
        return self._reply(a, self.decide(a, curated, short))

    def _listing_of_last(self, a: Analysis, curated: list[Candidate], previous) -> Candidate | None:
        """ "标准有哪几个方面" after 22个乡镇通过初评: a list asked after a count, so the near entry
        (of the first few) of the last answer's own sentence that names the members."""
        if a.kind != "list" or not curated or self._kind_fits(Candidate(previous.id, 0.0, previous.title), a):
            return None
        least = curated[0].score - self.params.followup_trust  # ("警务改革打造了哪些中心" names its own)
        return next(
            (
                c
                for c in curated[:LISTING_NEAR]
                if self.knowledge.entries[c.id].source == previous.source and self._kind_fits(c, a) and c.score >= least
            ),
            None,
        )

    def _of_last_sentence(self, a: Analysis, curated: list[Candidate], previous) -> Response | None:
        """Of near-tied entries (within followup_trust of the leader), the one stated in the last
        answer's own sentence when the leader is not: that sentence is what the talk is about."""
        if not a.wants_figure or not curated or self.knowledge.entries[curated[0].id].source == previous.source:
            return None  # a figure asked ("提了多少条意见"), not a subject named ("复调对接那个")
        least = curated[0].score - self.params.followup_trust
        for candidate in curated[1:4]:
            entry = self.knowledge.entries[candidate.id]
            if candidate.score < least or candidate.id == previous.id or entry.source != previous.source:
                continue
            choice = self._entry_choice(candidate)
            # its names, or its own clause ("市本级一共确定了几项": 确定并公示市本级6项…)
            named = self._names_of(entry) + self.context.normalize(choice.own_text)
            words = [w for w in lexicon.segment(a.core) if len(w) >= 2 and w not in PLACEHOLDERS]
            if not words or not all(self.context.normalize(w) in named for w in words):
                continue  # the ask must name that figure ("意见" of 立法意见建议), not only point at it
            if first_decline(a, choice, self.context) is None and self._kind_fits(candidate, a):
                return self._compose(a, choice, "followup")
        return None

    def _elsewhere(self, choice: Choice, previous) -> bool:
        """A weak figure of another part of the report than the last answer's."""
        candidate = choice.candidate
        entry = self.knowledge.entries.get(candidate.id)
        return (
            entry is not None
            and entry.is_metric
            and entry.topic != previous.topic
            and candidate.score < self.params.answer_min
        )

    def decide(self, a: Analysis, curated: list[Candidate], short: bool) -> Decision:
        """What would answer, then the decline rules (decision.py)."""
        p = self.params
        if a.intent.measure == "rank" and not _RANK_ASK_FRAME_RE.sub("", a.text):
            # "全省排第几名" naming nothing ranked: which of the ranked things (两法衔接 第一,
            # 压缩率 前列, …) is asked, never the first one found
            entries = self.knowledge.entries
            scores = {c.id: c.score for c in curated}
            ranking = [
                (e, m.group(0)) for e in entries.values() if not e.draft and (m := _RANKED_ANSWER_RE.search(e.answer))
            ]
            ranking.sort(key=lambda pair: (not pair[0].is_metric, -scores.get(pair[0].id, 0.0)))
            said: set[str] = set()  # one option per way a rank is said (全省第一 of the metric, not again)
            ranked = []
            for entry, rank in ranking:
                if rank not in said:
                    said.add(rank)
                    ranked.append(Candidate(entry.id, scores.get(entry.id, 0.0), entry.title))
            if len(ranked) >= 2:
                return Decision("clarify", None, None, ranked[:MAX_RANK_OPTIONS])
        if curated and curated[0].score >= p.report_skip_above and lead_ok(curated, p, short):
            sentences, figures = [], []  # an entry this sure: the report's rows cannot overtake it
        else:
            sentences, figures = self.report.candidates(a)
        report_pool = (figures + sentences) if a.wants_figure else list(sentences)
        report_pool.sort(key=lambda c: -c.score)
        choice: Choice | None = None
        counted = _COUNTED_NOUN_RE.search(a.text)
        named = [  # "围绕几个方面部署": the report's figure counting that very noun (四个方面)
            c
            for c in report_pool
            if counted and c.figure is not None and c.figure.unit.endswith(counted.group(1)) and c.score >= p.report_min
        ]
        if counted and curated and not self._counts(curated[0], counted.group(1)):
            counting = [c for c in curated[1:] if c.score >= p.clarify_min and self._counts(c, counted.group(1))]
            if counting:  # "普法典型案例涉及多少个方面": the entry counting 方面, not the cases
                curated = [counting[0]] + [c for c in curated if c is not counting[0]]
                named = []
        if named and not any(self._counts(c, counted.group(1)) for c in curated[:1]):
            report_pool.remove(named[0])
            report_pool.insert(0, named[0])
        report_best = report_pool[0] if report_pool else None
        report_wins = report_best is not None and (
            not curated or report_best.score > curated[0].score + p.report_over_curated or bool(named)
        )
        options = clarify_options(curated, p)
        fitting = [c for c in options if c.score >= p.answer_min and self._kind_fits(c, a)]
        ambiguous = len(fitting) >= 2
        # "涉企柔性执法免罚金额多少": the leader explains the thing, the one near figure of the
        # kind asked covers every word of the ask, so the figure answers
        misfit_lead = (
            a.wants_figure
            and len(fitting) == 1
            and fitting[0] is not curated[0]
            and not fitting[0].missing
            and sum(c.score >= p.clarify_min and self._kind_fits(c, a) for c in curated) == 1
        )
        near = [c for c in curated if c.score >= p.clarify_min]  # an ordinal asked is sure: any near entry
        numbered = self._named_by_number(a, options) or self._ordinal_asked(a, near)
        if numbered is not None and not report_wins:
            # "跑两次以上的呢": of near entries named by numbers (“0”跑动, 跑动1次, 跑动2次), the
            # one named by the number asked
            choice = self._entry_choice(numbered)
        elif lead_ok(curated, p, short) and not report_wins and not misfit_lead:
            choice = self._entry_choice(self._metric_stated(a, curated) or curated[0])
        elif len(fitting) == 1 and len(options) >= 2 and not report_wins and (not short or misfit_lead):
            # "湘易办有多少应用": of the near entries, one is of the kind asked (a figure for a
            # figure question, an explanation for "是什么"); the others cannot answer it
            choice = self._entry_choice(fitting[0])
        elif (
            a.wants_figure
            and len(options) >= 2
            and not report_wins
            and not short
            and [self._kind_fits(c, a) for c in options] == [True] + [False] * (len(options) - 1)
        ):
            # "手机上那个…app 益阳店接了多少服务场景": the leading option is the only one that
            # can give the figure asked; the others explain
            choice = self._entry_choice(options[0])
        elif ambiguous and not report_wins and (checked := self._checked_option(a, options)) is not None:
            # "首违免罚免了两千多万吗": of the near entries, the one figure of the size checked
            choice = self._entry_choice(checked)
        elif ambiguous and not report_wins and (changed := self._change_option(a, fitting)) is not None:
            # "办事的承诺时间整体上砍掉了百分之几": a change asked, and one near figure measures a change
            choice = self._entry_choice(changed)
        elif ambiguous and not report_wins and (nearest := self._nearest_named(a, fitting)) is not None:
            # "…行政执法部门经过法治审核的执法事项共计多少项": the word nearest the question word
            # that one near figure's own words hold and the others' do not says which is asked
            choice = self._entry_choice(nearest)
        elif ambiguous and not report_wins:
            fuller = self._sentence_over_options(a, options, sentences)
            if fuller is None:
                fuller = self._one_passage(a, fitting)
            untold = self._untold(a, fitting)
            if fuller is None and len(untold) == 1:
                fuller = self._entry_choice(untold[0])  # the one near figure the message does not tell
            if fuller is None:
                return Decision("clarify", None, None, options)
            choice = fuller
        elif (
            report_best is not None
            and not short
            and report_best.score >= p.report_min
            and report_best.missing <= 1 - p.content_min
        ):
            choice = self._report_choice(report_best, a)
        elif not short:
            choice = self._agreed(a, curated, options, sentences)
        if choice is None and not short and not a.wants_figure and report_pool:
            choice = self._described(a, report_pool)
        if choice is None:
            near = max([c.score for c in report_pool[:1]] + [c.score for c in options[:1]], default=0.0)
            covered = min([c.missing for c in report_pool[:1]] + [c.missing for c in options[:1]], default=1.0)
            close = near >= p.clarify_min or covered <= 1 - p.content_min
            outside = coverage(a.core, self.context.report_norm) < p.absent_max_coverage
            asking = self._asking_clause(a)  # "…踩缝纫机，…真有免罚两千多万这么多": the story's words are no term
            terms = (
                absent_terms(asking.core, self.context.report_norm, asked=asking.text) if not close and outside else []
            )
            if terms:  # nothing in the report comes close, and a word of the question is not in it
                return Decision("decline", None, Decline("absent", terms[0]), options)
            if (
                len(options) == 1
                and options[0].missing <= p.lone_option_missing
                and not short
                and self._kind_fits(options[0], a)
            ):
                choice = self._entry_choice(options[0])  # the one near entry, and it covers the question
            elif (
                options
                and not short
                and options[0].missing <= p.lone_option_missing
                and (stated := self._metric_stated(a, options)) is not None
            ):
                # "…顺手把矛盾调解掉的那种做法，调成了多少件": the near explanation that covers the
                # question states one figure of the kind asked: that figure answers
                choice = self._entry_choice(stated)
            elif not short and (changed := self._change_option(a, [o for o in options if self._kind_fits(o, a)])):
                choice = self._entry_choice(changed)  # "…承诺时间整体上砍掉了百分之几": the one change near
            elif not short and (named := self._nearest_named(a, [o for o in options if self._kind_fits(o, a)])):
                # "亲自到法院去应诉的比例是多少": of the near figures, the one the word nearest the
                # question word (应诉) names
                choice = self._entry_choice(named)
            elif not short and len(untold := self._untold(a, options)) == 1 < len(options):
                # "网上可办2861项里头 跑动一次的事项有几项": the figure the message tells is the
                # whole it asks within, not what it asks
                choice = self._entry_choice(untold[0])
            elif len(options) == 1 and not short and self._names_its_kind(a, options[0]):
                # "那个让办事不用带一堆证明的做法叫啥": a thing described, its name asked, and one
                # near entry of that kind of thing: that entry names it (the decline rules still
                # judge it); "那个律师事务所叫什么名字": no entry is such a thing
                choice = self._entry_choice(options[0])
            elif (
                not short
                and not a.intent.yes_no
                and options
                and options[0].missing <= p.lone_option_missing
                and (told := self._one_passage(a, options)) is not None
            ):
                # "用真实案子给老百姓讲法律的那种普法方式叫什么": the near entries below the answer
                # line stand on one passage, which tells what is asked (and covers the ask); a
                # check this far below the line ("不是说领导人员都要考资格吗") is judged by no passage
                choice = told
            elif options and (unranked := self._none_ranked(a, options)) is not None:
                # "免罚金额在省里处于什么水平": a rank asked, and no near entry is ranked by the
                # report; choosing among them answers nothing
                return unranked
            elif options:
                return Decision("clarify", None, None, options)
            else:
                return Decision("decline", None, Decline("no_match"), report_pool[:1])
        if not choice.figure_value and sentences and not choice.candidate.from_report and not a.intent.yes_no:
            choice = self._fuller_sentence(a, choice, sentences[0])
        declined = first_decline(a, choice, self.context)
        if declined is None:
            declined = self._stated_all_declined(a, choice)
        if declined is not None and a.intent.measure == "rank":
            # "柔性执法率在全省排第几": the ranking found is another subject's; a near entry ranking
            # the subject asked in words in its own answer ("在全省领先") answers
            entries = self.knowledge.entries
            ranks = lambda c: RANK_WORDS_RE.search(entries[c.candidate.id].answer)  # noqa: E731
            other = self._other_choice(a, curated, choice, p.clarify_min, ranks)
            if other is not None:
                return Decision("answer", other)
            # the near entry ranking the subject asked, declined only because an exact place is
            # asked and it gives none (前列, 领先)
            exact_only = lambda d: d is not None and d.detail == EXACT_RANK  # noqa: E731
            vague = (
                self._other_choice(a, curated, choice, p.clarify_min, ranks, exact_only)
                if declined.detail != EXACT_RANK
                else None
            )
            if vague is not None:
                # "承诺时限压缩率在全省具体排第几名": the subject's own rank is only 处于全省前列
                return Decision("decline", vague, Decline("unstated", EXACT_RANK))
        if declined is not None and declined.reason == "no_figure" and a.wants_figure and a.intent.measure:
            # "柔性执法免罚的钱有多少": the leader explains and states no sum; the near figure of
            # the kind asked from the leader's own sentences, that no rule declines, answers
            source = getattr(self.knowledge.entries.get(choice.candidate.id), "source", "")
            other = self._other_choice(
                a,
                curated,
                choice,
                p.clarify_min,
                lambda c: (
                    bool(c.figure_value)
                    and getattr(self.knowledge.entries.get(c.candidate.id), "source", "\0") in source
                    and measure_fits(a.intent.measure, a.intent.unit, c.figure_unit, c.figure_value)
                ),
            )
            if source and other is not None:
                return Decision("answer", other)
        measure = named_measure(a) if declined is not None and declined.reason == "measure" else ""
        if measure:
            # "…事项网上可办率": the lookup names a measure the leader is not; the near entry
            # named by it answers
            norm = self.context.normalize or normalize
            other = self._other_choice(
                a, curated, choice, p.answer_min, lambda c: c.figure_value and measure in norm(c.names)
            )
            if other is not None:
                return Decision("answer", other)
        noun = counted_asked(a.text) if declined and declined.reason == "measure" else ""
        written = count_of(noun, choice.text) if noun else ""
        if written:
            # "一共发了多少个案例": the leader counts 单位; the near entry of the amount its sentence
            # writes next to 案例 (70个, or 20多个 of 20多个方面) answers
            other = self._other_choice(
                a, curated, choice, p.clarify_min, lambda c: c.figure_value in (written, written + noun)
            )
            if other is not None:
                return Decision("answer", other)
        head = (
            measure_head(a, self.context.report_norm)
            if declined is not None
            and declined.reason in ("unstated", "absent")
            and a.wants_figure
            and choice.figure_value
            else ""
        )
        if head and declined.detail == head:
            # "网上能办的事项，零跑动的有多少": the leader (网上可办数) does not measure what is
            # counted (跑动); a near figure that does, and that no rule declines, answers
            norm = self.context.normalize or normalize
            other = self._other_choice(
                a, curated, choice, p.answer_min, lambda c: bool(c.figure_value) and norm(head) in norm(c.names)
            )
            if other is not None:
                return Decision("answer", other)
        if declined is not None:
            return Decision("decline", choice, declined)
        return Decision("answer", choice)

    def _none_ranked(self, a: Analysis, options: list[Candidate]) -> Decision | None:
        """The measure decline of a rank asked when every near entry is declined for it."""
        if a.intent.measure != "rank":
            return None
        choices = [self._entry_choice(o) for o in options]
        declines = [first_decline(a, c, self.context) for c in choices]
        if all(d is not None and d.reason == "measure" for d in declines):
            return Decision("decline", choices[0], declines[0])
        return None

    def _one_passage(self, a: Analysis, options: list[Candidate]) -> Choice | None:
        """The entry that answers when the near entries all stand on one passage: a check of a
        claim is judged against it ("有无房证明现在能网上开不"), and a thing asked, no figure
        ("湘易办…接咯么子应用进去哒"), is told by it; None when several things are asked."""
        if _SEVERAL_RE.search(a.raw) or not self._one_source(options):
            return None
        checked = a.intent.yes_no and not a.numbers  # (a number checked is of one figure: 93% or 56.8%)
        if not (checked or (not a.wants_figure and _THING_ASKED_RE.search(a.text))):
            return None
        told = [c for c in options if not self.knowledge.entries[c.id].is_metric]
        return self._entry_choice((told or options)[0])

    def _one_source(self, options: list[Candidate]) -> bool:
        """Whether two or more entries all stand on one report passage: the longest source
        holds every other ("持续落实…责任制。全面推行“普法+案例”…" holds "全面推行“普法+案例”…")."""
        entries = self.knowledge.entries
        if len(options) < 2 or any(o.id not in entries for o in options):
            return False
        sources = sorted({normalize(entries[o.id].source) for o in options}, key=len)
        return all(s in sources[-1] for s in sources)

    def _nearest_named(self, a: Analysis, options: list[Candidate]) -> Candidate | None:
        """Of near figures alike, the one named by the ask's measure: going out from the question
        word (the noun counted after it, then the words before it, nearest first), the first word
        that exactly one option's own words hold picks it; a word that all of them hold says
        nothing; one that none holds (another measure: "立法提案是多少") leaves it open."""
        if not a.wants_figure or len(options) < 2 or _SEVERAL_RE.search(a.raw):
            return None  # "A、B，还有C": several asked, each its own figure
        norm = self.context.normalize or normalize
        owns = [self._own_norm(o) for o in options]
        titles = [norm(self.knowledge.entries[o.id].title) for o in options]
        every = options
        before, after = measure_parts(a)
        for word in [*after, *reversed(before)]:
            word = norm(word)
            act = act_word(word)
            if act:  # "一共配了多少" of 配备执法记录仪 and 音像记录随案存档: the one option doing it
                holding = [o for o, own in zip(options, owns) if act in own]
                if len(holding) == 1:
                    return holding[0]
                continue
            if len(word) < 2 or TOTAL_WORDS_RE.fullmatch(word):
                continue
            if word in MEASURE_NEUTRAL and (_COUNT_WORD_RE.search(word) or sum(word in t for t in titles) != 1):
                # (市政府 names no measure, but one of "“三统一”市政府…数" and "“三统一”部门…数";
                # a count's word, 条数, never names one)
                continue
            holding = [o for o, own in zip(options, owns) if word in own]
            if len(holding) == 1:
                return None if self._other_named(a, holding[0], every) else holding[0]
            if not holding:
                return None  # "立法提案是多少": a word nearer the ask that no figure holds names another measure
            # "三统一的规范性文件市政府多少件": 市政府 is held by two of three (the contracts' clause
            # says 市委、市政府 too); the next word out (文件) decides between those two
            options, owns = holding, [own for o, own in zip(options, owns) if o in holding]
        return None

    def _other_named(self, a: Analysis, picked: Candidate, options: list[Candidate]) -> bool:
        """Whether the ask also names another option by a word of its title that the one picked
        lacks ("新增立法联系点意见建议条数": 新增 is 新增立法联系点数's): both are asked."""
        norm = self.context.normalize or normalize
        asked = norm(a.text)
        own = self._own_norm(picked)
        for option in options:
            if option is picked:
                continue
            title = norm(self.knowledge.entries[option.id].title)
            if any(
                len(w) >= 2 and w not in MEASURE_NEUTRAL and w in asked and w not in own for w in lexicon.segment(title)
            ):
                return True
        return False

    def _names_its_kind(self, a: Analysis, option: Candidate) -> bool:
        """Whether a name is asked ("…叫啥", "…什么名字") of a kind of thing the option is: a word
        for any practice (做法, 服务, 活动) or one of the option's own words."""
        asked = _NAME_ASKED_RE.search(a.text)
        if asked is None:
            return False
        words = [w for w in lexicon.segment(a.text[: asked.start()]) if len(w) >= 2]
        kind = words[-1] if words else ""
        return kind in _ANY_PRACTICE or (self.context.normalize or normalize)(kind) in self._own_norm(option)

    def _own_norm(self, candidate: Candidate) -> str:
        """An entry's own words (its clause or answer) and title, normalised."""
        norm = self.context.normalize or normalize
        return norm(self._entry_choice(candidate).own_text + " " + self.knowledge.entries[candidate.id].title)

    def _stated_metric(self, a: Analysis, choice: Choice) -> Choice | None:
        """The metric an explanation chosen for a figure ask states in the unit asked (the one
        figure of that unit in its answer, and the one metric of that value); None otherwise."""
        entry = self.knowledge.entries.get(choice.candidate.id)
        unit = a.intent.unit or ("元" if a.intent.measure == "money" else "")  # "两个亿": a sum in 元
        if not unit or choice.figure_value or entry is None or entry.is_metric:
            return None
        values = {f.value for f in stated_figures(entry.answer) if f.unit.endswith(unit)}
        metrics = [m for m in self.knowledge.metrics if m.value in values]
        if len(values) != 1 or len(metrics) != 1:
            return None
        counted = _COUNTED_AFTER_RE.search(a.text)
        noun = counted.group(1).lstrip(UNIT_CHARS) if counted else ""
        if noun and noun not in metrics[0].title:
            return None  # "几个方面" of an explanation stating 22个 (乡镇): another thing counted
        return self._entry_choice(Candidate(metrics[0].id, choice.candidate.score, metrics[0].title))

    def _untold(self, a: Analysis, options: list[Candidate]) -> list[Candidate]:
        """The options whose figure the message does not tell (a figure told is known): told
        before the question word, not a number checked after it ("…定了几项 是不是六项")."""
        text = convert_numerals(a.text)
        asked = _HOW_MANY_AT_RE.search(text)
        told = text[: asked.start()] if asked else ""
        entries = self.knowledge.entries
        return [o for o in options if not (entries[o.id].is_metric and convert_numerals(entries[o.id].value) in told)]

    def _stated_all_declined(self, a: Analysis, choice: Choice) -> Decline | None:
        """An explanation chosen for a figure ask ("法律援助一共帮了多少人") whose answer states
        figures of the kind asked (近30000人次, 370名) only of other measures: each of them, as
        the metric it is, is declined; so is the explanation: the report gives no such figure."""
        entry = self.knowledge.entries.get(choice.candidate.id)
        if not a.wants_figure or a.intent.yes_no or a.intent.measure not in ("people", "money") or choice.figure_value:
            return None
        if entry is None or entry.is_metric:
            return None
        values = {f.value for f in stated_figures(entry.answer)}
        metrics = [
            m
            for m in self.knowledge.metrics
            if m.value in values and measure_fits(a.intent.measure, a.intent.unit, m.unit, m.value)
        ]
        if not metrics:
            return None
        declines = [
            first_decline(a, self._entry_choice(Candidate(m.id, choice.candidate.score, m.title)), self.context)
            for m in metrics
        ]
        return Decline("measure", a.intent.measure) if all(d is not None for d in declines) else None

    def _other_choice(
        self, a: Analysis, curated: list[Candidate], chosen: Choice, least: float, fits, accept=None
    ) -> Choice | None:
        """The first near entry besides the one chosen, scoring at least `least`, that `fits` and
        whose decline `accept` takes (by default: that no rule declines)."""
        for other in curated:
            if other.id != chosen.candidate.id and other.score >= least:
                again = self._entry_choice(other)
                if fits(again) and (accept or _NOT_DECLINED)(first_decline(a, again, self.context)):
                    return again
        return None

    def _asking_clause(self, a: Analysis) -> Analysis:
        """The last clause of the message that asks (a question word or mark), read on its own;
        the whole when it is one clause or none asks."""
        parts = [c for c in CLAUSE_BREAK_RE.split(a.raw) if c.strip()]
        asking = [c for c in parts if _QUESTION_RE.search(c)]
        return self.analyze(asking[-1]) if len(parts) > 1 and asking else a

    def _metric_stated(self, a: Analysis, curated: list[Candidate]) -> Candidate | None:
        """ "首次不罚免掉的钱是多少": a figure of a kind asked, an explanation leads, and its answer
        states the figure of one near metric of that kind: the metric answers."""
        lead = self.knowledge.entries[curated[0].id]
        if lead.is_metric or not a.wants_figure or not (a.intent.measure or a.intent.unit) or a.intent.yes_no:
            return None
        near = {c.id: c for c in curated[1:] if c.score >= self.params.clarify_min}
        stated = [  # the figures of the kind asked that the explanation states
            e
            for e in self.knowledge.metrics
            if e.value in lead.answer
            and measure_fits(a.intent.measure, a.intent.unit, e.unit, e.value)
            and (not a.intent.unit or e.unit[-1:] == a.intent.unit)
        ]
        if len(stated) != 1:
            return None
        # the one figure of the kind asked that the explanation states: near, or not (then it
        # stands with the explanation's score, and the decline rules judge it: "法律援助花了多少钱"
        # is no question of the wages recovered)
        found = near.get(stated[0].id) or Candidate(stated[0].id, curated[0].score, stated[0].title)
        return found if self._fits(found, a) else None

    def _named_by_number(self, a: Analysis, options: list[Candidate]) -> Candidate | None:
        """The one option whose name has every number the ask writes, when the other options'
        names have numbers of their own (siblings told apart by a number)."""
        asked = set(_NAME_NUMBER_RE.findall(convert_numerals(a.cleaned)))
        if not asked or len(options) < 2:
            return None
        digits = [set(_DIGITS_RE.findall(self.knowledge.entries[c.id].title)) for c in options]
        having = [c for c, d in zip(options, digits) if asked <= d]
        others = [d for c, d in zip(options, digits) if c not in having]
        if len(having) == 1 and any(others):  # a sibling named by another number
            return having[0]
        return None

    def _report_words(self, a: Analysis) -> set[str]:
        """The words of the ask that the report uses, names of nothing in particular left out."""
        report = self.context.report_norm
        return {
            w
            for w in lexicon.segment(a.core)
            if len(w) >= 2 and occurs(w, report) and w not in MEASURE_NEUTRAL and w not in PLACEHOLDERS
        }

    def _sentence_over_options(
        self, a: Analysis, options: list[Candidate], sentences: list[Candidate]
    ) -> Choice | None:
        """ "哪个部门采纳了四度融合柔性执法的经验做法": of near entries, the one holding every
        report word of the ask (采纳) answers; when none does, the best report sentence that
        holds them all; a choice between the entries only when neither is so."""
        words = self._report_words(a)
        if a.wants_figure or (len(words) < MIN_DESCRIBED_WORDS and max(map(len, words), default=0) < NAMING_WORD_CHARS):
            return None  # two of the report's words, or one long enough to name a thing (营业执照)
        norm = self.context.normalize
        entries = self.knowledge.entries
        said = {c.id: norm(f"{entries[c.id].answer} {entries[c.id].title}") for c in options}
        holding = [c for c in options if all(w in said[c.id] for w in words)]
        if len(holding) == 1:
            return self._entry_choice(holding[0])  # the one near entry that says all the ask says
        if holding:
            return None
        sentences = sentences or self.report.candidates(a)[0]  # skipped when an entry was sure
        if not sentences:
            return None
        best = max(sentences, key=lambda c: c.score)
        return self._report_choice(best, a) if self._holds(best, words) else None

    def _fuller_sentence(self, a: Analysis, choice: Choice, best: Candidate) -> Choice:
        """ "四度融合的经验被哪个部门采纳了": an explanation that lacks a word of the ask (采纳)
        gives way to the report's sentence that has every word of the ask the report uses."""
        words = self._report_words(a)
        norm = self.context.normalize
        if not words or all(w in norm(choice.text) for w in words):
            return choice
        sentence = self.report.sentence(best.id)
        if sentence is None or not all(w in norm(sentence.text) for w in words):
            return choice
        return self._report_choice(best, a)

    def _described(self, a: Analysis, pool: list[Candidate]) -> Choice | None:
        """A thing described in the asker's own words ("搞实战、防风险的那几个中心叫什么"):
        the best sentence answers when it holds every word of the ask that the report uses
        (at least MIN_DESCRIBED_WORDS of them), whatever the words the report never uses."""
        known = self._report_words(a)
        best = pool[0]
        if not known:
            return None
        if not self._holds(best, known):
            return self._described_by_most(a, pool, known)
        if len(known) >= MIN_DESCRIBED_WORDS:
            return self._report_choice(best, a)
        # a name asked ("那种…的普法方式叫啥"): the sentence that names such a thing in quotes,
        # well ahead of the next one that could answer too (naming something, holding the
        # ask's words of the report), answers with the report's own words
        if a.intent.wants_list:  # "是哪几个中心": the sentence naming several of them
            names = lambda c: self._names(c, known) >= 2  # noqa: E731
        else:
            names = lambda c: self._names(c) >= 1  # noqa: E731
        if not ((a.intent.asks_name or a.intent.wants_list) and names(best)):
            return None
        called = _CALLED_RE.search(a.text) or a.intent.wants_list
        rivals = [c for c in pool[1:] if not called or (names(c) and self._holds(c, known))]
        if not rivals:
            return self._report_choice(best, a)  # the one sentence that could answer
        if best.score - rivals[0].score >= self.params.named_lead:
            return self._report_choice(best, a)
        # "一点一点滴进去的普法方式": of sentences alike in the report's words, the one alone in
        # holding the most of the asker's other characters (滴 of 滴灌式普法)
        held = sorted(((self._asker_chars_held(c, a, known), c) for c in [best, *rivals]), key=lambda h: -h[0])
        if held[0][0] > 0 and held[0][0] > held[1][0]:
            return self._report_choice(held[0][1], a)
        return None

    def _asker_chars_held(self, candidate: Candidate, a: Analysis, known: set[str]) -> int:
        """How many characters of the ask, beyond the report's words it uses and words of asking,
        a report sentence holds."""
        text = self._sentence_norm(candidate)
        own = set(a.core) - set("".join(known)) - _ASKING_CHARS
        return sum(ch in text for ch in own)

    def _described_by_most(self, a: Analysis, pool: list[Candidate], known: set[str]) -> Choice | None:
        """A name asked of a description some of whose words the report uses elsewhere ("渔业管理
        搞信息化、被推荐去评全国示范项目的那个叫啥"): the one sentence naming something that holds
        most of them (params.described_share at least, more than any other such sentence) answers."""
        if not a.intent.asks_name or len(known) < MIN_DESCRIBED_WORDS:
            return None
        held = [
            (sum(w in self._sentence_norm(c) for w in known), c)
            for c in pool[: self.params.described_pool]
            if self._names(c)
        ]
        if not held:
            return None
        held.sort(key=lambda h: -h[0])
        most, best = held[0]
        if most / len(known) < self.params.described_share or (len(held) > 1 and held[1][0] >= most):
            return None
        return self._report_choice(best, a)

    def _sentence_text(self, candidate: Candidate) -> str:
        sentence = self.report.sentence(candidate.id) if candidate.from_report else None
        return sentence.text if sentence else ""

    @cached_property
    def _normalized(self) -> dict[str, str]:
        """Each report sentence's text, normalised (by sentence id; built on first use)."""
        return {s.id: self.context.normalize(s.text) for s in self.knowledge.report_text.sentences}

    def _sentence_norm(self, candidate: Candidate) -> str:
        sentence = self.report.sentence(candidate.id) if candidate.from_report else None
        return self._normalized.get(sentence.id, "") if sentence else ""

    def _holds(self, candidate: Candidate, words: set[str]) -> bool:
        text = self._sentence_norm(candidate)
        return bool(text) and all(w in text for w in words)

    def _names(self, candidate: Candidate, holding: set[str] = frozenset()) -> int:
        """How many things a report sentence names in quotes (holding one of `holding`, if given)."""
        names = _NAMED_RE.findall(self._sentence_text(candidate))
        norm = self.context.normalize
        return sum(1 for n in names if not holding or any(w in norm(n) for w in holding))

    def _ordinal_asked(self, a: Analysis, options: list[Candidate]) -> Candidate | None:
        """ "第几次常务会议", "哪次会上通过的": of the near entries, the one figure that is an
        ordinal (第7次) answers; None when none or several are."""
        if not _ORDINAL_ASKED_RE.search(a.text):
            return None
        kb = self.knowledge
        found = [c for c in options if kb.entries[c.id].is_metric and _ORDINAL_VALUE_RE.match(kb.entries[c.id].value)]
        return found[0] if len(found) == 1 else None

    def _checked_option(self, a: Analysis, options: list[Candidate]) -> Candidate | None:
        """The one near metric a check's number without a unit could be: of its order of size
        ("两千多万" of 2000余万元, never 6125家); None when none or several are."""
        if not (a.intent.yes_no and a.numbers) or a.numbers[-1].unit:
            return None
        asked = a.numbers[-1].anchor or a.numbers[-1].low or a.numbers[-1].high
        if not 0 < asked < math.inf:
            return None
        sized = []
        for option in options:
            entry = self.knowledge.entries[option.id]
            if entry.is_metric and entry.number:
                value = entry.number * scale_of(entry.unit)
                if value > 0 and abs(math.log10(asked) - math.log10(value)) < 1:
                    sized.append(option)
        return sized[0] if len(sized) == 1 else None

    def _change_option(self, a: Analysis, options: list[Candidate]) -> Candidate | None:
        """The one near metric that measures a change (压缩率, 同比下降), when a change is asked;
        None when none or several do."""
        if not CHANGE_ASKED_RE.search(a.text):
            return None
        changes = [o for o in options if CHANGE_ASKED_RE.search(self._entry_choice(o).own_text)]
        return changes[0] if len(changes) == 1 else None

    def _kind_fits(self, candidate: Candidate, a: Analysis) -> bool:
        """A figure question takes a metric, a "what / who / which" question an explanation."""
        metric = self.knowledge.entries[candidate.id].is_metric
        if a.wants_figure:
            return metric and self._fits(candidate, a)
        if a.kind in ("description", "list"):
            # "涉及哪些方面": the figure counting 方面 lists them ("涉及生态环境保护、…等20多个方面")
            counted = _COUNTED_NOUN_RE.search(a.text) if metric else None
            return not metric or (counted is not None and self._counts(candidate, counted.group(1)))
        if a.intent.kind == "lookup" and names_measure_word(a.core):
            return metric  # "乡镇综合执法初评通过数": a measure named, a figure looked up
        return True

    def _measured(self, candidate: Candidate, a: Analysis) -> bool:
        """Whether an entry is of the measure the ask names, if it names one ("钱呢 是不是三百多万"
        is money, never the count of people just given)."""
        entry = self.knowledge.entries[candidate.id]
        measure = a.intent.measure
        return not (entry.is_metric and measure) or measure_fits(measure, a.intent.unit, entry.unit, entry.value)

    def _code_elsewhere(self, candidate: Candidate, a: Analysis) -> bool:
        """Whether the ask names a code of letters and digits ("CCTV-13") that the entry does
        not write and the report writes elsewhere: a name one digit apart is another thing. A
        check ("是CCTV-13吧") is judged against the answer just given, so it never is."""
        codes = [c for c in _CODE_RE.findall(self.context.normalize(a.raw)) if c in self.context.report_norm]
        if a.intent.yes_no or not codes:
            return False  # (most follow-ups name no code: the entry's text is not read)
        entry = self.knowledge.entries[candidate.id]
        written = self.context.normalize(" ".join((entry.title, *entry.phrasings, entry.answer, entry.source)))
        return any(code not in written for code in codes)

    def _fits(self, candidate: Candidate, a: Analysis) -> bool:
        """Whether an entry gives the kind of figure asked ("多少家" → a count in 家)."""
        entry = self.knowledge.entries[candidate.id]
        if not entry.is_metric or not a.wants_figure:
            return True
        # "多少个" of 项, unless a noun counted follows ("几个联系点" is no count of 条)
        named = _COUNTED_AFTER_GE_RE.search(a.text)
        generic = (
            a.intent.unit == "个"
            and measure_of_figure(entry.unit, entry.value) == "count"
            and (named is None or named.group(1)[:2] in entry.title)
        )
        if (
            a.intent.unit
            and entry.unit[-1:] != a.intent.unit
            and not entry.unit.startswith(a.intent.unit)
            and not generic
        ):
            return False  # "多少个方面" counts in 个 what "20多个方面" counts
        counted = _COUNTED_NOUN_RE.search(a.text)
        if counted and not self._counts(candidate, counted.group(1)):
            return False  # "涉及多少个方面" is not answered by a count of cases
        if a.intent.measure == "rank" and RANK_WORDS_RE.search(entry.answer):
            return True  # "压缩率在全省排第几": its sentence ranks it in words (处于全省前列)
        return measure_fits(a.intent.measure, a.intent.unit, entry.unit, entry.value)

    def _agreed(
        self, a: Analysis, curated: list[Candidate], options: list[Candidate], sentences: list[Candidate]
    ) -> Choice | None:
        """Two weak signals that agree make one answer: the best report sentence is the source
        of the best entry (or of every "您是想问" option). A figure question takes the entry when
        it is a metric; otherwise the sentence answers, with everything the options name."""
        p = self.params
        if not curated or not sentences or sentences[0].score < p.agree_min or curated[0].score < p.clarify_min:
            return None
        sentence = self.report.sentence(sentences[0].id)
        if sentence is None or sentences[0].missing > 1 - p.content_min:
            return None

        def sourced(candidate: Candidate) -> bool:
            source = self.knowledge.entries[candidate.id].source
            return bool(source) and (source in sentence.text or sentence.text in source)

        pool = options or curated[:1]
        if not all(sourced(c) for c in pool):
            return None
        top = self.knowledge.entries[curated[0].id]
        if (
            a.wants_figure
            and top.is_metric
            and sourced(curated[0])
            and (len(pool) == 1 or curated[0].score - curated[1].score > 0)
        ):
            return self._entry_choice(curated[0])
        return self._report_choice(sentences[0], a)

    # --- choices and replies ---------------------------------------------------------------

    def _entry_choice(self, candidate: Candidate) -> Choice:
        entry = self.knowledge.entries[candidate.id]
        # An admin's phrasing says what the entry answers (高新区审批下放情况怎样): part of its evidence.
        evidence = " ".join((entry.title, entry.answer, entry.source, *entry.phrasings))
        own = f"{entry.title} {entry.answer}"
        if entry.is_metric:
            own = f"{entry.title} {self.entry_clause.get(entry.id, entry.answer)}"
        return Choice(
            candidate,
            evidence,
            entry.value if entry.is_metric else "",
            entry.unit,
            # a figure lists its members only in its own clause ("市市监局、市科学技术局等11个单位"),
            # not where its sentence lists other things ("政协委员、人民团体…新增5个立法联系点")
            bool(_LIST_MARK_RE.search(own if entry.is_metric else entry.answer + entry.source)),
            own,
            " ".join((entry.title, *entry.phrasings)),
            entry.title,
            f"{entry.answer} {entry.source}",
        )

    def _counts(self, candidate: Candidate, noun: str) -> bool:
        """Whether a curated entry's figure counts `noun` (its value or title says it)."""
        entry = self.knowledge.entries[candidate.id]
        return noun in entry.value or noun in entry.title

    def _report_choice(self, candidate: Candidate, a: Analysis) -> Choice:
        sentence = self.report.sentence(candidate.id)
        figure = candidate.figure
        if figure is not None and a.intent.measure == "rank" and figure.kind != "rank":
            figure = None  # a rank asked: the sentence's own words (处于全省前列) answer it
            candidate = Candidate(candidate.id, candidate.score, candidate.row, candidate.missing)
        elif figure is None and a.wants_figure and sentence.figures and a.intent.measure != "rank":
            figure = self._best_figure(sentence, a)
            candidate = Candidate(candidate.id, candidate.score, candidate.row, candidate.missing, figure)
        return Choice(
            candidate,
            sentence.text,
            figure.value if figure else "",
            figure.unit if figure else "",
            bool(_LIST_MARK_RE.search(sentence.text)),
            figure.own_words if figure else sentence.text,
        )

    def _best_figure(self, sentence, a: Analysis):
        """The figure of a sentence that measures what is asked and whose clause fits best."""
        norm = self.context.normalize
        core = set(a.core)
        return max(
            sentence.figures,
            key=lambda f: (
                measure_fits(a.intent.measure, a.intent.unit, f.unit, f.value),
                len(core & set(norm(f.clause))),
            ),
        )

    def _compose(self, a: Analysis, choice: Choice, kind: str | None = None) -> Response:
        kb = self.knowledge
        candidate = choice.candidate
        if candidate.from_report:
            sentence = self.report.sentence(candidate.id)
            yes = verdict(a, sentence.text, candidate.figure) if a.intent.yes_no or a.checks_number else None
            reply = answers.answer_report(kb, sentence, candidate.figure, candidate.score, yes, kind or "report")
            lead = self._naming_lead(sentence) if a.intent.asks_name and candidate.figure is None else None
            if lead is not None:
                # "执法单位发典型案例、一点点滴进去的那种普法方式叫什么": the practice is named in the
                # short sentence right before the one that tells what it did
                named = answers.answer_report(kb, lead, None, candidate.score, None, kind or "report")
                return answers.combined(kb, [named, reply])
            return reply
        entry = kb.entries[candidate.id]
        figure = entry if entry.is_metric else stated_figure(entry.answer, a)
        yes = verdict(a, choice.text, figure, choice.stated) if a.intent.yes_no or a.checks_number else None
        return answers.answer(kb, entry, candidate.score, kind or "entry", yes)

    def _naming_lead(self, sentence):
        """The sentence right before `sentence` in its part, when it is short and names a
        practice in quotes (全面推行“普法+案例”滴灌式普法。) and `sentence` tells what was done."""
        sentences = self.knowledge.report_text.sentences
        at = next((k for k, x in enumerate(sentences) if x.id == sentence.id), 0)
        before = sentences[at - 1] if at > 0 else None
        if (
            before is None
            or before.subsection != sentence.subsection
            or len(before.text) > MAX_NAMING_LEAD
            or not _QUOTED_NAME_RE.search(before.text)
        ):
            return None
        return before

    def _reply(self, a: Analysis, decision: Decision) -> Response:
        kb = self.knowledge
        if decision.status == "answer":
            return self._compose(a, decision.choice)
        if decision.status == "clarify":
            entries = [kb.entries[c.id] for c in decision.options]
            if (
                a.intent.wants_list
                and not a.wants_figure
                and len(entries) >= 2
                and not any(e.is_metric for e in entries)
            ):
                # "CCTV报道过益阳哪些事": the things near the ask, each an answer, are what it lists
                return answers.combined(kb, [answers.answer(kb, e, c.score) for e, c in zip(entries, decision.options)])
            figures = [(e, c.score) for e, c in zip(entries, decision.options) if e.is_metric]
            if entries[0].is_metric and _one_clause([e for e, _ in figures]) and not _kind_asked(a):
                # "农民工讨薪的呢": the figures of one clause (370名, 317万余元), no kind asked: both
                return self._in_report_order(figures, "entry")
            return answers.clarify(kb, entries, decision.options[0].score)
        declined = decision.decline
        if declined.reason == "elsewhere":
            # "两法衔接平台行政执法案件数量全省排第几": ranked in another clause, whose sentence answers
            held = self.ranked_in.get(declined.detail)
            if held is not None:
                return answers.answer_report(
                    kb, held, None, decision.choice.candidate.score if decision.choice else 1.0
                )
        near = None
        options = [answers.suggestion(kb.entries[c.id]) for c in decision.options if not c.from_report]
        if decision.choice is not None:
            near = self._compose(a, decision.choice)
            options = options or [self._suggestion(decision.choice.candidate)]
        elif decision.options and decision.options[0].from_report:
            near = self._compose(a, self._report_choice(decision.options[0], a))
        return answers.decline(kb, declined.reason, declined.detail, near, options, covered=self.covered)

    def _suggestion(self, candidate: Candidate) -> answers.Suggestion:
        """A button for a candidate: the entry's question, or the report passage's heading."""
        if not candidate.from_report:
            return answers.suggestion(self.knowledge.entries[candidate.id])
        sentence = self.report.sentence(candidate.id)
        return answers.Suggestion(candidate.id, f"看原文：{sentence.subsection or sentence.section or '相关段落'}")

    def _area(self, text: str) -> Response | None:
        """ "X方面做了什么": that part of the report, when a heading names X; "X方面的几个数字":
        the figures of that part, each with its own clause."""
        figures_of = find_area_figures(text)
        words = figures_of or find_area(text)
        if not words or (not figures_of and (_RANKED_RE.search(words) or RANK_ASKED_RE.search(text))):
            # "刑事破案数同比全省排名怎么样", "执法记录仪在全省排得怎么样": a rank asked, not a part
            return None
        pieces = [w for w in _AREA_JOIN_RE.split(words) if len(w) >= 2]
        if len(pieces) >= 2 and not figures_of:
            # "规范性文件和合同审查这块有啥举措": two areas, each its own part of the report
            found = [self._heading_of(w) for w in pieces]
            held = [f for f in found if f is not None]
            found = [f or next((h for h in held if self._part_holds(h[0], w)), None) for f, w in zip(found, pieces)]
            if all(found):  # one part holding both ("规范性文件和合同审查"): that part
                found = list({f[0]: f for f in found}.values())
                replies = [self._area_reply(f, False) for f in found]
                return replies[0] if len(replies) == 1 else answers.combined(self.knowledge, replies)
        best = self._heading_of(words)
        if best is None:
            return self._thing_in_sentences(words, figures=bool(figures_of))
        return self._area_reply(best, bool(figures_of))

    def _listed_across(self, a: Analysis, whole: Response) -> Response | None:
        """ "央视报道过益阳的两个栏目分别叫啥": a list whose members the report tells of in several
        sentences, each with every word of the ask the report writes (报道, 栏目): those
        sentences, verbatim, unless the reply found already holds them all."""
        if not (a.intent.wants_list or _EACH_ASKED_RE.search(a.text)) or a.intent.yes_no:
            return None
        if whole.status == "fallback" and whole.kind != "nomatch":
            return None  # declined for a reason ("具体是哪些企业": the report gives the count only)
        report = self.context.report_norm
        words = [
            w
            for w in dict.fromkeys(lexicon.segment(a.core))
            if len(w) >= 2 and _THING_WORD_RE.fullmatch(w) and w in report and w not in _NOT_A_THING
        ]
        if len(words) < MIN_LIST_WORDS and not (words and _LATIN_RE.fullmatch(words[0])):
            return None  # (one name in letters, "cctv", is a thing of its own: "CCTV上过哪些节目")
        sentences = [x for x in self.knowledge.report_text.sentences if not x.is_lead]
        held = [x for x in sentences if all(w in self._normalized[x.id] for w in words)]
        if not MIN_THING_SENTENCES <= len(held) <= MAX_THING_SENTENCES:
            return None
        if not any(sum(w in self._normalized[x.id] for x in sentences) <= MAX_THING_SENTENCES for w in words):
            return None  # "法治政府建设有哪些亮点": words of the whole report, no thing of a few sentences
        if all(clean(x.text)[:12] in clean(whole.text) for x in held):
            return None  # the reply found tells of them all
        written = self.knowledge.report_text.text.upper()
        label = "、".join(w.upper() if _LATIN_RE.fullmatch(w) and w.upper() in written else w for w in words)
        return answers.area(self.knowledge, label, held[0].section, held, [])

    @cached_property
    def _part_texts(self) -> dict[str, str]:
        """Each part's sentences, normalised and joined (what a part of the report tells of)."""
        told: dict[str, str] = {}
        for x in self.knowledge.report_text.sentences:
            told[x.subsection] = told.get(x.subsection, "") + self._normalized[x.id]
        return told

    def _honours_of(self, text: str) -> Response | None:
        """ "调解这块益阳得了哪些荣誉": the sentences telling of an honour (获评, 称号) whose
        part of the report tells of the area, verbatim; None when the area holds none or too many
        for an answer (the report's honours as a whole are another question)."""
        words = find_area_honours(text)
        pairs = self._area_pairs(words) if words else set()
        if not pairs:
            return None
        norm = self.context.normalize
        told = self._part_texts
        held = [
            x
            for x in self.knowledge.report_text.sentences
            if _HONOUR_RE.search(x.text)
            and (_share(pairs, self._normalized[x.id]) >= 1.0 or _share(pairs, told[x.subsection]) >= 1.0)
        ]
        if not 1 <= len(held) <= MAX_THING_SENTENCES:
            return None
        return answers.area(self.knowledge, norm(words) or words, held[0].section, held, [])

    def _thing_in_sentences(self, words: str, figures: bool = False) -> Response | None:
        """ "重大行政决策方面呢": no part of the report is the area, but a thing the report tells
        of in several sentences (not a measure's name): those sentences, verbatim; `figures`
        ("法律援助的几个数"): the figures of the sentences telling of it, one sentence or more."""
        if _MEASURE_NAME_RE.search(words) or _RANKED_RE.search(words):
            return None
        asked = normalize(words, self.knowledge.synonyms)
        pairs = {asked[i : i + 2] for i in range(len(asked) - 1)}
        if not pairs or not all(p in self.context.report_norm for p in pairs):
            return None  # the asker's own words for it: the retrieval's business
        held = [
            x
            for x in self.knowledge.report_text.sentences
            if not x.is_lead and _share(pairs, self._normalized[x.id]) >= 1.0
        ]
        if figures and 1 <= len(held) <= MAX_THING_SENTENCES and sum(len(x.figures) for x in held) >= 2:
            return answers.area_figures(self.knowledge, asked, held[0].section, held)
        if figures or not MIN_THING_SENTENCES <= len(held) <= MAX_THING_SENTENCES:
            return None
        return answers.area(self.knowledge, asked, held[0].section, held, [])

    def _area_pairs(self, words: str) -> set[str]:
        """The character pairs of an area's words, normalised as the question is, that the report
        writes somewhere (the asker's own words, 老百姓, name no part of it)."""
        asked = normalize(words, self.knowledge.synonyms)  # the question's words: not kept
        pairs = {asked[i : i + 2] for i in range(len(asked) - 1)}
        # pairs inside its words ("执法|规范化": 法规 joins two words, it names nothing asked)
        inside = {w[i : i + 2] for w in lexicon.segment(asked) for i in range(len(w) - 1)}
        written = {p for p in pairs & inside if p in self.context.report_norm}
        return written if len(written) >= MIN_AREA_PAIRS else pairs

    def _part_holds(self, heading: str, words: str) -> bool:
        """Whether a part of the report (its heading and sentences) has nearly all the words."""
        pairs = self._area_pairs(words)
        return bool(pairs) and _share(pairs, self._area_texts.get(heading, "")) >= self.params.area_content_min

    def _heading_of(self, words: str) -> tuple[str, str, bool] | None:
        """The heading whose words the area's are, else the sub-section holding them."""
        norm = self.context.normalize
        pairs = self._area_pairs(words)
        if not pairs:
            return None
        best, best_score = None, 0.0
        for heading, section, is_section in self.headings:
            covered = _share(pairs, norm(heading))
            score = covered + 0.1 * covered * is_section  # a whole section when its title is asked
            if score > best_score:
                best, best_score = (heading, section, is_section), score
        if best is None or best_score < self.params.area_min:
            best = self._area_by_content(pairs)
            if best is None and not _MEASURE_NAME_RE.search(words) and not _RANKED_RE.search(words):
                # (a measure's name asks its figure; an area whose head the report never writes,
                # "城市绿化", is none of its parts)
                heads = [w for w in lexicon.segment(norm(words)) if len(w) >= 2]
                if heads and heads[-1] in self.context.report_norm:
                    best = self._area_by_concentration(pairs)
        return best

    def _area_reply(self, best: tuple[str, str, bool], figures_of: bool) -> Response:
        """That part of the report: its points (a section: its sub-headings too), or its figures."""
        heading, section, is_section = best
        sentences = self.knowledge.report_text.sentences
        if figures_of:
            under = [s for s in sentences if heading in (s.section, s.subsection) and not s.is_lead]
            return answers.area_figures(self.knowledge, heading, section, under)
        if is_section:
            parts = list(dict.fromkeys(s.subsection for s in sentences if s.section == heading and s.subsection))
            points = [s for s in sentences if s.section == heading and not s.is_lead]
            return answers.area(self.knowledge, heading, "", points, parts)
        points = [s for s in sentences if s.subsection == heading and not s.is_lead]
        return answers.area(self.knowledge, heading, section, points, [])

    def _heading_answered(self, reply: Response) -> Response | None:
        """A reply that is only a paragraph's lead ("强化执法监督实效。"), a heading echoed: that
        part of the report instead, its points under the heading."""
        if reply.status != "answer" or reply.figure is not None or not (reply.entry_id or "").startswith("report:"):
            return None
        lead = self.report.sentence(reply.entry_id)
        if lead is None or not lead.is_lead:
            return None
        sentences = self.knowledge.report_text.sentences
        if not any(s.subsection == lead.subsection and not s.is_lead for s in sentences):
            return None
        return self._area_reply((lead.subsection, lead.section, False), False)

    def _part_of_entry(self, a: Analysis, reply: Response) -> Response | None:
        """ "对企业执法这块有啥宽松点的做法": an area asked in the asker's words, answered by an entry
        that does not name it (its title lacks the area's words): the part of the report the
        entry comes from, its points; an entry naming the thing asked ("营商码这块") stays."""
        words = find_area(a.cleaned)
        if reply.status != "answer" or not words or a.wants_figure or a.intent.asks_name or a.intent.yes_no:
            return None
        if not _ACTIONS_ASKED_RE.search(a.cleaned):
            return None  # "能在网上开的证明有哪些": the things of one sentence, no part's doings
        if _MEASURE_NAME_RE.search(words) or _RANKED_RE.search(words):
            return None  # "网上可办率这块怎么样": a figure's name, asked how it went
        entry = self.knowledge.entries.get(reply.entry_id or "")
        if entry is None or (entry.is_metric and _HOW_IT_WENT_RE.search(a.cleaned)):
            return None  # "刑事破案数同比咋样": how a figure went is its figure
        if not entry.is_metric and normalize(words, self.knowledge.synonyms) in self.context.normalize(entry.title):
            return None  # the explanation of the very thing asked ("营商码这块"); a figure is no such answer
        found = self.knowledge.report_text.holding(entry.source)
        if not found or not found[0].subsection:
            return None
        part = found[0]
        points = [x for x in self.knowledge.report_text.sentences if x.subsection == part.subsection and not x.is_lead]
        if len(points) < MIN_PART_POINTS:
            return None
        return self._area_reply((part.subsection, part.section, False), False)

    def _area_by_content(self, pairs: set[str]) -> tuple[str, str, bool] | None:
        """ "规范性文件和合同审查这块有啥举措": no heading names the area, but one sub-section's
        heading and sentences hold nearly all its words, well ahead of every other, and no one
        sentence holds them all."""
        scored = []
        for heading, section, is_section in self.headings:
            if is_section:
                continue
            scored.append((_share(pairs, self._area_texts.get(heading, "")), heading, section))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < self.params.area_content_min:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < self.params.area_content_lead:
            return None
        if self._one_sentence_holds(scored[0][1], pairs):
            return None  # one sentence holds it all ("营商码", "网上可办率"): a thing, not an area
        return scored[0][1], scored[0][2], False

    def _area_by_concentration(self, pairs: set[str]) -> tuple[str, str, bool] | None:
        """ "地方立法方面都干了啥": no part holds all the asker's words, but the report writes them
        mostly in one sub-section (立法 in 坚持科学立法): the share of each pair's occurrences
        that stand there, averaged, is `area_concentration_min` or more and that many times any
        other's; and no one sentence holds them all (a thing, not an area)."""
        report = self.context.report_norm
        counted = {p: report.count(p) for p in pairs}
        counted = {p: n for p, n in counted.items() if n}
        if not counted:
            return None
        scored = sorted(
            (
                (sum(text.count(p) / n for p, n in counted.items()) / len(pairs), heading, section)
                for heading, section, is_section in self.headings
                if not is_section and (text := self._area_texts.get(heading, ""))
            ),
            reverse=True,
        )
        p = self.params
        if not scored or scored[0][0] < p.area_concentration_min:
            return None
        # the text under no sub-section (the opening summary) competes too, though no area itself:
        # "第一批…示范地区有哪些" is mostly its words, none of 三项制度's that share 第一批
        unsectioned = sum(self._unsectioned_text.count(q) / n for q, n in counted.items()) / len(pairs)
        runner_up = max(scored[1][0] if len(scored) > 1 else 0.0, unsectioned)
        if scored[0][0] < p.area_concentration_ratio * runner_up:
            return None
        if self._one_sentence_holds(scored[0][1], pairs):
            return None
        return scored[0][1], scored[0][2], False

    def _one_sentence_holds(self, subsection: str, pairs: set[str]) -> bool:
        """Whether one sentence of a sub-section holds nearly all the pairs: a thing, not an area."""
        return any(
            _share(pairs, self._normalized[x.id]) >= self.params.area_content_min
            for x in self.knowledge.report_text.sentences
            if x.subsection == subsection
        )

    @cached_property
    def _area_texts(self) -> dict[str, str]:
        """Each sub-section's heading and sentences, normalised."""
        norm = self.context.normalize
        texts: dict[str, list[str]] = {}
        for s in self.knowledge.report_text.sentences:
            if s.subsection:
                texts.setdefault(s.subsection, [s.subsection]).append(s.text)
        return {h: norm("".join(t)) for h, t in texts.items()}

    @cached_property
    def _unsectioned_text(self) -> str:
        """The sentences under no sub-section (a report's opening summary), normalised."""
        return self.context.normalize("".join(s.text for s in self.knowledge.report_text.sentences if not s.subsection))

    def _rough_figure_asked(self, a: Analysis) -> Response | None:
        """ "五千一百多人去考试那个是考啥": a rough figure asked about (what it is), when exactly
        one figure of the report falls in its range, in a unit that counts the same."""
        if a.intent.yes_no or len(a.rough) != 1 or not _WHAT_RE.search(a.text) or _HOW_MANY_RE.search(a.text):
            return None
        if a.intent.wants_list or members_asked(a.text):
            return None  # "那50余类证明材料具体是哪些/具体是什么": the members of what it counts, not what it is
        if MOST_ASKED_RE.search(a.text):
            return None  # "这六千多家企业里哪个行业的最多": which member stands first, not what it is
        asked = a.rough[0]

        def counts_alike(e) -> bool:  # in the unit asked; "三百多万是啥钱": of the kind asked
            if asked.unit:
                return not other_units(asked.unit, e.unit)
            kind = "money" if _MONEY_WORD_RE.search(a.text) else a.intent.measure
            return bool(kind) and measure_fits(kind, "", e.unit, e.value)

        found = [e for e in self.knowledge.metrics if counts_alike(e) and within(asked, e)]
        return answers.answer(self.knowledge, found[0], 1.0, "figure") if len(found) == 1 else None

    def _figures_of_part(self, cleaned: str) -> Response | None:
        """ "农民工那块呢": every figure the knowledge names after that part (370名, 317万余元);
        "按跑动次数分各有多少项": every figure named after what it is split by (零跑动, 跑动1次…)."""
        m = _PART_ASKED_RE.match(cleaned) or _SPLIT_BY_RE.search(cleaned)
        if m is None:
            return None
        norm = self.context.normalize
        part = norm(m.group(1))
        found = [e for e in self.knowledge.metrics if part and part in norm(e.title)]
        if not 2 <= len(found) <= MAX_PART_FIGURES:
            return None
        kb = self.knowledge
        return answers.combined(kb, [answers.answer(kb, e, 1.0, "entry") for e in found])

    def _comparison(self, comparisons: list[Comparison]) -> Response | None:
        """ "A和B哪个多": both figures, side by side, from the first reading whose two subjects
        both answer (`find_comparisons`); the larger named only when certain."""
        answered = unsplit = None
        for found in comparisons:
            readings = [(found.first, found.second)] + (
                [(found.first_alt, found.second_alt)] if found.first_alt else []
            )
            for questions in readings:
                parts = [self._single(self.analyze(q)) for q in questions]
                if unsplit is None and _parts_of_one(parts):
                    unsplit = parts  # "民事的多还是刑事的多": each side a part of one figure, not given
                if all(p.status == "answer" and p.figure is not None for p in parts):
                    if parts[0].entry_id != parts[1].entry_id:
                        if larger_of(parts[0].figure, parts[1].figure) is not None:
                            return self._compared(found, parts)  # two figures of one kind: comparable
                        answered = answered or (found, parts)
        # "调解和好的比例与诉前调解成功率": of the cuts, one giving two figures of one kind
        # (above) is the comparison meant; else the first whose subjects both answer
        if answered:
            return self._compared(*answered)
        return answers.lacking_each(self.knowledge, unsplit) if unsplit else None

    def _compared(self, found: Comparison, parts: list[Response]) -> Response:
        """Both figures of a comparison, side by side; which is larger said only when certain."""
        larger = larger_of(parts[0].figure, parts[1].figure)
        verdict = None  # "A比B高吗": 是的 when A is the larger (不是 when B is)
        if found.same:  # "A和B一样多吗": 是的 only for one exact number in one kind of unit
            equal = same_figure(parts[0].figure, parts[1].figure)
            verdict = True if equal else (False if larger is not None else None)
            return answers.compared(self.knowledge, parts, larger, found.more, verdict, equal)
        if found.claim and larger is not None:
            verdict = larger == (0 if found.more else 1)
        return answers.compared(self.knowledge, parts, larger, found.more, verdict)

    def _compound(self, a: Analysis, explicit: bool, figures: bool = False, nested: bool = True) -> Response | None:
        """Several asks in one message, each answered on its own, in the order asked.
        `explicit`: only the splits the message marks (分别, 各, 列一下, separate questions); of
        those, a part the report does not answer is named as missing and the rest answered
        (when at least two are answered). Other splits (tried when the whole message gets no
        answer) are kept only when every part is answered (`figures`: two of them with a figure)."""
        partial = lossy = whole = unsplit = refused = lacked = None
        named = self._named_split(a) if explicit else None
        for split in ((named,) if named else ()) + a.splits:  # names the pack knows: the surest cut
            if split.explicit != explicit or (not explicit and not _ask_their_own(split.own or split.parts)):
                continue
            if whole is not None and len(split.parts) <= len(whole):
                continue  # it cannot answer more parts than the reading already answering every one
            if a.wants_figure and kinds_of_one_list(split.own or split.parts, self.knowledge.report):
                continue  # "70个典型案例里A、B、C各有几个": kinds the report counts together, a breakdown
            first = clean(split.parts[0])
            if (
                len(split.parts) == 2
                and _WHAT_ABOUT_RE.fullmatch(first)
                and not _ASKS_SOMETHING_RE.search(first)
                and not _ANOTHER_ASK_RE.match(split.parts[1])
            ):
                continue  # "那公安那边呢 | 打造了哪几个中心": what it is about, then the ask: one ask
            parts, missing, repeats, told, declined = [], [], 0, None, []
            keywords: set[int] = set()
            context = Conversation()  # later parts read as follow-ups of the first ("提了多少条意见呢")
            for k, text in enumerate(split.parts):
                most = len(parts) + len(split.parts) - k  # the most parts that can still be answered
                if missing and (most < MIN_PARTS_ANSWERED or most <= len(missing)):
                    break  # a part is missing and too few are left to answer in part: no need to ask them
                asked = self.analyze(text)
                each = self._nested(asked) if nested and len(split.parts) >= 2 else None
                if each is not None:
                    # "…一共多少项？零跑动的和只跑一次的又各是多少项？": a part asking each of several
                    taken = {_answered(p) for p in parts}
                    parts += [p for p in each.parts if _answered(p) not in taken]
                    continue
                looked_up = parse_figure_query(asked.text) if not asked.intent.yes_no else None
                # "3000余项是什么事项？50余类又是什么的类数？": each a figure looked up
                reply = self._figure(*looked_up) if looked_up else self._single(asked, context, 0.0)
                # "…接了多少业务应用和服务场景，园区又赋权了多少项": a part joining two measures
                reply = self._joined_measures(asked, reply) or reply
                if asked.intent.kind == "figure" and not _states_asked_figure(reply, text):
                    # "…涉及多少方面" answered by an explanation that states no such figure
                    reply = replace(reply, status="fallback")
                if k and kind_checked(text):
                    # "近2万件是指什么 | 是案子数吗": a check of the kind of the figure before it,
                    # never a figure looked up alone (是的 on 刑事破案数 110%)
                    reply = replace(reply, status="fallback")
                if not explicit and _tells_before_ask(split.parts, k, reply.figure is not None):
                    # "群众都说快 | 这个承诺时限整体压缩了多少": a clause that asks nothing and names
                    # no measure, before one that asks, is said, not asked
                    reply = replace(reply, status="fallback")
                taken = {_answered(p) for p in parts}
                judged = reply.answer.startswith(("是的", "不是"))  # "是不是全部都能网上办": 是的 of 100%
                if (
                    parts
                    and asked.intent.yes_no
                    and not asked.numbers
                    and not judged
                    and self._checks_before(split.parts[k - 1], text, taken)
                ):
                    repeats += 1  # "…配了多少台，是不是每个执法的都有": a check of the figure just given
                    continue
                if reply.status != "answer" and "，" in text:
                    # "网上能办的事项里，零跑动的多少": the last clause asks, the first names the whole
                    again = self._single(self.analyze(text.rsplit("，", 1)[1]), None, 0.0)
                    if again.status == "answer" and _answered(again) not in taken:
                        reply = again
                if k and (reply.status != "answer" or _answered(reply) in taken or _MEASURE_ONLY_RE.match(text)):
                    # "…多少起纠纷，成功的比例有多高", "诉前调解案例数 调解成功率": a part with no
                    # subject of its own is heard with the part just before, then the first
                    own = split.own[k] if split.own else text  # as written, not with the first's subject
                    heard = None  # "…是涨了还是降了，幅度多少": the part's own measure of a subject before it
                    for before in dict.fromkeys((split.parts[k - 1], split.parts[0])):
                        again = self._heard_with(before, own)
                        if asked.intent.kind == "figure" and not _states_asked_figure(again, own):
                            continue
                        if again.status == "answer" and _answered(again) not in taken:
                            reply = again
                            break
                        if (
                            again.status == "answer"
                            and _names_nothing(self.analyze(own).core)
                            and _answered(again) in taken
                        ):
                            reply = again  # "…有哪些单位，一共几个": the same figure asked again, a repeat
                            break
                        heard = heard or (again if again.status == "answer" else None)
                    else:
                        followed = self._single(self.analyze(own), context, 0.0) if parts else None
                        if (
                            followed is not None
                            and followed.status == "answer"
                            and followed.kind == "followup"
                            and _answered(followed) not in taken
                        ):
                            reply = followed  # "…了多少件？部门的呢": the part as a follow-up of the first
                        elif heard is not None and _MEASURE_ONLY_RE.match(text) and not self._same_topic(reply, parts):
                            reply = heard  # a measure with no subject of its own, answered of another topic
                if _quoted_as_context(reply, asked) and not _POINTING_BACK_RE.search(a.text):
                    # "6125家企业首次不罚，罚款少收了多少": what the asker already knows; the
                    # asks after it are heard as its follow-ups
                    told = told or reply
                    if not parts:
                        context.remember(reply.entry_id, 0.0)
                    continue
                if reply.status == "answer" and _answered(reply) in {_answered(p) for p in parts}:
                    repeats += 1
                    continue  # one figure asked twice ("问话的屋子跟开听证的房间", "多少台，是不是四千多台")
                if reply.status != "answer":
                    missing.append(text)
                    declined.append(reply)
                    if not explicit:
                        break
                    continue
                parts.append(reply)
                if not _QUESTION_RE.search(text):
                    keywords.add(id(reply))  # "三统一": a keyword, perhaps the subject of the rest
                if not parts[0].entry_id.startswith("report:"):
                    context.remember(parts[0].entry_id, 0.0)
            if (
                explicit
                and refused is None
                and _marked_apart(a.raw, split.own)
                and not parts
                and not repeats
                and self._each_lacked(split, declined)
            ):
                # "全市一共有多少个乡镇街道啊 通过初评的占几成": the report says it lacks what each
                # ask asks; the words of both read together are no ask (22个 is neither)
                refused = declined[0]
            if told is not None and len(parts) == 1 and not missing and not repeats and not figures and not whole:
                # one ask after a clause stating a figure: its own answer when read as the stated
                # figure's follow-up or found surely on its own; else the message as a whole
                # decides (the report may not state what is asked further)
                own = parts[0].kind == "followup" or parts[0].score >= self.params.answer_min
                return parts[0] if own and _answered(parts[0]) != _answered(told) else self._single(a)
            if len(parts) == 1 and repeats and not missing and self._checked_then_asked(a, split.parts, parts[0]):
                return parts[0]  # "…比往年多冇？多了好多咯": the check's verdict with its figure
            if len(parts) + len(missing) < 2:
                continue  # not several asks after all
            if figures and sum(p.figure is not None for p in parts) < 2:
                continue  # "被告是政府的时候，领导出庭的比例有多高": one figure, and a clause of context
            parts = [
                p for p in parts if id(p) not in keywords or not _subject_of_rest(p, parts)
            ]  # "三统一 市政府 部门"
            if parts and not missing and not repeats:
                if not explicit:
                    return answers.combined(self.knowledge, parts)
                # "零跑动 跑一次 网办率": of the readings answering every part, the one that
                # answers the most (a subject lent to the rest answers fewer)
                if whole is None or len(parts) > len(whole):
                    whole = parts
                continue
            if parts and not missing and lossy is None:
                # kept until no other reading answers every part with a figure of its own: a part
                # that repeats another may be one figure asked twice, or a cut in the wrong place
                lossy = answers.combined(self.knowledge, parts)
            if explicit and partial is None and len(parts) >= MIN_PARTS_ANSWERED and len(parts) > len(missing):
                # kept until no other reading of the message answers every part
                partial = answers.combined(self.knowledge, parts, [_LIST_ASK_TAIL_RE.sub("", m) for m in missing])
            if (
                explicit
                and lacked is None
                and not a.intent.yes_no
                and self._lacked_asks(a, split, parts, missing, declined)
            ):
                # kept until no other reading answers more: one ask answered, the other lacked
                lacked = answers.combined(self.knowledge, parts, [_LIST_ASK_TAIL_RE.sub("", m) for m in missing])
            if explicit and unsplit is None and _kinds_lacked(a, split, parts, declined):
                # "法援案件 刑事类 民事类": the whole answered, each kind of it lacked: parts of one figure
                unsplit = answers.lacking_each(self.knowledge, parts + declined)
        return answers.combined(self.knowledge, whole) if whole else lossy or partial or unsplit or lacked or refused

    def _lacked_asks(
        self, a: Analysis, split: Split, parts: list[Response], missing: list[str], declined: list[Response]
    ) -> bool:
        """ "法律援助案件有多少件，律师有多少名": two asks, each a question of its own, and the report
        says it lacks what the second asks: the first answered, the second named as missing."""
        return (
            len(split.parts) == 2
            and len(parts) == 1
            and len(missing) == 1
            and missing[0] == split.parts[1]  # the first answered, then the one it lacks
            and parts[0].figure is not None
            and parts[0].kind == "entry"
            and declined[0].kind in STATED_LACKS
            and all(_QUESTION_RE.search(t) for t in split.parts)
            and _marked_apart(a.raw, split.own or split.parts)
            # a part naming a figure the pack knows is no lack of the report (names glued: "执法记录仪民商事…")
            and not any(name in clean(missing[0]) for name in self._figure_names)
        )

    def _each_lacked(self, split: Split, declined: list[Response]) -> bool:
        """Whether every part of an explicit split the asker wrote as asks of their own is declined,
        the first for a lack the report states (those after it are read here when the loop
        stopped at the first)."""
        if len(split.parts) < 2 or not declined or declined[0].kind not in STATED_LACKS:
            return False
        rest = split.parts[len(declined) :]
        return all(
            self._single(self.analyze(t), None, 0.0).status != "answer"
            and self._heard_with(split.parts[0], t).status != "answer"  # "…有几个？就是哪几个区县跟单位"
            for t in rest
        )

    def _checked_then_asked(self, a: Analysis, texts: tuple[str, ...], checked: Response) -> bool:
        """Parts, one a check answered with a verdict and the others the same figure or fact asked
        ("…比往年多冇？多了好多咯", "营商码上过央视吗 哪个频道哪个栏目"): the verdict with its
        sentence answers them all. Never when a part
        says a claim of its own: a number, a choice, a unit, a vague amount ("办了蛮多案子吧"),
        a negation ("…是不是还有 | 不出庭应诉的"), a comparison, or a greeting ("在吗")."""
        if len(texts) < 2 or not checked.answer.startswith(("是的", "不是")) or find_comparisons(a.text):
            return False
        readings = [self.analyze(t) for t in texts]
        return not any(
            r.numbers
            or offers_choice(r.raw)
            or kind_checked(r.raw)
            or checks_unit(r.text)
            or _VAGUE_RE.search(r.text)
            or _GREETED_RE.search(r.text)
            or _NEGATED_RE.search(_TAG_QUESTION_RE.sub("", r.text))
            for r in readings
        )

    def _nested(self, asked: Analysis) -> Response | None:
        """A part of several asks that marks several of its own (各, 分别): each answered."""
        if not any(split.explicit and len(split.parts) >= 2 for split in asked.splits):
            return None
        found = self._compound(asked, True, nested=False)  # one level: a part's parts are not split again
        return found if found is not None and found.status == "answer" and len(found.parts) >= 2 else None

    def _heard_with(self, before: str, part: str) -> Response:
        """A part of several asks read with the subject of a part before it ("…多少起纠纷，成功的
        比例有多高")."""
        return self._single(self.analyze(f"{self.analyze(before).core}，{part}"), None, 0.0)

    def _checks_before(self, before: str, check: str, taken: set) -> bool:
        """Whether a check stating no number, heard with the part before it, is of a figure
        already answered: nothing further asked."""
        again = self._heard_with(before, check)
        return again.status == "answer" and _answered(again) in taken

    def _after_stated_clause(self, a: Analysis) -> tuple[str, str, str] | None:
        """A message opening with a clause that states a figure of the report as it writes it,
        then asking of something named on its own ("看到跑一次事项是1024项了，出庭应诉率呢"):
        (the stated figure's answer key, that clause, the rest); None when the rest points back
        at it ("这个数说的是什么") or names nothing ("一共花了多少钱")."""
        mark = _CLAUSE_MARK_RE.search(a.raw)
        if mark is None:
            return None
        first, rest = a.raw[: mark.start()], a.raw[mark.end() :].strip("，,。；;！! ")
        if (
            not rest
            or len(checked_claims(a.raw)) >= 2  # "A是N；B是M，是吧": every figure stated is checked
            or _CHECKED_END_RE.search(first)  # "…的案子是78件吧，和解率多少": the figure said is checked
            or _QUESTION_RE.search(without_named(first, self.context.report_norm))  # 谁执法谁普法 asks no one
            or _WITHIN_RE.search(first)  # "那70个普法典型案例里，…有几个": a part of it is asked
            or COMPARED_WITH_RE.match(_CLAUSE_MARK_RE.split(rest)[0])  # "…配了4400台，跟…的人数比，哪个多": compared
            or not _WHAT_ASKED_RE.search(rest)
            or _POINTING_BACK_RE.search(rest)
            or not _names_own_thing(rest)
        ):
            return None
        told = self.analyze(first + "？")  # a statement read as a claim to check: its figure, if the report's
        if not told.numbers:
            return None
        reply = self._respond_to(told, first, None, 0.0)
        if reply.status != "answer" or reply.figure is None or not _writes_figure(told, reply.figure.value):
            return None
        return _answered(reply), first, rest

    def _clause_figures(
        self, chosen: Candidate, curated: list[Candidate], a: Analysis, previous=None, adjacent: bool = False
    ) -> Response | None:
        """The chosen figure and those its report clause gives with it, when they are near too
        and the ask names no kind of figure (a count, an amount): all of them, in the report's
        order. After a figure, its kind is the one asked again ("诉前调解呢" after a rate)."""
        kb = self.knowledge
        entry = kb.entries[chosen.id]
        work = adjacent and bool(_WORK_ASKED_RE.search(a.text))  # "做了多少" counts no kind of its own
        if not entry.is_metric or (_kind_asked(a) and not work) or a.intent.wants_list or a.intent.asks_name:
            return None
        if adjacent and a.numbers:
            return None  # "首次不罚的企业有六千一百二十五家？": a figure stated, that one checked
        near = [c for c in clarify_options(curated, self.params) if c.id != chosen.id]
        if adjacent:  # "讨薪,农民工": a figure of the clause whose name the ask says in full is near too
            # ("合法性审查做了多少活": how much was done is every figure of its clauses)
            near += [
                c
                for c in curated[1:CLAUSE_POOL]
                if c not in near and c.id != chosen.id and (work or self._named_in(c, a))
            ]
        together = [entry] + [kb.entries[c.id] for c in near if _one_clause([entry, kb.entries[c.id]], adjacent)]
        if len(together) < 2:
            return None
        same_kind = [e for e in together if previous is not None and previous.is_metric and e.unit == previous.unit]
        apart = same_kind[0] if len(same_kind) == 1 else self._named_apart(a, together)
        if apart is not None:  # "只讲部门的": of 市政府 28件 and 部门 51件, the one the ask names
            return answers.answer(kb, apart, chosen.score, "followup")
        return self._in_report_order([(e, chosen.score) for e in together], "followup")

    def _words(self, text: str, hanzi: bool = False) -> list[str]:
        """The words of two characters or more of `text` (only Chinese ones with `hanzi`), in the
        pack's normalisation (its synonyms), none left empty by it."""
        norm = self.context.normalize
        found = (norm(w) for w in lexicon.segment(text) if len(w) >= 2 and (not hanzi or _HANZI_RE.fullmatch(w)))
        return [w for w in found if w]

    def _named_in(self, candidate: Candidate, a: Analysis) -> bool:
        """Whether every word of the entry's title but its kind of figure is in the ask."""
        words = self._words(_KIND_NAME_RE.sub("", self.knowledge.entries[candidate.id].title))
        return bool(words) and all(w in a.core for w in words)

    def _named_apart(self, a: Analysis, entries: list) -> object | None:
        """The one of `entries` a word of the ask names and none of the others' names do."""
        names = [self._names_of(e) for e in entries]
        words = set(self._words(a.core))
        named = {k for w in words for k, own in enumerate(names) if w in own and sum(w in n for n in names) == 1}
        return entries[named.pop()] if len(named) == 1 else None

    def _in_report_order(self, figures: list[tuple], kind: str) -> Response:
        """Several figures of one clause, each with its score, answered together in the order
        the report writes them."""
        ordered = sorted(figures, key=lambda f: f[0].source.find(f[0].value))
        return answers.combined(
            self.knowledge, [answers.answer(self.knowledge, e, score, kind) for e, score in ordered]
        )

    def _results_of(self, previous, a: Analysis) -> Response | None:
        """ "效果咋样" right after an explanation: the figures its own sentence states as what
        came of it (警务改革 … 2023年,全市刑事破案数同比上升110%), from its related entries."""
        if previous.is_metric or not _RESULTS_ASKED_RE.fullmatch(a.cleaned):
            return None
        kb = self.knowledge
        found = [
            kb.entries[r]
            for r in previous.related
            if r in kb.entries and kb.entries[r].is_metric and kb.entries[r].value in previous.source
        ]
        if not found:
            return None
        replies = [answers.answer(kb, e, 1.0, "followup") for e in found]
        return replies[0] if len(replies) == 1 else answers.combined(kb, replies)

    def _named_alone(self, a: Analysis, curated: list[Candidate]) -> bool:
        """The leader's names hold every word the ask names, and no near entry's do: the ask
        names its own thing ("那全国示范项目呢": 项目 is 智慧渔政's, not 示范市's)."""
        words = [self.context.normalize(w) for w in lexicon.segment(a.core) if len(w) >= 2 and w not in PLACEHOLDERS]
        if len(words) < 2 or not curated:
            return False
        least = curated[0].score - self.params.followup_trust
        covering = [
            c
            for c in curated[:NAMED_ALONE_NEAR]
            if c.score >= least and all(w in self._names_of(self.knowledge.entries[c.id]) for w in words)
        ]
        return len(covering) == 1 and covering[0] is curated[0]

    def _names_of(self, entry) -> str:
        """An entry's title and phrasings, normalised: what it is called."""
        return self.context.normalize(" ".join((entry.title, *entry.phrasings)))

    def _names_again(self, a: Analysis, curated: list[Candidate], last_id: str) -> bool:
        """The ask names the last answer's own measure in full ("诉前调解的成功率百分之几" after
        诉前调解成功率): asked again, not a follow-up about another one."""
        if not curated or curated[0].id != last_id:
            return False
        title = set(self.context.normalize(self.knowledge.entries[last_id].title))
        return bool(title) and title <= set(a.core) | set(self.context.normalize(a.cleaned))

    def _same_topic(self, reply: Response, before: list[Response]) -> bool:
        """Whether a reply answers an entry of the topic of one answered before it."""
        entries = self.knowledge.entries
        topic = getattr(entries.get(reply.entry_id or ""), "topic", "")
        return bool(topic) and any(getattr(entries.get(p.entry_id or ""), "topic", "") == topic for p in before)

    def _named_split(self, a: Analysis) -> Split | None:
        """A list typed without breaks ("公示执法事项执法记录仪询问室听证室这三个数列一下",
        "0跑动的事项跑一次的事项各多少项"): cut before each name of a figure the pack knows,
        longest names first, a 的 inside a name as the name (跑一次的事项 of 跑一次事项); a
        scope typed before the first name ("市本级…") is each part's."""
        typed = listed_items(a.cleaned) or _bare_lookup(a.cleaned)
        at_typed = [i for i, ch in enumerate(typed) if ch != "的"]  # where each kept character was typed
        items = "".join(typed[i] for i in at_typed)
        if len(items) < 2 * MIN_NAME_CHARS:
            return None
        taken = [False] * len(items)
        starts = []
        for name in self._figure_names:
            at = items.find(name)
            while at >= 0:
                if not any(taken[at : at + len(name)]):
                    taken[at : at + len(name)] = [True] * len(name)
                    starts.append(at)
                at = items.find(name, at + 1)
        if starts:
            starts += self._measures_unnamed(items, taken)
        starts = sorted(set(starts))
        scope = typed[: at_typed[starts[0]]] if starts else ""
        # words after a name ("…参加执法资格考试的人数") stay with it, in a list typed without breaks
        allowed = MAX_UNNAMED_CHARS if listed_items(a.raw) else MAX_JOINING_CHARS
        if len(scope) > MAX_SCOPE_CHARS or not _SCOPE_RE.fullmatch(scope):
            # words before the first name that no figure reads alone ("合同|审查意见条数") say
            # which of it is meant: they open the first part, never a part of their own
            scope, starts = "", [0, *starts[1:]] if starts else [0]
            allowed = MAX_JOINING_CHARS  # a list not opening with a name: only a joining word left out
        unnamed = sum(not t for t in taken) - len(scope)
        if len(starts) < 2 or len(starts) > MAX_LIST_PARTS or unnamed > allowed:
            return None
        # words left between two names open the next part ("法治审核事项|参加执法资格考试的人数")
        cuts = sorted({at_typed[_after_last_name(taken, i)] for i in starts[1:]} | {at_typed[starts[0]]}) + [len(typed)]
        return Split(tuple(f"{scope}{typed[i:j]}是多少" for i, j in zip(cuts, cuts[1:])), True)

    def _measures_unnamed(self, items: str, taken: list[bool]) -> list[int]:
        """Stretches of a list typed without breaks that no name covers but that name a measure
        in other words ("新增立法联系点|立法意见条数"): each read alone, a figure found surely and
        of no other part is an item (marked taken); where they start."""
        found = []
        for start, end in _runs(taken):
            run = items[start:end]
            if len(_COUNT_SUFFIX_RE.sub("", run)) < MIN_NAME_CHARS or not _MEASURE_END_RE.search(run):
                continue  # ("法治审核|事项数": what is counted said by the name before it)
            top = self.curated.candidates(self.analyze(run), limit=1)
            if not top or top[0].score < self.params.answer_min or top[0].missing:
                continue
            entry = self.knowledge.entries[top[0].id]
            if not entry.is_metric or any(clean(p) in items for p in entry.phrasings):
                continue
            named = items[_name_start(taken, start) : start]  # the name right before it
            subject = _COUNT_SUFFIX_RE.sub("", run)
            if named and any(
                named in said and subject in said
                for e in self.knowledge.entries.values()
                if e.is_metric
                for said in (clean(p).replace("的", "") for p in e.phrasings)
            ):
                continue  # "法治审核|执法事项数": one figure's name (经法治审核执法事项数) said in full
            taken[start:end] = [True] * (end - start)
            found.append(start)
        return found

    @cached_property
    def _figure_names(self) -> list[str]:
        """The names of the pack's figures as people type them (title and aliases without a
        question word), longest first."""
        names = {
            clean(p)
            for e in self.knowledge.entries.values()
            if e.is_metric
            for p in e.phrasings
            if not _ASKING_NAME_RE.search(p)
        }
        names |= {_COUNT_SUFFIX_RE.sub("", n) for n in names}  # "询问室听证室" of 询问室听证室数量
        names = {v for n in names for v in (n, n.replace("的", ""), convert_numerals(n))}  # "跑1次事项", as typed
        # "网上可办数" of 网上可办事项数, "记录仪" of 执法记录仪: said shorter, as people list them
        # (a name's last noun only where no other name has it inside: 农民工 is in 为农民工讨回…)
        names |= {n.replace("事项", "") for n in names if "事项" in n}
        ends = {n[-3:] for n in names if len(n) >= 5 and lexicon.is_noun(n[-3:])}
        names |= {e for e in ends if not any(e in n[:-3] for n in names)}
        return sorted((n for n in names if MIN_NAME_CHARS <= len(n) <= MAX_NAME_CHARS), key=len, reverse=True)

    def _writes(self, key: str, unit: str) -> bool:
        """Whether the report writes the number in that unit ("5个方面", "2次"), figure or not."""
        return (
            bool(unit)
            and re.search(rf"(?<![\d.]){re.escape(key)}个?{re.escape(unit)}", self.context.report_norm) is not None
        )

    def _figure(self, key: str, unit_char: str, a: Analysis | None = None) -> Response:
        kb = self.knowledge
        found = metrics_with_figure(self.figure_index, key, unit_char)
        named = self._named_among(found, a) if a is not None and len(found) > 1 else []
        if len(named) == 1:  # "询问室、听证室那个近200": of 近200条 and 近200处, the one the message names
            found = named
        if len(found) == 1:
            declined = self._said_of_another(found[0], a) if a is not None else None
            if declined is not None:  # "心理咨询那个将近三万，说的是人次还是件数": not 法律咨询's
                return declined
            return answers.answer(kb, found[0], 1.0, "figure")
        asked = a is not None and len(_NOT_HANZI_RE.sub("", a.text)) >= 2  # words beside the bare number
        if 1 < len(found) <= SAME_NUMBER_MAX and asked:  # "近200是什么": each figure written with it
            return answers.same_number(kb, [answers.answer(kb, m, 1.0, "figure") for m in found])
        if found:
            return answers.clarify(kb, found[:4], 1.0, "figure")
        return answers.decline(kb, "unknown_figure", key, covered=self.covered)

    def _blank_filled(self, a: Analysis) -> Response | None:
        """ "首违免罚显的是么子度": the report's own phrase with a word asked in its middle (首违免罚显温度):
        the one sentence writing the words on both sides of the blank, that close, answers."""
        found = _BLANK_RE.fullmatch(a.cleaned)
        if found is None or found.group("right") in _PARTICLES:
            return None
        gap = re.compile(
            re.escape(found.group("left")[-BLANK_SIDE:]) + r"([\u4e00-\u9fff]{1,3}?)" + re.escape(found.group("right"))
        )
        hits = [x for x in self.knowledge.report_text.sentences if gap.search(_QUOTES_RE.sub("", x.text))]
        if len(hits) != 1:
            return None
        return answers.answer_report(self.knowledge, hits[0], None, 1.0)

    def _said_of_another(self, metric, a: Analysis) -> Response | None:
        """A decline when the words said of a quoted number before it name another measure than
        the figure's (a near miss), judged as the ask "<those words>是多少" would be."""
        number = _QUOTED_NUMBER_RE.search(a.text)
        before = _THAT_ONE_RE.sub("", a.text[: number.start()]).strip(" ，,") if number else ""
        if _SAID_IN_RE.search(before):
            return None  # "无证明城市里说的50余类": where the number is said, not what it counts
        names = self._names_of(metric)
        words = []  # back from the number, the words sharing two characters with its names (never a story's)
        for w in reversed([w for w in self._words(before, hanzi=True) if w not in PLACEHOLDERS]):
            if not any(w[i : i + 2] in names for i in range(len(w) - 1)):
                break
            words.insert(0, w)
        if not words or all(w in names for w in words):
            return None
        choice = self._entry_choice(Candidate(metric.id, 1.0, metric.title))
        declined = self._said_declined("".join(words), choice)
        return self._reply(a, Decision("decline", choice, declined)) if declined is not None else None

    def _said_declined(self, said: str, choice: Choice) -> Decline | None:
        """How the words said of a quoted figure are declined, asked as "<words>是多少" (the
        identity rules): a near miss when they name another measure than the figure's."""
        return first_decline(self.analyze(f"{said}是多少"), choice, self.context, IDENTITY_RULES)

    def _named_among(self, metrics: list, a: Analysis) -> list:
        """The metrics whose names hold a word of the message (two characters or more)."""
        words = self._words(a.core, hanzi=True)
        return [m for m in metrics if any(w in self._names_of(m) for w in words)]

    def _kind_of_quoted(self, a: Analysis) -> Response | None:
        """ "刑事破案数那个110，是百分比还是破了110起": a figure quoted of a thing the message
        names, asked what kind or unit it is: that figure (its unit answers)."""
        if not _KIND_OF_QUOTED_RE.search(a.text):
            return None
        found, before = [], ""
        for number in _QUOTED_NUMBER_RE.finditer(a.text):
            key, _ = parse_figure_query(number.group(0)) or (None, "")
            if key:
                found += [m for m in metrics_with_figure(self.figure_index, key, "") if m not in found]
                before = before or a.text[: number.start()]
        named = self._named_among(found, a)
        if len(named) != 1:
            return None
        # every word the message says of the thing is the figure's (刑事发案数 is no 刑事破案数)
        names = self._names_of(named[0])
        said = self._words(_THAT_ONE_RE.sub(" ", before), hanzi=True)
        if not said or not all(w in names for w in said):
            return None
        choice = self._entry_choice(Candidate(named[0].id, 1.0, named[0].title))
        if self._said_declined(_THAT_ONE_RE.sub("", before).strip(), choice) is not None:
            return None  # "罚款金额 两千万出头 还是两个亿": the measure said is not the figure's (免罚)
        return answers.answer(self.knowledge, named[0], 1.0, "figure")


_THAT_ONE_RE = re.compile(r"那个|这个|就是|那|这|的")
# A figure's kind or unit asked ("单位是间还是处", "是百分比还是…起").
_KIND_OF_QUOTED_RE = re.compile(r"单位是|什么单位|是百分比|百分数|还是")
# A phrase of the report with a question word in its middle ("首违免罚显的是什么度").
_BLANK_RE = re.compile(
    r"(?P<left>[\u4e00-\u9fff]{2,}?)(?:的是|是|的)?(?:什么|啥|么子|哪个|哪种)(?P<right>[\u4e00-\u9fff]{1,2}?)[咯啊呢呀吗啵哦嘞]*"
)
_PARTICLES = frozenset(
    "咯 啊 呢 呀 吗 啵 哦 嘞 的 了 么 意思 东西 时候 人 地方 样 样子".split()
)  # no blank before them
_QUOTES_RE = re.compile(r"[“”\"‘’《》「」]")
BLANK_SIDE = 2  # characters of the report's phrase written right before the blank
_SAID_IN_RE = re.compile(r"(?:里|中|上|里面|里头|当中)(?:说|提|讲|写)?(?:到|了)?$")
# a number quoted bare, its unit not said ("那个110，", "近200，")
_QUOTED_NUMBER_RE = re.compile(r"(?:近|约)?\d+(?:\.\d+)?(?:余|多)?万?(?![\d.%个项件家台处条类种名起次人位元])")


MIN_AREA_PAIRS = 2  # an area named by fewer of the report's pairs is matched on all its own


def _bare_lookup(text: str) -> str:
    """A staff lookup of names typed one after another, with no question word, mark or break
    ("新增立法联系点立法意见条数"): its text, which may hold several names; "" otherwise."""
    sized = MIN_BARE_LOOKUP <= len(text) <= MAX_BARE_LOOKUP  # two names at least, each of three or more
    return text if sized and _HANZI_ONLY_RE.fullmatch(text) and not _ASKING_NAME_RE.search(text) else ""


def _name_start(taken: list[bool], start: int) -> int:
    """Where the name right before `start` opens (`start` when none is right before it)."""
    at = start
    while at > 0 and taken[at - 1]:
        at -= 1
    return at


def _runs(taken: list[bool]) -> list[tuple[int, int]]:
    """The stretches (start, end) no name covers."""
    runs, at = [], None
    for i, t in enumerate([*taken, True]):
        if not t and at is None:
            at = i
        elif t and at is not None:
            runs.append((at, i))
            at = None
    return runs


def _after_last_name(taken: list[bool], start: int) -> int:
    """Where a part of a list typed without breaks opens: right after the name before it, so
    the words between two names open the next part ("法治审核事项|参加执法资格考试的人数")."""
    at = start
    while at > 0 and not taken[at - 1]:
        at -= 1
    return at if at > 0 else start


MIN_NAME_CHARS = 3  # a figure's name cut out of a list typed without breaks
MAX_NAME_CHARS = 14
MAX_LIST_PARTS = 6
MAX_UNNAMED_CHARS = 8  # characters of such a list left outside every name ("参加…的人数")
MAX_JOINING_CHARS = 2  # … when it does not open with a name: a joining word only (和, 及)
MAX_SCOPE_CHARS = 8  # a scope typed before such a list ("2023年市本级")
_SCOPE_RE = re.compile(r"(?:(?:19|20)\d\d年)?(?:全市|市本级|市级|益阳市?|益阳全市)?(?:的|里|里面)?")
MAX_BARE_LOOKUP = 24
MIN_BARE_LOOKUP = 8
_HANZI_ONLY_RE = re.compile(r"[\u4e00-\u9fff\d.%]+")
_MEASURE_END_RE = re.compile(r"(?:数量|数|率|金额|人次)$")  # a stretch that names a measure ends so
_COUNT_SUFFIX_RE = re.compile(r"(?:数量|台数|件数|项数|个数|人数|人次|金额|数)$")
_ASKING_NAME_RE = re.compile(r"多少|几|吗|呢|什么|啥|哪|怎么|是否|有没有|\s")


def _share(pairs: set[str], text: str) -> float:
    """The share of the pairs `text` holds."""
    return sum(pair in text for pair in pairs) / len(pairs)


_AREA_JOIN_RE = re.compile(r"和|与|及|以及|跟|、|还有")  # "A和B这块": two areas asked
_COUNTED_AFTER_RE = re.compile(r"(?:多少|几)个?([\u4e00-\u9fff]{1,2})")


_DIGITS_RE = re.compile(r"\d+")
# A number naming a thing ("跑2次以上", "0跑动"), not a count of it ("一个都没有"), a year or a share.
_NAME_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?![\d.个年月日%万亿千百项件家台处条类名起人])")


# A part that names only the kind of figure ("金额是多少" after "帮农民工讨薪的人数"): it is of
# the subject before it.
def _names_nothing(core: str) -> bool:
    """A part that only counts ("一共几个", "共多少项"): no thing of its own."""
    return not _COUNT_WORDS_RE.sub("", core)


_COUNT_WORDS_RE = re.compile(r"多少|几|一共|总共|共|[个件项名人次条类种家台处起位]")
_MEASURE_ONLY_RE = re.compile(
    r"^(?:那|还有|以及|再|和)?(?:金额|钱|人数|人次|数量|比例|比率|件数|案件数|成功率|和解率|总数|多少钱|"
    r"(?:变化|变动|增长|下降)?幅度|增幅|降幅|涨幅|百分比|占比)"
    r"(?:是|有|为)?(?:多少|几)?[个件项名人次元]?(?:呢|啊|呀)?$"
)
_JOINER_RE = re.compile(r"[和与及跟、，,；;\s]|还有|以及|加上")


def _joined(a: Analysis, own_asks: bool = False) -> bool:
    """Whether the message joins its parts with a word or a mark ("A和B", "A，B"): a split
    with nothing between its parts ("刑事破案数|同比变化多少") cuts one question in two.
    `own_asks`: each part of that split also asks on its own (`_ask_their_own`)."""
    split = next((s for s in a.splits if not s.explicit), None)
    if split is None:
        return False
    if own_asks and not _ask_their_own(split.own or split.parts):
        return False  # "诉前调解 成功率": one ask, whatever other split _compound might still try
    written = a.raw  # as typed: the spaces of voice input join parts too
    cursor, ends = 0, []
    for part in split.parts:
        at = written.find(part[:2], cursor)
        if at < 0:
            return False
        if ends and not _JOINER_RE.search(written[ends[-1] : at + 1]):
            return False  # nothing between the last part and this one
        cursor = at + max(len(part) - 2, 2)
        ends.append(min(at + len(part), len(written)) if written.startswith(part, at) else at + 2)
    return True


def _marked_apart(raw: str, own: tuple[str, ...]) -> bool:
    """Whether the parts the asker wrote (`own`) stand apart in the message by a mark or a space,
    never only where speech typed without marks was guessed to break."""
    if len(own) < 2:
        return False
    written, cursor = clean(raw), 0
    for k, part in enumerate(own):
        head = clean(part)[:2]
        at = written.find(head, cursor) if head else -1
        if at < 0:
            return False
        if k and not re.search(r"[，,。？?！!；;、\s]\s*$", raw[: _raw_index(raw, at)]):
            return False
        cursor = at + len(head)
    return True


def _raw_index(raw: str, cleaned_at: int) -> int:
    """The index in `raw` of the character at `cleaned_at` in clean(raw)."""
    seen = 0
    for i, ch in enumerate(raw):
        if clean(ch):
            if seen == cleaned_at:
                return i
            seen += 1
    return len(raw)


def _glued_measures(a: Analysis) -> bool:
    """A staff lookup of measures typed one after another without a break, asking nothing
    ("首违不罚企业数免罚额"): every part of its split is a measure's name."""
    split = next((s for s in a.splits if not s.explicit), None)
    if split is None or _QUESTION_RE.search(a.raw):
        return False
    return all(_MEASURE_NAME_RE.search(clean(part)) for part in split.parts)


_HANZI_RE = re.compile(r"[\u4e00-\u9fff]+")
_NAMES_MEASURE_RE = re.compile(r"多少|几|[数率额量]|人次|金额")
_MEASURE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:[数率额]|人次|金额)$")
_MEASURE_ASKED_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:[数率额]|人次|金额)(?=是|有|为|多少|几|呢|吗)")
MAX_NAMING_LEAD = 30  # a sentence this short before the one answering may name the practice it tells of
_QUOTED_NAME_RE = re.compile(r"“[^”]{2,12}”")
MIN_PART_POINTS = 3  # an entry's part answers an area asked when it has this many points
_ACTIONS_ASKED_RE = re.compile(r"做|干|搞|弄|举措|措施|做法|办法|动作|工作|讲了|写了|说了|成效|成果|亮点|名堂|花样|招")
_HOW_IT_WENT_RE = re.compile(r"(?:怎么样|咋样|如何|好不好|行不行)(?:的|呢|啊|呀)?$")
# "X方面呢" of a thing several sentences tell of: that many sentences answer it.
MIN_THING_SENTENCES = 2
MAX_THING_SENTENCES = 4
_THING_WORD_RE = re.compile(r"[\u4e00-\u9fff]+|[a-z]{2,}")
_LATIN_RE = re.compile(r"[a-z]{2,}")
# Words for any practice or thing done ("…的做法叫啥"): of every entry's kind.
_ANY_PRACTICE = frozenset(
    "做法 办法 方法 方式 服务 活动 模式 制度 机制 政策 措施 举措 东西 事情 名堂 说法 工作".split()
)
_NAME_ASKED_RE = re.compile(r"叫(?:个)?(?:什么|啥|么子)|什么名|啥名|名字|名称")
MIN_LIST_WORDS = 2  # words of the report a list ask must name to be looked for across sentences
_EACH_ASKED_RE = re.compile(r"分别|各自|哪[两二三四几]个")
# Words of asking, scope and kind that name no thing of the list ("益阳", "分别", "情况").
_NOT_A_THING = frozenset(
    "益阳 益阳市 全市 市里 市本级 分别 各自 哪些 哪个 哪几 什么 情况 具体 主要 一共 都是 叫啥 报告".split()
)
# A sentence telling of an honour won ("获评省新时代“枫桥经验”先进典型", "获…称号").
_HONOUR_RE = re.compile(r"获评|荣获|称号|授予|表彰|先进典型|入选|入围|收录")
# The report's opening asked ("报告开头", "开篇", "第一段"): its paragraphs before the first part.
_OPENING_RE = re.compile(r"开头|开篇|第一段|开场|导语|前言|引言")
# Where and when, words of checking and adverbs of asking, not what: a part naming only these
# names nothing of its own ("全市给配了多少个", "真的假的", "具体是哪些").
_SCOPE_WORDS = frozenset(
    "全市 全省 市本级 本级 本市 市里 省里 县里 区里 益阳 益阳市 去年 今年 当年 全年 来着 这回 这次 那回 那次 "
    "真的假 假的 真假 对吧 没错 具体 到底 究竟 分别 各自".split()
)
# A part that goes on about the one before ("这回又放下去几项"), or frames the next ("网上可办2861项里头").
# A part going on from the one before: again ("这回又…"), or within it ("其中通过了的有多少项").
_GOES_ON_RE = re.compile(r"^(?:这回|这次|那回|那次|又|然后又|其中|这其中|这里面|这里头|这当中|到头来)")
_FRAMES_RE = re.compile(r"(?:里|里头|里面|当中|之中|中间)$")


# Declines naming a word of the ask the report lacks there ("报告没有写到…（初评）").
_WORD_LACKED = frozenset(("unstated", "absent"))


def _names_own_thing(part: str) -> bool:
    """Whether a part names a thing of its own: a measure's name ("和解率"), or a word that is
    not scope, a generic verb or a word of asking ("全市给配了多少个", "去年有多少件", "市本级"
    name nothing: they ask about the thing named before them, as does what a part rules out:
    "市本级的，不是县里的")."""
    part = masked(part)
    text = clean(part)
    if _MEASURE_NAME_RE.search(text) or _MEASURE_ASKED_RE.search(text):
        return True  # "和解率", "网办率是多少": a measure's name, then asked
    if _TIMES_DONE_RE.search(convert_numerals(text)):
        return True  # "跑1次的又有多少项": an act done so many times names those items
    return next(_thing_words(part), None) is not None


# An act and how many times it is done ("跑1次", "跑两趟"): a thing named by a number.
_TIMES_DONE_RE = re.compile(r"[\u4e00-\u9fff](?:\d+|[一两二三四五六七八九十])(?:次|趟|遍|回)")


_ALTOGETHER_RE = re.compile(r"一共|总共|共计|合计|总计|加起来")


def _thing_words(part: str):
    """The words of a part that may name a thing: two characters or more, no scope, generic verb
    or word of asking (where it stands included)."""
    return (
        w
        # "在全省靠不靠前" names nothing; nor does 一共 ("一共建了" is no 共建)
        for w in lexicon.segment(_ALTOGETHER_RE.sub(" ", RANK_ASKED_RE.sub(" ", clean(part))))
        if len(w) >= 2
        and _HANZI_RE.fullmatch(w)
        and w not in _SCOPE_WORDS
        and w not in GENERIC_VERBS
        and not _ASKING_NAME_RE.search(w)
    )


MAX_CLAUSE_FIGURES = 3
CLAUSE_POOL = 5  # candidates looked through for a figure of the clause named in full
_KIND_NAME_RE = re.compile(r"金额|人数|件数|数量|比例|[数率]$")


def _kind_asked(a: Analysis) -> bool:
    """Whether the ask names a kind of figure (a count, an amount, a unit, a measure's name
    ending in 数 or 率) or checks one."""
    return bool(
        a.intent.measure
        or a.intent.unit
        or a.intent.yes_no
        or names_measure_word(a.text)
        or _KIND_NAMED_RE.search(a.text)
    )


# Words naming a kind of figure wherever they stand ("成功的比例大概多高").
_KIND_NAMED_RE = re.compile(r"比例|比率|占比|百分之|多少钱|数量|数目")  # "…配备执法记录仪的数量": a count


# How much work was done, no kind of figure named ("做了多少", "干了多少活", "搞了好多事").
_WORK_ASKED_RE = re.compile(r"(?:做|干|搞|办|弄)了?(?:多少|好多|几多)(?:活|事|事情|件事|工作)?儿?[啊呀呢吧哦哈]*$")


def _one_clause(entries: list, adjacent: bool = False) -> bool:
    """Whether the options are the figures one clause of the report gives together (成功为370名
    农民工讨回工资317万余元), or with `adjacent`, clauses next to each other (网上可办数2861项,
    网上可办率100%): metrics of one source whose figures stand in one (run of adjacent) clause(s)."""
    if not 2 <= len(entries) <= MAX_CLAUSE_FIGURES or not all(e.is_metric for e in entries):
        return False
    if len({e.source for e in entries}) != 1:
        return False
    clauses = re.split(r"[,，;；。]", entries[0].source)
    places = [[k for k, clause in enumerate(clauses) if e.value in clause] for e in entries]
    span = len(entries) if adjacent else 1
    return any(max(run) - min(run) < span for run in product(*places))


# What someone said or felt ("群众都说快", "不用再跑窗口了"): told, never asked.
_SAID_RE = re.compile(r"都说|说是|听说|都讲|不用再|再也不|多了$|快了$")


def _tells_before_ask(parts: tuple[str, ...], k: int, figure: bool = False) -> bool:
    """Whether part `k` asks nothing and names no measure, and a later part asks, and it tells
    what someone said or felt, or its reply is a figure though it states none ("那些小毛病第一次
    不罚的企业 | 加起来一共少交了多少罚款": the thing described is the subject of the ask, no
    count asked of it; a figure told, "…说有将近两万件", is a claim the ask is about)."""
    part = parts[k]
    return (
        (figure and not states_number(part) or _SAID_RE.search(part) is not None)
        and not _QUESTION_RE.search(part.replace("好多", "多少"))  # dialect 好多 may ask ("公示哒好多")
        and not _NAMES_MEASURE_RE.search(clean(part))
        and any(_QUESTION_RE.search(p) for p in parts[k + 1 :])
    )


def _ask_their_own(parts: tuple[str, ...]) -> bool:
    """Each part is an ask of its own: it names a thing of its own, and a subject without a
    measure is not followed by a measure without a subject ("诉前调解 | 成功率" is one ask;
    "复调对接案件数 | 和解率" two)."""
    for k, part in enumerate(parts):
        own = _names_own_thing(part) or (k and _asks_another_kind(part, parts[k - 1]))
        if not own or (k and _GOES_ON_RE.match(part)):
            return False
        if k + 1 < len(parts) and _FRAMES_RE.search(clean(part)):
            return False
        if k + 1 < len(parts) and not _NAMES_MEASURE_RE.search(part) and _MEASURE_ONLY_RE.match(parts[k + 1]):
            return False
    return True


# A count asked in a unit ("一共确定了几项"), and an ask of no count ("第几次…通过的", "哪一年").
_COUNT_ASK_RE = re.compile(r"(?:几|多少)[个件项名人次家类种条处台起]")
_NOT_COUNT_ASK_RE = re.compile(r"第几|哪(?:次|一|个|天|年|月)|什么时候")


def _asks_another_kind(part: str, before: str) -> bool:
    """ "…是第几次会议通过的，市本级一共确定了几项": a part naming nothing of its own still asks
    on its own when it counts, and the part before asked no count but which one."""
    return bool(_COUNT_ASK_RE.search(part) and _NOT_COUNT_ASK_RE.search(before) and not _COUNT_ASK_RE.search(before))


def _answered(reply: Response) -> tuple[str | None, str]:
    """What a reply answers: its entry, and the figure of it (two figures of one report
    sentence, "22个乡镇街道" and "五个方面", are two answers)."""
    figure = reply.figure
    value = (
        getattr(figure, "value", "")
        if figure is not None and reply.entry_id and reply.entry_id.startswith("report:")
        else ""
    )
    return reply.entry_id, value or ""


def _writes_figure(a: Analysis, value: str) -> bool:
    """Whether a message writes a figure as the report does ("四千四百台" of 4400台)."""
    return writes_figure(a.numbers, convert_numerals(value))


# The name of a document asked beside other asks ("…数量及所依据的目录名称", "印发的…方案名称及…"):
# the kind of document named before the word asking its name.
_NAME_OF_RE = re.compile(
    r"(目录|方案|文件|规定|办法|意见|通知|清单|刊物|栏目|节目)(?:的)?(?:具体)?(?:名称|全称|名字|全名|叫什么|叫啥)"
)
TITLE_RE = re.compile(r"《[^《》]{2,60}》")  # a document or programme named, as the report writes it


def _with_name_asked(text: str, reply: Response) -> Response:
    """An answer whose own sentence names the one document of the kind the message asks the name
    of, when its direct answer does not: that name leads it ("…6项 … 目录名称" → 《…事项目录》)."""
    asked = _NAME_OF_RE.search(text)
    if asked is None or reply.status != "answer" or not reply.source:
        return reply
    titles = [t for t in dict.fromkeys(TITLE_RE.findall(reply.source)) if asked.group(1) in t]
    if len(titles) != 1 or titles[0].strip("《》") in reply.answer:
        return reply
    return answers.named_in(reply, titles[0])


def _kinds_lacked(a: Analysis, split: Split, parts: list[Response], declined: list[Response]) -> bool:
    """A lookup of kinds of one subject ("法援案件 刑事类 民事类"): it asks nothing of them, its
    parts share a subject (a year or place aside), at most one is answered, and every part is the
    one figure or declined for a word of its own (`_parts_of_one`)."""
    subject = _SCOPE_RE.sub("", os.path.commonprefix(list(split.parts)), count=1)
    return (
        len(parts) <= 1
        and bool(declined)
        and len(parts) + len(declined) >= 2
        and not (a.intent.yes_no or _QUESTION_RE.search(a.raw))
        and len(subject) >= 2
        and _parts_of_one(parts + declined)
    )


def _subject_of_rest(part: Response, parts: list[Response]) -> bool:
    """A keyword answered by a description holding the figures of two or more other parts: the
    subject the keywords share, not an ask of its own ("三统一 市政府 部门": 三统一 is lent)."""
    if part.figure is not None or part.parts:
        return False
    held = [
        q for q in parts if q is not part and q.figure is not None and getattr(q.figure, "value", "") in part.answer
    ]
    return len(held) >= 2


def _parts_of_one(parts: list[Response]) -> bool:
    """The sides of a comparison are parts of one figure the report does not break down: each
    side gives, or is shown as the nearest, the same figure, and one at least is declined for a
    word of its own the report does not state ("民事的" and "刑事的" of 法律援助案件2900余件)."""
    shown = {_figure_shown(p) for p in parts}
    declined = [p for p in parts if p.status != "answer"]
    return (
        len(shown) == 1
        and "" not in shown
        and bool(declined)
        and all(p.kind in _WORD_LACKED and p.lacking for p in declined)
        and len({p.lacking for p in declined}) == len(declined)
    )


_WORD_LACKED = ("absent", "unstated")  # declines naming a word of the ask the report lacks


def _figure_shown(reply: Response) -> str:
    """The figure line a reply gives ("法律援助案件数：2900余件"), or a decline shows as nearest."""
    if reply.status == "answer":
        return reply.answer.split("\n")[0] if reply.figure is not None else ""
    near = next((line for line in reply.text.split("\n") if line.startswith(answers.NEAR_LINE)), "")
    return near[len(answers.NEAR_LINE) :]


def _quoted_as_context(reply: Response, asked: Analysis) -> bool:
    """A part that writes, without asking anything, the very figure it would be answered with
    ("6125家企业首次不罚"): a statement the next ask builds on, not an ask."""
    if reply.status != "answer" or reply.figure is None or asked.intent.yes_no or _QUESTION_RE.search(asked.raw):
        return False  # "X是28件，那Y呢", "X是28件，对不对": asks after all
    return _writes_figure(asked, reply.figure.value)


def _states_asked_figure(reply: Response, question: str) -> bool:
    """Whether a reply gives a figure for a figure question: a figure answer, or an
    explanation stating a figure (of the noun counted, when one is: "涉及多少方面")."""
    if reply.status != "answer" or reply.figure is not None:
        return True
    counted = _COUNTED_AFTER_RE.search(question)
    if counted is None or counted.group(1) in ("是", "呢", "啊", "呀"):
        return bool(re.search(r"\d", reply.answer))
    # the count in digits or in words ("五个方面")
    return bool(
        re.search(r"[\d一二两三四五六七八九十百千][\d.万余多近个]*" + re.escape(counted.group(1)[0]), reply.answer)
    )
