"""Latency per query, start-up, reload and peak RSS."""

from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Latency:
    n: int
    p50_ms: float
    p99_ms: float
    mean_ms: float


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def measure(
    fn: Callable[[str], object],
    questions: list[str],
    *,
    seed: int,
    warmup: int = 50,
    max_n: int = 2000,
    min_n: int = 50,
    budget_s: float = 10.0,
) -> Latency:
    """Time `fn(question)` one call at a time, after `warmup` untimed calls.

    Questions are cycled in a seeded shuffled order; timing stops after `max_n` calls, or
    once `budget_s` is spent and at least `min_n` calls were timed (slow baselines at 50×).
    """
    order = list(questions)
    random.Random(seed).shuffle(order)
    for question in order[:warmup]:
        fn(question)
    gc.collect()
    times: list[float] = []
    clock = time.perf_counter_ns
    deadline = time.perf_counter() + budget_s
    i = 0
    while len(times) < max_n and (len(times) < min_n or time.perf_counter() < deadline):
        question = order[i % len(order)]
        i += 1
        start = clock()
        fn(question)
        times.append((clock() - start) / 1e6)
    return Latency(len(times), percentile(times, 50), percentile(times, 99), statistics.fmean(times))


# --- fresh-process measurements ------------------------------------------------------

_STARTUP = r"""
import json, sys, time
t0 = time.perf_counter()
from bot.engine.engine import Engine
from bot.knowledge.load import load_knowledge
t1 = time.perf_counter()
kb = load_knowledge(sys.argv[1])
t2 = time.perf_counter()
engine = Engine(kb)
t3 = time.perf_counter()
engine.respond("网上能办的事有多少")
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "index": t3 - t2, "first_answer": t4 - t3}))
"""

_RSS = r"""
import json, resource, sys
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
def hwm():  # the kernel's own high-water mark of this process's memory, as a cross-check
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None
out = {"python": peak()}
from bot.engine.engine import Engine
from benchmarks.evaluation import TUNING_FILE, load_eval
from bot.knowledge.packs import load_library
out["engine_import"] = peak()
try:
    import handlers.app  # the Telegram app module (imports telegram)
    out["app_module"] = "handlers.app"
except ModuleNotFoundError as exc:
    if exc.name not in ("handlers.app", "handlers"):
        raise
    import telegram.ext  # handlers/app.py not written yet: the library it needs
    out["app_module"] = "telegram.ext"
out["telegram_import"] = peak()
engine = Engine(load_library(sys.argv[1], strict=True))
out["loaded"] = peak()
questions = [item.question for item in load_eval(TUNING_FILE)]
for i in range(int(sys.argv[2])):
    engine.respond(questions[i % len(questions)])
out["answered"] = peak()
out["vm_hwm"] = hwm()
print(json.dumps(out))
"""


# Linux keeps the parent's peak RSS in a child's ru_maxrss across fork + exec, so the
# measured process is started by a small launcher process, never by this (large) one.
_LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def _run_python(code: str, *args: str, launcher: bool = False) -> tuple:
    command = [sys.executable, "-c", code, *args]
    if launcher:
        command = [sys.executable, "-c", _LAUNCHER, *command]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


def startup(knowledge_dir: Path, repeats: int = 3) -> dict[str, float]:
    """Median over fresh interpreters, in ms: import, load, index, first answer, process wall."""
    runs = []
    for _ in range(repeats):
        parts, wall = _run_python(_STARTUP, str(knowledge_dir))
        parts["process"] = wall
        runs.append(parts)
    return {key: statistics.median(run[key] for run in runs) * 1000 for key in runs[0]}


_RELOAD = r"""
import json, sys, time
from bot.engine.engine import Engine
from bot.knowledge.load import load_knowledge
try:
    import handlers.app  # reloads happen inside the running bot, with telegram loaded
except ModuleNotFoundError:
    pass
Engine(load_knowledge(sys.argv[1]))  # warm-up
rows = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    kb = load_knowledge(sys.argv[1])
    t1 = time.perf_counter()
    Engine(kb)
    rows.append((t1 - t0, time.perf_counter() - t1))
print(json.dumps(rows))
"""


def reload_times(knowledge_dir: Path, repeats: int = 5) -> dict[str, float]:
    """load_knowledge + Engine() on `knowledge_dir`, in ms, in a fresh process (with the
    Telegram app module imported, as in the bot) after one warm-up reload."""
    rows, _ = _run_python(_RELOAD, str(knowledge_dir), str(repeats))
    loads = [load for load, _ in rows]
    builds = [build for _, build in rows]
    totals = [load + build for load, build in rows]
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    return {"load": ms(loads), "index": ms(builds), "total": ms(totals), "max": max(totals) * 1000}


def peak_rss(knowledge_dir: Path, questions: int = 1000) -> dict:
    """Peak RSS (MiB) of a fresh process at each stage; see `_RSS`."""
    out, _ = _run_python(_RSS, str(knowledge_dir), str(questions), launcher=True)
    return out
