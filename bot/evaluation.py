"""Accuracy on the eval set (tests/eval/questions.yaml), for the tests and the benchmarks.

In scope, a question counts as correct only when the reply is an answer with the expected
entry (strict top-1). Out of scope, a question counts against us when it gets an answer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from .config import PROJECT_ROOT

EVAL_FILE = PROJECT_ROOT / "tests" / "eval" / "questions.yaml"

# A predictor takes a question and returns (status, entry_id).
Predictor = Callable[[str], tuple[str, str | None]]


@dataclass(frozen=True)
class EvalItem:
    question: str
    expect: str | None  # None for out of scope
    tags: tuple[str, ...]


@dataclass
class EvalResult:
    in_scope: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    out_of_scope: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    misses: list[tuple[EvalItem, str, str | None]] = field(default_factory=list)

    @staticmethod
    def _rate(rows: dict[str, list[bool]]) -> float:
        flat = [ok for values in rows.values() for ok in values]
        return sum(flat) / len(flat) if flat else 0.0

    @property
    def accuracy(self) -> float:
        return self._rate({"all": self.in_scope["all"]})

    @property
    def false_answer_rate(self) -> float:
        return self._rate({"all": self.out_of_scope["all"]})

    def table(self) -> str:
        """Markdown table: per tag, count and share (in scope: correct; out: answered)."""
        lines = ["| set | tag | n | rate |", "|---|---|---:|---:|"]
        for label, rows, what in (("in scope", self.in_scope, "correct"),
                                  ("out of scope", self.out_of_scope, "answered")):
            for tag in sorted(rows, key=lambda t: (t != "all", t)):
                values = rows[tag]
                lines.append(f"| {label} | {tag} | {len(values)} | {sum(values) / len(values):.1%} {what} |")
        return "\n".join(lines)


def load_eval(path: Path = EVAL_FILE) -> list[EvalItem]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [EvalItem(str(row["q"]), str(row["expect"]), tuple(row.get("tags") or ()))
             for row in data["in_scope"]]
    items += [EvalItem(str(row["q"]), None, tuple(row.get("tags") or ())) for row in data["out_of_scope"]]
    return items


def evaluate(predict: Predictor, items: list[EvalItem]) -> EvalResult:
    result = EvalResult()
    for item in items:
        status, entry_id = predict(item.question)
        if item.expect is not None:
            ok = status == "answer" and entry_id == item.expect
            rows = result.in_scope
            if not ok:
                result.misses.append((item, status, entry_id))
        else:
            ok = status == "answer"
            rows = result.out_of_scope
            if ok:
                result.misses.append((item, status, entry_id))
        for tag in item.tags + ("all",):
            rows[tag].append(ok)
    return result


def engine_predictor(engine) -> Predictor:
    def predict(question: str) -> tuple[str, str | None]:
        response = engine.respond(question)
        return response.status, response.entry_id
    return predict
