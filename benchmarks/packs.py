"""Report packs at scale and the quality of drafted packs (issue 9).

* ten packs: the fictional 青岚 reports imported under ten years, plus the curated 益阳 pack;
  latency per query routed across them, reload of one pack, import of a ~10 KB report;
* drafted vs curated: the shipped report drafted by the importer alone, scored on the same
  eval sets as the curated pack; 青岚 2023 and 2024 alone and loaded together.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import PROJECT_ROOT

QINGLAN = PROJECT_ROOT / "tests" / "data" / "qinglan"
SONGYANG = PROJECT_ROOT / "tests" / "data" / "songyang-holdout"  # frozen: measured once, with --holdout
PACK_YEARS = tuple(range(2015, 2025))  # ten packs


def ten_packs(root: Path) -> Path:
    """Ten drafted packs (one report text per year, alternating the two 青岚 reports)."""
    from bot.importer import import_report

    for i, year in enumerate(PACK_YEARS):
        source = QINGLAN / f"qinglan-{2023 + i % 2}.txt"
        result = import_report(source, root / f"qinglan-{year}", year=year, place="青岚市")
        assert result.ok, result.problems[:3]
    return root


def import_seconds(repeats: int) -> tuple[float, int]:
    """Median seconds to import a ~10 KB report (both 青岚 reports in one file), and its size."""
    from bot.importer import import_report

    text = (QINGLAN / "qinglan-2023.txt").read_text(encoding="utf-8")
    more = (QINGLAN / "qinglan-2024.txt").read_text(encoding="utf-8").splitlines()[2:12]
    text = text + "\n".join(more) + "\n"
    times = []
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-import-") as tmp:
        source = Path(tmp) / "report.txt"
        source.write_text(text, encoding="utf-8")
        for i in range(repeats):
            start = time.perf_counter()
            assert import_report(source, Path(tmp) / f"out{i}").ok
            times.append(time.perf_counter() - start)
    return statistics.median(times), len(text.encode("utf-8"))


def reload_one_pack_ms(pack: Path, repeats: int) -> float:
    """Median ms to load and index one pack (what a reload of that pack costs)."""
    from bot.engine.pack import PackEngine
    from bot.knowledge.load import load_knowledge

    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        PackEngine(load_knowledge(pack))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[1:])


def drafted_vs_curated(eval_sets, curated_dir: Path, evaluate, engine_predictor, normalize):
    """Rows (set, pack, in scope right, out answered, invented, false absence)."""
    from bot.engine.engine import Engine
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    rows = []
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-drafted-") as tmp:
        curated = load_library(curated_dir)
        curated_pack = curated.latest
        drafted_dir = Path(tmp) / "drafted"
        assert import_report(curated_pack.directory / "report.txt", drafted_dir).ok
        drafted = load_library(drafted_dir)
        for label, items in eval_sets:
            for name, library in (("curated pack", curated), ("drafted by the importer, no edits", drafted)):
                r = evaluate(engine_predictor(Engine(library)), items, library.latest.report, normalize)
                rows.append(
                    [
                        label,
                        name,
                        f"{r.accuracy:.1%}",
                        f"{r.false_answer_rate:.1%}",
                        len(r.invented),
                        len(r.false_absence),
                    ]
                )
    return rows


def two_years(evaluate, engine_predictor, normalize, load_eval):
    """Rows for the fictional 青岚: each year alone, and both loaded together."""
    from bot.engine.engine import Engine
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    rows = []
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-years-") as tmp:
        root = Path(tmp)
        for year in (2023, 2024):
            assert import_report(QINGLAN / f"qinglan-{year}.txt", root / "both" / f"qinglan-{year}").ok
        for year in (2023, 2024):
            library = load_library(root / "both" / f"qinglan-{year}")
            r = evaluate(
                engine_predictor(Engine(library)),
                load_eval(QINGLAN / f"questions-{year}.yaml"),
                library.latest.report,
                normalize,
            )
            rows.append(
                [
                    f"{year} alone",
                    f"questions-{year}.yaml",
                    f"{r.accuracy:.1%}",
                    f"{r.false_answer_rate:.1%}",
                    len(r.invented),
                    len(r.false_absence),
                ]
            )
        library = load_library(root / "both")
        r = evaluate(
            engine_predictor(Engine(library)),
            load_eval(QINGLAN / "questions-both.yaml"),
            {k.year: k.report for k in library.packs},
            normalize,
        )
        rows.append(
            [
                "2023 + 2024 together",
                "questions-both.yaml",
                f"{r.accuracy:.1%}",
                f"{r.false_answer_rate:.1%}",
                len(r.invented),
                len(r.false_absence),
            ]
        )
        shutil.rmtree(root, ignore_errors=True)
    return rows


def unseen_report(evaluate, engine_predictor, normalize, load_eval):
    """The frozen unseen report (a fictional district, written by a helper and never read in
    development): imported with no edits and scored on its own questions. Row as above."""
    from bot.engine.engine import Engine
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    with tempfile.TemporaryDirectory(prefix="yiyang-bench-unseen-") as tmp:
        result = import_report(SONGYANG / "songyang-2024.txt", Path(tmp) / "songyang-2024")
        if not result.ok:
            return ["songyang-2024 (unseen)", "questions.yaml", "import failed", str(result.problems[:2]), "", ""], None
        library = load_library(Path(tmp) / "songyang-2024")
        r = evaluate(
            engine_predictor(Engine(library)), load_eval(SONGYANG / "questions.yaml"), library.latest.report, normalize
        )
        return [
            "songyang-2024 (unseen, frozen)",
            "questions.yaml",
            f"{r.accuracy:.1%}",
            f"{r.false_answer_rate:.1%}",
            len(r.invented),
            len(r.false_absence),
        ], r
