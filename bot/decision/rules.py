"""Decision: answer a curated entry, answer from the report's text, ask back, or decline.

`choose` picks what would answer (a curated entry, a figure clause or a sentence of the report);
then the decline rules run in order, each a named function returning a `Decline(reason,
detail)` or None. Reasons are codes; their wording lives in answer composition (answers.py).
Thresholds come from `Params`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from bot.analysis import TELLS_RE, Analysis
from bot.analysis.ask import YEAR_RE, narrative
from bot.analysis.check_words import choice_options
from bot.analysis.figures import MOST_ASKED_RE
from bot.analysis.intent import RANK_ASKED_RE, level_only, measure_of, undescribed
from bot.analysis.numbers import CN_DIGITS, EXACTLY_WORDS, written_figure
from bot.analysis.places import gazetteer
from bot.analysis.ruled_out import masked
from bot.analysis.split import MAX_TOPIC_CHARS
from bot.decision.contrast import rule_contrast
from bot.decision.counted import rule_counted_thing
from bot.decision.decline import Decline
from bot.decision.excluded import rule_excluded
from bot.decision.kinds import CHANGE_ASKED_RE, choice_role, rule_figure_kind
from bot.decision.members import rule_other_members
from bot.decision.stages import rule_case_stage
from bot.decision.verify import MEMBER_ASKED_RE, STEP_RE, other_units
from bot.engine.params import Params
from bot.knowledge.reporttext import TARGET_ASKED_RE, figures_of
from bot.retrieval import Candidate
from bot.retrieval.scoring import GLUE_CHARS, GLUE_WORDS, measure_fits
from bot.text import lexicon
from bot.text.normalize import clean, convert_numerals, normalize, pinyin_key
from bot.text.pairs import none_occur, occurs

# Words that make a figure a part, not a whole (新增5个 is not the total number).
PART_WORDS = ("新增", "通过初评", "第一批", "首批", "第二批", "再次", "其中")
# ... of which these make it a part even when no total is asked ("益阳有几个乡镇街道" vs 22个通过初评,
# "行政复议收了多少件" vs 78件调解和解).
STRICT_PART_WORDS = ("新增", "通过初评", "调解和解")
# ... and a question asking for such a part is not answered with the whole.
ASKED_PART_WORDS = ("新增", "新建", "新设", "首批", "第一批", "第二批")
# ... and the words that point at that part ("这次一共赋了多少项": the batch given 再次).
PART_POINTED = {"再次": ("这次", "这回", "这一次", "这一回", "这一批", "这批", "又一批", "再一次")}
# One part, written more ways than one ("首批验收" of 第一批…验收).
SAME_PART = {
    "首批": ("第一批", "头一批", "第1批"),
    "第一批": ("首批", "头一批", "第1批"),
    "新设": ("新增",),  # "新设了几个这种点" of 新增5个立法联系点
    "新建": ("新增",),
}
# Details a question may ask that a sentence states only when it writes them.
DETAILS = (
    ("什么时候|何时|哪天|几月|几号|哪一天|什么时间", r"\d+月|\d+日|施行|生效"),
    ("施行|生效", r"施行|生效"),
    # a brand, never the plaque of an honour received ("拿到了什么牌子", "挂了个牌子")
    (
        r"(?<![拿获挂授颁评得到了么啥个])(?<![拿获挂授颁评得到]哪些)(?<![拿获挂授颁评得到]了哪些)(?:什么|啥|哪个|哪家)?牌子"
        r"|品牌|型号|厂家|厂商",
        r"牌|型号|厂",
    ),
    ("多久|多长时间|几天|期限(?:是|有)?多少天", r"\d+(?:个)?(?:天|日|月|小时|年内)|期限"),
    ("面积|占地多大|多大地方|多少平方", r"平方|亩|面积"),  # 变化多大 asks a change, not an area
    (
        "地址|在哪办公|哪里办公|在哪儿办公|办公地点|在哪个地方|在什么地方|设在哪|在哪里开|在哪开|在哪儿开|在哪召开|在哪举行",
        r"地址|位于|路\d*号|在[\u4e00-\u9fff]{2,8}(?:召开|举行|设立)",
    ),
    # which county or town, which department: the evidence names one
    ("哪个县|哪个区|哪个县区|哪个区县|哪个乡镇|哪个镇|哪个街道", r"[县区镇乡]|街道"),
    (
        "哪个部门|哪个单位|哪个局|哪家单位|哪个机关|哪个机构|谁牵头|牵头单位|牵头部门",
        # (法治政府, 湘易办, 免证办 name no body)
        r"局|委|办公室|(?<![易证])办(?![理事法件])|院|厅|部门|单位|中心|机关|(?<!法治)政府",
    ),
    # a document's articles: the report names documents, it never quotes their articles
    ("条款|条文|细则|全文", r"第[一二三四五六七八九十\d]+条|条款|条文|细则|全文"),
    # the person heading a body ("督查组组长是谁", "委员会主任叫什么"): the evidence names that person
    (
        r"(?:组长|主任|局长|队长|院长|部长|书记|主席|会长|站长|所长|负责人|一把手|领导)(?=(?:是|叫|姓)?(?:谁|哪位|什么|啥|么子))",
        r"(?:组长|主任|局长|队长|院长|部长|书记|主席|会长|站长|所长|负责人)[\u4e00-\u9fff]{2,3}(?:同志|担任|任)",
    ),
    # who gave an honour: the evidence names the one who gave it, not only the one who got it
    (
        "谁评|谁颁|谁授|谁发的|谁批|谁认定|谁命名|谁表彰|哪里评|哪个部门(?:评|颁|授|批|认定|命名)|哪个单位(?:评|颁|授)",
        r"由[\u4e00-\u9fff]{2,12}(?:授予|颁发|评定|认定|命名|表彰|批准)|(?:部|委|厅|院|国务院)(?:授予|颁发|命名|表彰|批准)",
    ),
)


@dataclass(frozen=True)
class Choice:
    """What would answer, and the text it stands on (for the rules)."""

    candidate: Candidate
    text: str  # the answer's evidence: entry source + answer, or the report sentence
    figure_value: str = ""  # the figure answered ("" for a description)
    figure_unit: str = ""
    is_list: bool = False  # the evidence lists items (、 or “…”“…”)
    own_text: str = ""  # the figure's own words (its clause, the entry's name and answer)
    names: str = ""  # what the figure is called: an entry's title and phrasings ("" for report rows)
    title: str = ""  # an entry's title ("" for report rows)
    stated: str = ""  # what the report says: an entry's answer and source ("" for report rows: `text`)


@dataclass
class Decision:
    status: str  # answer | clarify | decline
    choice: Choice | None = None
    decline: Decline | None = None
    options: list[Candidate] = field(default_factory=list)  # clarify options / near questions


def lead_ok(candidates: list[Candidate], params: Params, short: bool) -> bool:
    if not candidates:
        return False
    top = candidates[0]
    runner = candidates[1].score if len(candidates) > 1 else 0.0
    lead = top.score - runner
    margin = params.short_query_margin if short else params.answer_margin
    return (top.score >= params.answer_min and lead >= margin) or (
        top.score >= params.clarify_min and lead >= params.clear_lead
    )


def clarify_options(candidates: list[Candidate], params: Params) -> list[Candidate]:
    if not candidates or candidates[0].score < params.clarify_min:
        return []
    top = candidates[0].score
    return [c for c in candidates if c.score >= params.clarify_min and top - c.score <= params.clarify_window][
        : params.clarify_max
    ]


# --- decline rules ----------------------------------------------------------------------
# Each takes (analysis, choice, context) and returns a Decline or None.


@dataclass(frozen=True)
class Context:
    """What the rules know of the knowledge: the report's normalised text and the pack's scope."""

    report_norm: str
    place_words: tuple[str, ...]  # the covered place and its short names (益阳市, 益阳)
    region_words: tuple[str, ...]  # the province it is in (湖南省, 湖南)
    years: tuple[int, ...]  # years covered
    normalize: object = None  # the pack's normalisation (with its synonyms)
    described: object = None  # a message with the descriptions its synonyms read replaced by the words
    rank_clauses: tuple[str, ...] = ()  # the report's clauses that rank something, normalised


def rule_other_year(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    # "2025年的目标是多少": a goal's year that the report itself writes is not another report's year
    goal = TARGET_ASKED_RE.search(a.text)
    others = [y for y in a.scope.years if y not in ctx.years and not (goal and f"{y}年" in ctx.report_norm)]
    if (
        others
        and not any(y in ctx.years for y in a.scope.years)
        and len(others) == len([y for y in a.scope.years if y not in ctx.years])
    ):
        word = a.scope.relative if a.scope.relative else f"{others[0]}年"
        return Decline("other_year", f"{word}（{others[0]}年）" if a.scope.relative else word)
    compared = _YEAR_COMPARED_RE.search(a.text)
    if compared and int(compared.group(1)) in others and int(compared.group(2)) in ctx.years:
        return Decline("other_year", f"{compared.group(1)}年")  # "2024年…比2023年多了还是少了": 2024 is asked
    # "2023年跟2022年比哪年多": the base year's figure is asked too; only a change the report
    # states (同比上升110%) answers it, a level (2861项) says nothing of the other year
    base = compared_base_year(a, ctx)
    if base and choice is not None and choice_role(choice) != "change":
        return Decline("other_year", f"{base}年")
    return None


# What a statement of change says (同比上升110%, 同比下降10.21%).
CHANGE_STATED_RE = re.compile(r"同比|环比|较上年|比上年|上升|下降|增长|增幅|降幅|减少")


def compared_base_year(a: Analysis, ctx: Context) -> int | None:
    """The year a report's own year is compared with, when no loaded report covers it
    ("2023年跟2022年比哪年多": 2022)."""
    compared = _YEAR_COMPARED_RE.search(a.text)
    if compared and int(compared.group(1)) in ctx.years and int(compared.group(2)) not in ctx.years:
        return int(compared.group(2))
    return None


# A year's figure compared with a year before ("2024年益阳刑事破案数比2023年多了还是少了"): the
# first year is the one asked, the second its base.
_YEAR_COMPARED_RE = re.compile(r"((?:19|20)\d\d)年[^，,。？?]{0,40}?(?:比|较|相比|对比|跟|和|与)((?:19|20)\d\d)年")


def _in_report_word(text: str, place: str, report: str) -> bool:
    """A two-character name that is half of one of the report's words ("问下营商码": 营商),
    not a place named."""
    if len(place) > 2:
        return False
    at = text.find(place)
    if at < 0:
        return False
    pairs = [text[at + 1 : at + 3]] + ([text[at - 1 : at + 1]] if at > 0 else [])
    # a word of the report and of the dictionary ("怀化法律": 化法 is neither word)
    return any(len(p) == 2 and occurs(p, report) and p in lexicon.words() for p in pairs)


def rule_other_place(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    for place in a.scope.places:
        if _in_report_word(a.text, place, ctx.report_norm):
            continue
        if place in ctx.place_words or any(place in w or w in place for w in ctx.place_words):
            continue
        if place in ctx.region_words or any(place in w for w in ctx.region_words):
            continue  # the province: a wider scope, judged by rule_wider_scope
        if choice is not None and place in choice.text:
            continue  # the report names it (湖北 in a sentence about it)
        return Decline("other_place", place)
    return None


def _has_scope_word(text: str, scope: str, region: tuple[str, ...]) -> bool:
    if scope in ("全国", "全中国", "国家层面", "中央"):
        return "全国" in text or "国家" in text or scope in text
    return any(w in text for w in ("全省", "省") + region)


def rule_wider_scope(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """全国 / 全省 asked, but the figure is the city's own (its clause names no such scope)."""
    wider = a.scope.wider or next(
        (p for p in a.scope.places if p in ctx.region_words or any(p in w for w in ctx.region_words)), ""
    )
    if not wider or choice is None:
        return None
    if not a.scope.wider and any(w and w in a.text for w in ctx.place_words):
        return None  # "湖南那个办事app，益阳的旗舰店…": the province names the thing, the city is asked
    city = min((i for w in ctx.place_words if w and (i := a.text.find(w)) >= 0), default=-1)
    if (
        a.scope.wider
        and 0 <= a.text.find(a.scope.wider) < city
        and not _ASKING_RE.search(a.text[:city])
        and a.text[city - 1 : city] not in ("和", "跟", "与", "比", "同")  # "全省的和益阳的比": both asked
    ):
        if not RANK_ASKED_RE.search(a.text):
            return None  # "省里统一的办事软件，益阳专区接进来多少个应用": the province describes, the city is asked
    # ("压缩了百分之多少 处于全省啥水平": a rank asked beside another figure, the province its frame)
    rank_asked = a.intent.measure == "rank" or (RANK_ASKED_RE.search(a.text) and RANK_WORDS_RE.search(choice.text))
    if rank_asked or (choice.figure_value and "第" in choice.figure_value):
        # a rank in the province is the city's own figure, but not a rank in the nation
        if wider in ("全国", "全中国", "国家层面") and not _has_scope_word(choice.own_text or choice.text, wider, ()):
            if a.intent.yes_no and _has_scope_word(choice.own_text or choice.text, "全省", ctx.region_words):
                return None  # "柔性执法率是全国领先对吗": the report says 全省, the check is judged 不是
            return Decline("wider_scope", wider)
        return None
    if choice.figure_value and _has_scope_word(choice.own_text, wider, ctx.region_words):
        return None
    if not choice.figure_value and _has_scope_word(choice.text, wider, ctx.region_words):
        at = a.text.find(wider)
        named = at >= 0 and a.text[at : at + len(wider) + 2] in choice.text  # "湖南省法治政府建设示范地区"
        counted = a.wants_figure and a.intent.unit and not a.intent.yes_no and not named
        if not counted or any(
            _has_scope_word(c, wider, ctx.region_words)
            and re.search(rf"[\d一二两三四五六七八九十][\d.万余多近]*{a.intent.unit}", c)
            for c in CLAUSE_BREAK_RE.split(choice.text)
        ):
            # the explanation says where it stands in the province ("在全省领先"); a count asked of
            # the province ("全省一共有多少家") needs a clause counting it there
            return None
    if not choice.figure_value and a.intent.yes_no:
        national = wider in ("全国", "全中国", "国家层面")
        if _has_scope_word(choice.text, "全省" if national else "全国", ctx.region_words):
            # "婚调经验获评的是全国…先进典型吗" of 省新时代…, "智慧渔政不是只在省里入围了吗" of
            # 全国…推荐名单: the report names the other level, the check is judged
            return None
    return Decline("wider_scope", wider)


# Which kind the members of a count are ("主要是哪个行业的", "都集中在哪些行业", "什么年龄段的多"):
# a breakdown the report gives only where its sentence names that kind.
_KIND_OF_MEMBERS_RE = re.compile(
    r"(?:哪个|哪些|哪几个|哪一个|什么|啥|哪类)(?P<by>行业|领域|年龄段|年龄|职业|工种|性别|学历|规模)"
)
# A figure asked per county or district ("各区县分别", "每个县", "县里的", "分县市区").
_BY_AREA_RE = re.compile(
    r"各(?:个)?(?:区县|县区|县市区|县市|区|县)|每个(?:区县|县区|县|区)|分(?:区县|县区|县市区)|县里|区县里"
)


# Which member of a group is the most ("哪个部门的事项最多", "哪个县首违不罚的企业最多"): only a
# sentence naming the group and ranking in it answers ("处于全省前列" ranks the city, no 部门).
_MOST_RE = f"(?:{MOST_ASKED_RE.pattern})"  # the words of standing first, as figures.py reads them
_WHICH_MOST_RE = re.compile(
    r"哪(?:一个|几个|个|家|些|类|种|一)(?P<by>[\u4e00-\u9fff]{1,4}?)(?:的[\u4e00-\u9fff]{0,6}?)?" + _MOST_RE
)
# A body or a place, then what it did ("哪几个县讨回的最多"): the group ends at its noun.
_WHICH_DID_MOST_RE = re.compile(
    r"哪(?:一个|几个|个|些)(?P<by>[\u4e00-\u9fff]{0,3}?(?:县市区|区县|县|区|部门|单位|乡镇|街道|地方|局))"
    r"[\u4e00-\u9fff]{0,10}?" + _MOST_RE
)


# The one member at the top ("讨回工资最多的一个人", "罚得最少的那家企业"): one of those counted.
_MOST_ONE_RE = re.compile(
    _MOST_RE + r"的(?:一|1|那|这)(?:个|家|位|名|件|起)(?P<by>人|企业|单位|部门|县|区|乡镇|案子|案件|农民工)"
)


def _member_ranked(member: str, text: str) -> bool:
    """Whether a clause of the answer names the member and ranks it ("…企业轻微违规“首次不罚”"
    names 企业; the 领先 of the next clause ranks the city)."""
    return any(member in c and _RANKED_RE.search(c) for c in re.split(r"[，,；;。]", text))


# The most of one member, its noun left out ("讨回最多的一笔", "最大的一件"): the members' own
# amounts, which a total never gives.
_MOST_MEMBER_RE = re.compile(
    _MOST_RE + r"的(?:一|1|那)(?P<unit>笔|单|宗|件|起|个|家|项|次|名)(?![\u4e00-\u9fff]{0,2}?(?:数|率))"
)
# The most, then which member ("免罚最多的是哪家企业", "案子最多的是哪个县").
_MOST_IS_WHICH_RE = re.compile(
    _MOST_RE + r"的(?:是|为|要数|属)?哪(?:一个|一家|个|家|些|几个)(?P<by>[\u4e00-\u9fff]{1,4}?)(?:[啊呀呢吧？?。!！]|$)"
)
# Where a figure stands, as the report words it ("排名全省第一", "处于全省前列", "在全省领先").
# A place among others; an event's ordinal ("第7次会议", "第二批") ranks nothing.
RANK_WORDS_RE = re.compile(
    r"第[一二三四五六七八九十\d]+(?![一二三四五六七八九十\d]*[批次届期号条款章节项])|前列|领先|靠前|排名|位居"
)
_RANKED_RE = re.compile(r"最|首位|" + RANK_WORDS_RE.pattern)
# What a rank clause says besides its rank ("处于全省前列"): where, and the verb of standing.
_RANK_FRAME_RE = re.compile(r"处于|位于|位居|居于|在|全省|全国|省内|全市|的|了|[\W\d_]")


def rule_breakdown(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A county named for a figure the report gives only for the whole city."""
    if choice is None:
        return None
    counted = choice.figure_value or any(n.unit and n.text in choice.text for n in a.numbers)  # "6125家企业…"
    kind = _KIND_OF_MEMBERS_RE.search(a.text) if counted else None
    if kind and kind.group("by") not in choice.text:
        # "讨回工资的370名农民工主要是哪个行业的": a kind of the members counted, never told
        return Decline("breakdown", kind.group("by"))
    by_area = _BY_AREA_RE.search(masked(a.text))  # ("市本级的，不是县里的": no county asked)
    if by_area and not re.search(r"[区县]", choice.text):
        return Decline("breakdown", by_area.group(0))  # "各区县分别是多少": the report has the city's only
    most = (
        _WHICH_DID_MOST_RE.search(a.text)
        or _WHICH_MOST_RE.search(a.text)
        or _MOST_IS_WHICH_RE.search(a.text)
        or _MOST_ONE_RE.search(a.text)
    )
    if most and not _member_ranked(most.group("by"), choice.text):
        return Decline("breakdown", most.group("by"))  # "…里，哪个部门的事项最多": no member is ranked
    member = _MOST_MEMBER_RE.search(a.text) if counted else None
    if member and not _member_ranked(member.group("unit"), choice.text):
        return Decline("breakdown", "每一" + member.group("unit"))  # "讨回最多的一笔是多少钱"
    if a.intent.yes_no and not choice.figure_value:
        return None  # "这个称号不是桃江县那边得的吧": a county in a claim about a name, no figure per county
    for county in a.scope.counties:
        if _in_report_word(a.text, county, ctx.report_norm) or _written_of(a.text, county, ctx.report_norm):
            continue
        short = county.rstrip("区县市")
        if county in choice.text or (len(short) >= 2 and short in choice.text):
            continue
        return Decline("breakdown", county)
    return None


def _written_of(text: str, county: str, report: str) -> bool:
    """Whether the report writes the county with the thing the ask names right after it ("桃江婚调"
    of 桃江县婚调工作经验): the report tells of it, though not in the answer found."""
    short = county.rstrip("区县市")
    for name in {county, short}:
        at = text.find(name)
        after = text[at + len(name) : at + len(name) + 2] if at >= 0 else ""
        if len(after) == 2 and re.search(re.escape(short) + r"[区县市]?" + re.escape(after), report):
            return True
    return False


# A staff lookup naming a count ("收案数", "案件数"): its last two characters before 数.
_COUNT_NAME_RE = re.compile(
    r"[\u4e00-\u9fff]{2}(?<![系指多少分总])数$|^[件项家台处条类种名起次位]数$"
)  # "起数": a count in 起
_RATE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2}率$")
# A staff lookup naming a count of people last: one word ending in it, or it alone after a space.
_PEOPLE_NAMED_RE = re.compile(r"(?:^[\u4e00-\u9fff]+|\s)(?:人数|人员数)$")


def names_measure_word(text: str) -> bool:
    """Whether a word of `text` is a measure's name ending in its kind ("网上可办数 市本级")."""
    return any(
        _COUNT_NAME_RE.search(word) or _RATE_NAME_RE.search(word) for word in re.split(r"[^\u4e00-\u9fff]+", text)
    )


def named_measure(a: Analysis) -> str:
    """The measure a staff lookup names by its last word ("收案数", "可办率"); "" for other asks."""
    if a.intent.kind != "lookup":
        return ""
    named = _COUNT_NAME_RE.search(a.core) or _RATE_NAME_RE.search(a.core)
    return named.group(0) if named else ""


def rule_measure(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """Asked money / people / a percentage / a count, the answer's figure measures something
    else (多少件 asked of a rank or a percentage)."""
    if choice is None or not choice.figure_value:
        return None
    if not a.wants_figure:
        counted = _COUNT_NAME_RE.search(a.core) if a.intent.kind == "lookup" else None
        if (
            counted
            and choice.figure_value.endswith("%")
            and counted.group(0) not in (ctx.normalize or normalize)(choice.names)
        ):
            return Decline("measure", "count")  # "行政复议收案数": a count named, a rate is no answer
        rate = _RATE_NAME_RE.search(a.core) if a.intent.kind == "lookup" else None
        if (
            rate
            and not choice.figure_value.endswith("%")
            and rate.group(0) not in (ctx.normalize or normalize)(choice.names)
        ):
            return Decline("measure", "percent")  # "…事项网上可办率": a rate named, a count is no answer
        people = a.intent.kind == "lookup" and _PEOPLE_NAMED_RE.search(a.raw.strip())
        if people and not measure_fits("people", "", choice.figure_unit, choice.figure_value):
            return Decline("measure", "people")  # "法律援助受理人数": people named, 2900余件 is no answer
        return None
    if a.intent.measure == "rank" and _ranks_figure(choice):
        return None
    if a.intent.measure == "rank" and level_only(a.text) and measure_fits("percent", "", "", choice.figure_value):
        return None  # "填报发布率达到了何种水平": the level of a rate, its value (100%)
    if a.intent.measure == "duration" and _SPAN_WRITTEN_RE.search(choice.text) and _ranks_figure(choice):
        return None  # "全省排第几嗯连续几年了" of 连续两年排名全省第一: the rank and its span, one sentence
    if measure_fits(a.intent.measure, a.intent.unit, choice.figure_unit, choice.figure_value):
        return None
    return Decline("measure", a.intent.measure)


# A clause after a figure that ranks it, with no subject of its own ("…74.1%,处于全省前列").
_RANKS_IT_RE = re.compile(r"[,，](?:处于|位居|居于?|位列|排名|排在)[^\d,，。；;]*?(?:前列|领先|第一|前)")


def _ranks_figure(choice: Choice) -> bool:
    """Whether the figure itself is ranked: in its own words, or in the numberless clause right
    after it ("处于全省前列"); another figure's rank in the same sentence is not its own."""
    if RANK_WORDS_RE.search(choice.own_text):
        return True
    at = choice.text.find(choice.figure_value) if choice.figure_value else -1
    return at >= 0 and bool(_RANKS_IT_RE.match(choice.text, at + len(choice.figure_value)))


_DURATION_WRITTEN_RE = re.compile(
    r"(?<![\d一二两三四五六七八九十])(?:[一二两三四五六七八九十]+|\d{1,2})个?(?:年|月|天|日)(?!度)"
)


# How long a rank has held, written beside it ("连续两年排名全省第一").
_SPAN_WRITTEN_RE = re.compile(r"连续" + _DURATION_WRITTEN_RE.pattern)


def rule_no_figure(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A number asked, or a number of a unit checked ("超过一万次了吧"), of an answer that gives none."""
    # ("一个关于…的意见": an article, no amount)
    checks_amount = a.intent.yes_no and any(
        n.unit and not n.percent and not (n.exact and n.low == 1) for n in a.numbers
    )
    if choice is None or not (a.intent.kind == "figure" or checks_amount) or choice.figure_value:
        return None
    if a.intent.wants_list:
        return None  # "打造了几个中心，是哪几个": the list asked names them
    if a.intent.measure == "rank" and re.search(r"第|前列|领先|靠前", choice.text):
        return None
    if a.intent.measure == "duration" and _DURATION_WRITTEN_RE.search(choice.text):
        return None  # "连续几年了" of 连续两年排名全省第一: a span of time written in words
    figures = figures_of(choice.own_text or choice.text)
    unit = "" if "第几" in a.text else a.intent.unit  # "第几条": which one, no count in 条
    # "填报发布率达到了何种水平": a level asked of nothing it is ranked among; a rate's value answers
    measure = "percent" if a.intent.measure == "rank" and level_only(a.text) else a.intent.measure
    if any(measure_fits(measure, a.intent.unit, f.unit, f.value) and not other_units(unit, f.unit) for f in figures):
        return None  # ("被采纳了多少条" of an explanation stating 4600余件: no count of 条)
    if re.search(r"[一二两三四五六七八九十]个方面", choice.text) and "方面" in a.text:
        return None
    return Decline("no_figure", a.intent.measure)


# Money of a kind named ("花了多少经费", "讨回多少工钱", "免掉的罚款"): only a sum whose own words
# name that kind answers (317万余元 is wages recovered, never legal aid's funding).
_MONEY_KIND_RE = re.compile(
    r"经费|工资|工钱|薪水|薪资|欠薪|罚款|罚金|损失|补贴|补助|奖金|预算|开支|支出|费用|成本|税款|税收|拨款|赔偿|赔款|补偿|"
    r"花(?=了|费|销|掉|去)"  # money spent ("花了多少钱"): 免罚金额 is no spending
)


def rule_money_kind(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A kind of money asked that no sum of the answer is of: every character of the kind's
    name missing from the clause of each sum (and from the figure's own words)."""
    if choice is None or a.intent.measure != "money":
        return None
    kinds = _MONEY_KIND_RE.findall(a.text.replace("金额", "额"))  # 免罚金额 names no 罚金
    if not kinds:
        return None
    if choice.figure_value:
        clauses = [choice.own_text + choice.names]
    else:
        clauses = [f.context + f.clause for f in figures_of(choice.text) if f.kind == "money" or "元" in f.unit]
    for kind in kinds:
        if not any(set(kind) & set(clause) for clause in clauses):
            return Decline("unstated", "花费" if kind == "花" else kind)
    return None


# What an ask says it does not want ("不是问新增的", "不是新增的", "不算新增", "不包括…"), to the end of its clause.
NOT_ASKED_RE = re.compile(r"(?:不是问|不是说|不是指|(?<!是)不是|不要|不算|不包括|不含|而不是|除了)[\u4e00-\u9fff]{0,8}")


_ASPECT_RE = re.compile(r"[了的]")


_QUOTED_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?[万亿]?[余多近]?(?:人次|[个项件家台处条类种名起人位%])")


def _asking_clause(a: Analysis) -> str:
    """The message without its clauses that quote a figure and ask nothing ("22个乡镇通过初评
    全市总共有多少个…参加了创建"): a figure quoted is not what is asked."""
    clauses = [convert_numerals(clean(c)) for c in CLAUSE_BREAK_RE.split(a.raw)]
    kept = [c for c in clauses if c and not (_QUOTED_FIGURE_RE.search(c) and not _QUESTION_WORD_RE.search(c))]
    return "".join(kept) if kept and len(kept) < len(clauses) else a.text


def _part_asked(word: str, asked: str) -> bool:
    """Whether the ask names a part, whole or with words between its two halves ("通过了综合行政
    执法示范创建的初评" names 通过初评); never a part denied ("没通过初评的有没有" asks of the rest)."""
    asked = re.sub(r"(?:没有?|未|不)" + re.escape(word), " ", asked)
    if word in asked or any(w in asked for w in PART_POINTED.get(word, ())):
        return True
    if len(word) == 2:  # "再往园区下放的那一次" names 再次
        return any(word[1] in asked[i + 1 : i + 1 + HALVES_GAP] for i, c in enumerate(asked) if c == word[0])
    if len(word) != 4:
        return False
    head, tail = word[:2], word[2:]
    return head in asked and tail in asked[asked.index(head) + 2 :]


HALVES_GAP = 10  # characters a two-character part's halves may stand apart in the ask


def rule_part_only(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A total asked where the report gives only a part (一共几个立法联系点 vs 新增5个)."""
    if choice is None or not choice.figure_value or not a.wants_figure:
        return None
    if a.intent.total:
        # "总共有多少个，不是问新增的": 新增 is not asked; "通过了初评" asks 通过初评; a figure
        # quoted before the asking clause ("22个乡镇通过初评 全市总共有多少个…") is not asked
        asked = _ASPECT_RE.sub("", NOT_ASKED_RE.sub("", _asking_clause(a)))
        for word in PART_WORDS:
            if word in choice.own_text and not _part_asked(word, asked):
                return Decline("part_only", word)
    for word in ASKED_PART_WORDS:  # "新增了几个" where the report gives the total ("达到12个")
        written = (word, *SAME_PART.get(word, ()))
        if word in a.text and not any(w in choice.own_text or w in choice.text for w in written):
            return Decline("unstated", word)
    offered = bool(choice_options(a.text))  # "应该是四五成还是百分之二十五": numbers offered, nothing named
    for word in STRICT_PART_WORDS:  # not even one of its characters asked (新加, 新曾 are typed too)
        if word in choice.own_text and not set(word) & set(a.text) and not offered:
            return Decline("part_only", word)
    return None


_PARTIAL_RE = re.compile(r"等(\d+|[一二两三四五六七八九十]+)(?:余|多)?(?:个|项|家|类|种|方面)")  # "等30余种"
# Every item asked, beyond those a report names before 等 ("完整", "全部", "其余都是哪些").
_EVERY_ONE_RE = re.compile(
    r"完整(?!的?(?:名字|名称|全称|书名|标题|叫法|说法|题目))|全部|所有|除了.{1,20}?还有(?:哪|什么|啥)|其余|其他(?:的)?(?:是|还有)?哪|剩下的|"
    r"哪(?!1[个项家类种条]|一[个项家类种条])(?:\d+|[一二两三四五六七八九十]+)[个项家类种条]"
)
# The items of a list asked one by one ("都是哪些", "具体是哪几个"), or every one of them.
_WHOLE_LIST_RE = re.compile(_EVERY_ONE_RE.pattern + r"|都是哪|分别是哪|具体是哪")
# A roster asked ("初评通过乡镇名单"), not the name of one ("入围了什么名单", "推荐名单").
_ROSTER_RE = re.compile(r"(?<!推荐)名单")
_ROSTER_NAMED_RE = re.compile(r"(?:什么|啥|哪个|哪一个|个)[^，,。？?！!]{0,6}名单")


def _whole_list(text: str) -> bool:
    """Whether a question asks for every item of a list, not what there is."""
    return bool(_WHOLE_LIST_RE.search(text) or (_ROSTER_RE.search(text) and not _ROSTER_NAMED_RE.search(text)))


# The members of a counted figure asked ("那11项审批服务事项分别是什么"): its list, not its meaning.
_MEMBERS_RE = re.compile(
    r"(?:分别|各自?)是(?:什么|啥)|都是(?:什么|啥)|都叫(?:什么|啥)|具体是(?:什么|啥)|都有(?:什么|啥|哪些)|有哪几|是哪些|有哪些|名单|哪几个|都是谁|(?:包括|包含|涵盖)(?:了|的)?(?:哪|什么|啥)|"
    r"列一下|列出|列个|能列|列明|列举|"  # "那11项事项能列一下吗", "请列明…6项…的具体内容"
    # "一项项讲给我听", "逐项说明", "具体名称": each member in turn, or their names
    r"[一1](?P<each>[项个件条家类种])(?P=each)|逐(?:项|个|一|条)|具体(?:名称|内容)|(?:各自|各项|分别)的?名称"
)


# The number of people there are ("全市行政执法人员一共有多少人", "农民工有多少人"): a noun of
# people, then only 有 and the count asked.
_HEADCOUNT_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,10}?(?:人员|人|工|员|师|群众|干部))(?:一共|总共|共|总|目前|现在)?有?"
    r"(?:多少|几)(?:个|名|位)?(?:人|名)[啊呢呀吧]?$"
)
_COUNT_WORDS = frozenset(("人数", "人次", "数量", "多少", "有多少"))


_SUFFERED_RE = re.compile(r"被[\u4e00-\u9fff]{1,8}?的")


def rule_headcount(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """How many people there are, answered by a count of people who did something (考试,
    讨回工资): the figure counts those who did it, never all of them ("全市行政执法人员一共有多少人"
    is no 执法资格考试人数)."""
    if choice is None or not choice.title or choice.figure_unit[-1:] not in ("人", "名") or a.intent.yes_no:
        return None
    asked = _HEADCOUNT_RE.search(_SCOPE_PREFIX_RE.sub("", a.text))
    if asked is None:
        return None
    noun = asked.group("noun").rsplit("的", 1)[-1]  # "参加考试的执法人员": who, without what they did
    acts = [w for w in lexicon.segment(choice.title) if len(w) >= 2 and w not in noun and w not in _COUNT_WORDS]
    # "考执法资格的" says 资格 of 资格考试; "被拖欠工资的" tells what befell them, not what was done
    told = _SUFFERED_RE.sub("", a.text)
    said = {told[i : i + 2] for i in range(len(told) - 1)}
    if acts and not any(w[i : i + 2] in said for w in acts for i in range(len(w) - 1)):
        return Decline("unstated", noun + "总数")
    return None


# An outcome asked of a count ("考过了多少", "成功了多少件"): the figure must count that outcome, not
# the attempts (5100多名 took the exam; how many passed the report does not say).
_RATED = r"被评为|被评|评上|评为|评成|获评"  # rated in the end ("评上示范", "被评为示范乡镇")
_STEPS = r"验收|审核|评审|考核|初评|终评|复评"  # steps an appraisal is passed in
_OUTCOME_RE = re.compile(
    # "有几个单位通过了": the outcome said after those counted, ending the ask
    r"(?P<passed>考过|考试通过|通过考试|通过了(?:多少|几)|通过了的|通过了?(?:"
    + _STEPS
    + r")的|(?:多少|几)[个名家项位]?[\u4e00-\u9fff]{0,4}?通过了?(?:验收|审核|评审|考核)?[吗呢啊呀]?$|"
    r"合格|及格|考上|拿到证|取得了?(?:资格|证))|"
    # "调成功的案件有几件"; never what can be done ("不用跑路就能办成的事项": capability describes them)
    r"(?P<succeeded>成功了?(?:多少|几)|成功的|(?<![能以])(?:调|办|谈)成了?(?:多少|几)|(?<![能以])(?:调|办|谈)成的)|"
    r"(?P<won>打赢|赢了|胜诉|赢的|败诉|输了)|"  # "援助的案子里打赢了多少": the cases taken on are no wins
    # "最后评上了几个示范乡镇": those rated, not those that passed a step before it (初评)
    rf"(?P<rated>(?:{_RATED})了?[\u4e00-\u9fff]{{0,4}}?(?:多少|几)|(?:多少|几)[个名家项位]?[\u4e00-\u9fff]{{0,4}}?(?:{_RATED})|"
    rf"(?:{_RATED})[\u4e00-\u9fff]{{0,4}}?的)"
)
# The step passed ("通过了验收"): passing one step is not passing another (22个 passed 初评).
_PASSED_STEP_RE = re.compile(r"通过了?(" + _STEPS + ")")
_OUTCOME_WORDS = {
    "passed": re.compile(r"通过|合格|及格|取得"),
    "succeeded": re.compile(r"成功|和解|调成"),
    "won": re.compile(r"胜诉|败诉|打赢|赢"),
    "rated": re.compile(r"评上|评为|获评|荣获|命名|授予|入选"),
}


def rule_outcome(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A count of those that passed or succeeded, answered only by a figure counting that outcome."""
    if choice is None or not choice.figure_value or a.intent.yes_no:
        return None
    asked = _OUTCOME_RE.search(a.text)
    if asked is None:
        return None
    kind = asked.lastgroup
    passed = _PASSED_STEP_RE.search(a.text) if kind == "passed" else None
    if passed and passed.group(1) not in choice.own_text:
        return Decline("unstated", f"通过{passed.group(1)}的数量")  # "通过验收的乡镇" of 通过初评
    if _OUTCOME_WORDS[kind].search(choice.own_text):
        return None
    if kind == "rated":  # "最后有几个评上示范的" of those past 初评: 评上示范的数量
        verb = re.search(_RATED, a.text)
        clause = re.split(r"[，,。？?！!\s]", a.text[verb.start() :])[0] if verb else asked.group(0)
        said = re.sub(r"(?:多少|几)[个名家项位]?|了|[的吗呢啊呀]+$", "", clause)
        return Decline("unstated", said + "的数量")
    said = re.sub(r"^(?:多少|几)[个名家项位]?", "", asked.group(0).rstrip("吗呢啊呀"))  # "几个单位通过了": 单位通过
    return Decline("unstated", said.rstrip("多少几了的") + "的数量")


def rule_after_the_step(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """What came of a step ("智慧渔政最后评上示范项目了没有") where the report stops at the
    step (入围…推荐名单): the outcome is not stated, neither 是的 nor 不是."""
    if choice is None or not a.intent.yes_no or not _OUTCOME_LATER_RE.search(a.text):
        return None
    said = choice.stated or choice.text
    if STEP_RE.search(_OUTCOME_LATER_RE.sub("", a.text)):
        return None  # ("最后是进了推荐名单吧": the step itself asked)
    # the clause that calls it a step is about what the check names ("智慧渔政…示范项目")
    steps = [c for c in re.split(r"[，,。；;、]", said) if STEP_RE.search(c)]
    words = [w for w in lexicon.segment(clean(a.text)) if len(w) >= 2 and w not in _NOT_MEASURE_WORDS]
    if not any(w in c for c in steps for w in words):
        return None
    return Decline("unstated", "最终结果")


# The outcome after a step asked ("最后", "最终", "后来"); the step is verify.STEP_RE (入围推荐名单, 候选, …).
_OUTCOME_LATER_RE = re.compile(r"最后|最终|后来|到头来")
_COUNT_ASKED_RE = re.compile(r"(?<!哪)几(?![百千万])|多少")
# The names of the things a count counts ("通过初评的22个乡镇叫啥名字"), the counted noun right
# before the name asked ("收录70个案例的那本书叫啥" names one book: 的 parts them).
_COUNTED_NAMED_RE = re.compile(
    r"\d+[个项家件名类种处条批][^的，,。？?！!\s]{0,8}?(?:都|分别|各自?)?"
    r"(?:叫|是)(?:什么|啥|么子)(?:名字|名称|名儿)|\d+[个项家件名类种处条批][^的，,。？?！!\s]{0,8}?的?名字(?:叫|是)"
)
_WHICH_RE = re.compile(r"哪")
# A member checked by name: a place or a body ("泉交河镇", "市公安局"), never a figure or a kind.
_MEMBER_NAME_RE = re.compile(r"(?:镇|乡|街道|村|社区|县|区|市|局|委|办|中心|公司|厂|单位|学校|医院)$")
_WHICH_COUNT_RE = re.compile(r"哪(\d+(?:\.\d+)?[个项家类种条处件名人批次])")
_WHICH_ENDS_RE = re.compile(r"(?:是|有)?(?:哪些|哪几[个项家类种条处]?)[呢啊呀吧？?。！!\s]*$")


def _names_all_counted(text: str, counted: str) -> bool:
    """Whether the text lists as many items as a count it writes (counted: "五个"), right
    before it ("权责清晰、队伍健全、制度完备、执法规范、保障到位等五个方面")."""
    written, count = convert_numerals(text), convert_numerals(counted)
    number = re.match(r"\d+", count)
    if number is None or int(number.group(0)) < 2:
        return False
    for m in re.finditer(re.escape(count), written):
        listed = re.split(r"[，,。；;：:]", written[: m.start()])[-1]
        if listed.count("、") >= int(number.group(0)) - 1:
            return True
    return False


def members_asked(text: str) -> bool:
    """Whether the text asks the members of a count ("那50余类证明材料具体是什么", "列一下")."""
    return bool(_MEMBERS_RE.search(text))


def _abbreviates(name: str, text: str) -> bool:
    """Whether a name is written in the text, in full or shortened (市科技局: 市科学技术局)."""
    return any(re.search(".{0,4}?".join(map(re.escape, name)), clause) for clause in re.split(r"[，,。；;、]", text))


def rule_count_only(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A list asked where the report gives a count only (具体是哪6项), or names only some of
    the items ("市市监局、市科学技术局等11个单位") while the question wants them all."""
    # a count the asker names ("那11项", "那50余类" as the report writes it): its members asked
    members = (_MEMBERS_RE.search(a.text) or _COUNTED_NAMED_RE.search(convert_numerals(a.text))) and any(
        n.unit and (n.exact or n.text in ctx.report_norm) for n in a.numbers
    )
    checked = MEMBER_ASKED_RE.search(a.text) if choice is not None and a.intent.yes_no else None
    if (
        checked
        and _MEMBER_NAME_RE.search(checked.group("name"))
        and re.search(r"[个家项件名人种类处]$", choice.figure_value)
        and not re.search(r"[一二两三四五六七八九十百千万半成倍]", checked.group("name"))  # "有没有一半"
        and checked.group("name") not in ctx.report_norm
        and not _abbreviates(checked.group("name"), choice.text)  # "市科技局" of 市科学技术局
    ):
        # "22个通过初评的乡镇 有没有我们泉交河镇": one member checked of a count whose members the
        # report does not name (or names only some of: "…等11个单位"): neither 是的 nor 不是
        if not _LIST_RUN_RE.search(choice.own_text) or _PARTIAL_RE.search(choice.own_text):
            return Decline("count_only", choice.figure_value)
    if choice is None or not (a.intent.wants_list or members):
        return None
    if a.intent.yes_no and not members and not _WHICH_RE.search(a.text):
        return None  # "智慧渔政是全国的名单吧": a check of the list named, no members asked
    if _COUNT_ASKED_RE.search(a.text) and _WHICH_ENDS_RE.search(a.text):
        # "新增了几个立法联系点，分别是哪些": the count is asked too, and answers (not "…一共有
        # 多少名，都是哪些律所的", whose list names another thing)
        return None
    if members and choice.figure_value and not re.search(r"、|”“", choice.own_text):
        return Decline("count_only", choice.figure_value)  # "通过初评的22个乡镇街道是哪些": no list by the count
    # the partial list of the figure answered ("等11个单位" of 11个), never another's ("等五个方面")
    partials = [p.group(0)[1:] for p in _PARTIAL_RE.finditer(choice.text)]
    asked = [n.text for n in a.numbers if n.unit]  # "11个验收单位都是哪些": the count named
    partial = next(
        (p for p in partials if (p in choice.figure_value if choice.figure_value else not asked or p in asked)), ""
    )
    whole = _whole_list(a.text)
    named_some = bool(partial) and partial in choice.figure_value  # "无车证明、有无房证明等30余种"
    of = re.search(re.escape(partial) + r"([\u4e00-\u9fff]{2})", choice.text) if partial else None
    if of and of.group(1) in a.text and _names_all_counted(choice.text, partial):
        partial = ""  # "从权责清晰、队伍健全、…等五个方面": every one of the five is named
    if partial and (whole if not named_some else _EVERY_ONE_RE.search(a.raw) or _ROSTER_RE.search(a.text)):
        # "11个单位的完整名单", "其余都是哪些": every one, where the report names some of the
        # figure's (…等11个); "具体是哪些" gets the ones it names
        return Decline("count_only", partial)
    named = next((n for n in asked if n in choice.text), "") if not choice.figure_value and not partial else ""
    if named and (whole or members):
        return Decline("count_only", named)  # "那22个…具体是哪些": the sentence lists other things
    named = members or _NAMES_ASKED_RE.search(a.text)
    counted = _count_stated(a, choice.text) if named and choice.is_list else ""
    if counted:
        # "一目录五清单 那五个清单分别叫什么": the report counts five 清单 and its one list (一目录、五清单)
        # has two items, not five
        return Decline("count_only", counted)
    if choice.is_list or not (whole or members):
        return None  # a plain "有哪些" gets the sentence; only "具体是哪6项" asks what is not there
    quoted = next((n.text for n in a.numbers if n.exact and n.unit), "")
    which = _WHICH_COUNT_RE.search(a.text)  # "具体是哪6项": the count the asker names
    return Decline("count_only", choice.figure_value or quoted or (which.group(1) if which else ""))


_LIST_RUN_RE = re.compile(r"[^、，,。；;：:“”]{1,30}(?:、[^、，,。；;：:“”]{1,30})+|(?:“[^”]{1,30}”){2,}")


_NAMES_ASKED_RE = re.compile(r"分别叫(?:什么|啥)|各叫(?:什么|啥)|(?:分别|各)是哪(?:\d+|几)?[个项类种条家]?")


def _count_stated(a: Analysis, evidence: str) -> str:
    """The count asked of ("那五个清单"), when the evidence counts the same thing by the same
    number (五清单) and none of its lists has that many items; "" otherwise."""
    written = convert_numerals(evidence)
    for n in a.numbers:
        if not (n.exact and n.unit and n.low == n.high and n.low > _items_listed(evidence)):
            continue
        noun = re.match(r"[\u4e00-\u9fff]{1,2}", a.text[n.end :])
        said = str(int(n.low)) + (f"|{CN_DIGITS[int(n.low) - 1]}" if n.low <= len(CN_DIGITS) else "")
        if noun and re.search(rf"(?<![\d.])(?:{said})(?:{re.escape(n.unit)})?{re.escape(noun.group(0))}", written):
            return n.text
    return ""


def _items_listed(text: str) -> int:
    """The most items one list of `text` names ("A、B和C" 2+, "“A”“B”" 2): 0 when none."""
    return max(
        (
            run.group(0).count("、") + 1 if "、" in run.group(0) else run.group(0).count("“")
            for run in _LIST_RUN_RE.finditer(text)
        ),
        default=0,
    )


_SUBPART_RE = re.compile(
    r"(?:里面|里头|当中|其中|里(?![面头了过着])|(?<![其当])中)(?:的|有)?(?!一共|总共|共计|一起|加起来)([\u4e00-\u9fff]{2,10}?)(?:的)?(?:共|一共|总共)?(?:占|有|是)(?:多少|几)|"
    # "70个典型案例里A、B、C各有几个" (the marks between the kinds read away): each kind's part
    r"(?:里面|里头|当中|其中|里(?![面头])|(?<![其当])中)([\u4e00-\u9fff]{2,30}?)(?:的)?(?:各|分别)(?:占|有|是)(?:多少|几)|"
    r"(?:里面|里头|当中|里(?![面头])|(?<![其当])中)(?:有)?多少(?:是|为|属于)([\u4e00-\u9fff]{2,8})"
)


# A count asked ("几件", "多少", "…案例数"), not an ordinal ("第几批") nor which one.
_KIND_COUNTED_RE = re.compile(r"(?<![哪第])几(?![百千万])|多少|数$|数量|数目")
# Words that take a kind named as an example of the whole ("招商引资这些合同", "…等领域", "一共").
_WHOLE_MEANT_RE = re.compile(
    r"等|这些|那些|这类|那类|这种|那种|像|比如|例如|之类|还有|什么的|一共|总共|共计|总数|合计|加起来|全部|所有"
)


# The report itself, a place ("市里头…") or a filler before 里/中 names no whole whose part is asked.
_NO_WHOLE_RE = re.compile(
    r"(?:报告|文件|原文)(?:里面|里头|当中|里|中|上)|(?:市|县|区|镇|乡|村|省|城)(?:里面|里头|里)|这里|那里|"
    # where the asker is ("坐在屋里就能办好的事情", "在家里手机上办"): no whole of the report's
    r"(?:屋|家|房|屋子|房子|手机|电脑)(?:里面|里头|里|中)|"
    r"到底|究竟|一共|总共|大概|大约"
)


# One of two things counted together asked alone ("单说听证室" of 询问室、听证室近200处).
# Each of several asked apart ("分别建了多少处", "各有多少").
_EACH_RE = re.compile(r"分别|各自|各有|各是|各建|各多少|单独|分开|分项|拆开")
_ALONE_RE = re.compile(r"单说|单看|单算|单独|只说|只算|只看|光说|光算|光看|仅仅|仅")


def rule_one_of_a_pair(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """The figure counts two things together and the ask wants one of them alone, or each of
    them apart ("询问室和听证室分别建了多少处")."""
    if choice is None or not choice.figure_value:
        return None
    alone, each = _ALONE_RE.search(a.text), _EACH_RE.search(a.text)
    checked = not alone and a.intent.yes_no and a.numbers  # "询问室是不是建了一百多间": one of them checked
    if not (alone or each or checked):
        return None
    own = choice.own_text
    for mark in re.finditer("、", own):
        left, right = own[: mark.start()], own[mark.end() :]
        first = re.split(r"[，,；;。、\s]", left)[-1]
        second = re.split(r"[，,；;。、等\s]", right)[0]
        named = [w for w in (_named_end(left, a.text), _named_end(right[::-1], a.text[::-1])[::-1]) if w]
        named = [w for w in named if not (w in first and w in second)]  # "证明" of 无车证明、有无房证明: both
        if checked and len(named) == 1:
            other = second if named[0] in first else first
            other = (
                re.match(r"[\u4e00-\u9fff]*", other).group(0)
                if other is second
                else _HANZI_END_RE.search(other).group(0)
            )
            if (set(other) - set(named[0])) & set(a.text):
                continue  # "问话和开听证会用的房间": the other one described in the asker's words
        if ((alone or checked) and len(named) == 1) or (each and len(named) == 2):
            both = f"{_HANZI_END_RE.search(left).group(0)}、{_HANZI_START_RE.match(right).group(0)}"
            return Decline("together", both)  # "报告只给出了询问室、听证室合在一起的数字"
    return None


_HANZI_END_RE = re.compile(r"[\u4e00-\u9fff]{0,3}$")
_HANZI_START_RE = re.compile(r"[\u4e00-\u9fff]{0,3}")


def _named_end(text: str, ask: str) -> str:
    """The longest end of `text` (two to four characters) the ask writes, or ""."""
    return next((text[-k:] for k in (4, 3, 2) if len(text) >= k and text[-k:] in ask), "")


_LISTED_RE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+等")  # "招商引资、战略合作、融资贷款等"


def _listed_kinds(text: str) -> list[list[str]]:
    """The kinds of each list a clause counts together ("涉及A、B、C等": A, B, C), its listing
    verb (涉及, 包括) left out."""
    return [
        [k for k in (_IN_LEAD_RE.sub("", k) for k in listed.group(0).rstrip("等").split("、")) if len(k) >= 2]
        for listed in _LISTED_RE.finditer(text)
    ]


# What comes before a list's first kind, up to its listing verb ("政府涉及招商引资": 招商引资).
_IN_LEAD_RE = re.compile(r"^.*(?:涉及到?|包括|包含|涵盖|覆盖|比如|例如)")


_LEAD_VERB_RE = re.compile(r"^(?:涉及到?|包括|包含|涵盖|覆盖|比如|例如)")  # "涉及生态环境保护、…": 涉及 lists


def _figure_clauses(choice: Choice) -> str:
    """The clause of the source sentence writing the choice's figure, with the clause after it
    when that one lists what the figure covers ("…典型案例70个,涉及A、B、C等20多个方面")."""
    clauses = re.split(r"[，,；;。]", choice.text)
    found = [
        "，".join([c] + [n for n in clauses[i + 1 : i + 2] if _LEAD_VERB_RE.match(n)])
        for i, c in enumerate(clauses)
        if choice.figure_value and choice.figure_value in c
    ]
    return "。".join(found) if found else choice.own_text or ""


def _one_of_listed(part: str, text: str) -> bool:
    """Whether the part asked is one kind of a list the figure's clause counts together
    ("涉及招商引资、战略合作、融资贷款等领域合同…102件")."""
    return any(k in part for kinds in _listed_kinds(text) for k in kinds)


def _kinds_named(asked: str, text: str) -> list[str]:
    """The kinds of a list the figure's clause counts together ("A、B、C等") that the ask names."""
    return list(dict.fromkeys(k for kinds in _listed_kinds(text) for k in kinds if k in asked))


def kinds_of_one_list(parts: tuple[str, ...], report: str) -> bool:
    """Whether the parts of a message are, each, a kind of one list the report counts together
    ("70个典型案例里A、B、C各有几个" of A、B、C等20多个方面): a breakdown, not several figures."""
    return any(sum(any(k in p for k in kinds) for p in parts) >= 2 for kinds in _listed_kinds(report))


PART_CHARS_MIN = 0.6  # share of a part's characters the answer's clause must write to be no part of it
PART_PAIRS_MIN = 0.34  # ... and more than this share of its character pairs


def rule_subpart(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A part of a figure asked ("法律援助案件里刑事案件占多少", "70个典型案例里城管执法的有几个")
    that the report does not break out: the part's words are not in the answer's clause, or
    the quoted whole is not followed by 其中 in the answer's sentence."""
    if choice is None or not (choice.figure_value or (a.wants_figure and figures_of(choice.text))):
        return None  # (an explanation holding the whole's figure answers a part no better)
    # "报告里…是多少", "旗舰店里头到底有多少": no part asked
    match = _SUBPART_RE.search(_NO_WHOLE_RE.sub("", a.text))
    if not match:
        # "招商引资类合同几件", "城管执法典型案例数": one kind of a list the figure counts
        # together ("涉及A、B、C等…"), named as what is counted, not as an example of the whole
        kinds = _kinds_named(a.text, _figure_clauses(choice))
        if kinds and _KIND_COUNTED_RE.search(a.text) and not a.intent.yes_no and not _WHOLE_MEANT_RE.search(a.text):
            return Decline("breakdown", "、".join(kinds))
        return None
    part = next(g for g in match.groups() if g)
    kinds = _kinds_named(part, choice.text)
    part = "、".join(kinds) if len(kinds) >= 2 else part  # the kinds as the report lists them
    if a.quotes_figure and "其中" not in choice.text:
        return Decline("breakdown", part)
    own_text = choice.own_text or choice.text
    if _one_of_listed(part, own_text):
        return Decline("breakdown", part)  # "其中招商引资的合同": one kind of a list the figure counts together
    own = set(own_text)
    pairs = [part[i : i + 2] for i in range(len(part) - 1)]
    # most of its characters the answer's, and more than a third of its pairs ("小微企业": 微 of
    # 轻微 and 企业 are the answer's, 小微 is not; "接进去的业务应用" is told in its words)
    chars = sum(c in own for c in part) / len(part)
    if chars >= PART_CHARS_MIN and sum(p in own_text for p in pairs) / len(pairs) > PART_PAIRS_MIN:
        return None
    return Decline("breakdown", part)


# An ordinal of a series ("第二批", "第7次", "首批"); group 1 is its unit (批 for 首批).
ORDINAL_RE = re.compile(r"第(?:[一二三四五六七八九十]+|\d+)([批次届期])|首批")


def rule_ordinal(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """An ordinal the answer does not have ("第三批…有哪些" where the report names the second)."""
    if choice is None:
        return None
    evidence = convert_numerals(clean(choice.text))
    written = {ordinal_key(m.group(0)) for m in ORDINAL_RE.finditer(evidence)}
    for match in ORDINAL_RE.finditer(a.text):
        word = match.group(0)
        if a.intent.yes_no and _CLAIMED_AS_RE.search(a.text[: match.start()]):
            continue  # "是第三批评上的吗": a claim of which one, 不是 (verify.py); not "第三批出了没"
        if word in evidence or ordinal_key(word) in written:
            continue  # "首批验收" of 第一批…验收: one ordinal, two writings
        unit = match.group(1) or "批"
        if re.search(r"第(?:[一二三四五六七八九十]+|\d+)" + unit + ("|首批" if unit == "批" else ""), evidence):
            typed = (
                m.group(0) for m in ORDINAL_RE.finditer(clean(a.raw)) if ordinal_key(m.group(0)) == ordinal_key(word)
            )
            return Decline("unstated", next(typed, word))  # as typed: 第三批, not 第3批
    which = _WHICH_ORDINAL_RE.search(a.text)
    if which and not re.search(r"第(?:[一二三四五六七八九十百]+|\d+)" + which.group(1), evidence):
        return Decline("unstated", which.group(0))  # "首违不罚是第几条规定的": the report numbers no 条
    return None


# What makes an ordinal the claim of a check ("是第三批…吗", "评上第三批了吧"), not its subject.
_CLAIMED_AS_RE = re.compile(r"(?:是|为|属于|评上|评为|进了|列入|入选)(?:不是)?$")


def ordinal_key(word: str) -> str:
    """An ordinal in one writing: 首批 and 第一批 are 第1批."""
    return "第1批" if word in ("首批", "头一批", "第一批") else convert_numerals(word)


# An ordinal asked of a numbered thing ("第几条", "第几款"); 第几批/第几次 and ranks are read elsewhere.
_WHICH_ORDINAL_RE = re.compile(r"第几([条款章节项号])")


def rule_known_figure(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A figure question whose message already writes the figure found, not to check it ("22个
    乡镇通过初评以后，最后有几个评上示范的"): the asker knows it and asks something further,
    which the report does not state."""
    if choice is None or not choice.figure_value or a.intent.kind != "figure" or a.checks_number:
        return None
    if a.figure_is_subject:
        return None  # "一千零二十四项是跑几次的事项": the figure is what is asked about
    if _NUMBER_OR_WHAT_RE.search(a.text) or choice_options(a.text):
        return None  # "和解率是25%还是多少", "是两三成还是百分之九十三": numbers offered, the figure asked
    quoted = written_figure(a.numbers, convert_numerals(choice.figure_value))
    return Decline("unstated", _asked_further(a.raw, quoted.text)) if quoted else None


# A number offered and the figure asked in the same breath ("是25%还是多少", "4400台还是几台").
_NUMBER_OR_WHAT_RE = re.compile(r"\d[^，,。？?]{0,6}还是(?:多少|几|好多|啥|什么|别的)")


def _asked_further(raw: str, quoted: str) -> str:
    """What is asked beyond a quoted figure: the last clause after it, without its words of
    asking ("22个乡镇通过初评以后，最后有几个评上示范的" → 评上示范)."""
    clauses = [c for c in CLAUSE_BREAK_RE.split(raw) if c]
    clause = clauses[-1] if clauses else raw
    if quoted in convert_numerals(clause):
        clause = convert_numerals(clause).split(quoted, 1)[1]
    words = [w for w in lexicon.segment(_ASKING_RE.sub(" ", clause)) if w.strip() and w not in _ASKED_FILLERS]
    return "".join(words)[:12] or clause[:12]


_ASKED_FILLERS = frozenset("最后 最终 后来 一共 总共 有 是 又 还 那 那么 到底 究竟 个 的 了".split())


def rule_unstated_detail(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A detail asked (when, which brand, how long, where it sits) that the evidence never writes."""
    if choice is None:
        return None
    cleaned = undescribed(a.cleaned)  # "几天内办完的那个期限，…砍掉了多少": 几天 describes, asks nothing
    for asked, written in DETAILS:
        found = re.search(asked, cleaned)
        if found and not re.search(written, choice.text) and not _option_named(choice.text, a.cleaned):
            return Decline("unstated", found.group(0))
    return None


def _option_named(evidence: str, asked: str) -> bool:
    """ "…谁评的 全国的还是省里的": a choice of options, one of which the evidence names."""
    m = re.search(r"([\u4e00-\u9fff]{1,4}?)的?还是([\u4e00-\u9fff]{1,4}?)的?(?:呢|啊|呀|吧)?$", asked)
    return m is not None and any(o.rstrip("里")[-2:] in evidence for o in m.groups())


_RATE_OF_RE = re.compile(r"([\u4e00-\u9fff]{2})率")


def rule_rate_name(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """ "纠错率" asked, the answer is the 调解和解率: the two characters naming a rate must be in
    the figure's own words (成功率 asked as 调解成功率 or 调处成功率 both fit)."""
    if choice is None or "%" not in (choice.figure_value or choice.text):
        return None  # no rate answered (a sentence quoted whole may state one: its words count)
    norm = ctx.normalize or normalize
    own = norm(choice.own_text if choice.figure_value else choice.text)
    for match in _RATE_OF_RE.finditer(a.text):
        name = match.group(1)
        if name in ("成功", "比例") or name in own or norm(name) in own:
            continue
        if choice.figure_value and any(c in own for c in name):
            continue  # a typed character of the figure's own rate name (城功率); in a sentence
            # quoted whole (纠纷 of 纠错) a shared character says nothing
        return Decline("unstated", match.group(0))
    return None


# What a rank is asked of: the words before where it stands ("柔性执法率|在全省排第几").
_RANKED_SUBJECT_RE = re.compile(
    r"^(?P<subject>.{2,20}?)(?:在|于)?(?:全省|省里|省内|全国)(?:的)?(?:应该|是不是|是否|也|还|都|到底|真的|没有?)?"
    r"(?:排第|排名|排在|位列|位居|排|算|靠|处于|是|什么|啥|领先|落后|垫底|倒数|数一数二|名列前茅|"
    r"不|很|太|挺|蛮|比较|有点|末尾|差)|"  # "在全省不靠后吧", "在省里是不是很差": how well, said in everyday words
    r"^(?P<bare>.{2,20}?)(?:排第|排名|排在|位列|位居)"
)


def rule_rank_subject(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A rank answers only for the subject asked: every word of the report before "在全省排第几"
    is the ranked figure's own ("柔性执法率在全省排第几" is no 两法衔接平台录入数排名)."""
    if choice is None or a.intent.measure != "rank":
        return None
    if _EXACT_RANK_RE.search(a.text) and not _ORDINAL_RANK_RE.search(choice.stated or choice.text):
        return Decline("unstated", EXACT_RANK)  # "全省具体排第几名" of 处于全省前列: no place given
    # the clause that asks where it stands ("报告里说…排名靠前 那它案件录入数排第几"): the last
    clauses = [_SCOPE_PREFIX_RE.sub("", clean(c)) for c in re.split(r"[，,。；;？?！!\s]+", a.raw) if c]
    asked = next((m for c in reversed(clauses[1:]) if (m := _RANKED_SUBJECT_RE.match(c))), None)
    asked = asked or _RANKED_SUBJECT_RE.match(_SCOPE_PREFIX_RE.sub("", a.text))
    if asked is None:
        return None
    evidence = ctx.normalize(choice.text) if ctx.normalize else choice.text
    subject = asked.group("subject") or asked.group("bare")
    words = [w for w in lexicon.words_in(subject) if len(w) >= 2 and w not in MEASURE_NEUTRAL]
    for word in words:
        if occurs(word, ctx.report_norm) and word not in evidence:
            return Decline("unstated", f"{subject}的排名")
    # the rank stands in a clause naming the subject ("柔性执法率在全省领先"), not another's
    # ("出庭应诉率为100%、…案件数量在全省排名靠前"), and ranks a rate only when a rate is asked
    # (办理案件 is not 案件柔性执法率)
    norm = ctx.normalize or (lambda t: t)
    said = choice.stated or choice.text  # never a phrasing ("企业第1次犯点小错会被罚款")
    parts = re.split(r"[，,；;。、]", said)
    # a rank clause naming nothing ranks the clause before it ("…压缩率74.1%,处于全省前列")
    ranked = [
        norm((parts[k - 1] if k and not _RANK_FRAME_RE.sub("", RANK_WORDS_RE.sub("", c)) else "") + c)
        for k, c in enumerate(parts)
        if RANK_WORDS_RE.search(c)
    ]
    head = next((w for w in reversed(words) if occurs(w, ctx.report_norm)), "")
    rate = "率" in subject or "%" in convert_numerals(subject)  # "压缩了百分之七十四点一": a rate said by its value
    own = bool(choice.figure_value) and _ranks_figure(choice)  # a sentence without a figure ranks in its clauses
    if head and not any(head in c and _ranks_a_rate(c) == rate for c in ranked) and not own:
        return Decline("unstated", f"{subject}的排名")
    # the subject asked is another's the report ranks in a clause of its own ("两法衔接平台行政执法
    # 案件数量…排名靠前" is no 两法衔接平台案件录入数, ranked first)
    written = [w for w in words if occurs(w, ctx.report_norm)]
    others = [c for c in ctx.rank_clauses if c not in norm(said)]
    holding = [c for c in others if all(w in c for w in written)]
    # the subject is the report's words but a character or so ("执法记路仪": 记路仪 is not, no
    # other clause is meant)
    known = [w for w in lexicon.words_in(subject) if occurs(w, ctx.report_norm)]
    whole = sum(map(len, known)) >= len(_NOT_SUBJECT_CHAR_RE.sub("", subject)) - 1
    if written and whole and holding and not any(all(w in c for w in written) for c in ranked):
        return Decline("elsewhere", holding[0])  # that clause's sentence answers
    return None


# An exact place asked ("具体排第几名", "准确的名次"), and a place the report gives as one (全省第一).
EXACT_RANK = "具体名次"
EXACT_RANK = "具体名次"
_EXACT_RANK_RE = re.compile(r"(?:具体|确切|准确)[^，,。？?]{0,4}(?:第几|名次|排名)")
_ORDINAL_RANK_RE = re.compile(r"第[一二三四五六七八九十\d]+(?![一二三四五六七八九十\d]*[批次届期号条款章节项])")
_NOT_SUBJECT_CHAR_RE = re.compile(r"[^\u4e00-\u9fff]|[的之了]")  # what a subject's words leave out


def rank_clauses(sentences: list[str], norm) -> dict[str, str]:
    """The clauses of a report's sentences that rank something ("…案件数量在全省排名靠前"),
    normalised, each with the sentence it stands in."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for clause in re.split(r"[，,；;、。]", sentence):
            if RANK_WORDS_RE.search(clause):
                found.setdefault(norm(clause), sentence)  # the first sentence saying it
    return found


def _ranks_a_rate(clause: str) -> bool:
    """Whether what a clause ranks is a rate: 率 before its word of rank."""
    at = RANK_WORDS_RE.search(clause)
    return "率" in clause[: at.start()] if at else False


# A figure's name that negates what it counts ("首次不罚企业数", "免罚金额"): the verb and what follows.
_NEGATED_NAME_RE = re.compile(r"(?:不|免|未|无|没)([\u4e00-\u9fff])([\u4e00-\u9fff]{2})")


# Words negating the verb they stand next to ("不罚", "免掉的罚款", "罚款减免了"); 有没有 asks.
_NEGATOR_RE = re.compile(r"^(?:不|免|未|无|没|别|冇|减|少|省下|省掉|省了|省$)")
_VERB_GLUE = frozenset("了的哒掉过被受下")


def _done_verb(words: tuple[str, ...], verb: str) -> str | None:
    """The first word of `verb` ("罚", "罚款") no negation stands with: one before it in its
    clause, since the verb before ("首次不罚一共免了企业多少罚款"), or one right after it
    ("罚款减免了", "罚都冇罚")."""
    pending = False
    for i, word in enumerate(words):
        if word.lstrip("被受") in (verb, verb + "款"):  # "受罚企业"
            after = [w for w in words[i + 1 : i + 4] if w not in _VERB_GLUE]
            after = after[1:] if after and after[0] in ("都", "也") else after  # "罚都冇罚"
            if not pending and not (after and _NEGATOR_RE.match(after[0])):
                return word
            pending = False
        elif verb in word and _NEGATOR_RE.match(word):
            pending = False  # "不罚": the verb negated in one word
        elif _NEGATOR_RE.match(word) and word != "多少":
            pending = True
        elif not re.search(r"\w", word):
            pending = False  # a space or a mark: what was said ends
    return None


def rule_opposite(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A figure named by what was not done never counts those it was done to: "被罚的企业一共
    多少家" is not 首次不罚企业数 (the ask says 罚 of 企业 and negates nothing)."""
    if choice is None or not choice.title or not choice.figure_value:
        return None
    names = list(_NEGATED_NAME_RE.finditer(choice.title))
    if not names:
        return None  # (most figures: nothing read of the ask)
    asking = _asking_clauses(a)  # as typed ("免掉的罚款"), never the asker's story ("我去年被罚过款")
    # each clause on its own, and only one that asks a figure of this one's kind ("首次不罚的企业
    # 有几家，罚款金额是多少": the 罚款 asked is money, no count of 企业)
    fitting = [
        lexicon.segment(c)
        for c in asking
        if c and measure_fits(measure_of(c), "", choice.figure_unit, choice.figure_value)
    ]
    for named in names:
        verb, noun = named.groups()
        done = next((d for words in fitting if (d := _done_verb(words, verb))), None)
        if done is None:
            continue  # "没被罚的企业", "首次不罚免掉的罚款", "罚款减免了多少": what the name says
        # "罚款金额" of 免罚金额, "被罚的企业" of 首次不罚企业数
        done_to = re.compile(rf"(?<![不免未无没别冇少被受])[被受]?{verb}(?:[款金])?(?:了|过)?的?{noun}")
        asked = next((m for c in asking if (m := done_to.search(c))), None)
        if asked:
            return Decline("unstated", asked.group(0))
        # "全市罚款总共罚了多少", "首次不罚的罚款金额有两千多万吗" of 免罚金额: the verb done, of a
        # figure asked or checked
        if a.wants_figure or (a.intent.yes_no and a.numbers):
            return Decline("unstated", done)
    return None


# A verb negated in the ask ("没通过初评的", "有几个没通过"): those it was not done to.
_NOT_DONE_RE = re.compile(r"(?:没有|没能|没|未能|未|不|冇)([\u4e00-\u9fff]{2})")
# What negates a figure's own verb, or says none ("首次不罚", "“0”跑动"): its name already negates.
_NEGATING_BEFORE_RE = re.compile(r"[不免未无没0０零]”?$")


def rule_not_done(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A count of those something was done to ("通过初评乡镇数": 22个) asked of those it was not
    done to ("没通过初评的有几个"): the report counts the one, never the other."""
    if choice is None or not choice.title or not choice.figure_value or not a.wants_figure or a.intent.yes_no:
        return None
    if choice.figure_value.endswith("%"):
        return None  # a rate read from either side is the same figure's business
    for clause in _asking_clauses(a):
        if not _QUESTION_WORD_RE.search(clause):
            continue  # "冇得证明也能办事，是有好多类…": told beside the ask, not what is counted
        for found in _NOT_DONE_RE.finditer(clause):
            verb = found.group(1)
            if lexicon.is_noun(verb):
                continue  # "没证明的": a thing lacked, not a deed undone
            at = choice.title.find(verb)
            if at >= 0 and not _NEGATING_BEFORE_RE.search(choice.title[:at]):
                return Decline("unstated", found.group(0))
    return None


# A person of a trade or a role ("网格员", "协管员"), or a place of one ("羁押室", "服务站").
_AGENT_SUFFIXES = frozenset("员者师长室所站厅馆")


def rule_figure_subject(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A figure asked of something the answer's sentence never names: a word of the question
    the report uses only elsewhere (下放给乡镇的事项 vs 柔性执法事项), or one the report never
    uses at all (注册用户) that the figure's own words do not cover; a figure checked too
    ("网格员配的执法记录仪是4400台对吧")."""
    if choice is None or not (a.wants_figure or (a.intent.yes_no and a.numbers)):
        return None
    evidence = ctx.normalize(choice.text) if ctx.normalize else choice.text
    core = GLUE_WORDS.sub(" ", a.core)
    if all(core[i : i + 2] in evidence for i in range(len(core) - 1) if " " not in core[i : i + 2]):
        return None  # every pair of the question's characters is in the evidence: nothing to check
    report = ctx.report_norm
    places = set(a.scope.places) | set(a.scope.counties)  # the scope rules judge places
    typed = convert_numerals(clean(a.raw))  # a report word only a synonym brought ("公安" → 警务) is not said
    asked = _asking_text(a)
    asked = f"{asked} {ctx.normalize(asked)}" if ctx.normalize else asked  # as typed, and with synonyms read
    own_sound = _own_words(ctx.normalize or normalize, choice.names, choice.own_text)[1]
    for word in lexicon.words_in(core):
        if any(c in GLUE_CHARS for c in word) or word in evidence or word in PLACEHOLDERS or word in MEASURE_NEUTRAL:
            continue
        if word not in a.text:
            continue  # letters glued across a particle left out ("办好的事项" → 办好事): not the asker's word
        if word not in asked:
            continue  # a word of the story around the ask ("我儿子刚考进市场监管局，…"): never what is lacking
        if word in places or any(word in p for p in places):
            continue
        if _CHANGE_HEAD_RE.fullmatch(word) and CHANGE_STATED_RE.search(evidence):
            continue  # "增长率" of 同比上升110%: how much it changed is the figure itself
        if not occurs(word, report) and none_occur(word, report):
            at = a.text.find(word)
            suffix = a.text[at + len(word) : at + len(word) + 1] if at >= 0 else ""
            whole = word + suffix if suffix and suffix in _AGENT_SUFFIXES else word  # "网格员": 网格 and 员
            if whole != word and _sounds_in(
                whole, _own_words(ctx.normalize or normalize, choice.names, choice.own_text)[1]
            ):
                continue  # "听政室" of 听证室: the figure's own word, typed by its sound
            if any(whole in f.text or f.text in whole for f in gazetteer().find(a.text)):
                continue  # "我二舅老家在常宁市…": a place the story names, no measure (the scope rules judge places)
            if len(whole) >= 3 and not _describes(word, a.text, report):
                return Decline("absent", whole)  # never in the report, and not describing a noun after it
            continue
        if len(word) >= 4 and word in typed and _half_foreign(word, evidence, report, own_sound):
            return Decline("absent", word)  # "行政区划事项清单": half the figure's (行政), half nowhere (区划)
        if not occurs(word, report) and len(word) >= 4:
            # "刑事案件" the report never writes: its 刑事 stands only elsewhere (刑事破案数)
            part = next(
                (
                    w
                    for w in (word[i : i + 2] for i in range(len(word) - 1))
                    if w in lexicon.words()
                    and w not in evidence
                    and occurs(w, report)
                    and report.count(w) <= 3
                    and w not in MEASURE_NEUTRAL
                    and w not in PLACEHOLDERS  # "矛盾解决办法": 办法 stands for the thing asked
                ),
                "",
            )
            if part:
                return Decline("unstated", part)
        if len(word) == 2 and lexicon.is_common(word):
            continue  # 办事, 数量, 违规: everyday words name no subject of their own
        if occurs(word, report) and report.count(word) <= 3 and word in typed:
            return Decline("unstated", word)
    return None


def _half_foreign(word: str, evidence: str, report: str, own_sound: str) -> bool:
    """Whether a word the report never writes is half the figure's own words and half a word the
    report has nowhere, in no spelling of the figure's sound ("人民公社" of 人民调解, "领导人员" of
    执法人员): another thing named like it, never a way of saying it."""
    if occurs(word, report):
        return False
    for k in range(2, len(word) - 1):
        for own, other in ((word[:k], word[k:]), (word[k:], word[:k])):
            if (
                own in evidence
                and none_occur(other, report)
                and lexicon.words_in(other)
                and not _sounds_in(other, own_sound)
                and (own == word[:k] or _modified(own, evidence))
            ):
                return True
    return False


def _modified(head: str, evidence: str) -> bool:
    """Whether the evidence writes `head` only after a word of its own kind ("执法人员"): a
    bare 园区 is what 工业园区 specifies, never another thing."""
    at = [m.start() for m in re.finditer(re.escape(head), evidence)]
    return bool(at) and all(i >= 2 and evidence[i - 2 : i] + head in lexicon.words() for i in at)


def _asking_clauses(a: Analysis) -> list[str]:
    """The message's clauses as typed (no synonyms read), without those that ask nothing and tell
    of the asker or someone ("我儿子刚考进市场监管局"); all of them when none or every one is such."""
    clauses = [c for c in CLAUSE_BREAK_RE.split(a.raw) if c.strip()]
    kept = [c for c in clauses if _ASKING_RE.search(c) or not TELLS_RE.search(c)]
    return [convert_numerals(clean(c)) for c in kept or clauses]


def _asking_text(a: Analysis) -> str:
    """The asking clauses as one text (`_asking_clauses`), or the message as the analysis reads it
    when no clause is left out (a subject carried from the last answer, "法律援助件，在全省排第几",
    is asked)."""
    asking = _asking_clauses(a)
    if len(asking) == len([c for c in CLAUSE_BREAK_RE.split(a.raw) if c.strip()]):
        return a.text
    return "".join(asking)


# Making a list of items: how it came to be, not what is counted ("哪个梳理得多" of 358项 梳理制定
# and 214项 编制).
MAKING_VERBS = frozenset("梳理 编制 制定".split())
# Nouns that name no measure of their own: the kind of figure (人数, 金额) is the intent's
# business, and vague words (情况, 方面) or the covered scope (全市) pick out no figure.
MEASURE_NEUTRAL = (
    frozenset(
        "情况 数量 数字 数据 材料 资料 总数 人数 金额 比例 总量 工作 方面 内容 事情 东西 问题 时候 报告 全市 全省 市本级 本市 "
        "政府 市政府 公家 官方 老百姓 群众 大家 单位 部门 成绩 效果 结果 成果 成效 水平 程度 排名 次数 个数 件数 项数 家数 人次 数目 例子 "
        "百分之 百分比 比率 比重 占比 数额 额度 规模 多少 多大 多高 多长 多久 多快 个人 年度 变化 "
        # where a figure stands ("在省里排第几", "市里一共有多少"): a level, not what is counted
        "省里 市里 县里 区里 省内 市内 县内 国内 全国 本省 我省 我市 本地 当地 省级 市级 县级 国家级 层面 层级 "
        # a topic's marker ("园区这块又放了好多项权下去"): where the topic ends, nothing counted
        "这块 那块 这一块 那一块 这边 那边 这部分 那部分 这方面 那方面 板块 "
        # how a figure is counted ("是按什么计数的"): its unit asked, not a thing counted
        "计数 计算 统计 计量 单位 "
        # how a number is said ("整整200处", "大约两百"): its precision, not a thing counted
        "大约 大概 左右 上下 精确 准确 确切 具体 "
        # how much the asker feels ("我有点不信"): a degree, never a thing counted
        "有点 有些 有点儿 "
        # whether the listener knows ("有好多晓得不", "是多少你清楚吗"): asking, never a thing counted
        "知道 晓得 清楚 明白 记得 "
        # a verb's direction ("接进去的应用", "放下去几项"): part of the verb, never a thing counted
        "进去 进来 出去 出来 上去 上来 下去 下来 起来 回来 回去 过来".split()
    )
    | frozenset(EXACTLY_WORDS)
    | {unit + "数" for unit in "件项个家台处条类种起次名"}  # a count in its unit ("纠纷的起数")
    | MAKING_VERBS
)


# Words that stand for the thing asked rather than name it ("那个录像的玩意儿", "叫什么名字",
# "哪个刊物"): the answer's type, which a report need not write, so never "报告中没有…".
PLACEHOLDERS = frozenset(
    "东西 玩意 玩意儿 东东 名字 名称 全称 简称 叫法 说法 称号 称呼 名头 头衔 荣誉 牌子 节目 栏目 频道 刊物 杂志 "
    "报纸 书 本书 文件 规定 办法 方式 法子 模式 机制 活动 做法 举措 措施 招数 路子 事儿 事情 那个 这个 那种 这种 那些 这些 讲讲 说说 "
    # a thing's kind ("身上挂着录像的那个设备", "列个单子公示的那个", "手机上办事的app")
    "设备 机器 机子 仪器 装置 家伙 物件 软件 app 单子 资料 盒子 小盒子 盒盒 匣子 小玩意 小东西 小机器 "
    # a TV station, the kind of thing a channel is ("上了央视哪个节目", "中央台几套")
    "央视 中央台 中央电视台 电视台 电视 "
    # pronouns point at what was said before, never name a subject of their own
    "他们 她们 它们 他 她 它 人家 大家 咱们 我们 你们 这样 那样 这么 那么 这般 如此 "
    # this time, that batch: the one the report tells of ("这次是多少项", "这回放了多少")
    "这次 这回 那次 那回 此次 本次 这一次 这批 那批 这一批 "
    # the report itself ("报告里怎么讲的", "报告里有写吗")
    "报告 报告里 报告中 上面 里面 "
    # examples of the thing ("举两个例子", "比如说")
    "例子 举例 比如 比方 例如 "
    # what a thing rests on ("是根据哪个文件编的")
    "根据 依据 按照 依照 "
    # the figure itself ("一万三千多件 准确数是多少")
    "准确 准确数 确切 确切数 精确 具体数 准数 实数 原话 原文 原句 "
    # what kind of figure it is ("说的是哪个指标", "是什么数据")
    "指标 数据 数字".split()
)
_QUESTION_WORD_RE = re.compile(r"多少|几")
TOTAL_WORDS_RE = re.compile(r"一共|总共|共计|一起")  # "一共建了多少处" is not 共建
_HOW_HIGH_RE = re.compile(r"([高多大低少快长])不\1")  # "成功率高不高" asks how high: no 率高
_WHERE_RE = re.compile(r"市本级|全市|益阳市?")  # where a figure is of ("市本级是多少"), never what it measures
# A year or a time the ask points at ("跟前一年比", "这回放了多少"): never read as part of a noun
# (跟前, 回放).
_WHEN_RE = re.compile(
    r"(?:前|上|下|后|这|那|同)(?:一|1)?年度?|(?:19|20)\d\d年度?|去年|今年|前年|明年|这回|那回|这次|那次|此次|本次|这一次|上次"
)
# Verbs that say nothing of what is counted ("涉及多少家", "一共有多少"): never a measure's name.
GENERIC_VERBS = (
    frozenset(
        "涉及 包括 包含 达到 共有 拥有 具有 完成 实现 开展 进行 组织 做到 做好 搞好 办好 弄好 总共 一共 大概 大约 "
        "到底 究竟 现在 目前 今年 去年 当年 全年 分别 各自 一年 最后 最终 总计 合计 累计 还有 又有 能有 会有 能够 可以 "
        "起来 回来 出来 下来 上来 过来 进来 里面 里头 上面 当中 其中 边上 一趟 一次 一下 一点 "
        "增长 上升 下降 减少 增加 提高 降低 提升 变化 压缩 缩短 缩减 "  # a change: the intent's business
        "全都 全部 所有 统统 一律 都能 都是 都有 真的".split()  # how many of them, not what
    )
    | MAKING_VERBS
)
# Any word of asking: a lookup has none ("湘易办注册用户"), a question has some ("…是什么", "哪个…").
_ASKING_RE = re.compile(r"多少|几|什么|啥|哪|谁|怎|咋|如何|干嘛|吗|呢|么|吧|是否|是不是|有没有|介绍|讲讲|说说|\?|？")
_MARKS_RE = re.compile(r"[，,。？?！!；;、：:]")
MAX_KEYWORD_CHARS = 10  # a staff lookup ("免罚金额"); longer text without a question word is not checked
_COUNT_NAMED_END_RE = re.compile(r"(?:数量|数目|总数|总量)[。.！!？?\s]*$")  # the count asked, named last
_PHRASE_ENDS = frozenset(
    "了 的 呢 吗 啊 呀 吧 参加 参与 是 有 在 和 与 及 以及 还有 被 由 给 让 把 是不是 是否 有没有 对吧 对不对".split()
)
_LINKS = frozenset(
    "有 是 共 一共 总共 共计 累计 达 达到 为 了 的 数 到底 究竟 大概 大约 约 算 不算 算不算 算是 算得上 算不上 称得上 称不上".split()
)  # (a copula: "不算百分之百吧")


CLAUSE_BREAK_RE = re.compile(r"[，,。？?！!；;\s]+")
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]+")


_HAVING_RE = re.compile(r"[建设配拥共还都总另已现]有")


# Asking the listener along ("配了多少台你知道啊"): no noun of what is counted.
# Words to the listener: what they know, how to answer ("直接说", "直接告诉我"), never what is counted.
_LISTENER_RE = re.compile(r"你(?:知道|晓得)[吗啊吧不呀]?|(?:你|您)?直接(?:告诉|说|讲|报)(?:我|一下)?")


def measure_head(a: Analysis, report: str = "") -> str:
    """The noun naming what the ask counts, next to its question word: the noun right after
    it ("有多少家企业" → 企业, "多少注册用户" → 用户), else the last noun before it ("法律援助
    律师有多少名" → 律师); "" when that noun names no measure of its own (多少个方面)."""
    clauses = [
        _WHERE_RE.sub(
            " ", _HOW_HIGH_RE.sub(" ", _WHEN_RE.sub(" ", TOTAL_WORDS_RE.sub(" ", convert_numerals(clean(c)))))
        )
        for c in CLAUSE_BREAK_RE.split(_LISTENER_RE.sub(" ", undescribed(a.raw)))
    ]
    clause = next((c for c in clauses if _QUESTION_WORD_RE.search(c)), "")
    words = [w for w in lexicon.segment(clause) if w.strip()] if clause else []  # a year taken out leaves a space
    asked = next((i for i, w in enumerate(words) if _QUESTION_WORD_RE.search(w)), None)
    rough = asked is not None and re.match(
        r"几(?:[十百千万]|\d)", "".join(words[asked : asked + 2])
    )  # "才几百台": a number
    if a.intent.yes_no and (asked is None or rough or not words[asked + 1 : asked + 2]):
        # a check's claim names what it counts; an ask beside it ("…少交了多少罚款啊，是不是…")
        # names it after its question word
        claimed = _claim_head(clauses, report)
        if claimed is not None:
            return claimed
    if asked is None:  # a keyword lookup ("罚款金额", "公示执法岗位"): its last noun that names a measure
        # a lookup, or longer text naming its count at its end ("…配备执法记录仪数量")
        last = next((c for c in reversed(clauses) if c.strip()), "")  # (a final 。 leaves an empty clause)
        if not _MARKS_RE.search(a.raw):
            last = "".join(clauses)  # "市本级 重大招商项目 数量": keywords typed with spaces are one name
        named = bool(last) and (len(last) <= MAX_KEYWORD_CHARS or _COUNT_NAMED_END_RE.search(last))
        words = list(lexicon.segment(last)) if named else []
        if words and len(words[-1]) == 2 and words[-1].endswith("数"):
            counted = list(lexicon.segment(last[:-1]))  # "和解数" is the count of 和解, not 解数
            if counted and len(counted[-1]) >= 2 and counted[-1] in report:
                words = counted
        last = words[-1] if words else ""
        nouns = [
            w
            for w in words
            if len(w) >= 2
            and (lexicon.is_noun(w) or (w == last and _unwritten(w, report)))
            and w not in MEASURE_NEUTRAL
            and w not in PLACEHOLDERS  # "两法衔接 录入数排名 原文": the source asked, not a measure
        ]  # "新增立法听证会": a last word the report never writes names a thing it lacks
        return nouns[-1] if nouns else ""
    head = ""
    owner = _owner_unwritten(words[:asked], report)  # "各个立法听证会…多少条意见建议": whose, a word the report lacks
    for k, word in enumerate(words[asked + 1 : asked + 8]):  # the noun phrase counted: its last noun is its head
        if word in _PHRASE_ENDS:
            break
        right_after = k == 0 or (k == 1 and len(words[asked + 1]) == 1)  # "多少|投诉", "多少|件|投诉"
        if (
            len(word) >= 2
            and _HANZI_RE.fullmatch(word)
            and (
                lexicon.is_noun(word)
                or (right_after and (_unwritten(word, report) or (not owner and _counted_there(word, report))))
            )
        ):
            # a noun, or right after the question word a word the report never writes ("多少投诉")
            # or one it writes as a thing counted ("多少个应用": 业务应用)
            head = word
    if head:
        return "" if head in MEASURE_NEUTRAL or head in PLACEHOLDERS else head
    before = words[:asked]
    popped = []
    while before and (before[-1] in _LINKS or len(before[-1]) == 1 or _HAVING_RE.fullmatch(before[-1])):
        # "律师有多少名", "案件一共破了多少起", "询问室听证室一共建有多少" (建有, 设有: having)
        popped.append(before.pop())
    if not before or len(before[-1]) < 2 or before[-1] in MEASURE_NEUTRAL or before[-1] in PLACEHOLDERS:
        return ""
    if before[-1] in _CLAIM_WORDS:
        return ""  # "是升了还是降了变了多少": a word of asking or claiming, no noun counted
    if not _HANZI_RE.fullmatch(before[-1]):
        return ""  # letters left of a pinyin reading, digits: not a name
    acted = popped[-1:] in (["了"], ["过"])  # "整理了多少个": a word used as a verb, whatever the dictionary says
    if (
        len(before) >= 2
        and (lexicon.is_verb(before[-1]) or acted)
        and _unwritten(before[-2], report)
        and a.intent.measure != "percent"  # "调解员出面调解能成几成": a share of what was done, nothing received
    ):
        return before[-2]  # "法律援助投诉受理了多少件": what was received, a word the report never writes
    if acted and report and none_occur(before[-1], report):
        return ""  # "柔性执法事项 市本级 整理了多少个": the asker's own verb for what the report did
    if _DIRECTIONAL_RE.search(before[-1]) and none_occur(before[-1], report):
        return ""  # "这回又放下去几项": an action with its direction, never a thing counted
    word = before[-1]
    if word in _MANNER_WORDS or _AMOUNT_WORD_RE.fullmatch(word):
        return ""  # "跟我一样…免了多少钱", "审一遍的有多少项": manner or an amount names nothing counted
    if "的" in popped and len(word) == 2 and word[0] in _PLAIN_ACTS and lexicon.is_verb(word[0]):
        return ""  # "可在网上办理的共有多少项": a plain act of those counted, not what they are
    if "的" in popped and len(before) >= 2 and before[-2] in _NOT_DONE_WORDS:
        return ""  # "企业…不罚款的有多少家": what was not done to those counted, not what they are
    if lexicon.is_noun(word) or word not in GENERIC_VERBS:
        return word  # a noun counted, or what was done to it ("通过了多少人", "化解了多少起")
    return ""


_NOT_DONE_WORDS = frozenset("不 没 没有 未 免 无需 不用 不再".split())
# An amount or how often ("一遍", "多项", "两趟"): a number and its counter, never the thing counted.
_AMOUNT_WORD_RE = re.compile(r"[一二两三四五六七八九十几多好]+[遍趟次回下番项件个家名台处条类种起位]")
# Words of manner or likeness ("跟我一样", "像这样"): never the thing a count counts.
_MANNER_WORDS = frozenset("一样 同样 这样 那样 这么 那么 一起 一块 差不多 似的".split())
# A verb's directional complement ("放下去", "要回来"): what was done, never the noun of a count.
_DIRECTIONAL_RE = re.compile(r"[\u4e00-\u9fff](?:下去|下来|上去|上来|出去|出来|进去|进来|回去|回来|起来|过去|过来)$")


def _owner_unwritten(before: list[str], report: str) -> bool:
    """Whether the last word before the question word (links and single characters aside) is one
    the report never writes, not a word of where ("店里", "身上")."""
    words = [w for w in before if w not in _LINKS and len(w) >= 2 and not _SPAN_RE.fullmatch(w)]
    if not words or not _HANZI_RE.fullmatch(words[-1]) or words[-1][-1] in "里上中内边头":
        return False
    last = words[-1]
    return bool(report) and last not in report and (lexicon.is_noun(last) or last not in lexicon.words())


_SPAN_RE = re.compile(r"(?:一|1|这|那|今|去|前|每)(?:年|年度|个月|月)|全年|当年")


def _counted_there(word: str, report: str) -> bool:
    """A word the report writes right after a figure's unit ("300多个业务应用" for 应用): a thing counted."""
    return bool(report) and bool(
        re.search(r"\d[余多]?[个项件家台处条类种名]" + r"[\u4e00-\u9fff]{0,2}" + re.escape(word), report)
    )


def _unwritten(word: str, report: str) -> bool:
    """A noun or verb of the dictionary the report never writes, no part of it ("投诉", "提案"): in
    the place of what is counted, it is what is counted, whatever its part of speech."""
    return (
        bool(report)
        and len(word) >= 2
        and bool(_HANZI_RE.fullmatch(word))
        and (lexicon.is_noun(word) or lexicon.is_verb(word) or lexicon.is_activity(word))
        and word not in _NOT_MEASURE_WORDS
        and word not in _CLAIM_WORDS
        and not _SUBJECT_FILLER_RE.fullmatch(word)
        and none_occur(word, report)
    )


# Words of a claim between its subject and its figure ("是不是", "没超过", "应该有"): not the subject.
_CLAIM_WORDS = frozenset(
    "是不是 不是 是否 有没有 没有 没 超过 不到 没到 达到 将近 接近 差不多 大概 应该 真的 总共 一共 "
    "不止 难道 至少 最多 起码 超出 高于 低于 少于 多于 不足 只有 只是 仅有 仅仅 已经 确实 果真 居然 竟然 "
    "还是 还有 还不 到底 究竟 好像 似乎 听说 据说 估计 不会 会不会 可能 不可能 可以 需要 必须".split()
)


_STATED_RE = re.compile(r"\d|几[十百千万亿]")  # a figure, or a rough one ("不是才几百台吗")


def _claim_head(clauses: list[str], report: str = "") -> str | None:
    """What a check of a figure counts ("负责人败诉率是百分之百吗" → 败诉率, "新增了10个立法
    听证会" → 听证会): the noun counted right after its figure, else the last noun before it (""
    when that names no measure); None when no clause states a figure."""
    clause = next((c for c in clauses if _STATED_RE.search(c)), "")
    words = _measure_names(list(lexicon.segment(clause))) if clause else []
    stated = next((i for i in range(len(words) - 1, -1, -1) if _STATED_RE.search(words[i])), None)
    if stated is None:  # the figure claimed: the last one ("零跑动的事项是1024项吗")
        return None
    after = ""
    for word in words[stated + 1 : stated + 8]:  # "新增了10个立法听证会": the noun counted after it
        if word in _PHRASE_ENDS or word in _CLAIM_WORDS:
            break
        if len(word) >= 2 and _HANZI_RE.fullmatch(word) and (lexicon.is_noun(word) or word[-1] in _LOOKUP_SUFFIXES):
            after = word
    if after:
        return "" if after in MEASURE_NEUTRAL or after in PLACEHOLDERS else after
    before = words[:stated]
    for k in range(len(before) - 1, -1, -1):  # the words right before it, up to the first of substance
        word = before[k]
        if len(word) < 2 or not _HANZI_RE.fullmatch(word) or word in _CLAIM_WORDS or word in GENERIC_VERBS:
            continue
        if word in _BOUND_WORDS:
            continue  # "是不是不少于四千件": the bound of the number, not what it counts
        if len(word) == 2 and word[1] == "有" and not lexicon.is_noun(word):
            continue  # "一共建有近200处": a verb of having, as 有 alone is
        if word in MEASURE_NEUTRAL or word in PLACEHOLDERS:
            return ""
        acted_on = k + 1 < len(before) and before[k + 1] in ("了", "到", "过", "着")  # used as a verb
        if acted_on and lexicon.is_verb(word) and not lexicon.is_noun(word) and _unwritten(word, report):
            named = [w for w in before[:k] if len(w) >= 2 and lexicon.is_noun(w) and occurs(w, report)]
            if named:  # "企业享受到了有6125家": the asker's own verb; who it was done to is the subject
                return named[-1]
        if lexicon.is_noun(word) or word[-1] in _LOOKUP_SUFFIXES or _unwritten(word, report):
            return word
        done = [w for w in before[:k] if len(w) >= 2 and w not in _CLAIM_WORDS]  # "投诉是不是受理了"
        if done and lexicon.is_verb(word) and _HANZI_RE.fullmatch(done[-1]) and _unwritten(done[-1], report):
            return done[-1]  # "法律援助投诉受理了三千多件": what was received, a word the report never writes
        return ""  # a verb of what was done ("听证室建了两百处"): no noun of the subject next to it
    return ""


# The bound a check puts on its number ("不少于", "超过"): never what the number counts.
_BOUND_WORDS = frozenset(
    "不少 不到 不足 少于 低于 没到 不超过 超过 超出 多于 高于 至少 不止 不下 接近 将近 快要 大概 大约 达到".split()
)


# Words of wholeness ("执法全程录的音", "全面推行"): how much of a thing, never which thing.
_WHOLE_WORDS = frozenset("全程 全过程 全流程 全方位 全链条 全面 全体 全天 全套 整个 整体 一切 各类 各种 各项".split())
# Words of the level a thing works at ("基层立法联系点", "一线执法人员"): where, never which thing.
_AT_LEVEL_WORDS = frozenset("基层 一线".split())
_NOT_MEASURE_WORDS = (
    MEASURE_NEUTRAL | PLACEHOLDERS | GENERIC_VERBS | _LINKS | _PHRASE_ENDS | _WHOLE_WORDS | _AT_LEVEL_WORDS
) | {"还是"}  # 还是 offers a choice ("是人次还是件数"), never a measure


# Levels of government a figure may be counted at: asked at one level, the figure must be of it.
LEVEL_WORDS = ("市本级",)
# A figure's words that make it wider than the city's own level: a level asked is not its level.
# A figure stating no level (“三统一”部门规范性文件51件) is not said to be another level's.
_WIDER_LEVEL_RE = re.compile(r"全市|各县|县市区|区县|全省|乡镇")


def rule_level(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """ "市本级受理的法律援助案件" asked of a figure for the whole city (全市共受理…)."""
    if choice is None or not choice.figure_value:
        return None
    for word in LEVEL_WORDS:
        if word in a.text and word not in choice.own_text and word not in choice.text:
            if _WIDER_LEVEL_RE.search(f"{choice.own_text} {choice.text}"):
                return Decline("unstated", word)  # the figure is the whole city's (全市共受理…)
    summed = _COUNTIES_SUMMED_RE.search(a.text)
    if summed and "市本级" in f"{choice.own_text} {choice.text}":
        return Decline("unstated", summed.group(0))  # "所有区县加起来" of a figure of 市本级 alone
    return None


# The counties' figures summed, or the city's with them ("所有区县加起来", "含区县"): wider than 市本级.
_COUNTIES_SUMMED_RE = re.compile(
    r"(?:所有|全部)(?:的)?(?:区县|县区|县市区)(?:加起来|合计|加在一起|一共|总共)?|"
    r"(?:区县|县区|县市区)(?:加起来|合计|加在一起)|(?:含|包括|包含|连同|加上)(?:各|所有)?(?:区县|县区|县市区)"
)


def measure_phrase(a: Analysis) -> list[str]:
    """The words that say what the ask counts: its asking clause up to the question word, and
    the noun phrase right after it ("给网格员配备了多少台执法记录仪"), never the predicate that
    follows ("有多少家企业轻微违法没被罚款": 企业 is counted, 没被罚款 says which)."""
    before, after = measure_parts(a)
    return before + after


def _scope_words(a: Analysis, ctx: Context) -> set[str]:
    """The places of the ask and the pack's own place words: a scope, never a measure word."""
    return set(a.scope.places) | set(a.scope.counties) | set(ctx.place_words)


def measure_parts(a: Analysis) -> tuple[list[str], list[str]]:
    """measure_phrase's words before the question word and those after it (the thing counted,
    "多少条|立法提案")."""
    text = a.text
    # the clause that asks ("…老人都说法律条文看不懂，…发布了多少个典型案例"): a.text has no breaks
    # left, so the clauses that ask nothing are taken out of it where they stand as written
    clauses = [convert_numerals(clean(c)) for c in CLAUSE_BREAK_RE.split(a.raw) if c.strip()]
    for i, told in enumerate(clauses):
        if _topic(told, clauses[i + 1 : i + 2]):
            continue  # "心理咨询咯，一年搞了好多人次": what the ask after it is of
        if told and not _QUESTION_WORD_RE.search(told) and told in text and told != text:
            text = text.replace(told, " ", 1)
    text = text if _QUESTION_WORD_RE.search(text) else ""
    clause = next((c for c in re.split(r"[，,。？?！!；;\s]+", text) if _QUESTION_WORD_RE.search(c)), a.text)
    words = [w for w in lexicon.segment(_HOW_HIGH_RE.sub(" ", clause)) if w.strip()]
    asked = next((i for i, w in enumerate(words) if _QUESTION_WORD_RE.search(w)), None)
    if asked is None:
        return words, []
    after = []
    for word in words[asked + 1 :]:
        if word == "的" or (word == "了" and after):
            continue  # "多少家欠薪的企业": 的 joins the phrase; "几个通过了验收": so does an aspect's 了
        if (len(word) == 1 and after) or word in _PHRASE_ENDS:
            break  # "…企业轻微违法没被罚款": the counted phrase ends at its first particle
        after.append(word)
    return words[:asked], after


_YEAR_SAID_RE = re.compile(YEAR_RE.pattern + "度?")  # (the clause's numerals converted: 23年 is 2023年)


def _topic(clause: str, after: list[str]) -> bool:
    """Whether a clause only names a thing, saying nothing of it, before an ask that names
    nothing of its own ("心理咨询咯，一年搞了好多人次"): the topic that ask is of, not a story or
    a feeling told beside it (its words are names of things, and particles)."""
    if not after or not _QUESTION_WORD_RE.search(after[0]) or _names_thing(after[0]):
        return False
    clause = _YEAR_SAID_RE.sub("", clause)  # "心理咨询2023年": the year says when, the topic is still one
    words = [w for w in lexicon.segment(clause) if _HANZI_RE.fullmatch(w) and w not in _TOPIC_PARTICLES]
    return (
        len(clause) <= MAX_TOPIC_CHARS
        and any(len(w) >= 2 and w not in _NOT_MEASURE_WORDS for w in words)
        and all(len(w) >= 2 and (lexicon.is_noun(w) or lexicon.is_activity(w)) for w in words)
    )


def _names_thing(clause: str) -> bool:
    """Whether a clause names a thing of its own: a noun or an activity that is no unit, time or
    word of asking ("一年搞了好多人次" names none)."""
    return any(
        len(w) >= 2 and (lexicon.is_noun(w) or lexicon.is_activity(w)) and w not in _NOT_MEASURE_WORDS
        for w in lexicon.segment(clause)
    )


_TOPIC_PARTICLES = frozenset("咯 啊 呀 呢 吧 嘛 哦 啰 噻 的 那个 这个 就是 那 这".split())


MIN_SHORTER = 3  # characters of a word said with one of the figure's word's characters left out


def _said_shorter(word: str, own: str) -> bool:
    """Whether the figure's own words have `word` with one more character inside it (讨回工资 of
    讨工资): the same word, said shorter."""
    return len(word) >= MIN_SHORTER and any(
        re.search(re.escape(word[:k]) + r"[\u4e00-\u9fff]" + re.escape(word[k:]), own) for k in range(1, len(word))
    )


def _sounds_in(word: str, own_sound: str) -> bool:
    """Whether a word of two characters or more sounds like some of the figure's own ("挑解" of
    调解); one character's sound ("室" of 事项) says nothing."""
    return len(word) >= 2 and pinyin_key(word) in own_sound


# "店里", "平台上": a thing and where in it; the thing is the word (the 店 of 旗舰店).
_LOCATIVE_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:里头|里面|里边|里|内|中|上)$")


def _located_own(word: str, is_own, own: str) -> bool:
    """Whether a word said with where in it ("店里") is the figure's own thing: its stem is, and
    a stem of one character ends one of the figure's words (the 店 of 旗舰店), never any of its
    characters."""
    stem = _LOCATIVE_RE.sub("", word)
    if not stem or stem == word or not is_own(stem):
        return False
    return len(stem) > 1 or stem in _word_heads(own)


@lru_cache(maxsize=1024)
def _word_heads(own: str) -> frozenset[str]:
    """The last characters of the words of several characters in a figure's own words."""
    return frozenset(w[-1] for w in lexicon.segment(own) if len(w) > 1)


@lru_cache(maxsize=4096)
def _own_words(norm, names: str, own_text: str) -> tuple[str, str]:
    """A figure's names and own words, normalised, and their sounds (the pack's texts: they recur);
    what a phrasing says the thing has not yet done ("没上法庭先调解的案子") is none of its words."""
    own = norm(f"{_NOT_YET_RE.sub(' ', names)} {own_text}")
    return own, pinyin_key(own)


# "没上法庭", "还未立案": what the counted thing has not done, said to describe it (in a phrasing,
# or by the asker), names no measure.
_NOT_YET_RE = re.compile(r"(?:还)?(?:没有?|未)(?:[上去到进打]|正式)?[\u4e00-\u9fff]{2}")


# What is done to a counted noun, right before the question word ("破了多少起案子" is 破案): a
# report word made of the act and the noun names a measure of its own. Plain doing words name none.
_ACT_RE = re.compile(r"([\u4e00-\u9fff])[了过]?(?:一共|总共|共)?(?:多少|几)")
_PLAIN_ACTS = frozenset("办做搞弄干处接收有是要给用开花达占算")


def _act_on(raw: str, noun: str, own: str, report: str) -> str:
    """The act asked of the noun counted, as the report writes it, when the figure's own words
    never write that act ("破案" asked of 化解纠纷10816起); "" otherwise."""
    match = _ACT_RE.search(raw)
    if not match or not noun or not report:
        return ""
    act = match.group(1)
    word = act + noun[0]
    if act in _PLAIN_ACTS or act in own or word not in report or word not in lexicon.words():
        return ""
    return word


def _act_alone(raw: str, own: str, report: str) -> str:
    """An ask counting nothing named ("配了多少个"): its act, a verb of one character standing
    alone before the question word, when the report writes it in a word (配备) and the figure's
    own words never do; "" otherwise."""
    clause = next((c for c in CLAUSE_BREAK_RE.split(raw) if _QUESTION_WORD_RE.search(c)), "")
    words = list(lexicon.segment(clause))
    asked = next((i for i, w in enumerate(words) if _QUESTION_WORD_RE.search(w)), None)
    before = [w for w in words[:asked] if w not in ("了", "过", "一共", "总共", "共")] if asked else []
    act = before[-1] if before else ""
    if act in _COMPLEMENTS and len(before) >= 2 and len(before[-2]) >= 2:
        return ""  # "梳理出多少项": 出 says how 梳理 went, the act is the verb before it
    if len(act) != 1 or act in own or not act_word(act):
        return ""
    words_of = lexicon.words()
    written = any(m.group(0) in words_of for m in re.finditer(re.escape(act) + r"[\u4e00-\u9fff]", report))
    return act + "了" if written else ""  # as asked ("配了"): the report writes the act elsewhere


_NOT_ACTS = frozenset("举分从按在给到为对用让叫")  # "举几个例子", "分几个方面": no act of a figure


def act_word(word: str) -> str:
    """The act a word of one verb says ("配了", "配" → 配), when it can pick a figure (never a
    plain act such as 办, 搞, 有); "" otherwise."""
    act = word[:-1] if len(word) == 2 and word[-1] in "了过" else word
    if len(act) != 1 or act in _PLAIN_ACTS or act in _NOT_ACTS or not lexicon.is_verb(act):
        return ""
    return act


_COMPLEMENTS = frozenset("出来到完好上下成掉")  # after a verb: where or how it ended, no act


# A head naming only a change ("涨幅", "变化幅度", "降了多少"): of a figure stating one, that figure.
# a change named as its own measure ("涨幅", "增长率", "增速"): how much it changed, the figure's own
_CHANGE_HEAD_RE = re.compile(rf"(?:{CHANGE_ASKED_RE.pattern})(?:率|比率|比例|百分比|速度)?|降速|幅度?")


def rule_measure_identity(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A figure answers only when the measure asked is its measure: the noun naming what the
    ask counts is in the figure's own words (its names and phrasings, its clause), written,
    as a synonym or as a homophone; else the report lacks that measure (a near miss)."""
    if choice is None or (a.intent.yes_no and not a.numbers):
        return None  # a check states a figure: its subject is what it counts
    if a.intent.measure == "rank":
        return None  # where a figure stands ("排第几"): its subject is rule_rank_subject's
    lookup = not a.wants_figure  # a staff lookup of a thing ("湘易办注册用户"): its noun, if the report lacks it
    if lookup and (_ASKING_RE.search(a.raw) or len(a.core) > MAX_KEYWORD_CHARS):
        return None
    head = measure_head(a, ctx.report_norm)
    norm = ctx.normalize or normalize
    if not head:
        if not a.wants_figure or not choice.figure_value:
            return None
        own, _ = _own_words(norm, choice.names, choice.own_text)
        act = _act_alone(a.raw, own, ctx.report_norm)  # "全市执法部门一共配了多少个" of 公示执法事项
        if act:
            return Decline("unstated", act)
        pointed = _pointed_subject(a.raw)  # "民商事一审收案下降了10.21%，那一共收了多少件"
        if pointed and not any(norm(w)[i : i + 2] in own for w in pointed for i in range(len(norm(w)) - 1)):
            return Decline("measure", a.intent.measure or "count")
        return None
    own, own_sound = _own_words(norm, choice.names, choice.own_text)
    options = choice_options(a.text)
    if options and any(head in o for o in options):
        # "执法资格考试5100多，是人数还是场次": the head is one option; the other, the figure's,
        # answers, when every word said of the thing before is the figure's too (never
        # "执法技能比武那个5100多…": 技能比武 is no word of 执法资格考试)
        other = options[1] if head in options[0] else options[0]
        before = convert_numerals(clean(a.raw)).split(options[0])[0]
        said = [w for w in lexicon.segment(re.sub(r"[\d.]+[多余]?|那个|这个|是", " ", before)) if len(w) >= 2]
        if any(norm(w) in own for w in lexicon.segment(other) if len(w) >= 2) and all(
            norm(w) in own or _sounds_in(norm(w), own_sound) for w in said
        ):
            return None
    if not _CHANGE_HEAD_RE.sub("", head) and CHANGE_STATED_RE.search(f"{choice.names} {choice.own_text}"):
        # "涨幅" of 同比上升110%: how it changed is the figure itself (its way: rule_opposite); what
        # changed, said before it, is the measure ("发案数增幅" is no 破案数's)
        changed = _changed_thing(measure_parts(a)[0], head)
        if changed and not (norm(changed) in own or _sounds_in(norm(changed), own_sound)):
            if none_occur(changed, ctx.report_norm):
                return Decline("absent", changed + ("数" if f"{changed}数" in a.text else ""))
        return None
    act = _act_on(a.raw, norm(head) or head, own, ctx.report_norm)
    if act:
        return Decline("unstated", act)
    if (head in own or norm(head) in own or _sounds_in(norm(head), own_sound)) and not _modifier_only(
        head, f"{choice.names} {choice.own_text}", a.text
    ):
        return _kind_of_head(a, head, own, own_sound, norm, ctx, choice.text)
    if _phrase_written(head, convert_numerals(clean(a.raw)), norm, own):
        return None  # "多少合同事项": the phrase the head ends is the report's 合同和涉法事务
    if lookup:
        return Decline("absent", head) if none_occur(head, ctx.report_norm) else None
    if any(norm(head[:k]) in own and norm(head[k:]) in own for k in range(2, len(head) - 1)):
        return None  # "申请事项" of 依申请类政务服务事项: both words of it the figure's own
    written = norm(head) or head  # the report's word for it ("案子" is 案件)
    if _said_shorter(written, own):
        return None  # "讨工钱" (讨工资) of 讨回工资: the figure's word with one character left out
    if choice.figure_unit and len(written) == 2 and written[-1] == choice.figure_unit[-1]:
        return None  # "行政复议案件多少件" of 行政复议新收612件: 案件 is what 件 counts
    if _count_of(written, own, choice.figure_unit):
        return None  # "初评数有22个" of 22个乡镇(街道)通过初评: the count of what the figure counts
    if _CONTAINER_RE.search(written) and written in norm(choice.text):
        return None  # "决策目录项数" of 6项: the items its sentence lists in that 目录 are what it counts
    if occurs(written, ctx.report_norm):
        return Decline("unstated", head)
    if none_occur(written, ctx.report_norm):
        return Decline("absent", head)
    return Decline("unstated", head)


# A list that holds what a figure counts (目录, 清单, 名单): its count is of the items in it.
_CONTAINER_RE = re.compile(r"(?:目录|清单|名单|名录)$")


_POINTER_CHARS_RE = re.compile(
    r"[^\u4e00-\u9fff]|[那年了个项件家台处条类种名起次人位呢啊呀吧]|[" + "".join(sorted(_PLAIN_ACTS)) + "]"
)
_POINTING_BACK_RE = re.compile(r"^(?:那么|那)(?![个些种样])")


def _pointed_subject(raw: str) -> list[str]:
    """The nouns of the clause before an ask that points back at it with 那 and names nothing
    of its own ("民商事一审收案下降了10.21%，那一共收了多少件"): what that ask is of."""
    clauses = [c for c in CLAUSE_BREAK_RE.split(raw) if c.strip()]
    asking = next((i for i, c in enumerate(clauses) if _QUESTION_WORD_RE.search(c)), None)
    if not asking or not _POINTING_BACK_RE.match(clauses[asking]):
        return []
    words = lexicon.segment(_QUESTION_WORD_RE.sub(" ", convert_numerals(clean(clauses[asking]))))
    rest = "".join(w for w in words if w not in _NOT_MEASURE_WORDS and w not in _ASKED_FILLERS)
    if len(_POINTER_CHARS_RE.sub("", rest)) >= 2:
        return []  # "那挑解了多少起": it names something of its own (调解, typed 挑解)
    words = lexicon.segment(convert_numerals(clean(clauses[asking - 1])))
    return [
        w
        for w in words
        if len(w) >= 2 and _HANZI_RE.fullmatch(w) and lexicon.is_noun(w) and w not in _NOT_MEASURE_WORDS
    ]


def _changed_thing(words: list[str], head: str) -> str:
    """The word before a change word ("发案" of 发案数增幅), a count's 数 left out."""
    if head not in words:
        return ""
    before = [w for w in words[: words.index(head)] if w != "数"]
    last = before[-1] if before else ""
    return last if len(last) >= 2 and _HANZI_RE.fullmatch(last) and last not in _NOT_MEASURE_WORDS else ""


def _kind_of_head(a: Analysis, head: str, own: str, own_sound, norm, ctx: Context, choice_text: str) -> Decline | None:
    """The head with the word right before it, when that word says which kind of the head is
    asked and is none of the figure's words: a word the report writes of something else makes
    a kind it does not state ("宣传视频" of 音像记录: its 宣传 is 普法's). None when the word is
    the figure's own or its sentence's, no noun or act, where or to whom it is done, never in
    the report (rule_one_word_off names that), or the two stand together in the report."""
    at = a.text.find(head)
    words = lexicon.segment(a.text[:at]) if at > 0 else []
    word = words[-1] if words else ""
    before = words[-2] if len(words) >= 2 else ""
    if before in _PLACE_VERBS or lexicon.is_verb(before):
        return None  # "去法院出庭": where or to whom it is done, no kind of it
    if (
        len(word) < 2
        or not _HANZI_RE.fullmatch(word)
        or word in _NOT_MEASURE_WORDS
        or word in _scope_words(a, ctx)
        or narrative(word)
        or not (lexicon.is_noun(word) or lexicon.is_activity(word))
    ):
        return None  # (a verb before it tells what was done, in the asker's words: "跟着案卷")
    if norm(word) in own or _sounds_in(norm(word), own_sound) or any(w in own for w in lexicon.segment(norm(word))):
        return None
    if any(norm(word[:k]) in own and norm(word[k:]) in own for k in range(2, len(word) - 1)):
        return None  # "申请事项" of 依申请类政务服务事项: both its words the figure's own
    if word in choice_text or norm(word) in norm(choice_text):
        return None  # "合同涉法事务意见": its sentence says it (合同和涉法事务…审查意见)
    if not lexicon.is_noun(head):
        return None  # ("网上" of 网上可办数: where, not a thing with kinds)
    if none_occur(word, ctx.report_norm) and none_occur(norm(word), ctx.report_norm):
        return None  # a word the report never writes: rule_one_word_off's ("司法救助案件")
    if occurs(word + head, ctx.report_norm) or occurs(norm(word + head), ctx.report_norm):
        return None
    return Decline("unstated", word + head)


_PLACE_VERBS = frozenset("去 到 在 向 给 从 对 为 跟 和 上 进".split())


def _modifier_only(head: str, own: str, asked: str) -> bool:
    """Whether the figure's own words (as written, with their 的) write the head only before 的
    and another noun that the ask does not say ("开听证会的房间" of 询问室听证室: 立法听证会
    asked is not those rooms)."""
    if head not in own or not lexicon.is_noun(head):
        return False  # ("只要跑一趟就能办完的事项": an act of what is counted, not a thing of its own)
    after = [own[m.end() : m.end() + 4] for m in re.finditer(re.escape(head), own)]
    modified = [re.match(r"的([\u4e00-\u9fff]{2})", a) for a in after]
    return all(modified) and not any(m.group(1) in asked or m.group(1) in _COUNTED_NOUNS for m in modified)


_COUNTED_NOUNS = frozenset("事项 案件 案子 事情 项目 数量 东西".split())  # what a figure counts, in general words


MAX_PHRASE_LEAD = 4  # characters before a measure's head that a synonym phrase may start with


def _phrase_written(head: str, asked: str, norm, own: str) -> bool:
    """Whether the head with the characters right before it is a phrase the synonyms rewrite
    into the figure's own words ("合同事项" → 合同和涉法事务): the measure named by a phrase."""
    at = asked.find(head)
    end = at + len(head)
    for lead in range(1, MAX_PHRASE_LEAD + 1) if at >= 0 else ():
        phrase = asked[max(0, at - lead) : end]
        written = norm(phrase)
        if written != norm(head) and written != phrase and written in own:
            return True
    return False


def _count_of(written: str, own: str, unit: str) -> bool:
    """ "X数" asked of a count (not a rate, not money) whose own words have X: the count of X."""
    return len(written) >= 3 and written.endswith("数") and written[:-1] in own and bool(unit) and unit[-1] not in "%元"


# What ends a measure's name: the measure itself, not what it is of ("诉前调解" of 诉前调解成功率).
_COUNTED_IN_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})[件项个家名台处条类起次人位]$")
_KIND_TAIL_RE = re.compile(r"(?:百分之|百分比|比例|比率|占比|几成)$")  # the kind of figure asked, after its name
_SUBJECT_FILLER_RE = re.compile(r"就是|那个|这个|请问|一下|到底|究竟|那么|还有|然后|咱们|我们|你们|[个了的]")
_TOTAL_SUFFIX_RE = re.compile(r"(?:总数|总量|总计|合计|总共|一共)$")  # the whole of a measure, not its subject
_SCOPE_PREFIX_RE = re.compile(r"^(?:(?:19|20)\d\d年?)?(?:全市|市本级|全省|益阳市?)?")  # where, not what it is of
# What a check leaves after its measure once its number is taken out ("…成功率是", "…成功率没有").
_CHECK_FRAME_END_RE = re.compile(
    r"(?:是|有|为|达|达到|超过|超出|不到|没有|没|不是|并非|难道|不会|会|不|低于|高于|少于|多于|不止|至少|起码|在)+$"
)
_MEASURE_SUFFIX_RE = re.compile(
    r"(?:调处成功率|成功率|和解率|率|案件数|案例数|事项数|件数|人数|人次|金额|数量|数|案件|案例|事项)$"
)


def rule_subject_named(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A figure whose name says what it is of (诉前调解成功率) answers only an ask that shares
    some of that subject, in any of the figure's names and phrasings; an ask whose own subject
    is something else (诉后执行成功率) is a near miss."""
    if choice is None or not choice.figure_value or not choice.names:
        return None
    norm = ctx.normalize or normalize
    core = _CHECK_FRAME_END_RE.sub("", norm(a.core))  # "诉后执行成功率(超过六成)没有": its number taken out
    asked = _KIND_TAIL_RE.sub("", core)  # "…成功率百分之"
    if not _MEASURE_SUFFIX_RE.search(asked):  # "…案例件", "…事项项": the unit counted, after the measure
        asked = _KIND_TAIL_RE.sub("", _COUNTED_IN_RE.sub("", core))
    subject = _MEASURE_SUFFIX_RE.sub("", _TOTAL_SUFFIX_RE.sub("", asked))  # "…案件总数": 总数, then 案件
    if subject != asked:
        subject = _SUBJECT_FILLER_RE.sub("", _SCOPE_PREFIX_RE.sub("", subject))
    if len(subject) < 2 or subject == asked:
        return None  # the ask names no measure of its own, or no subject before it
    names, sounds = _own_words(norm, choice.names, choice.own_text)
    pairs = {subject[i : i + 2] for i in range(len(subject) - 1)} - _pairs_of_other_words(subject, names, sounds)
    if any(p in names or _sounds_in(p, sounds) for p in pairs):
        return None  # written, or typed by sound ("挑解" of 调解)
    if _abbreviates(subject, names):
        return None  # "法审事项" of 法治审核的执法事项: each character starting a word of it
    return Decline("unstated", subject)


def _pairs_of_other_words(subject: str, names: str, sounds) -> set[str]:
    """The character pairs inside a longer word of the subject that the figure's names never
    write ("人民法院" of 中级人民法院审结): that word is the thing asked, and its 人民 shares
    nothing with 人民调解."""
    words = [w for w in lexicon.segment(subject) if len(w) >= 3 and w in lexicon.words()]
    return {w[i : i + 2] for w in words if w not in names and not _sounds_in(w, sounds) for i in range(len(w) - 1)}


def _abbreviates(short: str, names: str) -> bool:
    """Whether a two-character subject is a short form of two words of the figure's own ("法审" of
    法治审核, "执考" of 执法资格考试): its first character, then its second within a word's reach."""
    return len(short) == 2 and bool(
        re.search(rf"{re.escape(short[0])}[\u4e00-\u9fff]{{1,3}}{re.escape(short[1])}", names)
    )


# A description of the thing asked, then the thing pointed at ("…顺带调解的那种模式"): the words before.
_DESCRIBED_BEFORE_RE = re.compile(r"([\u4e00-\u9fff]{2,30}?)的(?:那|这)(?:种|个|项|类|套|些)")
# Where someone goes to do what is counted ("自己去法庭应诉", "上法庭当被告"): the place of the act
_GONE_TO_RE = re.compile(r"(?:亲自|自己|本人)?(?:去|上|到|进)([\u4e00-\u9fff]{2,3})(?=[\u4e00-\u9fff])")
# "那个要开会集体拍板的大事清单": what follows the pointing word up to 的 describes the thing named
_DESCRIBED_AFTER_THIS_RE = re.compile(r"(?:那|这)(?:种|个|项|类|套|些)([\u4e00-\u9fff]{2,30}?)的(?=[\u4e00-\u9fff]{2})")


# A clause describing a thing before 的 and the thing's name ("要开会集体拍板的|大事清单").
_RELATIVE_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)了?的([\u4e00-\u9fff]{2,8})")


def _told_by_own_verb(text: str, is_own) -> set[str]:
    """The words of a clause describing the thing counted in the asker's own verbs ("双方调解
    和好了的|案子", "去现场跑一回就能办好的|事项"): a description before the figure's own noun,
    whose last verb the figure's words never write, says how it went, not which measure."""
    found: set[str] = set()
    for match in _RELATIVE_RE.finditer(text):
        head = next((w for w in lexicon.segment(match.group(2)) if len(w) >= 2), "")
        words = [w for w in lexicon.segment(match.group(1)) if w.strip()]
        verbs = [w for w in words if lexicon.is_verb(w)]
        if head and is_own(head) and verbs and not is_own(verbs[-1]):
            found.update(words)
    return found


def rule_lookup_word(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """A staff lookup is its words alone ("劳动仲裁化解纠纷", "合规整改通知数"): a dictionary
    word of it that the report never writes, in any spelling, synonym or sound of the answer's
    own words, naming a kind of the report's word after it, is what the report lacks; a typo
    is no dictionary word and never counts."""
    if choice is None or a.intent.kind != "lookup" or a.intent.yes_no or a.numbers or not ctx.report_norm:
        return None
    if _ASKING_RE.search(a.raw) or len(a.core) > MAX_KEYWORD_CHARS:
        return None
    norm = ctx.normalize or normalize
    own, own_sound = _own_words(norm, choice.names, choice.own_text or choice.text)
    scope = _scope_words(a, ctx)
    lacked = ""  # the words lacked that stand together ("劳动", "仲裁" → 劳动仲裁)
    at = 0
    for word in lexicon.segment(a.core):  # (the core: "我想了解一下" asks, it names nothing)
        # ("复调和解数" read as 复调|和|解数: 和解 the report writes, so 解数 is no word typed)
        straddled = at > 0 and occurs(a.core[at - 1 : at + len(word) - 1], ctx.report_norm)
        at += len(word)
        if not straddled and _lookup_word_lacked(word, own, own_sound, scope, norm, ctx.report_norm):
            lacked += word
        elif lacked:
            # only a word that names a kind of what follows, the figure's own ("整改" of 通知数),
            # never one trailing off ("…通过数头都大了") or a typo at the end ("配了机台")
            if word in _LOOKUP_SUFFIXES:
                return Decline("absent", lacked + word)  # "纠错" + "率"
            if len(word) >= 2 and (norm(word) in own or occurs(word, ctx.report_norm)):
                return Decline("absent", lacked)
            lacked = ""
    return None


_LOOKUP_SUFFIXES = frozenset("率数量额费")  # a character ending a measure's name ("纠错率", "咨询费")


def _lookup_word_lacked(word: str, own: str, own_sound: str, scope: set, norm, report: str) -> bool:
    if len(word) < 2 or not _HANZI_RE.fullmatch(word) or word not in lexicon.words():
        return False
    if not (lexicon.is_noun(word) or lexicon.is_activity(word) or lexicon.is_verb(word)):
        return False  # a word of speaking ("好多", "就要"), not a name of what is looked up
    if word in _NOT_MEASURE_WORDS or word in scope or narrative(word) or CHANGE_ASKED_RE.search(word):
        return False
    written = norm(word)
    if written in own or _sounds_in(written, own_sound) or occurs(word, report):
        return False
    return none_occur(written, report)


def rule_one_word_off(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """The ask uses the figure's own words but one: that one word names another measure
    ("“0”排队次数的事项" of 跑动次数, "立法提案" of 意见建议). An asker who does not know the
    report's words describes the thing in several of their own ("胸口挂的那个录像的玩意儿"),
    so only a single word off, beside at least one word on, is a near miss. A check of how a
    figure changed ("交通事故破案数是不是比上年少了") checks that figure, though it says no
    number: against a report sentence, the sentence's words are the figure's."""
    changed = a.intent.yes_no and choice is not None and choice.candidate.from_report and CHANGE_ASKED_RE.search(a.text)
    if choice is None or not (choice.figure_value or changed):
        return None
    norm = ctx.normalize or normalize
    own, own_sound = _own_words(norm, choice.names, choice.own_text)
    on, off = [], []
    scope = _scope_words(a, ctx)
    is_own = lambda w: w in own or norm(w) in own or _sounds_in(norm(w), own_sound)  # noqa: E731
    before, counted = measure_parts(a)
    split_phrase = before + counted
    phrase = _measure_names(split_phrase)
    described = {
        w
        for pattern in (_DESCRIBED_BEFORE_RE, _DESCRIBED_AFTER_THIS_RE)
        for m in pattern.finditer(a.text)
        for w in lexicon.segment(m.group(1))
    }
    described |= _told_by_own_verb(a.text, is_own)
    described |= {w for m in _GONE_TO_RE.finditer(a.text) for w in lexicon.segment(m.group(1))[:1]}
    described |= {w for m in _NOT_YET_RE.finditer(a.text) for w in lexicon.segment(m.group(0))}
    off_counted = set()  # making verbs asked as nouns ("多少编制")
    for word in dict.fromkeys(phrase):
        counted_noun = word in MAKING_VERBS and _counted_last(word, a.text)  # "多少编制": a noun there
        if counted_noun:
            off_counted.add(word)
        neutral = word in _NOT_MEASURE_WORDS and not counted_noun
        if len(word) < 2 or not _HANZI_RE.fullmatch(word) or neutral or word in scope:
            continue  # a place, a year, a word of asking
        if word in described:
            continue  # "…顺带调解把矛盾化掉的那种模式": the asker's description of the thing named after it
        if word in a.text and _ANSWER_POSITION_RE.search(a.text[: a.text.index(word)]):
            continue  # "是什么证件不用交": the kind of thing the answer is, not a measure asked
        if CHANGE_ASKED_RE.search(word) and CHANGE_ASKED_RE.search(choice.own_text or choice.text):
            continue  # "同比涨幅" of 同比上升110%: how it changed is the figure itself
        if is_own(word) or (word not in split_phrase and is_own(word[:-1])) or _located_own(word, is_own, own):
            on.append(word)  # "调解率" of 调解: what it is a rate of is the figure's own
            continue
        if word not in split_phrase:
            off.append(word)  # "败诉率", "发案数": a rate or count of something not the figure's own
            continue
        rest = _off_part(word, own, norm)
        if rest and none_occur(rest, ctx.report_norm):
            return Decline("absent", rest)  # "心理咨询" of 法律咨询: its own part 咨询, and 心理 the report lacks
        # an activity the report never tells of (救助, 仲裁), not one of change (变动) or asking
        activity = lexicon.is_activity(word) and none_occur(word, ctx.report_norm) and not CHANGE_ASKED_RE.search(word)
        if lexicon.is_noun(word) or activity or word not in lexicon.words():
            off.append(word)  # a name of something, not a verb of the asking (享受, 参考, 帮忙)
        elif (
            not _after_own_noun(word, counted, is_own)
            and (word in counted or (word in a.text and _COUNT_AFTER_RE.match(a.text, a.text.index(word) + len(word))))
            and (none_occur(word, ctx.report_norm) or counted_noun)
            and (_ends_ask(word, a.text) or word not in counted)
            and not re.search(re.escape(word[0]) + r"[\u4e00-\u9fff]" + re.escape(word[1:]), own)
        ):
            # "多少条立法提案？": ending the ask after the question word, it is what is counted
            # (not "免交", the figure's 免提交 said shorter)
            off.append(word)
    phrase_before = split_phrase + [w for w in phrase if w not in split_phrase]
    phrase, off = _joined(phrase, off)  # "劳动 仲裁" standing together: one thing off
    word = off[0] if len(off) == 1 else ""
    if word and not on and _never_counted(word, off_counted, ctx.report_norm):
        return Decline("absent", word)  # "市里有多少编制": what is counted is all that is asked
    if (
        word
        and on
        and (_lacked(word, phrase_before, ctx.report_norm) or _never_counted(word, off_counted, ctx.report_norm))
        and _beside(_without_when(phrase), word, lambda w: bool(norm(w)) and norm(w) in own)
    ):
        following = next((phrase[i + 1] for i, w in enumerate(phrase[:-1]) if w == word), "")
        if word in off_counted:  # "执法人员编制": the report writes 编制 only as a verb
            whose = [w for w in phrase[: phrase.index(word)] if w in on]
            return Decline("absent", (whose[-1] if whose else "") + word)
        return Decline("absent", _suffixed(word, following))  # "网格员", not "网格"
    return None


_NEGATED_RE = re.compile(r"[没不未免无](?:被|有|曾|用)?$")


def rule_object_off(a: Analysis, choice: Choice | None, ctx: Context) -> Decline | None:
    """What the counted did, asked after the question word ("多少名执法人员参加执法技能比武",
    "多少家单位发布了宣传视频"): a thing named there that the report never writes, nor the figure's
    own words, is what the figure is not (a near miss)."""
    if choice is None or not choice.figure_value or not a.wants_figure or not ctx.report_norm:
        return None
    clause = next((c for c in reversed(CLAUSE_BREAK_RE.split(a.raw)) if _QUESTION_WORD_RE.search(c)), "")
    asked = _QUESTION_WORD_RE.search(clause)
    if asked is None:
        return None
    norm = ctx.normalize or normalize
    own, own_sound = _own_words(norm, choice.names, choice.own_text)
    scope = _scope_words(a, ctx)
    words = lexicon.segment(clean(clause[asked.end() :]))
    for k, word in enumerate(words):
        if len(word) < 2 or not _HANZI_RE.fullmatch(word) or word in _NOT_MEASURE_WORDS or word in scope:
            continue
        if _NEGATED_RE.search("".join(words[max(0, k - 2) : k])):
            continue  # "第一次没被罚款": what did not happen describes the thing, names no other
        if not (lexicon.is_noun(word) or word not in lexicon.words()):
            continue  # a verb of the asking or of the figure's own act
        written = norm(word) or word
        if written in own or _sounds_in(written, own_sound) or not none_occur(written, ctx.report_norm):
            continue
        if _ends_ask("".join(words[k : k + 2]), clean(clause)) or _ends_ask(word, clean(clause)):
            # what the ask ends on ("…参加执法技能比武？"), not a story run on after it
            return Decline("absent", word)
        if _counted_here(words[:k]):
            # what the question word counts ("多少名网格员考执法资格"): the noun right after it
            return Decline("absent", _suffixed(word, words[k + 1] if k + 1 < len(words) else ""))
    return None


def _suffixed(word: str, following: str) -> str:
    """The word with the one character written right after it when that makes the thing's name
    ("网格" + "员"), never a particle or a link (的, 了, 和)."""
    glued = word + following
    whole = len(following) == 1 and _HANZI_RE.fullmatch(glued) and following in _NOUN_SUFFIXES
    return glued if whole else word


# bound characters that make a noun of the word before them ("网格员", "调解室", "咨询费"); a
# verb or preposition after a word ("权力用", "店里接") starts the next phrase, no part of it
_NOUN_SUFFIXES = frozenset("员者师士户家所站室点处馆院会证书费率数量额金款单表卡码号长官队组团网群台")


_CLASSIFIER_RE = re.compile(r"[个项件家台处条类种名起次位户批只多]*")


def _counted_here(before: list[str]) -> bool:
    """Whether the words between the question word and a noun are its classifier at most
    ("多少|名|网格员"): the noun is what is counted."""
    return _CLASSIFIER_RE.fullmatch("".join(before)) is not None


# One character after a word that makes it the name of a measure: a rate or a count of it.
_MEASURE_SUFFIXES = frozenset("率数")


def _measure_names(words: list[str]) -> list[str]:
    """The words with a rate or count suffix standing alone after one joined to it ("败诉 率" →
    "败诉率", "发案 数" → "发案数"): the name of a measure, whatever part of speech its stem is."""
    out: list[str] = []
    for word in words:
        if word in _MEASURE_SUFFIXES and out and len(out[-1]) >= 2 and _HANZI_RE.fullmatch(out[-1]):
            out[-1] += word
        else:
            out.append(word)
    return out


def _lacked(word: str, words: list[str], report: str) -> bool:
    """Whether the report lacks a word off: none of its pairs (a single word), or, for words
    joined ("司法救助"), the whole and every pair of one of them (救助)."""
    if none_occur(word, report):
        return True
    if len(word) >= 3 and word in lexicon.words() and none_occur(word[-2:], report):
        return True  # "听证会": a word of its own whose head the report never writes (听证室 it does)
    parts = [w for w in words if w and w in word and w != word]
    return len(parts) >= 2 and not occurs(word, report) and any(none_occur(p, report) for p in parts if len(p) >= 2)


def _joined(phrase: list[str], off: list[str]) -> tuple[list[str], list[str]]:
    """The phrase and its words off the figure's own, those standing next to each other joined
    as one ("劳动", "仲裁" → "劳动仲裁")."""
    words: list[str] = []
    joined: list[str] = []
    previous_off = False
    for word in phrase:
        if word in off and previous_off:
            words[-1] += word
            joined[-1] = words[-1]
        else:
            words.append(word)
            if word in off and word not in joined:
                joined.append(word)
        previous_off = word in off
    return words, joined


def _off_part(word: str, own: str, norm) -> str:
    """A compound of the ask holding one of the figure's own words ("心理咨询" holds 咨询): the
    rest of it, when that is a word of two characters or more; else ""."""
    if len(word) < 4:
        return ""
    for size in range(len(word) - 2, 1, -1):
        for start in (0, len(word) - size):
            part = word[start : start + size]
            if norm(part) in own:
                rest = word[:start] + word[start + size :]
                return rest if len(rest) >= 2 else ""
    return ""


def _without_when(words: list[str]) -> list[str]:
    """The words without a span of time said between them ("司法救助|一年|受理": 司法救助 stands
    beside 受理)."""
    kept, k = [], 0
    while k < len(words):
        if words[k].isdigit() and k + 1 < len(words) and words[k + 1] in _TIME_UNITS:
            k += 2
            continue
        kept.append(words[k])
        k += 1
    return kept


_TIME_UNITS = frozenset(("年", "个月", "月", "天", "季度"))


def _names_a_thing(word: str) -> bool:
    """Whether a word (or words joined, "劳动仲裁") names a thing or an activity, each part of two
    characters or more: not the asker's story, nor a clause ("老板欠")."""
    parts = lexicon.segment(word)
    return not narrative(word) and all(len(p) >= 2 and (lexicon.is_noun(p) or lexicon.is_activity(p)) for p in parts)


_TOTAL_LINKS = frozenset("一共 总共 共 共计 累计 合计 全年 一年".split())


def _beside(words: list[str], word: str, is_own) -> bool:
    """Whether `word` stands next to one of the figure's own words ("排队次数", "立法提案"): in
    its slot; a word elsewhere in the ask (the one who acted, 公家; how it is put, 计数) is not."""
    spots = [i for i, w in enumerate(words) if w == word]
    for i in spots:
        if i + 2 < len(words) and words[i + 1].isdigit() and is_own(words[i + 1] + words[i + 2]):
            return True  # "排队1次" of 跑动1次: a count said with the word is in its slot
        after = i + 1
        if after + 1 < len(words) and len(words[after]) == 1 and words[after] not in _SLOT_BREAKS:
            after += 1  # "网格|员|配备": a character that ends the word off is part of it
        if any(0 <= j < len(words) and len(words[j]) >= 2 and is_own(words[j]) for j in (i - 1, after)):
            return True
        linked = i + 1
        while linked < len(words) and words[linked] in _TOTAL_LINKS:
            linked += 1
        if (
            linked > i + 1
            and linked < len(words)
            and is_own(words[linked])
            and _names_a_thing(word)
            and word[-1] not in "里上中内外下边"  # "店里一共接了": where, not what
        ):
            return True  # "司法救助一共受理了多少件": the thing whose total the figure's act counts
        linked = i - 1
        while linked >= 0 and words[linked] in _TOTAL_LINKS:
            linked -= 1
        if linked < i - 1 and linked >= 0 and len(words[linked]) >= 2 and is_own(words[linked]) and i == len(words) - 1:
            return True  # "执法人员总共多少编制": the figure's own noun, then its total asked in another word
        if (
            after + 2 < len(words)
            and len(words[after]) <= 2
            and lexicon.is_verb(words[after])
            and words[after + 1] == "的"
            and is_own(words[after + 2])
        ):
            return True  # "网格员配的执法记录仪": whose the figure's own thing is
        negated = i > 0 and words[i - 1] in ("不", "没", "没有", "未", "免")  # "不罚款的企业": what they did
        if i + 2 < len(words) and words[i + 1] == "的" and not negated and _names_a_thing(word):
            if is_own(words[i + 2]):
                return True  # "司法救助的案件", "劳动仲裁的调处成功率": what the figure's own noun is of
    return False


# A count named right after a word ("立法提案条数", "投诉件数"): that word is what is counted.
_COUNT_AFTER_RE = re.compile(r"的?[条件项个家起名台处类种]?数(?:量|目)?(?:是|有)?(?:多少|几)?[吗呢啊呀吧\s？?。.！!]*$")


def _after_own_noun(word: str, counted: list[str], is_own) -> bool:
    """Whether the counted phrase names the figure's own noun before `word` ("多少家企业身上"):
    the thing counted is named, and a word after it says where or how, not what."""
    if word not in counted:
        return False
    return any(len(w) >= 2 and lexicon.is_noun(w) and is_own(w) for w in counted[: counted.index(word)])


def _never_counted(word: str, counted: set[str], report: str) -> bool:
    """Whether a word asked as what is counted ("多少编制") is one the report writes only as a
    verb (目录编制审核, 关于编制…清单), never after a number or 的, where a thing counted stands."""
    return word in counted and re.search(r"[\d个的]" + re.escape(word), report) is None


def _counted_last(word: str, text: str) -> bool:
    """Whether `word` follows the question word right away and ends the ask ("总共多少编制"):
    what is counted, though the report writes it elsewhere in another sense (编制审核)."""
    return re.search(r"(?:多少|几)个?" + re.escape(word) + r"[吗呢啊呀吧哦呗咯\s？?。.！!]*$", text) is not None


def _ends_ask(word: str, text: str) -> bool:
    """Whether `word` ends the ask, particles and marks aside."""
    return re.search(re.escape(word) + r"[吗呢啊呀吧哦呗咯\s？?。.！!]*$", text) is not None


_SLOT_BREAKS = frozenset("的了是在和跟与及给为对把被让")  # particles and links: no part of a word


RULES = (
    rule_other_year,
    rule_other_place,
    rule_wider_scope,
    rule_breakdown,
    rule_measure,
    rule_money_kind,
    rule_no_figure,
    rule_part_only,
    rule_excluded,
    rule_case_stage,
    rule_count_only,
    rule_other_members,
    rule_headcount,
    rule_outcome,
    rule_after_the_step,
    rule_subpart,
    rule_one_of_a_pair,
    rule_measure_identity,
    rule_contrast,
    rule_counted_thing,
    rule_one_word_off,
    rule_lookup_word,
    rule_object_off,
    rule_subject_named,
    rule_level,
    rule_ordinal,
    rule_known_figure,
    rule_unstated_detail,
    rule_rate_name,
    rule_figure_subject,
    rule_rank_subject,
    rule_opposite,
    rule_not_done,
    rule_figure_kind,
)
# The rules of what a figure is of, not of the kind asked: for a figure quoted and asked its kind
# ("刑事破案数那个110，是百分比还是…"), where a count asked of a percentage is the question itself.
IDENTITY_RULES = tuple(rule for rule in RULES if rule not in (rule_measure, rule_figure_kind))
SCOPE_RULES = (rule_other_year, rule_other_place)


def first_decline(a: Analysis, choice: Choice | None, ctx: Context, rules=RULES) -> Decline | None:
    """The first rule that declines; a word of the asker's story ("爷爷", "心里") is never what
    the report lacks, whichever rule found it."""
    for rule in rules:
        found = rule(a, choice, ctx)
        if found is not None and not (found.reason == "absent" and narrative(found.detail)):
            return found
    return None


# --- absent terms -----------------------------------------------------------------------


_ANSWER_POSITION_RE = re.compile(r"(?:什么|啥|哪个|哪家|哪本|哪部|哪一个|哪一|哪|叫|称为|叫做)(?:样的|的)?$")


def absent_terms(core: str, report_norm: str, min_len: int = 2, asked: str = "") -> list[str]:
    """Runs of the question's content (2+ characters) that the report's normalised text never
    contains: the only words a reply may say the report lacks. With `asked` (the ask's text),
    a word that stands for the thing asked (PLACEHOLDERS, or a word right after 什么 / 哪个 /
    叫) is never one, and only whole words of the ask count (never a run glued from words
    that do not stand together in it, as 叫名 of 叫什么名字)."""
    text = GLUE_WORDS.sub(" ", core)
    runs, run = [], ""
    for c in text + " ":
        if c == " " or c in GLUE_CHARS:
            if len(run) >= min_len:
                runs.append(run)
            run = ""
        else:
            run += c
    # a word of the dictionary none of whose bigrams occurs in the report
    found = []
    for run in runs:
        for word in lexicon.words_in(run):
            if none_occur(word, report_norm):
                if asked and not _may_be_absent(word, asked, report_norm):
                    continue
                if narrative(word):
                    continue  # "爷爷", "心里": the asker's story, never what the report lacks
                if CHANGE_ASKED_RE.fullmatch(word):
                    continue  # "缩短了多少": a change asked is the intent's, never a thing the report lacks
                if word[0] in _CLASSIFIERS and re.search(_COUNT_BEFORE + re.escape(word), core):
                    continue  # "第几批评上的": 批 ends the ordinal, no 批评 was typed
                found.append(word)
                break
    return found


_CLASSIFIERS = frozenset("批届次个项件家名台处条类种起位期")
_COUNT_BEFORE = r"(?:第?几|第[\d一二三四五六七八九十]+|多少|\d)"  # a count or ordinal a classifier ends


def _describes(word: str, asked: str, report_norm: str) -> bool:
    """Whether `word` stands in a description before 的 of a noun ("讲道理的软办法办的案子"):
    how the asker describes the thing, not the thing ("志愿者团队" is a thing of its own)."""
    at = asked.find(word)
    if at < 0:
        return False
    joined = re.match(r"[\u4e00-\u9fff]{0,6}?的", asked[at + len(word) :])
    if joined is None:
        return False
    after = lexicon.segment(asked[at + len(word) + joined.end() :])
    return any(len(w) >= 2 and (occurs(w, report_norm) or lexicon.is_common(w)) and lexicon.is_noun(w) for w in after)


# A description then the thing it describes, pointed at ("…的人那个事", "…的那种做法"): its
# words describe, they do not name what is asked.
_DESCRIBED_THING_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?的(?:人|老百姓|群众)?(?:那|这)(?:个|种|些|项|类|件)")


# Verbs of doing something to or for a thing ("配备", "发放"): a word before one is no modifier
# of the nouns after it.
_ACTING_RE = re.compile(
    r"配备|配发|配置|发放|提供|建立|建设|开展|组织|办理|受理|审查|发布|出台|印发|制定|梳理|编制|配|发|建|给|为"
)


def _may_be_absent(word: str, asked: str, report_norm: str) -> bool:
    """Whether the report may be said to lack `word`: it names what is asked, not its type
    (PLACEHOLDERS, 哪个X) and not a modifier of a noun the report has ("公安那几个中心": the
    centres are asked, and the report has them)."""
    if word in PLACEHOLDERS or word not in lexicon.segment(asked):
        return False  # a placeholder, or letters of two words (防风 of 防风险)
    at = asked.index(word)
    if _ANSWER_POSITION_RE.search(asked[:at]):
        return False
    if _DESCRIBED_THING_RE.match(asked[at + len(word) :]):
        return False  # "帮没钱打官司的人那个事": how the asker describes the thing asked
    after = list(itertools.takewhile(lambda w: not _ACTING_RE.fullmatch(w), lexicon.segment(asked[at + len(word) :])))
    # (only before a verb: "为网格员配备执法记录仪" does things for 网格员, it modifies nothing)
    return not any(  # a noun after it, the report's or an everyday one (案子, 领导): it modifies that
        len(w) >= 2
        and (occurs(w, report_norm) or lexicon.is_common(w))
        and lexicon.is_noun(w)
        and w not in MEASURE_NEUTRAL
        and w not in PLACEHOLDERS
        for w in after
    )
