"""Accuracy on an eval set, for the tests, `python -m bot bench` and `python -m bot tune`.

Eval files (`tests/eval/*.yaml`, format in `tests/eval/FORMAT.md`) are written from a report
alone, so an in-scope item names what a right answer contains, not a knowledge-base id:

* `expect`: strings copied verbatim from the report that the *direct answer* must contain
  (the reply without its 原文/出处 quote lines), e.g. ["1.5万余项"];
* `yes`: for a yes/no check, whether the direct answer must begin with 是 or with 不是;
* legacy files give `expect` as an entry id instead: then the reply's entry id must match.

Out of scope, a question counts against us when it gets status "answer". Every reply is also
checked for figures that are not in the report (invented) and for claims that the report lacks
something its text contains (false absence); an in-scope figure question is also checked for
headline figures ("名称：值" lines of the direct answer) of the report that it did not ask for
(other measures: a figure of another measure printed beside the right one).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT

EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
TUNING_FILE = EVAL_DIR / "tuning.yaml"
HOLDOUT_FILE = EVAL_DIR / "holdout.yaml"
ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,48}$")


@dataclass(frozen=True)
class Reply:
    """What a predictor returns: enough to judge the reply."""

    status: str
    text: str = ""
    entry_id: str | None = None
    answer: str = ""  # the direct answer; derived from `text` when empty


# A predictor takes a question and returns its reply.
Predictor = Callable[[str], Reply]


@dataclass(frozen=True)
class EvalItem:
    question: str
    expect: tuple[str, ...] = ()  # verbatim strings; empty for out of scope
    tags: tuple[str, ...] = ()
    yes: bool | None = None
    entry: str | None = None  # legacy files: the expected entry id
    year: tuple[int, ...] = ()  # multi-year files: the year(s) whose figures are expected

    @property
    def in_scope(self) -> bool:
        return bool(self.expect or self.entry)


@dataclass
class Miss:
    item: EvalItem
    reply: Reply
    why: str


@dataclass
class EvalResult:
    in_scope: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    out_of_scope: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    misses: list[Miss] = field(default_factory=list)
    invented: list[tuple[str, str]] = field(default_factory=list)  # (question, figure)
    false_absence: list[tuple[str, str]] = field(default_factory=list)  # (question, term)
    other_measures: list[tuple[str, str]] = field(default_factory=list)  # (question, headline figure)

    @staticmethod
    def _rate(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    @property
    def accuracy(self) -> float:
        return self._rate(self.in_scope["all"])

    @property
    def false_answer_rate(self) -> float:
        return self._rate(self.out_of_scope["all"])

    def table(self) -> str:
        """Markdown table: per tag, count and share (in scope: right; out: answered)."""
        lines = ["| set | tag | n | rate |", "|---|---|---:|---:|"]
        for label, rows, what in (
            ("in scope", self.in_scope, "right"),
            ("out of scope", self.out_of_scope, "answered"),
        ):
            for tag in sorted(rows, key=lambda t: (t != "all", t)):
                values = rows[tag]
                lines.append(f"| {label} | {tag} | {len(values)} | {self._rate(values):.1%} {what} |")
        lines.append(
            f"\ninvented figures: {len(self.invented)}; false absence claims: {len(self.false_absence)}; "
            f"answers with a headline figure not asked: {len({q for q, _ in self.other_measures})}"
        )
        return "\n".join(lines)

    def miss_lines(self) -> str:
        return "\n".join(
            f"  [{m.why}] {m.item.question} → {m.reply.status}/{m.reply.entry_id}: "
            f"{direct_answer(m.reply)[:80]!r} (expected {list(m.item.expect) or m.item.entry})"
            for m in self.misses
        )


# --- loading ----------------------------------------------------------------------------


def _strings(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _years(value) -> tuple[int, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(int(v) for v in values)


def load_eval(path: Path | str = TUNING_FILE) -> list[EvalItem]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    items = []
    for row in data.get("in_scope") or []:
        # A bare `yes:` key is YAML 1.1's boolean True, not the string "yes".
        yes = row.get("yes", row.get(True))
        expect = _strings(row.get("expect"))
        legacy = len(expect) == 1 and bool(ID_RE.match(expect[0]))
        items.append(
            EvalItem(
                str(row["q"]),
                () if legacy else expect,
                tuple(row.get("tags") or ()),
                None if yes is None else bool(yes),
                expect[0] if legacy else None,
                _years(row.get("year")),
            )
        )
    for row in data.get("out_of_scope") or []:
        items.append(EvalItem(str(row["q"]), tags=tuple(row.get("tags") or ())))
    return items


# --- judging ----------------------------------------------------------------------------

_QUOTE_LINE = re.compile(r"^(?:原文|出处|相关问题|您还可以问)[:：]")
_SOFT = re.compile(r"[\s“”\"'《》「」『』()（）,，、]")


def direct_answer(reply: Reply) -> str:
    """The reply without its quoted source and section lines."""
    if reply.answer:
        return reply.answer
    return "\n".join(line for line in reply.text.splitlines() if not _QUOTE_LINE.match(line.strip()))


def _soft(text: str) -> str:
    """Comparison form: NFKC, quotes, brackets, commas and spaces ignored."""
    return _SOFT.sub("", unicodedata.normalize("NFKC", text))


def says_yes(answer: str) -> bool | None:
    head = answer.strip()[:4]
    if head.startswith(("不是", "不对", "没有", "不")):
        return False
    if head.startswith(("是的", "是", "对", "有")):
        return True
    return None


def judge(item: EvalItem, reply: Reply) -> str:
    """'' when the in-scope reply is right, else a short reason."""
    if reply.status != "answer":
        return reply.status
    if item.entry is not None:
        return "" if reply.entry_id == item.entry else "wrong entry"
    answer = _soft(direct_answer(reply))
    missing = [e for e in item.expect if _soft(e) not in answer]
    if missing:
        return "missing " + "/".join(missing)
    if item.yes is not None and says_yes(direct_answer(reply)) is not item.yes:
        return "yes/no"
    return ""


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?!\d|年)")
_ABSENCE_RE = re.compile(r"(?:没有关于|没有找到|未提及|没有提到|没有写到)“([^”]{1,30})”")


def invented_figures(text: str, report: str, question: str = "") -> list[str]:
    """Numbers in a reply that neither the report nor the question writes."""
    plain = unicodedata.normalize("NFKC", report + "\n" + question + "\n" + re.sub(r"\D", "", question))
    text = re.sub(r"(?:19|20)\d\d年", "", unicodedata.normalize("NFKC", text))  # dates, not figures
    return [n for n in _NUMBER_RE.findall(text) if n not in plain]


_HEADLINE_RE = re.compile(r"^[^\n：:]{2,30}[：:]\s*([^\n：:]{1,24})$", re.M)


def other_measures(reply: Reply, expect: tuple[str, ...], report: str) -> list[str]:
    """Headline figures of a direct answer ("首次不罚企业数：6125家") that the report writes
    but the item does not expect, when it expects a figure: a figure of a measure not asked."""
    if reply.status != "answer" or not any(re.search(r"\d", e) for e in expect):
        return []
    wanted = [_soft(e) for e in expect]
    plain = _soft(report)
    return [
        value
        for value in _HEADLINE_RE.findall(direct_answer(reply))
        if re.search(r"\d", value)
        and _soft(value) in plain
        and not any(_soft(value) in w or w in _soft(value) for w in wanted)
    ]


def false_absences(text: str, report_forms: tuple[str, ...], normalize: Callable[[str], str]) -> list[str]:
    """Terms a reply says the report lacks although the (normalised) report contains them."""
    return [
        term
        for term in _ABSENCE_RE.findall(text)
        if (norm := normalize(term)) and any(norm in form for form in report_forms)
    ]


def evaluate(
    predict: Predictor,
    items: list[EvalItem],
    report: str | dict[int, str] = "",
    normalize: Callable[[str], str] | None = None,
) -> EvalResult:
    """`report`: the report's text, or year → text when several reports are loaded (an absence
    claim about "2023年的报告" is checked against that report)."""
    result = EvalResult()
    reports = report if isinstance(report, dict) else {}
    report = "\n".join(reports.values()) if reports else report
    report_forms = (normalize(report),) if report and normalize else ()
    year_forms = {y: (normalize(t),) for y, t in reports.items()} if normalize else {}
    for item in items:
        reply = predict(item.question)
        if item.in_scope:
            why = judge(item, reply)
            ok = not why
            rows = result.in_scope
            if report:
                result.other_measures += [(item.question, v) for v in other_measures(reply, item.expect, report)]
        else:
            ok = reply.status == "answer"
            why = "answered" if ok else ""
            rows = result.out_of_scope
        if why:
            result.misses.append(Miss(item, reply, why))
        for tag in item.tags + ("all",):
            rows[tag].append(ok)
        if report:
            result.invented += [(item.question, f) for f in invented_figures(reply.text, report, item.question)]
        if report_forms:
            claimed = re.search(r"((?:19|20)\d\d)年的报告中没有", reply.text)
            forms = year_forms.get(int(claimed.group(1)), report_forms) if claimed else report_forms
            result.false_absence += [(item.question, t) for t in false_absences(reply.text, forms, normalize)]
    return result


def engine_predictor(engine) -> Predictor:
    def predict(question: str) -> Reply:
        response = engine.respond(question)
        return Reply(response.status, response.text, response.entry_id, response.answer)

    return predict


# --- dialogues ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dialogue:
    """Turns one person sends in a row; each turn is judged as an eval item (`out: true` turns
    are out of scope: they must not be answered)."""

    turns: tuple[EvalItem, ...]
    tags: tuple[str, ...] = ()


def load_dialogues(path: Path | str) -> list[Dialogue]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    dialogues = []
    for row in data.get("dialogues") or []:
        turns = []
        for turn in row.get("turns") or []:
            yes = turn.get("yes", turn.get(True))
            expect = () if turn.get("out") else _strings(turn.get("expect"))
            turns.append(EvalItem(str(turn["q"]), expect, (), None if yes is None else bool(yes)))
        dialogues.append(Dialogue(tuple(turns), tuple(row.get("tags") or ())))
    return dialogues


DialoguePredictor = Callable[[list[str]], list[Reply]]


def evaluate_dialogues(predict: DialoguePredictor, dialogues: list[Dialogue]) -> EvalResult:
    """Per turn: right (in scope) or not answered (out of scope); tags are the dialogue's."""
    result = EvalResult()
    for dialogue in dialogues:
        replies = predict([t.question for t in dialogue.turns])
        for turn, reply in zip(dialogue.turns, replies):
            if turn.in_scope:
                why = judge(turn, reply)
                ok = not why
            else:
                ok = reply.status != "answer"
                why = "" if ok else "answered"
            if why:
                result.misses.append(Miss(turn, reply, why))
            for tag in dialogue.tags + ("all",):
                result.in_scope[tag].append(ok)
    return result


def engine_dialogue_predictor(engine) -> DialoguePredictor:
    from bot.engine.conversation import Conversation

    def predict(questions: list[str]) -> list[Reply]:
        conversation = Conversation()
        replies = []
        for n, question in enumerate(questions):
            response = engine.respond(question, conversation, now=float(n))
            replies.append(Reply(response.status, response.text, response.entry_id, response.answer))
        return replies

    return predict
