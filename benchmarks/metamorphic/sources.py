"""The originals the transforms start from: every in-scope question of the tuning sets.

Following CheckList, only originals the engine answers right are transformed (so a test measures
robustness, not base accuracy). Composition needs a question's *subject* ("2023年共受理法律援助案件
多少件？" → "共受理法律援助案件"); a subject qualifies when "<subject>是多少" alone is answered right.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from benchmarks.evaluation import EVAL_DIR, EvalItem, Reply, judge, load_eval
from benchmarks.metamorphic.words import drop_final_verb
from bot.knowledge.reporttext import parse_report

# Every tuning set (the question-style sets, styles-tuning*.yaml); the holdouts are never read here.
SOURCE_FILES = (EVAL_DIR / "tuning.yaml", *sorted(EVAL_DIR.glob("styles-tuning*.yaml")))

_TAIL_RE = re.compile(r"[\s？?！!。，,、~～…]+$")
_PARTICLES_RE = re.compile(r"[啊呀呢吧嘛哦哈咯嘞哒]+$")
# The ask at the end of a figure question: "(一共)有多少件", "是多少", "几项", "多少人次", "多少钱".
_ASK_RE = re.compile(
    r"(?:到底|大概|一共|总共|共|总共有|又|都)?(?:是|有|达到|为)?(?:百分之)?(?:多少|几)"
    r"(?:人次|钱|[个项件名家台处条类种起次元份])?$"
)
_LEADING_YEAR_RE = re.compile(r"^(?:请问)?(?:20\d\d年)(?:度)?[，, ]?")
_QUESTION_WORD_RE = re.compile(
    r"多少|几|幾|什么|什麼|吗|嗎|哪|啥|还是|還是|多高|多不多|没$|怎么|怎麼|怎样|如何|这一?块|那一?块|好多|么子"
)
_PUNCT_RE = re.compile(r"[\s，,、。？?！!：:；;“”\"'「」()（）]")


@dataclass(frozen=True)
class Figure:
    value: str  # as the report writes it: "4600余件"
    number: str  # "4600"
    kind: str
    way: str = ""  # a change's direction as the report writes it: "up" (上升110%), "down", or ""
    ranked: bool = False  # its clause, or the numberless one after it, ranks it ("处于全省前列")
    part: str = ""  # the part of the whole its own clause names ("市本级", "新增"), "" when none


@dataclass
class Sources:
    items: list[EvalItem]  # every in-scope question of the tuning sets
    right: list[EvalItem]  # those the engine answers right
    figures: list[Figure]  # the report's figures with a number
    subjects: list[tuple[str, EvalItem]] = field(default_factory=list)  # qualified (subject, item)
    report: str = ""  # the report's text, cleaned as the engine reads it

    def __post_init__(self) -> None:
        self._soft_values = [(soft(f.value), f) for f in self.figures]
        self._single: dict[tuple[str, ...], Figure | None] = {}

    def figure_in(self, text: str) -> list[Figure]:
        """The report's figures written in `text` (soft comparison)."""
        plain = soft(text)
        return [f for value, f in self._soft_values if value in plain]

    def single_figure(self, item: EvalItem) -> Figure | None:
        """The one figure an item expects, if it expects exactly one string holding one figure."""
        if item.expect not in self._single:
            self._single[item.expect] = self._single_figure(item.expect)
        return self._single[item.expect]

    def _single_figure(self, expect: tuple[str, ...]) -> Figure | None:
        if len(expect) != 1:
            return None
        found = {f.value: f for f in self.figure_in(expect[0])}
        # "2000余万元" also holds "2000余" of no other figure, but "近200条" holds "200条"-like
        # values of other figures: keep the values no other found value contains.
        values = [v for v in found if not any(v != w and v in w for w in found)]
        return found[values[0]] if len(values) == 1 else None


def soft(text: str) -> str:
    return re.sub(r"[\s“”\"'《》「」『』()（）,，、]", "", unicodedata.normalize("NFKC", text))


def report_figures(report: str) -> list[Figure]:
    out, seen = [], set()
    for figure in parse_report(report).figures:
        if not re.search(r"\d", figure.value) or figure.clause.startswith("无") or figure.value in seen:
            continue
        seen.add(figure.value)
        number = re.search(r"\d+(?:\.\d+)?", figure.value).group(0)
        way = (
            "up"
            if re.search(r"上升|增长|增加", figure.clause)
            else "down"
            if re.search(r"下降|减少", figure.clause)
            else ""
        )
        part = next((w for w in PART_WORDS if w in figure.clause), "")
        out.append(
            Figure(
                figure.value, number, figure.kind, way if figure.kind == "change" else "", _ranked(report, figure), part
            )
        )
    return out


PART_WORDS = ("市本级", "新增")  # a part of a whole a figure's clause may name
_RANK_RE = re.compile(r"前列|领先|第一(?!批)|排名|位居")
_CLAUSES_RE = re.compile(r"([,，;；。])")
_RANK_OF_IT_RE = re.compile(r"(?:处于|位居|居于?|位列|排名|排在)[^\d]*(?:前列|领先|第一|前)")


def _ranked(report: str, figure) -> bool:
    """Whether the report ranks the figure: in its own clause, or in the clause right after it
    when that one states no number ("…压缩率74.1%,处于全省前列")."""
    if _RANK_RE.search(figure.clause):
        return True
    at = report.find(figure.value)
    if at < 0:
        return False
    # [rest of its clause, mark, next clause, …]: a clause of the same sentence only
    after = _CLAUSES_RE.split(report[at + len(figure.value) :], maxsplit=2)
    following = after[2] if len(after) > 2 and after[1] in ",，" else ""
    following = _CLAUSES_RE.split(following, maxsplit=1)[0]
    return bool(_RANK_OF_IT_RE.match(following))  # "处于全省前列": no subject of its own


def subject_of(question: str) -> str | None:
    """The thing a figure question asks about, without its ask; None if it has no clean one."""
    text = _LEADING_YEAR_RE.sub("", question.strip())
    for _ in range(3):
        text = _PARTICLES_RE.sub("", _TAIL_RE.sub("", text))
    text = _ASK_RE.sub("", text)
    text = _PARTICLES_RE.sub("", _TAIL_RE.sub("", text))
    text = re.sub(r"(?:的|了)$", "", text)
    if _QUESTION_WORD_RE.search(text):
        return None
    text = drop_final_verb(text)
    if not 2 <= len(text) <= 24 or _PUNCT_RE.search(text) or _QUESTION_WORD_RE.search(text):
        return None
    if not re.search(r"[\u4e00-\u9fff]{2}", text):
        return None
    return text


def reply_of(response) -> Reply:
    return Reply(response.status, response.text, response.entry_id, response.answer)


def load_sources(engine, report: str) -> Sources:
    items = [i for path in SOURCE_FILES for i in load_eval(path) if i.in_scope and i.entry is None]
    right = [i for i in items if not judge(i, reply_of(engine.respond(i.question)))]
    sources = Sources(items, right, report_figures(report), report=report)
    seen: set[tuple[str, ...]] = set()
    for item in right:
        if item.yes is not None or sources.single_figure(item) is None:
            continue
        subject = subject_of(item.question)
        if subject is None or (subject, item.expect) in seen:
            continue
        probe = EvalItem(subject + "是多少", item.expect)
        if not judge(probe, reply_of(engine.respond(probe.question))):
            seen.add((subject, item.expect))
            sources.subjects.append((subject, item))
    return sources
