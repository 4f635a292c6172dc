"""Report packs: `KNOWLEDGE_DIR` is one pack (report.txt + YAML files) or a folder of packs
(`knowledge/yiyang-2023/`, `knowledge/qinglan-2024/`, …).

`load_library(dir)` loads every pack; a broken pack is left out (its problems, `file:line`
with the pack's folder in the path, are kept on the `Library`) so the others keep serving.
`validate_library(dir)` reports the problems of every pack, and ids used by two packs.
Every path checks the same: a pack's metadata (`packmeta`: year, place, title), and no two
packs sharing an id or covering the same place and year (`clashes`; the later pack in folder
order gives way). Hot reload uses `load_pack` and `drop_clashes` too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.load import load_knowledge
from bot.knowledge.messages import say
from bot.knowledge.model import KNOWLEDGE_FILES, PACK_FILE, REPORT_FILE, Knowledge, KnowledgeError, Problem
from bot.knowledge.packmeta import problems_in as metadata_problems
from bot.knowledge.validate import validate_dir


def is_pack(directory: Path) -> bool:
    return directory.is_dir() and any(
        (directory / name).is_file() for name in (REPORT_FILE, PACK_FILE, *KNOWLEDGE_FILES)
    )


def pack_dirs(directory: Path | str) -> list[Path]:
    """The pack folders under `directory` (itself, when it is a pack)."""
    directory = Path(directory)
    if is_pack(directory):
        return [directory]
    if not directory.is_dir():
        return []
    return sorted(d for d in directory.iterdir() if not d.name.startswith(".") and is_pack(d))


@dataclass
class Library:
    """The packs that loaded, newest report last; and the problems of those that did not."""

    directory: Path
    packs: list[Knowledge]
    problems: list[Problem] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)

    @property
    def latest(self) -> Knowledge:
        return self.packs[-1]

    def summary(self) -> str:
        parts = [f"{k.directory.name} ({k.place}{k.year or ''}): {k.summary()}" for k in self.packs]
        return "; ".join(parts) + (f"; {len(self.failed)} pack(s) failed" if self.failed else "")


def _order(knowledge: Knowledge) -> tuple:
    return (knowledge.year or 0, knowledge.place, knowledge.directory.name)


def load_pack(directory: Path | str) -> Knowledge:
    """`load_knowledge`, refusing (KnowledgeError) a pack whose metadata breaks a rule."""
    problems = [Problem(*p) for p in metadata_problems(directory)]
    if problems:
        raise KnowledgeError(problems)
    return load_knowledge(directory)


def validate_pack(directory: Path | str) -> list[Problem]:
    """`validate_dir` and the metadata rules."""
    return validate_dir(directory) + [Problem(*p) for p in metadata_problems(directory)]


def _same_report(packs: list[Knowledge]) -> list[Problem]:
    seen: dict[tuple[str, int], Knowledge] = {}
    problems = []
    for pack in packs:
        if not pack.year or not pack.place:
            continue
        other = seen.setdefault((pack.place, pack.year), pack)
        if other is not pack:
            problems.append(
                Problem(
                    str(pack.directory / PACK_FILE),
                    1,
                    say("same_report", place=pack.place, year=pack.year, other=other.directory.name),
                )
            )
    return problems


def clashes(packs: list[Knowledge]) -> list[Problem]:
    """Ids used by two packs, and two packs of the same place and year: a problem on the
    later pack of each pair (in the given order)."""
    return _duplicate_ids(packs) + _same_report(packs)


def _pack_of(problem: Problem, packs: list[Knowledge]) -> Path | None:
    path = Path(problem.path)
    for pack in packs:
        if path.is_relative_to(pack.directory):
            return pack.directory
    return None


def drop_clashes(packs: list[Knowledge]) -> tuple[list[Knowledge], list[Problem]]:
    """The packs without those that clash with an earlier one; the problems saying why."""
    problems = clashes(packs)
    clashing = {_pack_of(p, packs) for p in problems}
    return [k for k in packs if k.directory not in clashing], problems


def _duplicate_ids(packs: list[Knowledge]) -> list[Problem]:
    seen: dict[str, Knowledge] = {}
    problems = []
    for pack in packs:
        for entry in pack.entries.values():
            other = seen.get(entry.id)
            if other is not None:
                path = str(pack.directory / entry.file)
                problems.append(
                    Problem(path, entry.line, say("id_in_other_pack", id=entry.id, pack=other.directory.name))
                )
            else:
                seen[entry.id] = pack
    return problems


def load_library(directory: Path | str, strict: bool = False) -> Library:
    """Every pack under `directory`. `strict`: raise KnowledgeError on any problem."""
    directory = Path(directory)
    dirs = pack_dirs(directory)
    if not dirs:
        raise KnowledgeError([Problem(str(directory), 1, say("no_pack"))])
    packs, problems, failed = [], [], []
    for pack_dir in dirs:
        try:
            packs.append(load_pack(pack_dir))
        except KnowledgeError as exc:
            problems += exc.problems
            failed.append(pack_dir)
    kept, duplicates = drop_clashes(packs)
    if duplicates:  # the later pack gives way: its buttons, ids and year would be ambiguous
        failed += [k.directory for k in packs if all(k is not x for x in kept)]
        packs = kept
        problems += duplicates
    if strict and problems:
        raise KnowledgeError(problems)
    if not packs:
        raise KnowledgeError(problems)
    return Library(directory, sorted(packs, key=_order), problems, failed)


def validate_library(directory: Path | str) -> list[Problem]:
    """Every problem of every pack under `directory`, and ids shared by two packs."""
    dirs = pack_dirs(directory)
    if not dirs:
        return [Problem(str(directory), 1, say("no_pack"))]
    problems = [p for d in dirs for p in validate_pack(d)]
    if not problems and len(dirs) > 1:
        problems += clashes([load_knowledge(d) for d in dirs])
    return problems


def catalog(packs: list[Knowledge]) -> Knowledge:
    """One browsable view of several packs, for /topics, /data, inline mode and admin lists:
    every topic and entry of every pack, sections and figures labelled with their report
    ("2024年 · 政府职能"). One pack is its own catalog."""
    from dataclasses import replace

    if len(packs) == 1:
        return packs[0]
    places = {k.place for k in packs}
    years = {k.year for k in packs}

    def label(k: Knowledge) -> str:
        year = f"{k.year}年" if k.year else ""
        return f"{k.place}{year}" if len(places) > 1 else year or k.place

    topics, entries = {}, {}
    for pack in reversed(packs):  # the latest report first
        for topic in pack.topics.values():
            if topic.id in topics:
                continue
            topics[topic.id] = replace(topic, title=f"{label(pack)} · {topic.title}") if topic.parent is None else topic
        for entry in pack.entries.values():
            if entry.id in entries:
                continue
            entries[entry.id] = (
                replace(entry, title=f"{entry.title}（{label(pack)}）") if len(years) > 1 or len(places) > 1 else entry
            )
    latest = packs[-1]
    groups: dict[str, list[str]] = {}
    for pack in packs:
        for canonical, variants in pack.synonym_groups.items():
            merged = groups.setdefault(canonical, [])
            merged += [v for v in variants if v not in merged]
    return Knowledge(latest.directory.parent, latest.report, topics, entries, groups, latest.pack)
