"""Sub-questions: several asks in one message.

Forms: separate sentences ("…多少？…呢？"), clauses that each ask ("A多少，B又有多少"),
"A和B分别/各是多少", and a bare "A和B" of two keywords. `split_question` returns the
candidate parts; the engine keeps a split only when each part is answered on its own.
A part with no subject of its own ("成功率呢", "又被哪个栏目报道了") borrows the first
part's words, the way a listener would.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.check_words import bare_check, checks, unchecked
from bot.analysis.intent import RANK_ASKED_RE
from bot.analysis.numbers import find_numbers, states_number
from bot.analysis.ruled_out import rules_out
from bot.text import lexicon
from bot.text.normalize import clean, convert_numerals

MAX_PARTS = 6  # an enumeration asks at most this many figures at once
_SENTENCE_RE = re.compile(r"[？?。！!；;\n]+")
_CLAUSE_RE = re.compile(r"[，,、]|\s+")
_ASK_RE = re.compile(
    r"多少|几[个项件家台处条类种名起次人位]?|哪些|哪个|哪几|哪一?[次批届期年天家位本部种条项类所份张样里儿]|谁|"
    r"什么|啥|吗|呢|是否|是不是|有没有|怎么样|如何|"
    r"多高|多大|多长|多久|高不高|多不多|大不大|怎样|为何|何时|何种|何处|几何"  # (formal: "文件名称为何")
)
# A check said by its ending after 过/了/有 ("营商码上过央视没", "到了100%没有"): an ask where
# marks set it apart (in a run-on it may be the end of the ask before: "…免提交覆盖了没有").
_NOT_END_RE = re.compile(
    r"(?<=[过了有])[^，,。？?！!；;\s]{0,10}?(?:没有?|冇)[吧啊呀]?[\s？?]*$"
    r"|(?:能|会|可以|可|是|要)[^，,。？?！!；;\s]{0,10}?不[吧啊呀]?\W*$"  # "无车证明能网上开不😂"
)
# A request ending a clause asks as a question does ("诉前调解案例也帮我报一下，还有成功率").
_REQUEST_END_RE = re.compile(r"(?:(?<!汇)报|说|讲|查)一下$")
JOIN_RE = re.compile(r"以及|还有|(?<!调)和(?!解)|(?<![涉普以危顾来])及(?![时格])|(?<![参给])与|跟(?![进踪])|、")
_EACH_RE = re.compile(
    r"(分别|各自|各|都)((?:是|有|为)|(?:变化|变动|变|增长|增加|下降|减少|上升|提高|降低|涨|降)了?|(?<!都)[\u4e00-\u9fff“”]{1,5}?了)?"
    r"(多少|几[个项件家台处条类种名起次人位]?|什么|啥|怎么样|如何|哪些|哪[种个类项家位样])"
)
# The particles that may end an ask ("…列一下吧", "…各是多少咯"), and with them its end marks.
_PARTICLES = "[吧呢啊呀嘛咯]*"
_ENDING = "[吧呢啊呀嘛咯。.!！?？]*$"
# "…各多少项", "…分别有多少": a list asked at its end, each member's figure.
_EACH_END_RE = re.compile(_EACH_RE.pattern + r"[个项件家台处条类种名起次人位]?" + _ENDING)
# An enumeration asked as a list of figures: "A、B和C，列一下", "A，B，再加上C 几个数一起报",
# "A、B、C，三个数一起说". The request counts the figures ("三个数"), says how they are told
# (都, 一起, 分别, 各), or is a verb that asks to be told (列一下, 告诉我) — one of the three.
_LIST_COUNT = r"(?:这|那)?(?:[两二三四五六几]个|几项)"
_LIST_HOW = r"(?:都|全部|全|一起|一块|统一|分别|各自|各)"
_LIST_TELL = (
    r"(?:(?:给我|帮我|跟我)?(?:列一下|列出来|列一列|列个表|列举|列下|(?<!汇)报一下|报下|报给我|说一下|说说|说下|说给我|讲一下|讲讲|讲下|"
    r"告诉我|发给我|给一下|给下|发一下|(?:给|发)我(?:一下|下)|[报说讲列](?:个|一下|下)?数(?:字|据)?))"
)
_LIST_ASK_RE = re.compile(
    r"[，,\s]*(?:帮我|给我|请|麻烦)?(?:"
    rf"{_LIST_COUNT}(?:数|数字|数据|指标){_LIST_HOW}*(?:{_LIST_TELL}|是多少|多少|(?:一起|一块)?[说讲报列])?|"
    rf"{_LIST_COUNT}?{_LIST_HOW}+(?:{_LIST_TELL}|是多少|多少|是(?={_ENDING}))|"
    rf"{_LIST_COUNT}?(?:一起|一块|统一)[说讲报列]|"
    rf"{_LIST_COUNT}?{_LIST_HOW}*{_LIST_TELL}"
    r")+(?:给我)?" + _ENDING
)
# A clause asking which members ("具体是哪六项", "有哪些"): before 都说一下 it asks for them told.
_MEMBERS_ASKED_RE = re.compile(r"哪些|哪几|哪[\d一二两三四五六七八九十]+[项个家件条类种名处位]")
# "A和B的X、Y": every subject with every measure (人民调解和诉前调解的数量、成功率 → four figures).
_SUBJECTS_OF_RE = re.compile(r"^(?P<a>[^、，,和]{2,12})和(?P<b>[^、，,和]{2,12})的(?P<m>[^、，,和]{2,8})$")


def _crossed(items: list[str]) -> list[str]:
    """The items of "A和B的X、Y" as A的X, A的Y, B的X, B的Y; other lists as they are."""
    first = _SUBJECTS_OF_RE.match(items[0]) if items else None
    if first is None or len(items) < 2 or any(len(_content(i)) > 6 for i in items[1:]):
        return items
    measures = [first.group("m")] + items[1:]
    return [f"{s}的{m}" for s in (first.group("a"), first.group("b")) for m in measures][:MAX_PARTS]


# A request first, its items after ("…几个数字都列出来：A、B、C", "帮我列一下，A、B和C").
_REQUEST_FIRST_RE = re.compile(
    r"^(.*?(?:列一下|列出来|都列|列举|一起报|(?<!汇)报一下|都是多少|分别是多少|各是多少|告诉我)"
    r"(?:[^：:，,\s]{0,12}?(?:[两二三四五六七八九十几]个|几项)(?:数字|数据|数|指标))?)"
    + _PARTICLES
    + r"(?:[：:，,]|\s+)\s*(.+)$"
)
# Fillers before a request ("那个 列一下：A、B、C"): no item of their own.
_FILLERS_LEAD_RE = re.compile(r"^(?:(?:那个|这个|就是|嗯+|呃|哎|你好|您好)[，,\s]*)+")
# A request starting the sentence, its items right after it ("报一下A跟B").
_REQUEST_START_RE = re.compile(
    r"^((?:请|麻烦|帮我|给我)?(?:列一下|(?<!汇)报一下|说一下|讲一下|告诉我|查一下))(?![：:，,\s])(.+)$"
)
# A polite request for figures, context before it and another request after ("我单位正在撰写材料，
# 烦请提供A、B及C，并注明出处"): the items are what it asks to be given.
_REQUEST_INSIDE_RE = re.compile(
    r"(?:^|[，,：:\s])(?:烦请|恳请|敬请|请|麻烦|劳驾|希望|望)(?:您|你们?|贵[\u4e00-\u9fff]{1,3}?)?(?:帮忙|帮我们?)?"
    r"(?:提供|告知|列出|列明|查询|统计|告诉我们?)(?:一下)?(?:以下|下列|如下)?(?:数据|数字|情况|几项)?[：:]?\s*"
    r"(?P<items>.+?)(?:[，,]\s*(?:并|同时|另外?|再)(?:请)?(?:注明|附上|说明|标明|写明|提供)[^，,]*)?[，,]?$"
)
# Figures listed, then what each is asked ("30多家 70个 20多个 这几个数分别指的是什么").
_WHAT_EACH_MEANS_RE = re.compile(
    r"[，,\s]*(?:这|那)?(?:[两二三四五六几]个|几)(?:数|数字|数据)?(?:分别|各自|各|都)?(?:是|指|说|代表|表示)(?:的是|的)?"
    r"(?:什么|啥)(?:意思)?" + _ENDING
)
_FIGURE_ITEM_RE = re.compile(
    r"(?:近|约)?[\d零〇一二两三四五六七八九十百千万.]+(?:万|亿)?(?:余|多)?[\u4e00-\u9fff%]{0,3}"
)
# "X里/中，A和B…": the whole named first, its parts asked after.
_WHOLE_OF_PARTS_RE = re.compile(r"^.+?(?:里面|里头|当中|之中|里|中)(?:的)?[，,\s]+(.+)$")
# What a request says besides its topic ("那几个数字都列出来", "几个数一起报一下").
_TOPIC_TRIM_RE = re.compile(
    r"(?:这块|那块|方面|这边|那边)?的?(?:这|那)?(?:[两二三四五六七八九十几]个|几项)?(?:数字|数据|件数|人数|数|指标)?"
    r"(?:都|全部|全|一起|一块|给我|帮我)*"
    r"(?:列一下|列出来|都列|列举|一起报|(?<!汇)报一下|都是多少|分别是多少|各是多少|告诉我)" + _PARTICLES + r"$|"
    r"(?:这块|那块|方面)?的?(?:这|那)(?:[两二三四五六七八九十几]个|几项)(?:数字|数据|数|指标)$|"
    r"^(?:把|请把|请|给我|帮我)?(?:列一下|(?<!汇)报一下|说一下|讲一下|告诉我)?"
)
# What ends a list's last item without being part of it ("…农民工讨薪这些", "…复调对接等").
_LIST_END_RE = re.compile(r"(?:这些|那些|这几个|那几个|这几项|等等|等)$")
# Where a sentence adds one more item ("…，还有网上可办率", "… 再加上承诺时限压缩率").
_MORE_WORDS = r"(?:还有|再加上|加上|以及|再就是)"
_MORE_RE = re.compile(r"[，,\s]+" + _MORE_WORDS)
_LIST_MORE_RE = re.compile(r"[，,]\s*(?:以及|外加|另外还有)")
# Keywords typed with spaces, a subject first ("复议跟调解对接 调成和解的几件 和解率").
_UNIT_COUNT_RE = re.compile(r"^([件项家台处条类种名起次位])数$")
# a measure of no named thing ("件数", "事项数", "成功率"): the kind of figure asked of a subject before it
_MEASURE_WORD_RE = re.compile(
    r"^(?:[件项家台处条类种名起次位个]数|(?:事项|案件|案例|文件|意见)[数条]?数?|数量?|总数|金额|钱数|人数|人次|比例|比率|[率额]|成功率|和解率)$"
)
# "刑事类", "民事型": a kind of the subject before it, no measure named on its own
_KIND_TOKEN_RE = re.compile(r"[\u4e00-\u9fff][类型]$")
_SCOPE_TOKEN_RE = re.compile(
    r"^(?:市本级|本级|全市|市级|益阳市?|市里|(?:19|20)\d\d(?:年度?)?|23年)$"
)  # where or when, no item
_MEASURE_TOKEN_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:[数率]|人次|金额|案件|案子)$")  # a token that is a measure's name
_KEYWORDS_RE = re.compile(r"^\s*([^\s，,、/]{2,14})(?:[\s/]+[^\s，,、/]{2,8}){2,6}\s*$")
_MORE_START_RE = re.compile("^" + _MORE_WORDS)
_ELLIPTICAL_RE = re.compile(r"^(?:那么|那|又|还有|另外|然后|再问|以及)|呢$")
_TWO_ASKS_RE = re.compile(r"多少|几[个项件家台处条类种名起次人位]")
# "A、B的比例是多少": the kind of figure before the question word is shared too
# "A和B的发布率分别是多少", "A跟B 发布率分别…": a rate after the items, set apart by 的 or a space
_RATE_OF_EACH_RE = re.compile(r"(?:的|\s+)([\u4e00-\u9fff]{0,4}?(?:率|比例|比率|占比))$")
_SHARED_TAIL_RE = re.compile(r"(的(?:比例|比率|占比|成功率))?(是)?(多少|几[个项件家台处条类种名起次人位]?)(\w{0,3})$")


@dataclass(frozen=True)
class Split:
    parts: tuple[str, ...]
    explicit: bool  # the message says it asks several things (分别, 各, separate questions)
    own: tuple[str, ...] = ()  # the parts as written, before any borrowed the first's subject


_NOT_CONTENT_RE = re.compile(r"[^\u4e00-\u9fff0-9a-zA-Z%]")


# "谁执法谁普法", "谁主管谁负责": whoever does one does the other, a duty's name, never a question of who
_WHOEVER_RE = re.compile(r"谁([\u4e00-\u9fff]{1,4}?)谁")


def _has_ask(text: str, run_on: bool = False) -> bool:
    text = _WHOEVER_RE.sub(r"\1", text)
    return bool(_ASK_RE.search(text) or (not run_on and _NOT_END_RE.search(text)))


def _content(text: str) -> str:
    return _NOT_CONTENT_RE.sub("", text)


# What names no subject of its own: a thing any figure counts ("管多少项事项"), or whose it is with
# its noun left out ("市政府的是多少" after "规范性文件三统一了多少件").
_GENERIC_NOUN_RE = re.compile(r"事项|案件|案子|件数|项数|数量")
_HEADLESS_RE = re.compile(r"^(?:就是|那个|这个)?[\u4e00-\u9fff]{1,6}?的(?:是|有|为)$")


# When and how much, said around an ask ("现在总共有多少个"): no subject of its own.
_NAMES_NOTHING_RE = re.compile(r"现在|目前|如今|当前|总共|一共|合计|总计|加起来")


def _borrow(first: str, part: str) -> str:
    """An elliptical part gets the first part's subject in front ("成功率呢" after "诉前调解有多少件")."""
    if not _elliptical(part):
        return part
    topic = first.split(":", 1)[0] if ":" in first.strip(":") else ""  # "谁执法谁普法：多少家单位"
    lead = re.split(r"[，,\s]+", first.strip(), maxsplit=1)[0]
    if not topic and lead != first.strip() and not _has_ask(lead):
        topic = lead  # "免证办，多少类证明": the topic before the first ask
    lent = _content(topic if len(_content(topic)) >= 2 else _subject(first))
    if not topic and _own_word(part):
        lent = _without_own_word(lent)
    return _ASK_RE.sub("", _NOT_END_RE.sub("", lent)) + part


def _own_word(part: str) -> str:
    """What an elliptical part names of its own before its ask ("部门" of "部门多少件")."""
    asked = _ASK_RE.search(part)
    said = _content(part[: asked.start()]) if asked else ""
    return said if any(len(w) >= 2 and lexicon.is_noun(w) for w in lexicon.segment(said)) else ""


def _without_own_word(first: str) -> str:
    """The first part without the word right before its ask, the first's own counterpart of the
    part's word: "三统一的规范性文件市政府多少件" lends 三统一的规范性文件 to "部门多少件"."""
    asked = _ASK_RE.search(first)
    if not asked:
        return first
    words = lexicon.segment(first[: asked.start()])
    kept = "".join(words[:-1]) if len(words) > 1 else ""
    return kept if len(_content(kept)) >= 2 else first


def _elliptical(part: str) -> bool:
    """Whether a part names no subject of its own ("成功率呢", "叫个啥名", "市政府的是多少")."""
    core = _ASK_RE.sub("", _ELLIPTICAL_RE.sub("", _NAMES_NOTHING_RE.sub("", _content(part))))
    if len(_GENERIC_NOUN_RE.sub("", core)) <= 3 or _HEADLESS_RE.match(core) is not None:
        return True
    # "成功率是不是没过6成": a check naming only a measure besides its amount and check words
    # ("是不是有2万件左右" names none: a check of what was said before, nothing lent to it)
    return checks(part) and states_number(part) and 2 <= len(_content(_without_amounts(part))) <= 3


# A name asked ("叫个啥名", "名字是什么"): of the thing said before it when it names none itself.
_NAME_ASKED_RE = re.compile(r"叫(?:个|做)?(?:啥|什么|么子)|(?:啥|什么|么子)名|名字|名称")


def _name_asked_alone(part: str) -> bool:
    """ "叫个啥名", "名字叫什么": a name asked of nothing the part names itself."""
    return bool(_NAME_ASKED_RE.search(part)) and _elliptical(part)


def _subject(first: str) -> str:
    """The subject of a part that asks after 是 ("重大决策事项目录|是哪次会通过的"): what comes
    before its 是, when that names something; else the whole part."""
    head, copula, rest = first.partition("是")
    return head if copula and len(_content(head)) >= 2 and _has_ask(rest) and not _has_ask(head) else first


# Strong separators of an enumeration; 和 / 及 / 与 / 跟 join only its last two items ("A、B和C"),
# since they also stand inside names ("实施规范和办事指南", "调解和好的比例").
_STRONG_JOIN_RE = re.compile(r"以及|还有|再加上|加上|再就是|、|，|,|\s+")
_LAST_JOIN_RE = re.compile(r"(?<!调)和(?!解)|(?<![涉普以危顾来])及(?![时格])|(?<![参给])与|跟(?![进踪])")


def _items(text: str) -> list[str]:
    """The items of an enumeration, in order; items typed one after another without a break
    are cut after the word that ends a measure ("人民调解化解纠纷数调处成功率…")."""
    items = [s for s in _unquoted(text, _STRONG_JOIN_RE) if len(_content(s)) >= 2]
    if len(items) <= 1:
        items = [s for s in _cut_at(text, _joins(text)) if len(_content(s)) >= 2]
    elif len(items) < MAX_PARTS:
        last = [s for s in _cut_at(items[-1], _joins(items[-1])) if len(_content(s)) >= 2]
        items = items[:-1] + (last if len(last) == 2 else [items[-1]])
    glued = [piece for item in items for piece in _unglued(item)]
    return glued if len(items) < len(glued) <= MAX_PARTS else items


# The end of a measure's name with another item typed right after it ("…纠纷数调处成功率").
LONG_ITEM = 10  # an item this long may be two typed together
MIN_ITEM = 5  # characters of an item cut off the front
_MEASURE_END_RE = re.compile(
    r"(?:[数率]|人次|金额)(?=[\u4e00-\u9fff]{3})(?![是有为多几的据字量先])(?!事项|案件|案子)"
)  # "跑动次数事项": a name before its noun


def _unglued(item: str) -> list[str]:
    """An item typed with the next one glued on, cut after the word ending each measure."""
    if len(item) < LONG_ITEM:
        return [item]
    pieces, start = [], 0
    for end in (m.end() for m in _MEASURE_END_RE.finditer(item)):
        if end - start >= MIN_ITEM:
            pieces.append(item[start:end])
            start = end
    rest = item[start:]
    if not pieces or _CHANGE_ONLY_RE.match(rest) or _PREDICATE_RE.match(rest):
        # "全市刑事破案数同比上升": what follows the count is its change, no second measure;
        # "法援受理数在全省排倒数吧": where it stands, said of it
        return [item]
    return pieces + [rest]


# What is said of a measure right after it: where it stands, a check, a comparison.
_PREDICATE_RE = re.compile(r"^(?:在|于|处于|位居|位列|排|比|跟|较|算|是不是|是否|有没有|能不能|达到|超过|不到|没到)")


_CHANGE_ONLY_RE = re.compile(r"^(?:同比|环比|较上年|比上年)?(?:上升|下降|增长|减少|提高|降低|增加|增幅|降幅)了?$")
_LOOKUP_MEASURE_END_RE = re.compile(r"(?:[数率]|人次|金额)(?=[\u4e00-\u9fff]{2})(?![是有为多几的据字量先额])")
MAX_GLUED_LOOKUP = 30


def _glued_lookup(text: str) -> list[str]:
    """A staff lookup of several measures typed without breaks ("复调件数和解率", "网上可办数可办率"),
    cut after each measure's 数/率/人次/金额; [] when it asks in words or names one measure."""
    text = text.strip()
    if len(text) > MAX_GLUED_LOOKUP or _has_ask(text) or not _HANZI_ONLY_RE.fullmatch(text):
        return []
    pieces, start = [], 0
    for m in _LOOKUP_MEASURE_END_RE.finditer(text):
        if m.end() - start >= 2:
            pieces.append(text[start : m.end()])
            start = m.end()
    rest = text[start:]
    if not pieces or len(rest) < 2 or not re.search(r"(?:[数率]|人次|金额)$", rest):
        return []  # every piece names a measure, the last too
    # "人调起数": the count in that unit (人民调解有多少起), as for a lookup typed with spaces
    return [_GLUED_UNIT_COUNT_RE.sub(r"有多少\1", p) for p in pieces + [rest]]


_GLUED_UNIT_COUNT_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})([件项家台处条类种名起次]|(?<!单)位)数$")


_HANZI_ONLY_RE = re.compile(r"[\u4e00-\u9fff0-9]+")


def _item_readings(text: str) -> list[list[str]]:
    """The enumeration read as `_items` does, then the other ways to read its last item: cut at
    each one of its 和/及/与/跟 ("…、问话的屋子和开听证的屋子和重大行政决策事项"), or whole
    ("…、实施规范和办事指南的填报发布率")."""
    first = _items(text)
    readings = [first]
    strong = [s for s in _unquoted(text, _STRONG_JOIN_RE) if len(_content(s)) >= 2]
    if not 2 <= len(strong) < MAX_PARTS:
        return readings
    last = strong[-1]
    for join in _joins(last):
        head, tail = last[: join.start()], last[join.end() :]
        if len(_content(head)) >= 2 and len(_content(tail)) >= 2:
            readings.append(strong[:-1] + [head, tail])
    readings.append(strong)
    return [r for k, r in enumerate(readings) if r not in readings[:k]]


_ASK_TAIL_RE = re.compile(r"(?:人次|万元|个?小时|[个项件家台处条类种名起次人位元])?(?:呢|啊|呀|吧)?")


def _ask_end(text: str, end: int) -> int:
    """Where a question typed without a break ends: after its question word and unit."""
    tail = _ASK_TAIL_RE.match(text, end)
    return tail.end() if tail and tail.end() < len(text) else 0


_COUNTS_RE = re.compile(r"多少|几")


def _counted_noun_at(text: str, cut: int) -> bool:
    """ "几个|中心都叫啥": the noun counted follows the cut, and what follows it asks no count
    of its own: one question about the things counted, not two."""
    words = lexicon.segment(text[cut:])
    first = words[0] if words else ""
    return len(first) >= 2 and lexicon.is_noun(first) and not _COUNTS_RE.search(text[cut + len(first) :])


def _run_on(text: str, subjectless: bool = False) -> tuple[str, ...]:
    """Questions typed one after another without a break: cut after each question word (and
    its unit) that more content follows, when every piece has a subject and the last asks."""
    cuts = [0]
    for match in _TWO_ASKS_RE.finditer(text):
        cut = _ask_end(text, match.end())
        if cut and cut > cuts[-1] and not _counted_noun_at(text, cut):
            cuts.append(cut)
    parts = [text[a:b].strip(",，、 ") for a, b in zip(cuts, cuts[1:] + [len(text)])]  # no comma left at a cut
    if len(parts) > 1 and not _has_ask(parts[-1]):  # "…多少家企业": the noun counted ends the last
        parts[-2:] = [parts[-2] + parts[-1]]
    parts = tuple(parts)
    if not 2 <= len(parts) <= MAX_PARTS:
        return ()
    if not subjectless and any(len(_content(_ASK_RE.sub("", p))) < 2 for p in parts):
        return ()  # ("多少人多少钱" after a subject clause: each borrows it, see split_question)
    return parts


# Where speech typed without marks starts a new ask: after a particle that ends one ("…多少件呢|"),
# before a word that adds one ("|还有…", "|另外…", "|顺便问…").
_PARTICLE_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])[呢吗嘛](?=[\u4e00-\u9fff]{2})")
# ("市本级是不是还有要跑两趟的事项": after a check's frame, 还有 is "still there is", no new ask)
_ADDS_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<!是不是)(?<!有没有)(?<!是否)(?<!会不会)(?<!难道)(?=还有|另外|再加上|以及|顺便|再问|然后)"
)
_MEMBERS_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:都|分别|各自|各)")
# Question words after which speech may start a new ask ("搞了哪些活动|法律援助案件受理了多少").
_SPOKEN_ASKS_RE = re.compile(_TWO_ASKS_RE.pattern + r"|哪些|哪几[个项家类种]?|什么|哪个|哪家")
_WHICH_RE = re.compile(r"哪个|哪家|哪些|哪几[个项家类种]?|什么")
MIN_SPOKEN = 8  # characters of a message typed without marks before its breaks are guessed
_ENDING_PARTICLES = tuple("呢吗嘛吧啊呀")
_SOFT_PARTICLE_RE = re.compile(r"[啊呀]")  # a particle that ends an ask without asking anything itself
SPOKEN_WORDS = 2  # words after a question word's unit that may still belong to its ask ("多少起|纠纷")


def _counted(word: str) -> bool:
    return lexicon.is_noun(word) and not _ASK_RE.search(word)


def spoken_breaks(text: str) -> list[str]:
    """A message typed (or spoken) without marks, read with a comma where each ask ends: after a
    particle, before a word that adds an ask, after a question word and its unit when what
    follows asks again. The noun counted may follow the unit ("多少起纠纷|成功率高不高") or not
    ("多少件|成功率呢"), so one reading per number of words kept with each ask, fewest first.
    A message with marks is read clause by clause ("诉前调解，到底成功率多少一年调了多少件")."""
    pieces = _MARKS_RE.split(text)
    if len(pieces) > 1:
        found = [_unmarked_breaks(piece) if k % 2 == 0 else [] for k, piece in enumerate(pieces)]
        most = max(map(len, found))
        readings = []
        for k in range(most):
            reading = "".join(f[min(k, len(f) - 1)] if f else piece for piece, f in zip(pieces, found))
            if reading not in readings:
                readings.append(reading)
        return readings
    return _unmarked_breaks(text)


_MARKS_RE = re.compile(r"([，,。？?！!；;、\s]+)")


def _unmarked_breaks(text: str) -> list[str]:
    """spoken_breaks of a text without marks."""
    if len(text) < MIN_SPOKEN or _MARKS_RE.search(text):
        return []
    always = {m.end() for m in _PARTICLE_END_RE.finditer(text)} | {m.start() for m in _ADDS_RE.finditer(text)}
    readings: list[str] = []
    for kept in range(SPOKEN_WORDS + 1):
        cuts = set(always)
        for match in _SPOKEN_ASKS_RE.finditer(text):
            cut = _ask_end(text, match.end()) or match.end()
            if _MEMBERS_AFTER_RE.match(text, cut):  # "几个中心都叫啥": the things counted, asked about
                continue
            counted = list(itertools.takewhile(_counted, lexicon.segment(text[cut:])))
            ended = cut + sum(len(w) for w in counted)
            soft = _SOFT_PARTICLE_RE.search(text, ended)
            if soft and not _has_ask(text[ended : soft.start()], run_on=True):
                # "多少名行政执法人员参加考试啊|…": the ask runs to a particle that only softens it
                rest = text[soft.end() :]
                if _has_ask(rest, run_on=True) and len(_content(unchecked(rest))) >= 3:
                    cuts.add(soft.end())
                continue
            # "哪个|频道": a word asking which takes the noun after it (多少 may end without one)
            least = 1 if _WHICH_RE.fullmatch(match.group(0)) else 0
            cut += sum(len(w) for w in counted[: max(kept, least)])
            cut += text[cut : cut + 1] == "的"
            rest = text[cut:]
            if _checks_amount(rest, text[:cut]):
                continue  # "多少个|立法联系点是不是十五个": the rest only checks the figure asked
            if rest and rest[0] not in _ENDING_PARTICLES and _has_ask(rest, run_on=True) and len(_content(rest)) >= 3:
                cuts.add(cut)
        bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
        reading = "，".join(text[a:b] for a, b in zip(bounds, bounds[1:]) if a < b)
        if reading != text and reading not in readings:
            readings.append(reading)
    verbs = _verb_cuts(text)
    if verbs:
        bounds = [0, *sorted(c for c in verbs | always if 0 < c < len(text)), len(text)]
        reading = "，".join(text[a:b] for a, b in zip(bounds, bounds[1:]) if a < b)
        if reading != text and reading not in readings:
            readings.append(reading)
    return readings


# Verbs that frame a count rather than start an ask of their own ("一共有多少", "是多少").
_FRAMING_VERBS = frozenset(("是", "有", "为", "共", "一共", "总共", "共计", "合计", "达", "达到", "约"))


_WORD_ASKS_RE = re.compile(r"多少|几|哪|什么|啥")


def _verb_cuts(text: str) -> set[int]:
    """ "公示了多少执法事项|配了多少台执法记录仪|建了多少处…": where each later ask starts, at the
    verb (and 了) right before its 多少/几, when the ask before it has ended with what it counts."""
    words = lexicon.segment(text)
    starts = list(itertools.accumulate((len(w) for w in words), initial=0))
    cuts: set[int] = set()
    asked_at = None
    for i, word in enumerate(words):
        if not _WORD_ASKS_RE.match(word):
            continue
        j = i - 1 if i and words[i - 1] != "了" else i - 2
        if asked_at is not None and j > asked_at + 1 and _COUNTS_RE.match(word):
            verb = words[j]
            if 1 <= len(verb) <= 2 and verb not in _FRAMING_VERBS and not lexicon.is_noun(verb) and verb.isalpha():
                if len(_content(text[starts[asked_at + 1] : starts[j]])) >= 2:
                    cuts.add(starts[j])
        asked_at = i
    return cuts


# A clause asking only which ones ("请问具体是哪几个", "分别是哪些"): the items of the count before it.
_WHICH_ONES_RE = re.compile(
    r"^(?:请问|那|那么)?(?:具体|分别|都)?(?:是|有)?(?:哪几[个项家类种条处]?|哪些)(?P<noun>[\u4e00-\u9fff]{0,4}?)(?:呢|啊|呀|吧)?$"
)


def _which_of_counted(clause: str, before: str) -> bool:
    """ "…几个中心，是哪几个", "第一批验收了几个单位，都有哪些单位": which ones of the count just
    asked (by no noun, or by the noun it counts), its own items, not an ask of its own."""
    which = _WHICH_ONES_RE.match(_content(clause))
    return bool(which and _TWO_ASKS_RE.search(before) and (not which.group("noun") or which.group("noun") in before))


# A clause checking a figure ends with 吧 ("…是一万零八百多起吧"): it asks, though no question word.
_CHECK_END_RE = re.compile(r"吧[。.!！]*$")


_CLAIM_BREAK_RE = re.compile(r"([，,、；;。]|\s+)")


@lru_cache(maxsize=1024)
def checked_claims(text: str) -> tuple[str, ...]:
    """Each figure stated, checked by the tag after them all ("人民调解化解纠纷一万零八百一十六起，
    调处成功率百分之九十三，没错吧" → two checks); a piece stating no number belongs to the next
    ("询问室、听证室近200处"). () unless the text is such claims and a tag."""
    *pieces, tag = _CLAIM_BREAK_RE.split(text.strip())
    if not pieces:
        return ()
    if not bare_check(tag.strip()):
        return _framed_claims([*pieces, tag][::2]) or _stated_then_checked(pieces, tag.strip())
    stated = _stated(pieces)
    if stated is None or stated[1].strip():
        return ()
    return tuple(f"{claim}，{tag.strip()}" for claim in stated[0])


def _stated(pieces: list[str], checked: bool = True) -> tuple[list[str], str] | None:
    """The pieces (separators between them) as claims each stating a number, a piece stating
    none joined to the next, and what is left after the last; None when one asks (or, with
    `checked` False, checks)."""
    claims, pending = [], ""
    for k in range(0, len(pieces), 2):
        piece = pending + pieces[k]
        if not piece.strip():
            continue
        if _has_ask(piece) or (not checked and checks(piece)):
            return None
        if states_number(piece):
            claims.append(piece)
            pending = ""
        else:
            pending = piece + (pieces[k + 1] if k + 1 < len(pieces) else "")
    return claims, pending


def _stated_then_checked(pieces: list[str], last: str) -> tuple[str, ...]:
    """Figures stated one after another, the last of them checked ("诉前调解案例 一万三千三百五十五件
    调解成功率 是百分之五十六点八吗"): the asker checks them all, each as "X N，对吧"."""
    if not (checks(last) and states_number(last)) or _ASK_WORD_RE.search(last):
        return ()
    if any(re.search(r"[?？]|还是", p) for p in [*pieces, last[:-1]]):
        return ()  # "…那30多，是单位家数还是个人？是不是三十多家": a question of its own before
    stated = _stated(pieces, checked=False)
    if not stated or not stated[0]:
        return ()
    claims, pending = stated
    checked = pending + last
    if claims:  # "诉前调解案例1万3千多件 成功率是不是没过6成": the rate of what the claim before it counts
        checked = _borrow(unchecked(claims[-1]) or claims[-1], checked)
    return (*(f"{claim.strip()}，对吧" for claim in claims), checked)


def _without_amounts(part: str) -> str:
    """A check without its amounts and check words ("成功率是不是超过6成" → "成功率")."""
    part = convert_numerals(part)
    for number in find_numbers(part):
        part = re.sub(r"[没不未]?" + re.escape(number.text), "", part)  # "没过6成": its 没 too
    return unchecked(part)


# What asks for more than a yes or no ("多少", "哪些"): never a claim checked.
_ASK_WORD_RE = re.compile(r"多少|几[个项件家台处条类种名起次人位]|哪|谁|什么|啥|怎|如何")


# A check's frame at the front of its first claim ("普法案例是不是有七十个，涉及二十多个方面").
_FRAME_RE = re.compile(r"是不是|是否|有没有")


def under_frame(pieces: list[str]) -> bool:
    """Whether the clauses are claims under one check frame: the first checks an amount ("…是不是
    有七十个") and each later one only states another amount ("涉及二十多个方面"), which the
    frame checks too."""
    if not 2 <= len(pieces) <= MAX_PARTS:
        return False
    frame = _FRAME_RE.search(pieces[0])
    if not frame or not states_number(pieces[0][frame.end() :]):
        return False
    return not any(_has_ask(p) or checks(p) or not states_number(p) for p in pieces[1:])


def _framed_claims(pieces: list[str]) -> tuple[str, ...]:
    """The claims under one frame, each later one checked as "X N，对吧" is."""
    pieces = [p for p in pieces if p.strip()]
    if not under_frame(pieces):
        return ()
    return (pieces[0], *(p.rstrip("?？ ") + "，对吧" for p in pieces[1:]))


# One amount checked of every item before it ("A和B是不是都是百分之百", "A、B都过万了吧").
_EACH_CHECKED_RE = re.compile(
    r"[，,\s]*(?:是不是|是否)?都(?:是|有|为|在|达到了?|超过了?|过了?|不到|没到)?(?P<amount>[^，,\s都]{1,12}?)"
    r"(?:了)?(?:吗|吧|么|嘛|呀|啊|对吧|是吧|对不对|对吗|没错吧)?[?？。!！\s]*$"
)


def _each_checked(text: str) -> tuple[str, ...]:
    """Each item checked against the one amount said after them all: "出庭应诉率和网上可办率是不是
    都是100%" → "出庭应诉率是不是100%", "网上可办率是不是100%"."""
    found = _EACH_CHECKED_RE.search(text)
    said = text[found.start() :] if found else ""
    if not found or not states_number(said.replace("都", "", 1)) or not checks(said + "吗"):
        return ()  # ("过万了": the verb and the amount together state it)
    items = _items(text[: found.start()])
    if not 2 <= len(items) <= MAX_PARTS or any(_has_ask(i) or states_number(i) for i in items):
        return ()
    return tuple(i + said.strip("，, ").replace("都", "", 1) for i in items)


def _asking_groups(clauses: list[str]) -> list[str]:
    """Clauses grouped by what they ask: a clause that asks nothing is the subject or scope of the
    next one that asks ("这边法律援助的情况，受理了多少件…"), or of the last when none follows."""
    groups: list[str] = []
    pending: list[str] = []
    for clause in clauses:
        if _MORE_START_RE.match(clause) and not pending and groups:
            groups.append(_MORE_START_RE.sub("", clause))  # "再加上承诺时限压缩率": one more item
            continue
        if groups and not pending and (_which_of_counted(clause, groups[-1]) or _name_asked_alone(clause)):
            # "打造了几个中心，是哪几个": the count's own items asked; "…推动温和执法的那套经验，
            # 叫个啥名": the name of what was just described (its 几招 asked nothing)
            groups[-1] += "，" + clause
            continue
        pending.append(clause)
        if _has_ask(clause) or _CHECK_END_RE.search(clause) or _REQUEST_END_RE.search(clause.strip()):
            groups.append("，".join(pending))
            pending = []
    if pending and groups:
        groups[-1] += "，" + "，".join(pending)
    return groups if len(groups) >= 2 else []


UNIT_CHARS = "个项件家台处条类种名起次人位"  # the units a count is asked in (几项, 各多少件)


def _rate_of_each(items: str) -> tuple[str, str]:
    """The items and the rate asked of each, when one follows them set apart by 的 or a space
    ("行政许可事项清单跟办事指南填报 发布率" → 发布率 of each); else the items and ""."""
    rate = _RATE_OF_EACH_RE.search(items)
    if rate and len(JOIN_RE.findall(items[: rate.start()])) == 1:  # two items: a list's last has its own
        return items[: rate.start()], "的" + rate.group(1)
    return items, ""


def _each_tail(each: re.Match) -> str:
    """What "各/分别…" asks of each item: "各是多少" asks 多少; "各变了多少" keeps its verb."""
    verb = each.group(2) or ""
    unit = each.string[each.end() : each.end() + 1]  # "各三统一了多少件": the unit goes with each
    return ("" if verb in ("是", "有", "为") else verb) + each.group(3) + (unit if unit and unit in UNIT_CHARS else "")


# Words between the items and "各…" that say how each is asked, not an item ("…，同比各变了多少").
_OF_EACH_RE = re.compile(r"[，,\s]+(同比|环比|比上年|较上年|比前一年|一共|总共|全年|分别)$")


# The items counted again before "各…" ("A B C 这三个各办了多少"): they point at the items, none of them.
_POINTED_COUNT_RE = re.compile(r"[，,\s]*(?:这|那)[两二三四五六几\d](?:个|项|样|类)?$")


def _each_items(clause: str) -> tuple[str, ...]:
    """A clause listing items, then asking each ("网上可办数，零跑动，跑一次各多少项"): one ask per
    item; () when it is no such clause."""
    each = _EACH_RE.search(clause)
    items = _items(_POINTED_COUNT_RE.sub("", clause[: each.start()])) if each else []
    return tuple(i + _each_tail(each) for i in items) if 2 <= len(items) <= MAX_PARTS else ()


def _bare_measure(piece: str) -> bool:
    """A piece naming only a kind of figure, maybe after the verb it counts ("成功率", "受理总数"):
    no thing of its own to ask about."""
    piece = piece.strip()
    if _MEASURE_WORD_RE.match(piece):
        return True
    words = lexicon.segment(piece)  # one verb, then a kind of figure ("调解案例" names a thing)
    return len(words) == 2 and lexicon.is_verb(words[0]) and bool(_KIND_OF_FIGURE_RE.match(words[1]))


_KIND_OF_FIGURE_RE = re.compile(r"^(?:总数|总量|总额|数量|数目|件数|人数|次数|金额|比例|比率|[率额])$")
_NAMES_A_MEASURE_RE = re.compile(r"(?:[数率额]|人次|数量|总数|金额|比例|降幅|增幅)\s*$")


def _measures_folded(items: list[str]) -> list[str]:
    """Items of a lookup typed with spaces, each a thing asked: a year or place alone is the scope
    of them all ("行政复议 受理总数 2023"), a bare measure is the measure of the thing before it
    ("行政复议 受理总数" is one ask)."""
    scope = "".join(i.strip() for i in items if _SCOPE_TOKEN_RE.match(i.strip()))
    kept: list[str] = []
    for item in (i for i in items if not _SCOPE_TOKEN_RE.match(i.strip())):
        if kept and _bare_measure(item) and not _NAMES_A_MEASURE_RE.search(kept[-1]) and not _has_ask(kept[-1]):
            kept[-1] += item.strip()  # ("网上可办数,可办率": after a measure, a second one of its subject)
        else:
            kept.append(item)
    if not scope or len(kept) < 2:
        return kept
    return [scope + k for k in kept]


def _with_subjects(parts: list[str]) -> list[str]:
    return [parts[0]] + [_borrow(parts[0], p) for p in parts[1:]]


_QUOTED_RE = re.compile(r"《[^》]*》|“[^”]*”|\"[^\"]*\"")


def _joins(text: str) -> list[re.Match]:
    """The 和/及/与/跟 of `text` that join two items, not those inside a word ("温和", "参与");
    the text is segmented once, and only when it has one."""
    found = list(_LAST_JOIN_RE.finditer(text))
    if not found:
        return found
    inside, at = set(), 0
    for word in lexicon.segment(text):
        if len(word) > 1:
            inside.update(range(at, at + len(word)))
        at += len(word)
    return [m for m in found if m.end() - m.start() != 1 or m.start() not in inside]


def _unquoted(text: str, pattern: re.Pattern) -> list[str]:
    """Split at `pattern`, but never inside 《…》 or “…” (《政务要情与交流》 is one name)."""
    return _cut_at(text, pattern.finditer(text))


def _cut_at(text: str, matches) -> list[str]:
    """`text` cut at each of `matches` not inside 《…》 or “…”."""
    spans = [m.span() for m in _QUOTED_RE.finditer(text)]
    pieces, start = [], 0
    for m in matches:
        if any(a <= m.start() < b for a, b in spans):
            continue
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def listed_items(text: str) -> str:
    """The items of a list asked with a request and typed without a break between them
    ("公示执法事项执法记录仪询问室听证室这三个数列一下" → the text before the request); "" when
    the message is not such a list."""
    text = unicodedata.normalize("NFKC", text).strip()
    listed = _LIST_ASK_RE.search(text) or _EACH_END_RE.search(text)
    if not listed or listed.start() == 0:
        return ""
    items = _LIST_END_RE.sub("", text[: listed.start()])
    return "" if re.search(r"[，,、；;：:\s]|和|及|与|跟|还有|以及", items) else items


# A space before 的 is typography: what 的 joins is one phrase, never two asks
_OF_SPACED_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=的)")  # ("0跑动的 跑1次的": items, a break after 的)


# What the asker leaves out ("除了A、B", "除A和B以外"): the rest is asked, not each of these.
_EXCEPT_RE = re.compile(
    r"除了?[^，,。？?！!]{1,30}?(?:、|和|跟|与|及)[^，,。？?！!]{1,30}?(?:以外|之外|外)?(?:[，,\s]|还|其余|其他|剩下|另外)"
)  # ("除了红星云和市长信箱还有哪些": the rest asked, no break needed)


def split_question(text: str) -> list[Split]:
    """Candidate ways to read the message as several questions, most explicit first."""
    text = _OF_SPACED_RE.sub("", unicodedata.normalize("NFKC", text).strip())  # "法治审核 的执法事项": one ask
    if _EXCEPT_RE.search(text):
        return []  # "除了无车证明、有无房证明，其余都是哪些": what is left out is no item asked
    found: list[Split] = []
    # "诉前调解有多少件成功率呢": read as if typed with its breaks
    spoken = [split for reading in spoken_breaks(text) for split in _split(reading)]
    found, seen = [], set()
    for split in spoken + _split(text):  # each reading once, where it first comes
        if split.parts not in seen:
            seen.add(split.parts)
            found.append(split)
    return found


_ASK_ENDS_COUNTING_RE = re.compile(r"(?:多少|几)[个项件家台处条类种名起次人位]?$")


def _checks_amount(piece: str, before: str) -> bool:
    """Whether a piece only checks an amount of the ask before it: nothing of its own besides
    the check ("是不是70个", "是40多个吗"), or only the noun that ask counts ("多少个|立法联系点
    是不是十五个")."""
    if not (checks(piece) and states_number(piece)):
        return False
    own = _content(unchecked(piece))
    if len(own) < 2:
        return True
    counting = _ASK_ENDS_COUNTING_RE.search(_content(before))
    if not counting or not lexicon.is_noun(lexicon.segment(own)[-1]):
        return False
    numbers = find_numbers(convert_numerals(clean(piece)))
    return bool(numbers) and numbers[-1].unit == counting.group(0)[-1:]  # 多少个 … 十五个


# "…多少个啊，我说的不是新增的是总数": the asker says what the ask before meant, no ask of its own.
_CLARIFIES_RE = re.compile(
    r"^(?:(?:我说的|我是说|我问的|我指的|我要的|我想问的|我想知道的)(?:是|不是)|"
    r"是[\u4e00-\u9fff]{1,6}?(?:加起来|合起来|全部|所有)的?$|"
    # only the scope of the ask before ("首次不罚的企业多少家\n全市的", "只要市本级的")
    r"(?:就|只|只要|只说|要|是)?(?:全市|市本级|本级|市里|全益阳|益阳市?)(?:范围内?|整体|总体|总的|加起来|一共)?的?"
    r"(?:数|数字|情况)?(?:呢|啊|哈|吧|哦)?$)"
)


def _clarifies(piece: str) -> bool:
    """Whether a piece says what the ask before it meant ("我说的是总数", "不是市本级的")."""
    return bool(_CLARIFIES_RE.match(piece)) or rules_out(piece)


# A check of where the thing asked stands ("排第一吗", "是不是全省第一", "前三吧"), after a rank asked.
_RANK_CHECK_RE = re.compile(
    r"^(?:那|就|是不是|是|难道不是|不是|不会是|不会|没有?|总不会是|总不是|应该是|应该|肯定是|肯定)?(?:在)?(?:全省)?(?:排|排在|排名|位列)?"
    r"(?:第[一二三四五六七八九十\d]+|前[一二三四五六七八九十\d]+|倒数第[一二三四五六七八九十\d]+|"
    r"垫底|倒数|落后|靠后|靠前|领先|前列|排(?:到|在)?(?:前|后)(?:面|头|边))(?:名|位|的)?"
    r"(?:吗|吧|呀|啊|嘛|么|不|对吧|是吧)?$"
)


def _checks_rank(piece: str, before: str) -> bool:
    """Whether a piece only checks the rank the ask before it asks ("…排第几啊 排第一吗")."""
    return bool(RANK_ASKED_RE.search(before)) and bool(_RANK_CHECK_RE.match(clean(piece)))


def _checks_only(piece: str) -> bool:
    """A check with at most a verb of its own ("出了没", "评上了吗"): of the ask before it."""
    return checks(piece) and len(_content(unchecked(piece))) < 2


def _check_groups(pieces: list[str]) -> list[list[int]]:
    """The pieces grouped: each amount's check, and each saying what the ask meant, with the ask
    before it."""
    groups: list[list[int]] = []
    for k, piece in enumerate(pieces):
        if groups and (
            _checks_amount(piece, pieces[k - 1])
            or _checks_rank(piece, pieces[k - 1])
            or _clarifies(piece.strip())
            or _checks_only(piece)
        ):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


MAX_TOPIC_CHARS = 10  # characters of a clause or line that only names what the ask after it is about
# A part that names a measure of its own ("诉前调解案件数", "网上可办率"): an item, never a topic.
_TOPIC_NAMES_MEASURE_RE = re.compile(r"(?:数|率|量|额|比例|占比|人次|排名|多少)$")
# A greeting or a request on a line of its own ("在不", "帮忙查下"): it names no topic.
_NO_TOPIC_RE = re.compile(r"帮|麻烦|请|你好|您好|在不|在吗|[查问]一?下|谢")


def _topics_joined(pieces: list[str]) -> list[str]:
    """A short piece that asks nothing and names no measure ("诉前调解", "典型案例", "我是安化的"),
    said on its own line before an ask ("成功率多少啊", "涉及多少个方面"): the topic or the
    context of that ask, so one piece with it, never an item of its own."""
    joined: list[str] = []
    for piece in pieces:
        topic = joined[-1] if joined else ""
        if (
            topic
            and not _has_ask(topic)
            and _has_ask(piece)
            # ("靠清单、备案…推动温和执法的那套经验，叫个啥名": an ask naming nothing is of the
            # thing said before it, however long)
            and (
                _name_asked_alone(piece)
                or (
                    len(_content(topic)) <= MAX_TOPIC_CHARS
                    and not _TOPIC_NAMES_MEASURE_RE.search(_content(topic))
                    and not _NO_TOPIC_RE.search(topic)
                )
            )
        ):
            joined[-1] = f"{topic}，{piece}"
        else:
            joined.append(piece)
    return joined


def _checks_joined(pieces: list[str]) -> list[str]:
    """Pieces with each amount's check kept with the ask before it: "发了多少个案例，是不是70个"
    is one ask and its check."""
    return ["，".join(pieces[k] for k in group) for group in _check_groups(pieces)]


def _split(text: str) -> list[Split]:
    found: list[Split] = []
    claims = checked_claims(text) or _each_checked(text)
    if 2 <= len(claims) <= MAX_PARTS:
        found.append(Split(claims, True))
    sentences = [s for s in _unquoted(text, _SENTENCE_RE) if len(_content(s)) >= 2]
    if len(sentences) >= 2:  # "…压缩率呢，还有网上可办率": one more item inside a sentence
        sentences = [piece for s in sentences for piece in _MORE_RE.split(s) if len(_content(piece)) >= 2]
    elif len(sentences) == 1:  # "A的案件数量，以及B的免罚金额": a list's last item, added formally
        sentences = [piece for piece in _LIST_MORE_RE.split(sentences[0]) if len(_content(piece)) >= 2]
        if len(sentences) >= 2:  # "A多少项，B多少项，以及C多少件": the items before it ask each too
            sentences = [
                group
                for piece in sentences
                for group in (
                    _asking_groups([c for c in _unquoted(piece, _CLAUSE_RE) if len(_content(c)) >= 2]) or [piece]
                )
            ]
    sentences = _checks_joined(_topics_joined(sentences))
    if 2 <= len(sentences) <= MAX_PARTS:
        found.append(Split(tuple(_with_subjects(sentences)), True, tuple(sentences)))
    if len(sentences) == 1:
        request = _REQUEST_FIRST_RE.match(sentences[0]) or _REQUEST_START_RE.match(sentences[0])
        if request and _CLAUSE_RE.search(_FILLERS_LEAD_RE.sub("", request.group(1)).strip()):
            request = None  # "A，B各是多少，C呢": items before the request are asked by it, none after
        inside = _REQUEST_INSIDE_RE.search(sentences[0]) if request is None else None
        if inside:  # "…，烦请提供A、B及C，并注明出处": each item a figure asked
            for items in _item_readings(_LIST_END_RE.sub("", inside.group("items").strip())):
                if 2 <= len(items) <= MAX_PARTS:
                    found.append(Split(tuple(i if _has_ask(i) else i + "是多少" for i in items), True))
        if request:  # "三项制度那几个数字都列出来：A、B、C": the items come after the request
            items = _items(_LIST_END_RE.sub("", request.group(2).strip()))
            topic = _TOPIC_TRIM_RE.sub("", request.group(1))  # "柔性执法几个数…": each item's subject
            topic = topic if len(_content(topic)) >= 2 else ""
            if 2 <= len(items) <= MAX_PARTS:
                asked = tuple((i if _has_ask(i) else i + "是多少") for i in items)
                if topic:
                    found.append(Split(tuple(f"{topic}{i}" if topic not in i else i for i in asked), True))
                found.append(Split(asked, True))
        listed = _LIST_ASK_RE.search(sentences[0])
        if listed and listed.start() > 0:  # "A、B和C，列一下": each item is a figure question
            items_text = sentences[0][: listed.start()]
            # "调解相关的几个率：A、B、C，分别报一下": what the colon introduces is the items
            items_text = items_text.split(":", 1)[1] if ":" in items_text.strip(":") else items_text
            items_text, rate = _rate_of_each(items_text)
            for reading in _item_readings(items_text):
                items = [i + rate for i in _crossed(reading)]
                if any(_MEMBERS_ASKED_RE.search(i) for i in items):
                    continue  # "那6项…事项 具体是哪6项啊 能不能都说一下": the members told, no figures
                if 2 <= len(items) <= MAX_PARTS:
                    found.append(Split(tuple(i if _has_ask(i) else i + "是多少" for i in items), True))
            sentences = [sentences[0][: listed.start()]]
        clauses = _asking_groups([c for c in _unquoted(sentences[0], _CLAUSE_RE) if len(_content(c)) >= 2])
        if 2 <= len(clauses) <= MAX_PARTS:
            # "多少家单位发了多少个典型案例，涉及多少个方面": a clause asking twice is two asks
            clauses = [piece for k, c in enumerate(clauses) for piece in (_run_on(c, k > 0) or (c,))][:MAX_PARTS]
            # "网上可办数，零跑动，跑一次各多少项，承诺时限压缩率多少": a group asking each of its
            # items, each item with a name of its own (none borrows the first's subject)
            parts, owns = [], []
            for part, own in zip(_with_subjects(clauses), clauses):
                listed = _each_items(own)
                parts += listed or [part]
                owns += listed or [own]
            found.append(Split(tuple(parts[:MAX_PARTS]), True, tuple(owns[:MAX_PARTS])))
        meaning = _WHAT_EACH_MEANS_RE.search(sentences[0])
        if meaning and meaning.start() > 0:  # "谁执法谁普法 30多家 70个 20多个 这几个数分别指什么"
            items = _items(sentences[0][: meaning.start()])
            figures = [i for i in items if _FIGURE_ITEM_RE.fullmatch(i.strip())]
            topic = "".join(i for i in items if i not in figures)
            if 2 <= len(figures) <= MAX_PARTS and len(_content(topic)) <= 12:
                found.append(Split(tuple(f"{topic}{f.strip()}是什么" for f in figures), True))
        tokens = [t for t in re.split(r"[\s/]+", sentences[0].strip()) if t]
        if (
            not found
            and 2 <= len(tokens) <= MAX_PARTS
            and _MEASURE_TOKEN_RE.search(tokens[0])
            and all(len(_content(t)) >= 2 and not _has_ask(t) and not _SCOPE_TOKEN_RE.match(t) for t in tokens)
            and not any(_KIND_TOKEN_RE.search(t) for t in tokens[1:])  # "法援案件 刑事类 民事类": its kinds
        ):
            # "网上可办数/可办率", "复调对接件数 和解率 人民调解成功率": measures, each its own item (the
            # first names the subject the others may lack)
            found.append(Split(tuple(_UNIT_COUNT_RE.sub(r"有多少\1", t) for t in tokens), True))
        keywords = _KEYWORDS_RE.match(sentences[0])
        if keywords and not found:  # "政府合同审查 件数 意见条数": a subject, then what of it
            subject = keywords.group(1)
            rest = [r for r in re.split(r"[\s/]+", sentences[0][keywords.end(1) :].strip()) if r]
            scope = "".join(r for r in rest if _SCOPE_TOKEN_RE.match(r))  # "诉前调解 成功率 2023": no item
            rest = [r for r in rest if not _SCOPE_TOKEN_RE.match(r)]
            if "/" not in sentences[0]:
                rest = _measures_folded(rest)  # "三统一 市政府 件数": one item, its kind of figure after it
            subject = scope + subject
            if 2 <= len(rest) <= MAX_PARTS and all(len(_content(r)) <= 8 for r in rest):
                # "起数", "件数": the count in that unit ("人调 起数 成功率": 人民调解有多少起)
                rest = [_UNIT_COUNT_RE.sub(r"有多少\1", r) for r in rest]
                slashed = "/" in sentences[0]  # "立法联系点/立法意见/…": the first is an item too
                found.append(Split(((subject,) if slashed else ()) + tuple(subject + r for r in rest), True))
                if slashed:
                    # "柔性执法事项/合规建议/办案数": or each a name of its own, the first's subject
                    # lent only to a part that gets no answer alone (the engine's choice)
                    found.append(Split(tuple([subject] + rest), True))
                elif all(
                    not (_has_ask(t) or _SCOPE_TOKEN_RE.match(t) or _MEASURE_WORD_RE.match(t)) for t in tokens
                ) and not any(_KIND_TOKEN_RE.search(t) for t in tokens[1:]):
                    # "零跑动 跑一次 网办率": or each a measure named on its own (the engine keeps
                    # the reading that answers the most of them)
                    found.append(Split(tuple(_UNIT_COUNT_RE.sub(r"有多少\1", t) for t in tokens), True))
        slashed_items = [t.strip() for t in sentences[0].split("/")]
        if (
            not found
            and 2 <= len(slashed_items) <= MAX_PARTS
            and all(len(_content(t)) >= 2 and not _has_ask(t) for t in slashed_items)
        ):
            found.append(Split(tuple(slashed_items), True))  # "记录仪/询问室听证室": a slash lists items
        asks = list(_TWO_ASKS_RE.finditer(sentences[0]))
        if len(asks) == 2 and not found:
            cut = asks[1].start()  # "帮多少农民工讨回了多少工资"
            found.append(Split(tuple(_with_subjects([sentences[0][:cut], sentences[0][cut:]])), True))

        unbroken = not re.search(r"[，,、\s]", sentences[0].strip())
        run_on = _run_on(sentences[0]) if unbroken else ()  # "网上可办数多少网上可办率又是多少"
        if run_on:
            found.append(Split(run_on, True))
        glued = _glued_lookup(sentences[0]) if unbroken and not found else []
        if 2 <= len(glued) <= MAX_PARTS:  # "诉前调解件数成功率": a staff lookup typed without breaks
            found.append(Split(tuple(glued), True))
        each = _EACH_RE.search(sentences[0])
        head = _POINTED_COUNT_RE.sub("", sentences[0][: each.start()]) if each else sentences[0]
        whole = _WHOLE_OF_PARTS_RE.match(head) if each else None
        if whole:  # "网上可办的事项里 零跑动和只跑一次的各多少项": the parts are asked, not the whole
            head = whole.group(1)
        tail = _each_tail(each) if each else ""
        said_of_each = _OF_EACH_RE.search(head) if each else None
        if said_of_each:  # "A和B，同比各变了多少": 同比 says how each is asked, no item
            head, tail = head[: said_of_each.start()], said_of_each.group(1) + tail
        if each:
            head, rate = _rate_of_each(head)
            tail = rate + tail
        if not each and not found:
            shared = _SHARED_TAIL_RE.search(head)
            if shared and JOIN_RE.search(head[: shared.start()]):
                head, tail = head[: shared.start()], (shared.group(1) or "") + shared.group(3) + shared.group(4)
        readings = _item_readings(head) if each else [_items(head)]
        heading = _HEADING_RE.match(head)
        if heading and not _has_ask(heading.group(1)):
            # "谁执法谁普法：责任单位数、案例数、涉及方面数": the heading names whose each item is
            # (a heading marks the list as the message's asks, as a request for items does)
            topic, listed = heading.group(1), _items(head[heading.end() :])
            if 2 <= len(listed) <= MAX_PARTS:
                found.append(Split(tuple(i if topic in i else topic + i for i in listed), True, tuple(listed)))
        weak = [piece for piece in _cut_at(head, _joins(head)) if len(_content(piece)) >= 2] if not each else []
        if len(weak) >= 2 and weak not in readings:
            # "配备执法记录仪数量及建立询问室、听证室数量": the items 及 joins, the 、 inside one
            readings.append(weak)
        for subjects in readings:
            subjects = _headed(_measures_folded(subjects))
            if not each and _topic_then_ask(subjects):
                continue  # "免证办 多少类证明": a topic, then the one thing asked of it
            if 2 <= len(subjects) <= MAX_PARTS:
                found.append(Split(tuple(s + tail for s in subjects), bool(each)))
    return list({split.parts: split for split in reversed(_with_checks_joined(found))}.values())[::-1]


# A heading before a colon that lists items ("谁执法谁普法：A、B、C"): short, the items' subject.
_HEADING_RE = re.compile(r"^\s*([^:，,、\s]{2,12}):(?=.*[、，,和及])")


def _headed(items: list[str]) -> list[str]:
    """Items said by whose they are ("市政府的", "部门的") after the thing they are of
    ("“三统一”的规范性文件，市政府的和部门的各多少件"): each item with that thing as its head,
    the thing no item of its own."""
    rest = [i.strip() for i in items[1:]]
    first = items[0].strip() if items else ""
    if len(rest) >= 2 and all(i.endswith("的") for i in rest) and not first.endswith("的"):
        if _NAMES_A_MEASURE_RE.search(first):
            return items  # "网上可办数、0跑动的、跑1次的": a measure of its own, an item too
        return [i + first for i in rest]
    return items


def _topic_then_ask(items: list[str]) -> bool:
    """A topic that asks nothing and names no measure, then one ask with no subject of its own
    ("免证办 多少类证明"); a description before a whole ask ("给涉企检查赋码的那个做法，…报道过")
    stays a reading of its own, whose items may find what the description names."""
    return (
        len(items) == 2
        and not _has_ask(items[0])
        and not _MEASURE_TOKEN_RE.search(items[0])
        and _has_ask(items[1])
        and _borrow(items[0], items[1]) != items[1]
    )


def _with_checks_joined(found: list[Split]) -> list[Split]:
    """Every reading with an amount's check kept with the ask before it (judged as written, before
    any part borrowed a subject); one left with a single part is no split."""
    kept = []
    for split in found:
        written = split.own if len(split.own) == len(split.parts) else split.parts
        groups = _check_groups(list(written))
        if len(groups) == len(split.parts):
            kept.append(split)
        elif len(groups) >= 2:
            parts = tuple("，".join([split.parts[g[0]], *(written[k] for k in g[1:])]) for g in groups)
            own = tuple("，".join(written[k] for k in g) for g in groups) if split.own else ()
            kept.append(Split(parts, split.explicit, own))
    return kept
