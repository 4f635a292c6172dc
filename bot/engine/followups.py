"""Follow-ups: how a turn relates to the answer just given, and its answer.

`Engine._respond` (engine.py) asks these in a fixed order before reading a message on its own:
a check of the figure just given (是两千九百多件对吧, 不是三千项吗), options offered of it,
the members it names (哪五个, 第二个呢, 只说县区), the document it names, the same question of
another batch (那第一批呢), a part of the area just listed, the figures among it narrowed to
(只说钱, 只要行政复议那块的比例), and which way a change went. Each is a method of `FollowUps`,
which `Engine` inherits; its year or part of the report (这个是哪年的, 出处) is read in engine.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.analysis import ASKS_ABOUT_OTHER_RE, Analysis
from bot.analysis.check_words import UNIT_WORDS, choice_options, kind_fits, offers_choice
from bot.analysis.figures import parse_figure_query
from bot.analysis.numbers import EXACTLY_WORDS, AskedNumber, find_numbers
from bot.answers import compose as answers
from bot.answers.compose import Response
from bot.decision.rules import CLAUSE_BREAK_RE, GENERIC_VERBS, MEASURE_NEUTRAL, ORDINAL_RE, PLACEHOLDERS, ordinal_key
from bot.decision.verify import ALL_CLAIMED_RE, COMPARED_RE, CONTRASTS, WAY_RE, negates, verdict, within
from bot.engine.conversation import Conversation
from bot.engine.memo import once
from bot.engine.pack import TITLE_RE, PackEngine
from bot.knowledge.reporttext import figures_of
from bot.retrieval.scoring import measure_fits
from bot.text.lexicon import is_common, is_noun, segment, words_in
from bot.text.normalize import convert_numerals
from bot.text.pairs import none_occur

PUNCTUATION_RE = re.compile(r"[\s，,。？?！!]")


PARTICLES_RE = re.compile(r"[\s，,。？?！!、]|那|么|呢|的|啊|呀|吗|年|情况|怎么样|如何")
_PLACE_GLUE_RE = re.compile(r"边|里|换成|如果是|要是|话|咧|嘞|捏")  # "赫山区那边呢", "换成全国呢"


# What a check says beyond its number: frames, hearsay, surprise, units and particles ("不是三千项吗",
# "就五个啊", "我听说才百分之九十，不是吗", "九成三，没记错吧", "两千多万？这么多？确定吗").
CHECK_WORDS_RE = re.compile(
    r"听人说|听别人说|听人讲|听别人讲|听讲|听说|我记得|没得|冇得|ok|okay|对头|是滴|"
    # what the check draws from the answer ("所以是五万多人？") or rules out ("不会超过五千吧")
    r"所以|因此|这么说|这样说|照这么说|换句话说|不会|不可能|不止|"
    # that very number claimed ("是正好200处吗", "不多不少整整五个"): judged as exact
    + "|".join(EXACTLY_WORDS)
    + r"|记得|以为|当是|好像|似乎|没记错|记错|没(?:听|看|搞|弄|算)错|真的假的|真假|假的|一点点|一点儿|一点|一些|"
    r"也就是|意思是|难道|还|竟然|居然|就是|全都|全部|所有|个个|都能|就能|能|可以|在|连|都|也|咯|啰|嘛|确实|应该|应当|可能|估计|这么|那么|么|我|你|不是|是不是|确定|真的|对不对|对吗|对吧|没错|是|对|吧|吗|呢|啊|呀|哦|就|才|只有|只|有|没有|超过|不到|"
    r"大概|差不多|左右|那|这|个|件|项|家|台|人|名|次|起|条|类|元|成|倍|多|余|近|来|了|的|[万亿千百十]"
)


# Which way a change went, asked as a choice ("是涨了还是降了", "增加还是减少").
_UP = "涨|升|增|多|上升|增加|增长|提高|上涨|变多"


_DOWN = "降|跌|减|少|下降|减少|降低|下滑|变少"


_WHICH_WAY_RE = re.compile(rf"(?:那|那么)?(?:是|到底是)?(?:{_UP}|{_DOWN})了?还是(?:{_UP}|{_DOWN})了?(?:呢|啊|呀)?")


_ANOTHER_EXISTS_RE = re.compile(r"的(?:还|也)?(?:有没有|有吗|有没|有冇得?|有不有|有啵)[\s？?。.！!]*$")


_ASKED_MARK_RE = re.compile(r"[吗呢么吧]$")


# Words of a follow-up that ask, not name ("上了哪个电视节目", "是哪次会议通过的").
_ASKING_RE = re.compile(r"哪(?:个|一个|些|几个|次|家|位|年|天|里)?|什么|啥|多少|几|谁|怎么|如何|是|的|了|上|被|过|呢")


# An ask about a thing (which, what, how many): one a story's subject can complete; "我该怎么办"
# asks for advice, never about the story's subject.
ASKS_ABOUT_RE = re.compile(r"哪|什么|啥|多少|几|谁|叫")


_NAMES_SEVERAL_RE = re.compile(r"[\u4e00-\u9fff”]、[\u4e00-\u9fff“]|”“")


_QUESTION_WORD_RE = re.compile(r"哪|什么|啥|多少|几|谁|怎么|如何")


# The words of asking where something stands ("在全省排什么位置", "全省排名怎么样"): no subject.
_RANK_FRAME_RE = re.compile(r"全省|全国|全市|排名|排位|名次|位置|水平|档次|排|算")


# Narrowing the last question to a part of it ("只说办了多少件案子", "我只要部门的"); not "只要跑一次的".
NARROWING_RE = re.compile(  # ("只要跑一次": a claim of how often, no narrowing)
    r"^\s*(?:那)?(?:我|俺)?((?:只|光)(?:说|讲|谈|问|看)|(?:只|光)要(?![一两几跑])|就(?:说|讲)|其中)(?=[\u4e00-\u9fff]{2})"
)


_KIND_WORDS = frozenset(
    "电视 电视台 电视节目 栏目 频道 节目 报道 称号 名称 名字 会议 哪次 时候 时间 单位 部门 地方 "
    "标准 依据 通知 文件 方案 方面 荣誉 奖项 机制 措施 举措 做法".split()  # which standard, notice, document …
)


_QUOTED_RUN_RE = re.compile(r"(?:“[^“”]{2,30}”){2,}")  # names quoted one after another


_BARE_NUMBER_RE = re.compile(r"(?<![\d.])\d{2,}(?:\.\d+)?(?![\d.]|年)")  # "2022年" is a year, no figure


# "意思是全都出庭了？": every one of them, a share of 100% claimed
_ALL_RE = re.compile(r"全都|全部|所有|个个|一个不落|百分百|都.{0,4}了")


# A word of Chinese characters only: what a check names ("业务应用"), never its number or unit.
_HANZI_WORD_RE = re.compile(r"[\u4e00-\u9fff]+")


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


_DIRECTION_RE = re.compile("|".join(word for word, _ in CONTRASTS))


MAX_FOLLOW_UP_CHARS = 24  # a longer message is a question of its own


_POINTS_BACK_RE = re.compile(r"^(?:那|那么|其中|具体|后来|另外|还)|这个|这些|这种|这项|那个|那些|它|他们|她们|其中|该")


MAX_CHECK_RESIDUE = 6
MAX_ALL_RESIDUE = 4  # characters a check of all may say besides its words of all ("调成功", "缺")


# A number said back with a checking tone ("七百个？", "就5个啊", "才这么点吧").
_ASKS_A_FIGURE_RE = re.compile(r"多少|(?<![\d%十百千万好])几(?![十百千万亿])")  # not 十几, 80%几, 几百: rough numbers


_CHECK_TONE_RE = re.compile(
    r"[?？]$|[吧吗啊呀咯嘛啰][\s，,]*(?:我记得|我听说|印象中|好像)?$|真的假的$|^(?:就|才|只有|只|也就)|"
    r"^(?:我|俺)?(?:还|一直|原来)?(?:以为|当是|记得)"  # "我还以为只有三千人次左右": a figure believed
)


def _contradicts(residue: str, said: str) -> bool:
    """The check's own words are the opposite of what was just said ("是下降了110%吗" after
    "同比上升110%"): still a check of that figure, which the verdict denies."""
    return any(word in residue and any(o in said for o in opposites) for word, opposites in CONTRASTS)


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


# Words naming the kind of a figure ("比例", "金额"), which a story lends with its report words.
MEASURE_KIND_RE = re.compile(r"比例|比率|占比|成功率|金额|人数|人次|数量")


# "只说…", "就讲…": a part of what was just given, asked alone (the verbs of each use follow).
ONLY_LEAD = r"^(?:那)?(?:我|俺)?(?:只|光|就)"


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
KINDS_SAID = {"钱": "money", "金额": "money", "资金": "money", "人": "people", "人数": "people", "人次": "people"}
KINDS_SAID |= {k: "percent" for k in ("比例", "比率", "百分比", "率")}


_KINDS_BY_LENGTH = sorted(KINDS_SAID, key=len, reverse=True)


# "只要行政复议那块的比例", "其中市本级的呢": the part of the last answer asked for.
_NARROWED_TO_RE = re.compile(
    ONLY_LEAD + r"(?:说|讲|谈|要|问|看)(?:一下|下)?(?:其中)?(?P<rest>.{1,16})$|^(?:那)?其中(?P<within>.{2,16})$"
)


MAX_NARROWED_FIGURES = 6  # a narrowing names a few figures; more is the whole said again


# A kind of figure said alone ("成功率", "免罚金额" is a subject's): what of the last subject is meant.
KIND_SAID_RE = re.compile(MEASURE_KIND_RE.pattern + r"|件数|总数|[率数]")


# Verbs asking the same thing in another kind ("换成比例", "折合成金额"): no subject of their own.
_RECKONING_VERBS = frozenset(("换成", "换算", "换算成", "算成", "折合", "折算", "按"))


_ABOUT_RE = re.compile(r"(?:跟|和|与|同)([\u4e00-\u9fff]{1,6}?)(?:有关|相关)|(?:关于|有关)([\u4e00-\u9fff]{1,6}?)的")


WITHIN_RE = re.compile(r"其中|里面|里头|当中|这些里|这几个里|这里面")


# Which document was issued ("出台的是啥文件", "依据的哪个文件"), and a document's title as written.
# "第二个呢，是为了啥", "最后一个是哪个单位": a thing at its place among those just named.
_NTH_RE = re.compile(
    r"^(?:那|那么|其中)?(?:第(?P<place>\d)|最后[一1]?)(?:个|块|部分|项|点|方面)(?:呢|啊|呀)?[，,\s]*(?P<rest>.*)$"
)  # numerals as digits
# What a thing is asked ("那1.5万余项说的是啥"): a figure stated with it is looked up, not checked.
_WHAT_ASKED_RE = re.compile(r"啥|什么|哪|指的|是指")
# A rest asking only the figure itself ("第二个是多少").
_VALUE_ASKED_RE = re.compile(r"(?:是|有)?(?:多少|几|啥|什么)(?:呢|啊|呀)?")
# The overview's parts, one per line ("1. 政府职能体系不断优化：…"), and a rest asking only the name.
_PART_LINE_RE = re.compile(r"^\d+\.\s*([^：:\n]+)[：:]", re.M)
_NAME_ASKED_RE = re.compile(r"(?:是|叫)?(?:啥|什么|哪个|哪块|哪一块)(?:名字|名称)?")


_DOCUMENT_ASKED_RE = re.compile(
    r"(?:啥|什么|哪个|哪份|哪一个|哪部)(?:文件|规定|办法|意见|方案|通知)|文件(?:叫|是)(?:啥|什么)"
)


# A TV channel or programme asked ("央视几套", "哪个台", "什么节目") and as a report names one.
_CHANNEL_ASKED_RE = re.compile(r"几套|几台|(?:哪个|哪一个|什么|啥)(?:电视|央视)?(?:台|频道|节目|栏目)")
_CHANNEL_WORDS_RE = re.compile(r"央视|电视|电视台|频道|节目|栏目|套")
_CHANNEL_RE = re.compile(r"CCTV-?\d+(?:频道)?(?:《[^》]+》)?")


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


_COUNT_NAMED_RE = re.compile(r"\d+(?=[\u4e00-\u9fff])")


def _one_option_stated(question: str, answer: str) -> bool:
    """Whether, of the two numbers a question offers, exactly one is a figure the answer states
    (and that figure is the only one of the answer's figures it fits)."""
    options = choice_options(convert_numerals(question))
    if options is None:
        return False
    figures = figures_of(answer)
    fitting = []
    for option in options:
        numbers = find_numbers(option)
        fitting.append([f for f in figures if numbers and within(numbers[-1], f)])
    return sorted(len(f) for f in fitting) == [0, 1]


def _holds_word(sentence: str, word: str) -> bool:
    """Whether a sentence holds the word, or its noun before a word of place ("县里" → 县)."""
    return word in sentence or (len(word) == 2 and word[1] in "里上中内" and word[0] in sentence)


class FollowUps:
    """The follow-up readings of `Engine` (it provides packs, _answer, _readings, respond)."""

    def _points_back(self, text: str, conversation: Conversation | None, now: float) -> bool:
        """A short question that points at the last answer (这个, 他们, 那…, 具体, 其中), or
        names nothing of its own beyond the kind of thing asked ("哪个频道的", "上了哪个电视节目")."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return False
        if len(text) > MAX_FOLLOW_UP_CHARS:
            return False
        if _POINTS_BACK_RE.search(text):
            return True
        if conversation.scoped_out and not PARTICLES_RE.sub("", self._without_scope(text)):
            return True  # "益阳呢" after a question of another place: only a scope of the report's own
        # "哪个频道的": a question word and nothing named; a bare figure ("100%") asks on its own;
        # "总数呢", "比例是多少": a kind of figure only, of what was just answered
        return (bool(_QUESTION_WORD_RE.search(text)) and not self._own_words(text)) or self._kind_only(text)

    def _held_by_last(self, text: str, conversation: Conversation, now: float) -> bool:
        """A short ask whose words (verbs of asking aside, 栏目 and 频道 kept) are all in the last
        answer's sentence."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now) or not ASKS_ABOUT_RE.search(text):
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
        if a.intent.wants_list and not a.intent.yes_no:
            return None  # "那11项都是哪些啊": its members asked, not the count checked
        if ASKS_ABOUT_OTHER_RE.search(text) and not a.intent.yes_no:
            return None  # "跑两次以上的呢": what about another one, not a check of this one
        if _ASKS_A_FIGURE_RE.search(a.text) and not a.intent.yes_no:
            return None  # "那2022年受理了多少啊": a figure asked by its question word, a new question
        if _ANOTHER_EXISTS_RE.search(text):
            return None  # "跑两次以上的有没有": whether another one exists, not a check of this one
        if not a.intent.yes_no and _WHAT_ASKED_RE.search(a.text) and parse_figure_query(a.text):
            return None  # "那1.5万余项说的是啥": what a figure is, looked up, not a check of the last
        every = ALL_CLAIMED_RE.search(a.text) if a.intent.yes_no and not a.numbers else None
        if every is not None and len(ALL_CLAIMED_RE.sub("", CHECK_WORDS_RE.sub("", a.core))) <= MAX_ALL_RESIDUE:
            # "是不是都调成功了", "一个都没缺吧" right after a rate: all of it claimed, judged
            # against the figure just given (never searched afresh: 诉前调解 after 人民调解)
            last = self._last_answer(conversation)
            if last.status == "answer" and last.figure is not None:
                found = verdict(a, last.source, last.figure)
                if found is not None:
                    return answers.checked(last, found)
        if not a.numbers:
            a = _with_bare_numbers(a)  # "四千四对吧": after an answer, a bare number is its figure checked
        core = a.core
        for number in a.numbers:  # "七百个？": the number is the check, not a subject
            core = core.replace(number.text, "")
        plain = re.sub(r"[\d.%]+", "", core)
        way = WAY_RE.search(plain)  # "增多了对吧": a direction, before 多 and 了 are read as check words
        residue = CHECK_WORDS_RE.sub("", COMPARED_RE.sub("", WAY_RE.sub("", plain)))
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
            if len(found) > 1:  # "是300多个对吧" of 300多个业务应用 and 2000余个服务场景: the one it is near
                checked = a.numbers[-1]
                near = {v: f for v, f in found.items() if within(checked, f)}
                if not near and a.intent.yes_no and not negates(a.text):
                    return answers.checked(last, False)  # "是三千多个吗": none of them
                found = near
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
        alone = not CHECK_WORDS_RE.sub("", rest)
        return answers.checked(last, not flip) if alone and all(word in said for word, _ in named) else None

    def _options_of_last(self, text: str, conversation: Conversation | None, now: float) -> Response | None:
        """ "到底是5100多名还是15300多名" right after an answer: the options offered name nothing
        of their own; the figure just given says which, with no 是的/不是 on either."""
        if conversation is None or not conversation.active(now) or not conversation.last_text:
            return None
        a = self.packs[-1].analyze(text)
        own = [
            w
            for w in self._own_words(a.text)
            # "是元还是万元", "应该是…", "按件还是按次统计的": no subject of their own
            if not re.fullmatch(UNIT_WORDS, w) and CHECK_WORDS_RE.sub("", w) and w not in MEASURE_NEUTRAL
        ]
        if not offers_choice(a.cleaned) or a.numbers or own:
            return None  # (the options, as numbers, were read as the question's "是多少")
        last = self._last_answer(conversation)
        if last.status != "answer":
            return None
        if last.figure is None and last.parts:  # several figures given: the one of the options' unit
            said = convert_numerals(a.cleaned)
            offered = [p for p in last.parts if p.figure is not None and p.figure.unit and p.figure.unit in said]
            last = offered[0] if len(offered) == 1 else last
        if last.figure is None and not last.parts and _one_option_stated(a.cleaned, last.answer):
            return answers.checked(last, None)  # "是6项还是3项" after an area's points stating 6项
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
        if len(found) > 1:  # "业务应用是不是有五百个" after 300多个业务应用 and 2000余个服务场景: the one it names
            words = [w for w in segment(a.core) if len(w) >= 2 and _HANZI_WORD_RE.fullmatch(w)]
            found = [p for p in found if any(w in p.answer.split("\n", 1)[0] for w in words)]
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
        titles = list(dict.fromkeys(TITLE_RE.findall(last.source))) if last.status == "answer" else []
        return answers.named_in(last, titles[0]) if len(titles) == 1 else None

    def _channel_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "那是央视几套", "是哪个台哪个节目" after an answer whose sentence names one channel:
        that one (a count of 台 after such an answer is its channel, never devices)."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not _CHANNEL_ASKED_RE.search(text) or not conversation.active(now):
            return None
        last = self._last_answer(conversation)
        report = self.packs[-1].context.report_norm  # a thing of its own is one the report names ("桃江婚调")
        things = [w for w in self._own_words(text) if not _CHANNEL_WORDS_RE.fullmatch(w) and w in report]
        if last.status != "answer" or any(w not in last.source for w in things):
            return None  # a thing of its own, not the last answer's
        channels = list(dict.fromkeys(_CHANNEL_RE.findall(last.source)))
        return answers.named_in(last, channels[0]) if len(channels) == 1 else None

    def _nth_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "第二个呢，是为了啥" after an answer naming several things (the figures of a combined
        answer, the parts of the overview, 《…》 titles, or names listed with 、): the thing at
        that place, asked what follows of it (the figure itself, or what it is, if nothing)."""
        said = _NTH_RE.match(convert_numerals(text.strip()))
        if said is None or not conversation.active(now):
            return None
        last = self._last_answer(conversation)
        if last.status != "answer":
            return None
        index = int(said.group("place")) - 1 if said.group("place") else -1  # none: "最后一个"
        rest = PUNCTUATION_RE.sub("", said.group("rest"))
        parts = conversation.last_parts.split()
        if len(parts) >= 2 and index < len(parts) and (not rest or _VALUE_ASKED_RE.fullmatch(rest)):
            again = self.answer_entry(parts[index])  # "第二个呢" after two figures: the second
            if again is not None and again.status == "answer":
                return replace(again, kind="nth")  # (the parts stay the last answer's: "最后一个呢")
        if last.kind == "overview":
            members = _PART_LINE_RE.findall(last.answer or last.text)
            rest = rest if rest and not _NAME_ASKED_RE.fullmatch(rest) else "这方面讲了什么"
        else:
            titles = list(dict.fromkeys(TITLE_RE.findall(last.answer)))
            listed = next((_list_items(x) for x in re.split(r"[。；;]", last.answer) if "、" in x), [])
            run = _QUOTED_RUN_RE.search(last.answer)  # "打造“侦查实战中心”“治安风险防控中心”…"
            quoted = re.findall(r"“([^“”]+)”", run.group(0)) if run else []
            # several 《…》 titles, else names quoted one after another, else names listed with 、
            # (one title beside a list names no member)
            members = titles if len(titles) >= 2 else quoted or listed
            rest = rest or "是什么"
        if len(members) < 2 or index >= len(members):
            return None
        again, _ = self._answer(f"{members[index]}{rest}", None, now)
        # (or a report row of the sentence answered: no entry of the member's own)
        row = (again.entry_id or "").startswith("report:") and bool(again.source) and again.source in last.source
        same = again.entry_id == last.entry_id or row
        if again.status == "answer" and same and not said.group("rest").strip():
            # "第三个呢" of 权责清晰、队伍健全、制度完备…: the member itself, not the sentence again
            return answers.member_of(last, index, members[index])
        return again if again.status == "answer" else None

    def _within_last_area(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "其中县里的那个是哪个县" right after an area's sentences: the one of them that holds
        the ask's words (a figure asked is left to the follow-up of figures)."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now):
            return None
        if not (WITHIN_RE.search(text) or NARROWING_RE.match(text) or _THIS_ONE_RE.search(text)):
            return None  # "桃江县的婚调经验得了么子荣誉" asks of its own; "其中…", "只说…", "那个…" point inside
        last = self._last_answer(conversation)
        pack = self.packs[-1]
        if last.kind != "area" or pack.analyze(text).wants_figure:
            return None
        if self._figures_in_last(text, conversation, now)[1]:
            return None  # "就讲成功率": figures named by their own names, not a sentence
        words = [w for w in self._own_words(NARROWING_RE.sub("", text)) if w not in PLACEHOLDERS]
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
        plain, _ = self._answer(NARROWING_RE.sub("", text), None, now)
        if plain.status == "answer" and (plain.figure or plain.parts) and found[0].text in plain.source:
            return None  # "只要诉前调解的" of the figures listed: its figures, not their whole sentence
        return answers.answer_report(pack.knowledge, found[0], None, 1.0, kind="followup")

    def _figures_in_last(self, text: str, conversation: Conversation, now: float) -> tuple[Response | None, bool]:
        """ "只要行政复议那块的比例", "就讲成功率", "只说市本级确定了几项" after an answer: the
        figures of the last answer's sentences the narrowing names, each holding every word said
        (in its own name and sentence, else in its sentence) and of the kind said, and whether
        their own names hold the words; None when none is, or when the words name everything shown."""
        said = _NARROWED_TO_RE.match(PUNCTUATION_RE.sub("", text))
        if said is None or len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now):
            return None, False
        rest = said.group("rest") or said.group("within")
        kind = next((k for k in _KINDS_BY_LENGTH if k in rest), "")
        words = [w for w in self._own_words(rest.replace(kind, " ") if kind else rest) if w not in _KIND_WORDS]
        last = self._last_answer(conversation)
        if last.status != "answer" or not (words or kind):
            return None, False
        kb = self.packs[-1].knowledge
        in_last = [m for m in kb.metrics if m.source and m.source in last.source]
        held = in_last
        if kind:
            held = [m for m in held if measure_fits(KINDS_SAID[kind], "", m.unit, m.value) or kind in m.title]
        # a count named ("跑一次的那个数"): only the figure whose own name says it (跑动1次)
        named = _COUNT_NAMED_RE.findall(convert_numerals(rest))  # ("零跑动": 0, "跑一次": 1)
        held = [m for m in held if all(re.search(rf"(?<![\d.]){n}(?![\d.])", m.title + m.answer) for n in named)]
        own = [m for m in held if all(_holds_word(f"{m.title}{m.answer}", w) for w in words)]
        found = own or [m for m in held if all(_holds_word(m.source, w) for w in words)]
        shown = [m for m in in_last if m.value in last.text]
        if not found or (not words and len(found) == len(shown)):
            return None, False
        parts = [answers.answer(kb, m, 1.0, "followup") for m in found[:MAX_NARROWED_FIGURES]]
        return (parts[0] if len(parts) == 1 else answers.combined(kb, parts)), bool(own)

    def _figure_of_last_area(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "最后市本级定了几项" right after an area's sentences: the one figure of them in the
        unit asked that holds every word the ask says (words of the last answer only)."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.active(now):
            return None
        a = self.packs[-1].analyze(text)
        if not (a.wants_figure and a.intent.unit):
            return None
        last = self._last_answer(conversation)
        words = self._own_words(text)
        if last.kind != "area" or not all(_holds_word(last.source, w) for w in words):
            return None  # a thing of its own, not of the part just shown
        kb = self.packs[-1].knowledge
        found = [
            m
            for m in kb.metrics
            if m.source
            and m.source in last.source
            and m.unit.endswith(a.intent.unit)
            and all(_holds_word(f"{m.title}{m.answer}", w) for w in words)
        ]
        return answers.answer(kb, found[0], 1.0, "followup") if len(found) == 1 else None

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
        return bool(words) and all(KIND_SAID_RE.fullmatch(w) or w in _RECKONING_VERBS for w in words)

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

    def _place_of_last(self, text: str, conversation: Conversation, now: float) -> Response | None:
        """ "那全省呢", "湖南省的呢", "赫山区那边呢" right after a figure: that figure's measure
        asked again of the place said (the report's answer, or its honest "not stated"), never
        another thing whose sentence happens to name that place."""
        if len(text) > MAX_FOLLOW_UP_CHARS or not conversation.last_text or not conversation.active(now):
            return None
        scope = self.packs[-1].analyze(text).scope
        said = [w for w in (*scope.places, *scope.counties, scope.wider) if w]
        rest = _PLACE_GLUE_RE.sub("", PARTICLES_RE.sub("", self._without_scope(text)))
        if not said or scope.years or scope.relative or rest:
            return None
        figure = self._last_answer(conversation).figure
        if figure is None:
            return None  # "那全国呢" after 第二批湖南省示范地区: 全国's own 示范, a thing of its name
        if all(w in getattr(figure, "value", "") for w in said):
            return None  # "那全省呢" after 排名全省第一: the figure is of that place already
        title = getattr(figure, "title", "")  # the measure by its name, not the asker's words
        if title:  # ("1837项是啥" then "全省的呢": 全省's count of them, not 1837项 explained)
            question = f"{title}是多少"
        else:
            last = self.packs[-1].analyze(conversation.last_text)
            question = last.cleaned
            for word in (*last.scope.places, *last.scope.counties, last.scope.wider):
                question = question.replace(word, "") if word else question
        again, _ = self._answer("".join(said) + "的" + question.strip("的，, "), conversation, now)
        declined = again.kind in answers.LACKS_KINDS or again.kind in answers.SCOPE_KINDS
        return again if again.status == "answer" or declined else None

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
        if not _WHICH_WAY_RE.fullmatch(PUNCTUATION_RE.sub("", text)):
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
        asked = [w for w in words_in(WITHIN_RE.sub("", text)) if len(w) >= 2 and w not in PLACEHOLDERS]
        found = [item for item in items if any(w in item for w in asked)]
        ends = [e for w in asked for e in _KIND_ENDS.get(w, ())]  # "县区": members named …县, …区
        found = found or [item for item in items if ends and item.endswith(tuple(ends))]
        if not found or len(found) == len(items):
            return None
        return answers.members_matching(pack.knowledge, sentence, found)
