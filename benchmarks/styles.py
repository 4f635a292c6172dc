"""New-style question sets (issue 15): single questions (stories, several figures, comparisons,
numbers in words, areas, pinyin …) and dialogues (checks, narrowing, follow-ups), per tag.

    python -m benchmarks.styles              # the tuning sets (tuning, tuning4–6, tuning9; tuning2, tuning3, tuning7, tuning8, tuning10, tuning11, tuning12, tuning13, tuning14, tuning15, tuning16, tuning17, tuning18, tuning19, tuning21, tuning22, tuning23, tuning24, tuning26, tuning27, tuning28, tuning29, tuning31, tuning32, tuning34, tuning36, tuning38, tuning40, tuning42, tuning44, tuning46, tuning48, tuning50, tuning52, tuning55, tuning57, tuning59, tuning61, tuning63, tuning65, tuning67, tuning69, tuning71, tuning73, tuning75, tuning77, tuning79, tuning81: sessions 19–64's holdouts; tuning20: written for tuning in session 31; tuning30: written for tuning in session 39 (hard styles, narrowing dialogues); tuning33, tuning35, tuning37, tuning39, tuning41, tuning43, tuning45, tuning47, tuning49, tuning51, tuning53, tuning54, tuning56, tuning58, tuning60, tuning62, tuning64, tuning66, tuning68, tuning70, tuning72, tuning74, tuning76, tuning78, tuning80, tuning82: written for tuning in sessions 40–64 (hard styles, narrowing dialogues); tuning25: written blind in session 35, seen before its run, single questions only)
    python -m benchmarks.styles --holdout    # also the frozen holdout49 (once, at the end of the work)

Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.evaluation import (
    EVAL_DIR,
    engine_dialogue_predictor,
    engine_predictor,
    evaluate,
    evaluate_dialogues,
    load_dialogues,
    load_eval,
)

TUNING = [
    "tuning",
    "tuning2",
    "tuning3",
    "tuning4",
    "tuning5",
    "tuning6",
    "tuning7",
    "tuning8",
    "tuning9",
    "tuning10",
    "tuning11",
    "tuning12",
    "tuning13",
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning24",
    "tuning25",
    "tuning26",
    "tuning27",
    "tuning28",
    "tuning29",
    "tuning30",
    "tuning31",
    "tuning32",
    "tuning33",
    "tuning34",
    "tuning35",
    "tuning36",
    "tuning37",
    "tuning38",
    "tuning39",
    "tuning40",
    "tuning41",
    "tuning42",
    "tuning43",
    "tuning44",
    "tuning45",
    "tuning46",
    "tuning47",
    "tuning48",
    "tuning49",
    "tuning50",
    "tuning51",
    "tuning52",
    "tuning53",
    "tuning54",
    "tuning55",
    "tuning56",
    "tuning57",
    "tuning58",
    "tuning59",
    "tuning60",
    "tuning61",
    "tuning62",
    "tuning63",
    "tuning64",
    "tuning65",
    "tuning66",
    "tuning67",
    "tuning68",
    "tuning69",
    "tuning70",
    "tuning71",
    "tuning72",
    "tuning73",
    "tuning74",
    "tuning75",
    "tuning76",
    "tuning77",
    "tuning78",
    "tuning79",
    "tuning80",
    "tuning81",
    "tuning82",
]


def tables(names: list[str], knowledge: str = "knowledge") -> str:
    from bot.engine.engine import Engine
    from bot.knowledge.packs import load_library
    from bot.text.normalize import normalize

    library = load_library(knowledge, strict=True)
    engine = Engine(library)
    report = library.latest.report
    out = []
    for name in names:
        started = time.perf_counter()
        result = evaluate(engine_predictor(engine), load_eval(EVAL_DIR / f"styles-{name}.yaml"), report, normalize)
        out.append(f"## styles-{name} ({time.perf_counter() - started:.1f} s)\n\n{result.table()}")
        if not (EVAL_DIR / f"dialogues-{name}.yaml").exists():
            continue  # a set of single questions only (tuning25)
        dialogues = evaluate_dialogues(
            engine_dialogue_predictor(engine), load_dialogues(EVAL_DIR / f"dialogues-{name}.yaml")
        )
        rows = ["| dialogue tag | turns | right |", "|---|---:|---:|"]
        for tag in sorted(dialogues.in_scope, key=lambda t: (t != "all", t)):
            values = dialogues.in_scope[tag]
            rows.append(f"| {tag} | {len(values)} | {sum(values) / len(values):.1%} |")
        out.append(f"## dialogues-{name}\n\n" + "\n".join(rows))
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="新题型评测集：各标签准确率")
    parser.add_argument("--holdout", action="store_true", help="同时测冻结的留出集（只在工作结束时测一次）")
    args = parser.parse_args(argv)
    print(tables(TUNING + ["holdout49"] if args.holdout else TUNING))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
