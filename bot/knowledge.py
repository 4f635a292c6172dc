"""Knowledge base: load the YAML files of `knowledge/`, validate them, expose entries.

`validate_dir(path)` returns every problem at once as `Problem(path, line, message)`;
`load_knowledge(path)` raises `KnowledgeError` carrying the same problems, so a broken
file is reported identically by the CLI, the bot and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import Synonyms, normalize
from .yamlload import LineDict, LineList, YamlSyntaxError, load_yaml

KNOWLEDGE_FILES = ("topics.yaml", "metrics.yaml", "faq.yaml", "synonyms.yaml")
REPORT_FILE = "report.txt"
SCHEMA_VERSION = 1
QUALIFIERS = ("余", "近", "多", "约")
ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,48}$")
FIGURE_RE = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class KnowledgeError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    heading: str | None
    parent: str | None
    summary: str = ""


@dataclass(frozen=True)
class Entry:
    """One answerable thing: a metric (a figure) or a FAQ entry."""

    id: str
    kind: str  # "metric" | "faq"
    title: str  # metric name or FAQ question
    phrasings: tuple[str, ...]  # title first, then aliases / alternates
    answer: str
    source: str
    topic: str
    related: tuple[str, ...] = ()
    value: str = ""  # metrics only: the figure exactly as written
    number: float | None = None
    unit: str = ""
    qualifier: str | None = None
    scope: str = ""
    year: int | None = None
    file: str = ""
    line: int = 0

    @property
    def is_metric(self) -> bool:
        return self.kind == "metric"


@dataclass
class Knowledge:
    directory: Path
    report: str
    topics: dict[str, Topic]
    entries: dict[str, Entry]
    synonym_groups: dict[str, list[str]]
    synonyms: Synonyms = field(init=False)

    def __post_init__(self) -> None:
        self.synonyms = Synonyms(self.synonym_groups)
        self._by_topic: dict[str, list[Entry]] = {}
        self._by_source: dict[str, list[Entry]] = {}
        self._referrers: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            self._by_topic.setdefault(entry.topic, []).append(entry)
            self._by_source.setdefault(entry.source, []).append(entry)
            for other in entry.related:
                self._referrers.setdefault(other, []).append(entry)

    @property
    def metrics(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.is_metric]

    @property
    def faqs(self) -> list[Entry]:
        return [e for e in self.entries.values() if not e.is_metric]

    def sections(self) -> list[Topic]:
        return [t for t in self.topics.values() if t.parent is None]

    def children(self, topic_id: str) -> list[Topic]:
        return [t for t in self.topics.values() if t.parent == topic_id]

    def entries_in(self, topic_id: str) -> list[Entry]:
        return list(self._by_topic.get(topic_id, ()))

    def quoting_same_source(self, entry: Entry) -> list[Entry]:
        """Entries whose source is the same sentence (the other figures of that sentence)."""
        return [e for e in self._by_source.get(entry.source, ()) if e.id != entry.id]

    def referring_to(self, entry_id: str) -> list[Entry]:
        """Entries that list `entry_id` among their related questions."""
        return list(self._referrers.get(entry_id, ()))

    def section_of(self, topic_id: str) -> Topic | None:
        topic = self.topics.get(topic_id)
        while topic is not None and topic.parent is not None:
            topic = self.topics.get(topic.parent)
        return topic

    def summary(self) -> str:
        return (f"{len(self.metrics)} metrics, {len(self.faqs)} faqs, {len(self.topics)} topics, "
                f"{len(self.synonym_groups)} synonym groups, "
                f"{sum(len(e.phrasings) for e in self.entries.values())} phrasings")


# --- schema -----------------------------------------------------------------

STR, NUM, INT, LIST, OPT_STR = "text", "number", "integer", "list of texts", "text or null"

SCHEMAS: dict[str, tuple[str, dict[str, tuple[str, bool]]]] = {
    "topics.yaml": ("topics", {
        "id": (STR, True), "title": (STR, True), "heading": (OPT_STR, False),
        "parent": (OPT_STR, False), "summary": (STR, False),
    }),
    "metrics.yaml": ("metrics", {
        "id": (STR, True), "name": (STR, True), "aliases": (LIST, True), "value": (STR, True),
        "number": (NUM, True), "unit": (STR, True), "qualifier": (OPT_STR, False),
        "scope": (STR, True), "year": (INT, True), "topic": (STR, True),
        "source": (STR, True), "answer": (STR, True),
    }),
    "faq.yaml": ("faqs", {
        "id": (STR, True), "question": (STR, True), "alternates": (LIST, True),
        "answer": (STR, True), "source": (STR, True), "topic": (STR, True),
        "related": (LIST, False),
    }),
    "synonyms.yaml": ("synonyms", {
        "canonical": (STR, True), "variants": (LIST, True),
    }),
}
MIN_PHRASINGS = {"aliases": 3, "alternates": 4}


def _type_ok(value: object, kind: str) -> bool:
    if kind == STR:
        return isinstance(value, str) and value.strip() != ""
    if kind == OPT_STR:
        return value is None or isinstance(value, str)
    if kind == NUM:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == LIST:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return False


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))


def _read_file(directory: Path, name: str, out: _Collector) -> list[LineDict]:
    """Parse one knowledge file and check its shape; return its entries (possibly partial)."""
    path = directory / name
    shown = str(path)
    if not path.is_file():
        out.add(shown, 1, "file is missing")
        return []
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        out.add(shown, 1, "file is not valid UTF-8")
        return []
    except YamlSyntaxError as exc:
        out.add(shown, exc.line, exc.message)
        return []
    list_key, fields = SCHEMAS[name]
    if not isinstance(data, LineDict):
        out.add(shown, 1, f"expected a mapping with 'version: {SCHEMA_VERSION}' and '{list_key}:'")
        return []
    if data.get("version") != SCHEMA_VERSION:
        out.add(shown, data.key_lines.get("version", data.line),
                f"'version' must be {SCHEMA_VERSION}, got {data.get('version')!r}")
    for key in data:
        if key not in ("version", list_key, "__duplicate_keys__"):
            out.add(shown, data.key_lines[key], f"unknown top-level field '{key}' (expected '{list_key}')")
    items = data.get(list_key)
    if not isinstance(items, LineList):
        out.add(shown, data.key_lines.get(list_key, data.line), f"'{list_key}' must be a list of entries")
        return []
    good: list[LineDict] = []
    for item, line in zip(items, items.item_lines):
        if not isinstance(item, LineDict):
            out.add(shown, line, f"each item of '{list_key}' must be a mapping of fields")
            continue
        for key, key_line in item.get("__duplicate_keys__", []):
            out.add(shown, key_line, f"field '{key}' given twice")
        item.pop("__duplicate_keys__", None)
        for key in item:
            if key not in fields:
                out.add(shown, item.key_lines[key], f"unknown field '{key}'")
        for key, (kind, required) in fields.items():
            if key not in item:
                if required:
                    out.add(shown, item.line, f"missing field '{key}'")
                continue
            if not _type_ok(item[key], kind):
                out.add(shown, item.key_lines[key], f"field '{key}' must be a {kind}, got {item[key]!r}")
        for key, need in MIN_PHRASINGS.items():
            if key in fields and isinstance(item.get(key), list) and len(item[key]) < need:
                out.add(shown, item.key_lines[key], f"'{key}' needs at least {need} phrasings, has {len(item[key])}")
        good.append(item)
    return good


def _field_line(item: LineDict, key: str) -> int:
    return item.key_lines.get(key, item.line)


def _item_line(item: LineDict, key: str, index: int) -> int:
    values = item.get(key)
    if isinstance(values, LineList) and index < len(values.item_lines):
        return values.item_lines[index]
    return _field_line(item, key)


def _check_and_build(directory: Path) -> tuple[list[Problem], Knowledge | None]:
    out = _Collector()
    report_path = directory / REPORT_FILE
    report = ""
    if report_path.is_file():
        report = report_path.read_text(encoding="utf-8")
    else:
        out.add(str(report_path), 1, "report.txt is missing: copy the report here unchanged")

    raw = {name: _read_file(directory, name, out) for name in KNOWLEDGE_FILES}
    path_of = {name: str(directory / name) for name in KNOWLEDGE_FILES}

    # Synonyms first: they are part of the normalisation used for duplicate checks.
    groups: dict[str, list[str]] = {}
    seen_variant: dict[str, int] = {}
    syn_path = path_of["synonyms.yaml"]
    for item in raw["synonyms.yaml"]:
        canonical, variants = item.get("canonical"), item.get("variants")
        if not isinstance(canonical, str) or not isinstance(variants, list):
            continue
        for i, variant in enumerate(variants):
            if not isinstance(variant, str):
                continue
            line = _item_line(item, "variants", i)
            if canonical in variant:
                out.add(syn_path, line, f"variant '{variant}' contains its canonical word '{canonical}'")
            if variant in seen_variant:
                out.add(syn_path, line, f"variant '{variant}' already listed at line {seen_variant[variant]}")
            seen_variant.setdefault(variant, line)
        groups.setdefault(canonical, []).extend(v for v in variants if isinstance(v, str))
    synonyms = Synonyms(groups)

    # Topics.
    topics: dict[str, Topic] = {}
    top_path = path_of["topics.yaml"]
    all_ids: dict[str, str] = {}
    for item in raw["topics.yaml"]:
        tid = item.get("id")
        if not isinstance(tid, str):
            continue
        if not ID_RE.match(tid):
            out.add(top_path, _field_line(item, "id"), f"id '{tid}' must be lower-case ascii letters, digits and _")
        if tid in all_ids:
            out.add(top_path, _field_line(item, "id"), f"duplicate id '{tid}' (also in {all_ids[tid]})")
            continue
        all_ids[tid] = f"{top_path}:{_field_line(item, 'id')}"
        heading = item.get("heading")
        if isinstance(heading, str) and report and heading not in report:
            out.add(top_path, _field_line(item, "heading"), f"heading '{heading}' is not a line of report.txt")
        topics[tid] = Topic(tid, str(item.get("title", tid)), heading if isinstance(heading, str) else None,
                            item.get("parent") if isinstance(item.get("parent"), str) else None,
                            str(item.get("summary") or ""))
    for item in raw["topics.yaml"]:
        parent = item.get("parent")
        if isinstance(parent, str) and parent not in topics:
            out.add(top_path, _field_line(item, "parent"), f"parent '{parent}' is not a topic id")
        elif isinstance(parent, str) and topics[parent].parent is not None:
            out.add(top_path, _field_line(item, "parent"), f"parent '{parent}' must be a section (a topic without parent)")

    # Metrics and FAQ entries.
    entries: dict[str, Entry] = {}
    phrasing_owner: dict[str, tuple[str, str]] = {}
    pending_related: list[tuple[str, int, str]] = []
    for name, kind in (("metrics.yaml", "metric"), ("faq.yaml", "faq")):
        path = path_of[name]
        title_key, list_key = ("name", "aliases") if kind == "metric" else ("question", "alternates")
        for item in raw[name]:
            eid = item.get("id")
            if not isinstance(eid, str):
                continue
            id_line = _field_line(item, "id")
            if not ID_RE.match(eid):
                out.add(path, id_line, f"id '{eid}' must be lower-case ascii letters, digits and _")
            if eid in all_ids:
                out.add(path, id_line, f"duplicate id '{eid}' (also in {all_ids[eid]})")
                continue
            all_ids[eid] = f"{path}:{id_line}"

            topic = item.get("topic")
            if isinstance(topic, str) and topics and topic not in topics:
                out.add(path, _field_line(item, "topic"), f"topic '{topic}' is not defined in topics.yaml")

            source = item.get("source")
            if isinstance(source, str) and report and source not in report:
                out.add(path, _field_line(item, "source"), "source is not a verbatim part of report.txt")
            answer = item.get("answer")
            if isinstance(answer, str) and report:
                for figure in FIGURE_RE.findall(answer):
                    if figure not in report:
                        out.add(path, _field_line(item, "answer"), f"figure '{figure}' in answer is not in report.txt")

            if kind == "metric":
                value = item.get("value")
                if isinstance(value, str):
                    if isinstance(source, str) and value not in source:
                        out.add(path, _field_line(item, "value"), f"value '{value}' is not written verbatim in its source")
                    if isinstance(answer, str) and value not in answer:
                        out.add(path, _field_line(item, "answer"), f"answer must quote the value '{value}' verbatim")
                qualifier = item.get("qualifier")
                if qualifier is not None and qualifier not in QUALIFIERS:
                    out.add(path, _field_line(item, "qualifier"), f"qualifier must be one of {'/'.join(QUALIFIERS)} or null, got {qualifier!r}")
                number = item.get("number")
                if _type_ok(number, NUM) and isinstance(value, str) and FIGURE_RE.search(value):
                    figures = [float(f) for f in FIGURE_RE.findall(value)]
                    if float(number) not in figures:
                        out.add(path, _field_line(item, "number"), f"number {number} does not match the value '{value}'")

            for related_id_index, rid in enumerate(item.get("related") or []):
                if isinstance(rid, str):
                    pending_related.append((path, _item_line(item, "related", related_id_index), rid))

            # Phrasings: title + aliases/alternates, unique after normalisation across entries.
            phrasings: list[str] = []
            candidates = [(item.get(title_key), _field_line(item, title_key))]
            for i, text in enumerate(item.get(list_key) or []):
                candidates.append((text, _item_line(item, list_key, i)))
            for text, line in candidates:
                if not isinstance(text, str):
                    continue
                key = normalize(text, synonyms)
                if not key:
                    out.add(path, line, f"phrasing '{text}' is empty after normalisation")
                    continue
                owner = phrasing_owner.get(key)
                if owner and owner[0] != eid:
                    out.add(path, line, f"phrasing '{text}' is the same as one of '{owner[0]}' ({owner[1]})")
                phrasing_owner.setdefault(key, (eid, f"{path}:{line}"))
                phrasings.append(text)

            entries[eid] = Entry(
                id=eid, kind=kind, title=str(item.get(title_key, eid)), phrasings=tuple(phrasings),
                answer=str(answer or ""), source=str(source or ""), topic=str(topic or ""),
                related=tuple(r for r in item.get("related") or [] if isinstance(r, str)),
                value=str(item.get("value") or ""),
                number=item.get("number") if _type_ok(item.get("number"), NUM) else None,
                unit=str(item.get("unit") or ""), qualifier=item.get("qualifier"),
                scope=str(item.get("scope") or ""),
                year=item.get("year") if _type_ok(item.get("year"), INT) else None,
                file=name, line=item.line,
            )

    for path, line, rid in pending_related:
        if rid not in entries:
            out.add(path, line, f"related id '{rid}' does not exist")

    if out.problems:
        return out.problems, None
    return [], Knowledge(directory, report, topics, entries, groups)


def validate_dir(directory: Path | str) -> list[Problem]:
    """Every problem of the knowledge folder, in file order; empty when all is well."""
    problems, _ = _check_and_build(Path(directory))
    return problems


def load_knowledge(directory: Path | str) -> Knowledge:
    """Load and validate; raise KnowledgeError with every problem if anything is wrong."""
    problems, knowledge = _check_and_build(Path(directory))
    if knowledge is None:
        raise KnowledgeError(problems)
    return knowledge
