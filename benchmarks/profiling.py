"""Where `Engine.respond` spends its time: cProfile over the eval questions.

The breakdown follows the call tree from `Engine._respond` down: at each level the direct
callees with their cumulative time per query, then the most expensive one expanded, as
long as it holds most of its parent's time. cProfile slows pure-Python code more than C
calls (rapidfuzz, numpy), so read the shares as an upper bound for the Python parts.
"""

from __future__ import annotations

import cProfile
import linecache
import pstats
from pathlib import Path

Func = tuple[str, int, str]


def _label(func: Func) -> str:
    path, line, name = func
    if path == "~":
        return name.replace("<built-in method ", "").rstrip(">")
    parts = Path(path).parts
    where = f"{'/'.join(parts[-2:])}:{line}"
    if name.startswith("<"):  # a comprehension: show its line, which says what it walks
        code = linecache.getline(path, line).strip()
        return f"{name} ({where}: `{code[:70]}`)" if code else f"{name} ({where})"
    return f"{name} ({where})"


def _callees(stats: dict, parent: Func) -> list[tuple[Func, float, int]]:
    """(callee, cumulative seconds spent in it when called from `parent`, calls)."""
    found = []
    for func, (_, _, _, _, callers) in stats.items():
        if parent in callers:
            entry = callers[parent]
            calls, cumulative = entry[1], entry[3]
            found.append((func, cumulative, calls))
    return sorted(found, key=lambda row: -row[1])


def _profiled(engine, questions: list[str]) -> dict:
    """cProfile's raw table for answering every question once."""
    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        engine.respond(question)
    profiler.disable()
    return pstats.Stats(profiler).stats  # type: ignore[attr-defined]


def profile_engine(
    engine, questions: list[str], rows: int = 6
) -> tuple[list[tuple[int, str, float, float, float]], float]:
    """Rows (depth, function, µs per query, share of respond, calls per query) and total µs/query."""
    for question in questions[:50]:  # warm caches as in the latency runs
        engine.respond(question)
    stats = _profiled(engine, questions)
    n = len(questions)
    root = next(f for f in stats if f[2] == "_respond" and f[0].endswith("engine/pack.py"))
    outer = next(f for f in stats if f[2] == "respond" and f[0].endswith("engine/engine.py"))
    total = stats[outer][3]
    table: list[tuple[int, str, float, float, float]] = []
    parent, depth = root, 0
    while parent is not None and depth < 4:
        children = _callees(stats, parent)
        parent_time = stats[parent][3] if depth else total
        for func, cumulative, calls in children[:rows]:
            table.append((depth, _label(func), cumulative / n * 1e6, cumulative / total, calls / n))
        rest = sum(c for _, c, _ in children[rows:])
        if rest > 0:
            table.append((depth, f"({len(children) - rows} other callees)", rest / n * 1e6, rest / total, 0.0))
        own = stats[parent][2]
        table.append((depth, "(own time of the caller)", own / n * 1e6, own / total, 0.0))
        top = children[0] if children else None
        parent = top[0] if top and top[1] >= 0.5 * parent_time and top[0][0] != "~" else None
        depth += 1
    return table, total / n * 1e6


def top_own_time(engine, questions: list[str], rows: int = 10) -> list[tuple[str, float, float]]:
    """(function, own µs per query, share) for the functions with the most own time."""
    stats = _profiled(engine, questions)
    total = sum(v[2] for v in stats.values())
    n = len(questions)
    ordered = sorted(stats.items(), key=lambda kv: -kv[1][2])[:rows]
    return [(_label(func), v[2] / n * 1e6, v[2] / total) for func, v in ordered]
