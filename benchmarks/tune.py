"""`python -m bot tune [--folds K] [--eval FILE]`: choose weights by k-fold cross-validation.

A grid over a few `Params` fields (the decision thresholds and the penalties that decide
between answering and declining). Every configuration answers every question of the tuning
set once; then for each fold the configuration with the best objective on the other folds is
chosen and scored on the held-out fold. The folds' table shows how well the choice carries
over to questions it was not chosen on; the configuration best on the whole set is printed
as the `Params(...)` to adopt. Objective: right in-scope answers − OUT_WEIGHT × answered
out-of-scope questions (answering off-topic is worse than asking back).

Never run this on the frozen holdout: that set is measured once, with `bench --holdout`.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from dataclasses import asdict, replace
from pathlib import Path

from bot.engine.params import DEFAULT, Params

OUT_WEIGHT = 3.0
GRID: dict[str, tuple[float, ...]] = {
    "answer_min": (0.36, 0.40, 0.44),
    "report_min": (0.38, 0.42, 0.48),
    "coverage_penalty": (0.15, 0.2, 0.25),
    "agree_min": (0.2, 0.25, 0.3),
    "lone_option_missing": (0.2, 0.3, 0.45),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tune",
        help="在调参集上用 K 折交叉验证选择阈值",
        description="在调参集上用 K 折交叉验证选择回答阈值（结果只打印，不写入文件）。",
    )
    p.add_argument("--folds", type=int, default=5, metavar="K", help="折数（默认 5）")
    p.add_argument("--eval", metavar="FILE", help="评测文件（默认 tests/eval/tuning.yaml）")
    p.add_argument("--seed", type=int, default=42, help="随机种子（默认 42）")
    p.set_defaults(func=cmd_tune)


def configurations(grid: dict[str, tuple[float, ...]] = GRID, base: Params = DEFAULT) -> list[Params]:
    keys = list(grid)
    return [replace(base, **dict(zip(keys, values))) for values in itertools.product(*(grid[k] for k in keys))]


def outcomes(params: Params, knowledge, items) -> list[int]:
    """Per item: +1 right in scope, 0 missed in scope or refused out of scope, −1 answered out of scope."""
    from benchmarks.evaluation import engine_predictor, judge
    from bot.engine.engine import Engine

    predict = engine_predictor(Engine(knowledge, params))  # knowledge: a pack or a Library
    scores = []
    for item in items:
        reply = predict(item.question)
        if item.in_scope:
            scores.append(1 if not judge(item, reply) else 0)
        else:
            scores.append(-1 if reply.status == "answer" else 0)
    return scores


def objective(scores: list[int], indices) -> float:
    return sum(1 if scores[i] == 1 else -OUT_WEIGHT if scores[i] == -1 else 0 for i in indices)


def rates(scores: list[int], items, indices) -> tuple[float, float]:
    inside = [i for i in indices if items[i].in_scope]
    outside = [i for i in indices if not items[i].in_scope]
    right = sum(scores[i] == 1 for i in inside) / len(inside) if inside else 0.0
    answered = sum(scores[i] == -1 for i in outside) / len(outside) if outside else 0.0
    return right, answered


def folds_of(items, k: int, seed: int) -> list[list[int]]:
    """k folds, in-scope and out-of-scope items spread evenly (stratified), seeded."""
    rng = random.Random(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    for group in (
        [i for i, it in enumerate(items) if it.in_scope],
        [i for i, it in enumerate(items) if not it.in_scope],
    ):
        rng.shuffle(group)
        for n, i in enumerate(group):
            folds[n % k].append(i)
    return folds


def cross_validate(configs: list[Params], table: list[list[int]], items, k: int, seed: int):
    folds = folds_of(items, k, seed)
    rows = []
    for f, held in enumerate(folds):
        train = [i for g, fold in enumerate(folds) if g != f for i in fold]
        best = max(range(len(configs)), key=lambda c: (objective(table[c], train), -c))
        right, answered = rates(table[best], items, held)
        default_right, default_answered = rates(table[0], items, held)
        rows.append((f + 1, best, right, answered, default_right, default_answered))
    return rows


def changed(params: Params) -> dict:
    return {k: v for k, v in asdict(params).items() if asdict(DEFAULT)[k] != v}


def cmd_tune(args: argparse.Namespace, settings) -> int:
    from benchmarks.evaluation import TUNING_FILE, load_eval
    from bot.knowledge.packs import load_library

    knowledge = load_library(settings.knowledge_dir, strict=True)
    path = Path(args.eval) if args.eval else TUNING_FILE
    if path.name == "holdout.yaml":
        print("tune: the frozen holdout is never used to choose weights", file=sys.stderr)
        return 2
    items = load_eval(path)
    configs = [DEFAULT] + [c for c in configurations() if c != DEFAULT]
    print(f"{len(configs)} configurations × {len(items)} questions ({path.name}), {args.folds} folds", file=sys.stderr)
    table = [outcomes(c, knowledge, items) for c in configs]
    print(
        "| fold | chosen (changes from the defaults) | held-out in scope | held-out out answered "
        "| defaults in scope | defaults out answered |"
    )
    print("|---:|---|---:|---:|---:|---:|")
    for fold, best, right, answered, d_right, d_answered in cross_validate(
        configs, table, items, args.folds, args.seed
    ):
        print(
            f"| {fold} | {changed(configs[best]) or 'defaults'} | {right:.1%} | {answered:.1%} "
            f"| {d_right:.1%} | {d_answered:.1%} |"
        )
    everything = range(len(items))
    best = max(range(len(configs)), key=lambda c: (objective(table[c], everything), -c))
    right, answered = rates(table[best], items, everything)
    d_right, d_answered = rates(table[0], items, everything)
    print(
        f"\nbest on the whole set: {changed(configs[best]) or 'the defaults'} — "
        f"{right:.1%} in scope, {answered:.1%} out answered (defaults: {d_right:.1%}, {d_answered:.1%})"
    )
    return 0
