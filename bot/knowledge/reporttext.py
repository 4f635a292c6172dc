"""A report's own text as knowledge: its headings, sentences and figure clauses.

`parse_report(text)` splits a report (one paragraph per line) into
  * headings — lines without end punctuation ("政府职能体系不断优化", "一、…", "（二）…"), and a
    paragraph's short lead sentence ("政务服务提质增速。"), which acts as a sub-heading;
  * sentences — split at 。！？；; each with a stable id (a hash of its text) and the headings
    it stands under;
  * figures — every number the report writes with its unit and qualifier, copied verbatim
    ("1.5万余项", "近200处", "2000余万元", "100%", "全省第一"), with the clause around it, and
    what the figure claims (`role`): achieved (done in the report's year), target (目标：, 力争,
    到2025年, a part on next year's goals), change (同比增长6.9%, 较上年增加600余件) or rank.

Nothing is computed: a figure's `value` is a slice of the report. The engine retrieves
sentences and clauses next to the curated entries; the importer drafts entries from them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.text.units import unit_kind

_END_PUNCT = "。！？；;!?：:"
_SENTENCE_RE = re.compile(r"[^。！？；;!?]+[。！？；;!?]*")
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:。！？!?]")
_NUMBERED_L1 = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_NUMBERED_L2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_NUMBERED_L3 = re.compile(r"^\d+[、.．]")
LEAD_MAX_CHARS = 24  # a paragraph's first sentence this short, without figures, is a sub-heading
HEADING_MAX_CHARS = 40

# Units a figure may carry, longest first; 万/亿 are magnitudes written before the unit.
UNITS = (
    "个百分点",
    "平方公里",
    "平方米",
    "人次",
    "万元",
    "亿元",
    "万人",
    "公里",
    "小时",
    "分钟",
    "个月",
    "%",
    "项",
    "件",
    "家",
    "个",
    "台",
    "处",
    "条",
    "类",
    "种",
    "名",
    "起",
    "次",
    "人",
    "元",
    "位",
    "批",
    "户",
    "场",
    "期",
    "份",
    "本",
    "所",
    "座",
    "亩",
    "天",
    "倍",
    "宗",
    "套",
    "部",
    "支",
    "间",
    "余",
)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS if u != "余")
_FIGURE_RE = re.compile(
    r"(?P<pre>近|约|超过|逾|不足)?"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?P<mag>万|亿)?"
    r"(?P<post>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_RE}))?"
)
# A count written in words, of the parts of something ("五个方面"): a figure as written.
_WORD_NUMBERS = "二三四五六七八九十"
_WORD_COUNT_RE = re.compile(
    r"(?<![第一二三四五六七八九十两\d])(?P<num>[二三四五六七八九十])个(?P<what>方面|部分|领域|环节)"
)
_RANK_RE = re.compile(r"(?P<value>(?:全国|全省|全市|全区|全县)?第(?:[一二三四五六七八九十]|\d+)(?:名|位)?)")
_RANK_LEAD = ("排名", "排", "位列", "位居", "名列", "居", "全国", "全省", "全市")
_CHANGE_RE = re.compile(r"同比|上升|下降|增长|减少|提高|降低|增加|压缩")
# What a figure claims (Figure.role). A target is a goal, not a result: 目标：/力争/争取/计划/预计
# or a later year ("到2025年底") before it in its sentence, or a heading about goals above it.
ROLES = ("achieved", "target", "change", "rank")
_TARGET_RE = re.compile(
    r"目标[：:是为]|力争|争取|计划(?!生育|单列)|预计|(?:到|至)(?P<year>(?:19|20)\d\d)年(?!以来)|"
    r"(?P<year2>(?:19|20)\d\d)年(?:底|末)?前"
)
# A question worded as a target: 目标是多少, 计划达到, 明年要, 到2025年底要配到多少台.
TARGET_ASKED_RE = re.compile(
    r"目标|计划|力争|争取|打算|规划|预计|预期|明年|下一年|今后|将来|未来|"
    r"(?:19|20)\d\d年(?:底|末)?(?:前)?(?:要|将|能|计划|目标|力争|争取)|到(?:19|20)\d\d年|"
    r"要(?:达到|达|配|做到|完成|培训|突破|控制|提高|提升|实现)|要到|准备"
)
_TARGET_HEADING_RE = re.compile(r"(?:目标|计划|打算|展望|思路|安排)$|下一步|明年|今后")
# A change: 同比/较上年 in the figure's clause before it, or a change verb right before it.
_CHANGE_BASE_RE = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|较上一年|较(?:19|20)\d\d年|比(?:19|20)\d\d年")
_CHANGE_VERB_RE = re.compile(r"(?:增长|增加|下降|减少|提高|降低|上升|下滑|回落|提升|多了|少了)(?:了)?$")


@dataclass(frozen=True)
class Heading:
    text: str  # as written, without numbering or end punctuation
    level: int  # 0 the title, 1 section, 2 subsection (a lead sentence is 2), 3 point
    line: int  # 1-based line in the report


@dataclass(frozen=True)
class Figure:
    value: str  # verbatim: "1.5万余项", "近200处", "100%", "全省第一"
    number: float  # the number as written (7.5 for "7.5万余项"; 1 for "第一")
    unit: str  # "万项", "%", "处", "名" (rank)
    qualifier: str | None  # 余 / 多 / 近 / 约 / 超过 / 逾 / 不足, or None
    kind: str  # count | percent | money | people | rank | change
    clause: str  # the comma-delimited clause holding the figure
    context: str  # the clause before it in the same sentence (its subject is often there)
    sentence_id: str
    start: int  # offset of the value in its sentence
    role: str = "achieved"  # achieved | target | change | rank (see ROLES)

    @property
    def own_words(self) -> str:
        """The stretch of the clause between 、 that holds the figure, with a figure-less stretch
        just before it ("询问室、听证室近200处"); not the rest of a list ("…100%、…在全省排名靠前")."""
        parts = self.clause.split("、")
        for i, part in enumerate(parts):
            if self.value in part:
                before = parts[i - 1] if i and not _FIGURE_RE.search(parts[i - 1]) else ""
                return (before + "、" + part) if before else part
        return self.clause

    @property
    def magnitude(self) -> float:
        """The value the figure stands for (7.5万 → 75000), for comparing rough numbers."""
        if self.unit.startswith("万"):
            return self.number * 10000
        if self.unit.startswith("亿"):
            return self.number * 100000000
        return self.number


@dataclass(frozen=True)
class Sentence:
    id: str  # stable: a hash of the text
    text: str  # verbatim
    section: str  # level-1 heading above it ("" before the first)
    subsection: str  # level-2 heading or paragraph lead above it
    paragraph: int  # 0-based paragraph number
    line: int  # 1-based line in the report
    figures: tuple[Figure, ...] = ()
    is_lead: bool = False  # the paragraph's lead sentence (a sub-heading)

    @property
    def where(self) -> str:
        """ "section › subsection" for the reply's 出处 line."""
        return " › ".join(p for p in dict.fromkeys((self.section, self.subsection)) if p)


@dataclass
class ReportText:
    text: str
    headings: list[Heading] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    by_id: dict[str, Sentence] = field(default_factory=dict)

    @property
    def figures(self) -> list[Figure]:
        return [f for s in self.sentences for f in s.figures]

    def sections(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 1]

    def holding(self, source: str) -> list[Sentence]:
        """The sentences an entry's source is quoted from (either holds the other); [] for none."""
        return [s for s in self.sentences if source and (s.text in source or source in s.text)]


def sentence_id(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:8]


def strip_numbering(line: str) -> str:
    for pattern in (_NUMBERED_L1, _NUMBERED_L2, _NUMBERED_L3):
        line = pattern.sub("", line, count=1)
    return line.strip().rstrip("。.")


def heading_level(line: str) -> int | None:
    """1/2/3 when the line is a heading, else None."""
    text = line.strip()
    if not text or len(text) > HEADING_MAX_CHARS:
        return None
    if _NUMBERED_L2.match(text):
        return 2 if len(text) <= HEADING_MAX_CHARS and not re.search(r"[，,]", text) else None
    if text[-1] in _END_PUNCT or re.search(r"[，,；;]", text):
        return None
    if _NUMBERED_L1.match(text):
        return 1
    if _NUMBERED_L3.match(text):
        return 3
    return 1


def _skip(text: str, start: int, end: int) -> bool:
    """A number that is not a figure: a year, an ordinal, part of a name (CCTV-13, “0”跑动)."""
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    if before == "第" or (before and (before.isascii() and (before.isalnum() or before in "-.%"))):
        return True
    if before == "“" and after == "”":
        return True
    if _NAMES_ITEMS_RE.match(text, end):
        return True  # "无跑动2次或以上事项": the number names the items, it counts nothing
    return False


_NAMES_ITEMS_RE = re.compile(r"次(?:或以上|及以上|以上)?(?:的)?事项")


def _kind(unit: str, clause: str) -> str:
    kind = unit_kind(unit)
    return "change" if kind == "percent" and _CHANGE_RE.search(clause) else kind


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause, split at commas and other clause punctuation."""
    spans, start = [], 0
    for match in _CLAUSE_SPLIT_RE.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


@lru_cache(maxsize=4096)
def figures_of(text: str) -> tuple[Figure, ...]:
    """find_figures of a text the engine judges again and again (an entry's evidence)."""
    return tuple(find_figures(text))


def find_figures(sentence: str, sid: str = "", year: int | None = None) -> list[Figure]:
    """Every figure of a sentence, verbatim, with its clause and the clause before."""
    spans = _clauses(sentence)

    def clause_at(pos: int) -> tuple[str, str]:
        for i, (a, b) in enumerate(spans):
            if a <= pos < b:
                prev = sentence[spans[i - 1][0] : spans[i - 1][1]] if i else ""
                return sentence[a:b].strip(), prev.strip()
        return sentence, ""

    found: list[Figure] = []
    for m in _FIGURE_RE.finditer(sentence):
        num_start, num_end = m.span("num")
        after_num = sentence[m.end("num") : m.end("num") + 1]
        if after_num == "年" and len(m.group("num")) == 4:
            continue  # a year: 2023年, 2023年版
        if _skip(sentence, num_start, num_end) and not m.group("pre"):
            continue
        pre, post, mag, unit = m.group("pre"), m.group("post"), m.group("mag") or "", m.group("unit") or ""
        if not unit and not mag and not post:
            continue  # a bare number ("第7次" aside): not a figure we can name
        value = m.group(0)
        qualifier = pre or post
        full_unit = mag + unit
        clause, context = clause_at(m.start())
        found.append(
            Figure(
                value,
                float(m.group("num")),
                full_unit,
                qualifier,
                _kind(unit, clause),
                clause,
                context,
                sid,
                m.start(),
                figure_role(sentence, m.start(), "count", year),
            )
        )
    for m in _WORD_COUNT_RE.finditer(sentence):  # "从…等五个方面", "围绕…等四个方面进行部署"
        clause, context = clause_at(m.start())
        number = _WORD_NUMBERS.index(m.group("num")) + 2
        found.append(
            Figure(m.group(0), float(number), "个" + m.group("what"), None, "count", clause, context, sid, m.start())
        )
    for m in _RANK_RE.finditer(sentence):
        start = m.start()
        lead = sentence[max(0, start - 2) : start]
        value = m.group("value")
        if not (
            value.startswith(("全国", "全省", "全市", "全区", "全县")) or any(lead.endswith(w) for w in _RANK_LEAD)
        ):
            continue
        if sentence[m.end() : m.end() + 1] in "批次届":
            continue  # 第二批, 第7次: ordinals, not ranks
        ordinal = re.search(r"第([一二三四五六七八九十]|\d+)", value).group(1)
        number = float(ordinal) if ordinal.isdigit() else float("一二三四五六七八九十".index(ordinal) + 1)
        clause, context = clause_at(start)
        found.append(
            Figure(
                value,
                number,
                "名",
                None,
                "rank",
                clause,
                context,
                sid,
                start,
                figure_role(sentence, start, "rank", year),
            )
        )
    return sorted(found, key=lambda f: f.start)


def figure_role(sentence: str, start: int, kind: str = "rank", year: int | None = None) -> str:
    """What the figure at `start` claims: target, change, rank or achieved. `year`: the report's
    year, when known (到2023年底 in the 2023 report is a result, 到2025年 a target)."""
    before = sentence[:start]
    for m in _TARGET_RE.finditer(before):
        said = m.group("year") or m.group("year2")
        if not said or year is None or int(said) > year:
            return "target"
    if kind == "rank":
        return "rank"
    head = _CLAUSE_SPLIT_RE.split(before)[-1]  # the clause up to the figure
    if _CHANGE_BASE_RE.search(head) or _CHANGE_VERB_RE.search(head):
        return "change"
    return "achieved"


def target_heading(text: str, year: int | None = None) -> bool:
    """A heading over next year's goals ("2025年工作目标", "下一步工作打算")."""
    if _TARGET_HEADING_RE.search(text):
        return True
    said = re.search(r"((?:19|20)\d\d)年", text)
    return bool(said and year and int(said.group(1)) > year and re.search(r"目标|计划|打算|重点|任务", text))


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.findall(paragraph) if s.strip(" 。；;")]


@lru_cache(maxsize=32)
def parse_report(text: str) -> ReportText:
    """Headings, sentences and figures of a report (one paragraph per line)."""
    report = ReportText(text)
    section = subsection = ""
    paragraph = -1
    seen_text = False
    year: int | None = None
    goals = False  # under a heading about next year's goals: every figure is a target
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or set(line) <= set("…. 　-—"):
            continue
        level = heading_level(line)
        if (
            not seen_text
            and level is not None
            and re.search(r"(?:19|20)\d\d年", line)
            and re.search(r"报告|情况|总结|工作", line)
        ):
            report.headings.append(Heading(strip_numbering(line), 0, lineno))  # the title line
            year = int(re.search(r"((?:19|20)\d\d)年", line).group(1))
            seen_text = True
            continue
        seen_text = True
        if level is not None:
            heading = strip_numbering(line)
            report.headings.append(Heading(heading, level, lineno))
            if level == 1:
                section, subsection = heading, ""
                goals = target_heading(heading, year)
            elif level == 2:
                subsection = heading
            continue
        paragraph += 1
        report.paragraphs.append(line)
        pieces = split_sentences(line)
        numbered = _NUMBERED_L2.match(line)
        for i, piece in enumerate(pieces):
            lead = (
                i == 0
                and len(pieces) > 1
                and (
                    bool(numbered)
                    or (len(piece) <= LEAD_MAX_CHARS and not re.search(r"\d", piece) and piece[-1:] == "。")
                )
            )
            if lead:
                subsection = strip_numbering(piece)
                report.headings.append(Heading(subsection, 2, lineno))
            sid = sentence_id(piece)
            figures = find_figures(piece, sid, year)
            if goals or target_heading(subsection, year):
                figures = [replace(f, role="target") for f in figures]
            sentence = Sentence(sid, piece, section, subsection, paragraph, lineno, tuple(figures), lead)
            if sid not in report.by_id:
                report.by_id[sid] = sentence
                report.sentences.append(sentence)
    return report
