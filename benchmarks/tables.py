"""Markdown helpers for the benchmark report."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys

from benchmarks.evaluation import EvalResult


def table(header: list[str], rows: list[list[object]], align: str | None = None) -> str:
    """A markdown table; `align` is one of l/r per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    marks = ["---" if a == "l" else "---:" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def ms(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def accuracy_rows(results: dict[str, EvalResult]) -> tuple[list[list[object]], dict[str, dict]]:
    """One row per (set, tag), one column per method; also the rates as numbers."""
    methods = list(results)
    first = results[methods[0]]
    numbers: dict[str, dict] = {m: {} for m in methods}
    rows: list[list[object]] = []
    for label, attr, kind in (
        ("in scope (correct ↑)", "in_scope", "in"),
        ("out of scope (answered ↓)", "out_of_scope", "out"),
    ):
        tags = sorted(getattr(first, attr), key=lambda t: (t != "all", t))
        for tag in tags:
            n = len(getattr(first, attr)[tag])
            row: list[object] = [label, tag, n]
            for method in methods:
                value = rate(getattr(results[method], attr)[tag])
                numbers[method][(kind, tag)] = value
                row.append(f"{value:.1%}")
            rows.append(row)
    return rows, numbers


def behind(numbers: dict[str, dict], engine: str) -> list[str]:
    """Tags where the engine does worse than a baseline (lower in scope, higher out of scope)."""
    found = []
    for method, values in numbers.items():
        if method == engine:
            continue
        for (kind, tag), value in values.items():
            mine = numbers[engine][(kind, tag)]
            worse = mine < value - 1e-9 if kind == "in" else mine > value + 1e-9
            if worse:
                found.append(f"{kind}:{tag} vs {method} ({mine:.1%} vs {value:.1%})")
    return found


def machine() -> dict[str, str]:
    """nproc, the head of lscpu, the Python version."""

    def run(command: list[str]) -> str:
        if not shutil.which(command[0]):
            return "(not available)"
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()

    lscpu = run(["lscpu"])
    return {
        "nproc": run(["nproc"]),
        "lscpu": "\n".join(lscpu.splitlines()[:10]),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }


def revision(root) -> str:
    """The commit measured, with '+changes' when bot/ has uncommitted edits."""
    if not shutil.which("git"):
        return "unknown"
    head = (
        subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        or "unknown"
    )
    dirty = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--", "bot", "knowledge"], capture_output=True, text=True
    ).stdout.strip()
    return f"{head}+changes" if dirty else head
