"""Next year's report: the fictional 益阳 2024 tuning report drafted by the importer with no edits,
alone and beside the curated 2023 pack; per-tag accuracy, PDF paragraphs by line spacing, and the
time to import a 12 KB report.

    python -m benchmarks.nextyear [--misses FILE]

Prints numbers; asserts nothing. The tuning set lives in tests/data/yiyang-2024-tuning/.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bot.config import PROJECT_ROOT

TUNING = PROJECT_ROOT / "tests" / "data" / "yiyang-2024-tuning"
CURATED_2023 = PROJECT_ROOT / "knowledge" / "yiyang-2023"


def _tag_rows(label: str, result) -> list[str]:
    rows = []
    for tag in sorted(result.in_scope, key=lambda t: (t != "all", t)):
        values = result.in_scope[tag]
        rows.append(f"| {label} | in scope | {tag} | {len(values)} | {sum(values) / len(values):.1%} |")
    for tag in sorted(result.out_of_scope, key=lambda t: (t != "all", t)):
        values = result.out_of_scope[tag]
        rows.append(f"| {label} | out of scope (answered) | {tag} | {len(values)} | {sum(values) / len(values):.1%} |")
    rows.append(f"| {label} | invented figures | | {len(result.invented)} | |")
    rows.append(f"| {label} | false absences | | {len(result.false_absence)} | |")
    return rows


def tuning_tables(source_name: str = "yiyang-2024.txt", folder: Path = TUNING) -> tuple[list[str], str]:
    from benchmarks.evaluation import engine_predictor, evaluate, load_eval
    from bot.engine.engine import Engine
    from bot.importer import import_report
    from bot.knowledge.packs import load_library
    from bot.text.normalize import normalize

    rows = ["| packs | set | tag | n | rate |", "|---|---|---|---:|---:|"]
    misses = []
    with tempfile.TemporaryDirectory(prefix="yiyang-nextyear-") as tmp:
        root = Path(tmp)
        alone = root / "alone" / "yiyang-2024"
        result = import_report(folder / source_name, alone)
        assert result.ok, result.problems
        library = load_library(root / "alone")
        r = evaluate(
            engine_predictor(Engine(library)),
            load_eval(folder / "questions-2024.yaml"),
            library.latest.report,
            normalize,
        )
        rows += _tag_rows("2024 drafted alone", r)
        misses.append("## 2024 alone\n" + r.miss_lines() + _extra(r))
        both = root / "both"
        shutil.copytree(CURATED_2023, both / "yiyang-2023")
        assert import_report(folder / source_name, both / "yiyang-2024").ok
        library = load_library(both)
        r = evaluate(
            engine_predictor(Engine(library)),
            load_eval(folder / "questions-both.yaml"),
            {k.year: k.report for k in library.packs},
            normalize,
        )
        rows += _tag_rows("2023 curated + 2024 drafted", r)
        misses.append("## both\n" + r.miss_lines() + _extra(r))
    return rows, "\n\n".join(misses)


def _extra(r) -> str:
    lines = [f"\n  invented: {q} → {f}" for q, f in r.invented]
    lines += [f"\n  false absence: {q} → {t}" for q, t in r.false_absence]
    return "".join(lines)


def import_time(repeats: int = 3) -> tuple[int, float]:
    """Seconds to import a 12 KB report (the tuning report, padded with its own paragraphs)."""
    from bot.importer import import_report

    text = (TUNING / "yiyang-2024.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    body = lines[1:]
    while len(text.encode("utf-8")) < 12 * 1024:
        text += "\n" + body[len(text) % len(body)]
    best = float("inf")
    with tempfile.TemporaryDirectory(prefix="yiyang-import-time-") as tmp:
        source = Path(tmp) / "report.txt"
        source.write_text(text, encoding="utf-8")
        for i in range(repeats):
            start = time.perf_counter()
            assert import_report(source, Path(tmp) / f"pack{i}").ok
            best = min(best, time.perf_counter() - start)
    return len(text.encode("utf-8")), best


def pdf_paragraphs() -> list[str]:
    """Paragraphs read from PDFs of the tuning report at several line spacings (needs reportlab)."""
    try:
        from tests.pdf_fixtures import report_pdf
    except ImportError as exc:  # reportlab missing
        return [f"(PDF skipped: {exc})"]
    from bot.importer.readers import read_report

    docx = read_report(TUNING / "yiyang-2024.docx")
    paragraphs = [line for line in docx.splitlines() if line.strip()]
    rows = [f"docx: {len(paragraphs)} paragraphs", "| spacing | justified | paragraphs |", "|---:|---|---:|"]
    with tempfile.TemporaryDirectory(prefix="yiyang-pdf-") as tmp:
        for spacing in (1.0, 1.5, 1.7, 2.0):
            for justified in (False, True):
                path = Path(tmp) / f"r-{spacing}-{justified}.pdf"
                report_pdf(path, paragraphs, spacing=spacing, justified=justified)
                found = [line for line in read_report(path).splitlines() if line.strip()]
                rows.append(f"| {spacing} | {'yes' if justified else 'no'} | {len(found)} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.nextyear")
    parser.add_argument("--misses", metavar="FILE", help="write the misses here")
    parser.add_argument("--source", default="yiyang-2024.txt", help="txt or docx of the tuning report")
    args = parser.parse_args(argv)
    rows, misses = tuning_tables(args.source)
    print("\n".join(rows))
    if args.misses:
        Path(args.misses).write_text(misses, encoding="utf-8")
    size, seconds = import_time()
    print(f"\nimport of a {size / 1024:.1f} KB report: {seconds:.2f} s (best of 3)")
    print("\n" + "\n".join(pdf_paragraphs()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
