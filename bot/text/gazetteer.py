"""The gazetteer data file (bot/data/gazetteer.tsv) read as rows: China's provinces,
prefecture-level cities and counties/districts with their short forms. Reading it needs nothing
of the analysis, so both the place finder (bot/analysis/places.py) and the pinyin reader use it."""

from __future__ import annotations

from pathlib import Path

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv"
LEVELS = ("province", "city", "county")


def read_rows(path: Path = GAZETTEER) -> list[tuple[str, str, str, tuple[str, ...], str]]:
    """(adcode, level, name, short forms, parent adcode) of every row, in the file's order."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            code, level, name, shorts, parent = line.rstrip("\n").split("\t")
            if level not in LEVELS:
                raise ValueError(f"{path.name}: unknown level {level!r} for {name}")
            rows.append((code, level, name, tuple(s for s in shorts.split(",") if s), parent))
    return rows
