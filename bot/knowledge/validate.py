"""Validation of a knowledge folder: every problem at once, as `Problem(path, line, message)`.

`validate_dir(path)` returns the problems (empty when all is well); `build(path)` also returns
the `Knowledge` when there are none (`bot.knowledge.load.load_knowledge` uses it), so a broken
file is reported identically by the CLI, the bot and the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.model import (
    KNOWLEDGE_FILES,
    PACK_FILE,
    QUALIFIERS,
    REPORT_FILE,
    SCHEMA_VERSION,
    Entry,
    Knowledge,
    PackInfo,
    Problem,
    Topic,
)
from bot.knowledge.yamlload import LineDict, LineList, YamlSyntaxError, load_yaml
from bot.text.normalize import Synonyms, normalize
from bot.text.preview import preview, preview_value

ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,48}$")
FIGURE_RE = re.compile(r"\d+(?:\.\d+)?")

# --- schema -----------------------------------------------------------------

STR, NUM, INT, LIST, OPT_STR, BOOL = "text", "number", "integer", "list of texts", "text or null", "true or false"

SCHEMAS: dict[str, tuple[str, dict[str, tuple[str, bool]]]] = {
    "topics.yaml": (
        "topics",
        {
            "id": (STR, True),
            "title": (STR, True),
            "heading": (OPT_STR, False),
            "parent": (OPT_STR, False),
            "summary": (STR, False),
            "draft": (BOOL, False),
        },
    ),
    "metrics.yaml": (
        "metrics",
        {
            "id": (STR, True),
            "name": (STR, True),
            "aliases": (LIST, True),
            "value": (STR, True),
            "number": (NUM, True),
            "unit": (OPT_STR, True),
            "qualifier": (OPT_STR, False),
            "scope": (STR, True),
            "year": (INT, True),
            "topic": (STR, True),
            "source": (STR, True),
            "answer": (STR, True),
            "draft": (BOOL, False),
        },
    ),
    "faq.yaml": (
        "faqs",
        {
            "id": (STR, True),
            "question": (STR, True),
            "alternates": (LIST, True),
            "answer": (STR, True),
            "source": (STR, True),
            "topic": (STR, True),
            "related": (LIST, False),
            "draft": (BOOL, False),
        },
    ),
    "synonyms.yaml": (
        "synonyms",
        {
            "canonical": (STR, True),
            "variants": (LIST, True),
        },
    ),
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
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == LIST:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return False


MAX_MESSAGE_CHARS = 300  # a problem's message, values in it already cut to previews


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, preview(message, MAX_MESSAGE_CHARS)))


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
        out.add(
            shown,
            data.key_lines.get("version", data.line),
            f"'version' must be {SCHEMA_VERSION}, got {preview_value(data.get('version'))}",
        )
    for key in data:
        if key not in ("version", list_key, "__duplicate_keys__"):
            out.add(shown, data.key_lines[key], f"unknown top-level field '{preview(key)}' (expected '{list_key}')")
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
            out.add(shown, key_line, f"field '{preview(key)}' given twice")
        item.pop("__duplicate_keys__", None)
        for key in item:
            if key not in fields:
                out.add(shown, item.key_lines[key], f"unknown field '{preview(key)}'")
        for key, (kind, required) in fields.items():
            if key not in item:
                if required:
                    out.add(shown, item.line, f"missing field '{key}'")
                continue
            if not _type_ok(item[key], kind):
                out.add(shown, item.key_lines[key], f"field '{key}' must be a {kind}, got {preview_value(item[key])}")
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


class _Builder:
    """Checks the whole knowledge folder, collecting every problem, and builds Knowledge."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.out = _Collector()
        report_path = directory / REPORT_FILE
        self.report = ""
        if report_path.is_file():
            self.report = report_path.read_text(encoding="utf-8")
        else:
            self.out.add(str(report_path), 1, "report.txt is missing: copy the report here unchanged")
        self.raw = {name: _read_file(directory, name, self.out) for name in KNOWLEDGE_FILES}
        self.path_of = {name: str(directory / name) for name in KNOWLEDGE_FILES}
        self.ids: dict[str, str] = {}  # every id of topics, metrics and FAQs → "path:line"

    def build(self) -> tuple[list[Problem], Knowledge | None]:
        groups = self._synonym_groups()  # first: synonyms are part of the duplicate check
        topics = self._topics()
        entries = self._entries(topics, Synonyms(groups))
        if self.out.problems:
            return self.out.problems, None
        return [], Knowledge(self.directory, self.report, topics, entries, groups, self._pack_info())

    def _pack_info(self) -> PackInfo:
        """pack.yaml when present (checked), else empty."""
        path = self.directory / PACK_FILE
        if not path.is_file():
            return PackInfo()
        shown = str(path)
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, YamlSyntaxError) as exc:
            self.out.add(shown, getattr(exc, "line", 1), getattr(exc, "message", "file is not valid UTF-8"))
            return PackInfo()
        pack = data.get("pack") if isinstance(data, LineDict) else None
        if not isinstance(pack, LineDict):
            self.out.add(shown, 1, f"expected a mapping with 'version: {SCHEMA_VERSION}' and 'pack:'")
            return PackInfo()
        fields = {"title": STR, "year": INT, "place": STR, "region": OPT_STR, "source": OPT_STR, "imported": OPT_STR}
        for key in pack:
            if key not in fields:
                self.out.add(shown, pack.key_lines[key], f"unknown field '{key}'")
        for key, kind in fields.items():
            if key not in pack:
                if kind != OPT_STR:
                    self.out.add(shown, pack.line, f"missing field '{key}'")
            elif not _type_ok(pack[key], kind):
                self.out.add(shown, pack.key_lines[key], f"field '{key}' must be a {kind}")
        year = pack.get("year") if _type_ok(pack.get("year"), INT) else None
        return PackInfo(
            str(pack.get("title") or ""),
            year,
            str(pack.get("place") or ""),
            str(pack.get("region") or ""),
            str(pack.get("source") or ""),
            str(pack.get("imported") or ""),
        )

    def _claim_id(self, path: str, item: LineDict) -> str | None:
        """The item's id if it is well formed and not taken (else report it and return None)."""
        item_id = item.get("id")
        if not isinstance(item_id, str):
            return None
        line = _field_line(item, "id")
        if not ID_RE.match(item_id):
            self.out.add(path, line, f"id '{preview(item_id)}' must be lower-case ascii letters, digits and _")
        if item_id in self.ids:
            self.out.add(path, line, f"duplicate id '{preview(item_id)}' (also in {self.ids[item_id]})")
            return None
        self.ids[item_id] = f"{path}:{line}"
        return item_id

    def _synonym_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        seen: dict[str, int] = {}
        path = self.path_of["synonyms.yaml"]
        for item in self.raw["synonyms.yaml"]:
            canonical, variants = item.get("canonical"), item.get("variants")
            if not isinstance(canonical, str) or not isinstance(variants, list):
                continue
            for i, variant in enumerate(variants):
                if not isinstance(variant, str):
                    continue
                line = _item_line(item, "variants", i)
                if canonical in variant:
                    self.out.add(
                        path, line, f"variant '{preview(variant)}' contains its canonical word '{preview(canonical)}'"
                    )
                if variant in seen:
                    self.out.add(path, line, f"variant '{preview(variant)}' already listed at line {seen[variant]}")
                seen.setdefault(variant, line)
            groups.setdefault(canonical, []).extend(v for v in variants if isinstance(v, str))
        return groups

    def _topics(self) -> dict[str, Topic]:
        topics: dict[str, Topic] = {}
        path = self.path_of["topics.yaml"]
        for item in self.raw["topics.yaml"]:
            topic_id = self._claim_id(path, item)
            if topic_id is None:
                continue
            heading = item.get("heading")
            if isinstance(heading, str) and self.report and heading not in self.report:
                self.out.add(
                    path, _field_line(item, "heading"), f"heading '{preview(heading)}' is not a line of report.txt"
                )
            topics[topic_id] = Topic(
                topic_id,
                str(item.get("title", topic_id)),
                heading if isinstance(heading, str) else None,
                item.get("parent") if isinstance(item.get("parent"), str) else None,
                str(item.get("summary") or ""),
                item.get("draft") is True,
            )
        for item in self.raw["topics.yaml"]:
            parent = item.get("parent")
            if isinstance(parent, str) and parent not in topics:
                self.out.add(path, _field_line(item, "parent"), f"parent '{preview(parent)}' is not a topic id")
            elif isinstance(parent, str) and topics[parent].parent is not None:
                self.out.add(
                    path, _field_line(item, "parent"), f"parent '{parent}' must be a section (a topic without parent)"
                )
        return topics

    def _entries(self, topics: dict[str, Topic], synonyms: Synonyms) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        owners: dict[str, tuple[str, str]] = {}  # normalised phrasing → (entry id, "path:line")
        related: list[tuple[str, int, str]] = []
        for name, kind in (("metrics.yaml", "metric"), ("faq.yaml", "faq")):
            path = self.path_of[name]
            title_key, list_key = ("name", "aliases") if kind == "metric" else ("question", "alternates")
            for item in self.raw[name]:
                entry_id = self._claim_id(path, item)
                if entry_id is None:
                    continue
                self._check_texts(path, item, topics)
                if kind == "metric":
                    self._check_figure(path, item)
                for i, other in enumerate(item.get("related") or []):
                    if isinstance(other, str):
                        related.append((path, _item_line(item, "related", i), other))
                phrasings = self._phrasings(path, entry_id, item, title_key, list_key, synonyms, owners)
                entries[entry_id] = Entry(
                    id=entry_id,
                    kind=kind,
                    title=str(item.get(title_key, entry_id)),
                    phrasings=tuple(phrasings),
                    answer=str(item.get("answer") or ""),
                    source=str(item.get("source") or ""),
                    topic=str(item.get("topic") or ""),
                    related=tuple(r for r in item.get("related") or [] if isinstance(r, str)),
                    value=str(item.get("value") or ""),
                    number=item.get("number") if _type_ok(item.get("number"), NUM) else None,
                    unit=str(item.get("unit") or ""),
                    qualifier=item.get("qualifier"),
                    scope=str(item.get("scope") or ""),
                    year=item.get("year") if _type_ok(item.get("year"), INT) else None,
                    file=name,
                    line=item.line,
                    draft=item.get("draft") is True,
                )
        for path, line, other in related:
            if other not in entries:
                self.out.add(path, line, f"related id '{preview(other)}' does not exist")
        return entries

    def _check_texts(self, path: str, item: LineDict, topics: dict[str, Topic]) -> None:
        """Topic exists; source is verbatim in the report; every figure of the answer is too."""
        topic = item.get("topic")
        if isinstance(topic, str) and topics and topic not in topics:
            self.out.add(path, _field_line(item, "topic"), f"topic '{preview(topic)}' is not defined in topics.yaml")
        source, answer = item.get("source"), item.get("answer")
        if isinstance(source, str) and self.report and source not in self.report:
            self.out.add(path, _field_line(item, "source"), "source is not a verbatim part of report.txt")
        if isinstance(answer, str) and self.report:
            for figure in FIGURE_RE.findall(answer):
                if figure not in self.report:
                    self.out.add(path, _field_line(item, "answer"), f"figure '{figure}' in answer is not in report.txt")

    def _check_figure(self, path: str, item: LineDict) -> None:
        """A metric's value is verbatim in its source and answer; qualifier and number agree."""
        value, source, answer = item.get("value"), item.get("source"), item.get("answer")
        if isinstance(value, str):
            if isinstance(source, str) and value not in source:
                self.out.add(
                    path, _field_line(item, "value"), f"value '{preview(value)}' is not written verbatim in its source"
                )
            if isinstance(answer, str) and value not in answer:
                self.out.add(
                    path, _field_line(item, "answer"), f"answer must quote the value '{preview(value)}' verbatim"
                )
        qualifier = item.get("qualifier")
        if qualifier is not None and qualifier not in QUALIFIERS:
            self.out.add(
                path,
                _field_line(item, "qualifier"),
                f"qualifier must be one of {'/'.join(QUALIFIERS)} or null, got {preview_value(qualifier)}",
            )
        number = item.get("number")
        if _type_ok(number, NUM) and isinstance(value, str) and FIGURE_RE.search(value):
            if float(number) not in [float(f) for f in FIGURE_RE.findall(value)]:
                self.out.add(
                    path, _field_line(item, "number"), f"number {number} does not match the value '{preview(value)}'"
                )

    def _phrasings(
        self,
        path: str,
        entry_id: str,
        item: LineDict,
        title_key: str,
        list_key: str,
        synonyms: Synonyms,
        owners: dict[str, tuple[str, str]],
    ) -> list[str]:
        """Title + aliases/alternates, each unique across entries after normalisation."""
        candidates = [(item.get(title_key), _field_line(item, title_key))]
        candidates += [(text, _item_line(item, list_key, i)) for i, text in enumerate(item.get(list_key) or [])]
        phrasings: list[str] = []
        for text, line in candidates:
            if not isinstance(text, str):
                continue
            key = normalize(text, synonyms)
            if not key:
                self.out.add(path, line, f"phrasing '{preview(text)}' is empty after normalisation")
                continue
            owner = owners.get(key)
            if owner and owner[0] != entry_id:
                self.out.add(path, line, f"phrasing '{preview(text)}' is the same as one of '{owner[0]}' ({owner[1]})")
            owners.setdefault(key, (entry_id, f"{path}:{line}"))
            phrasings.append(text)
        return phrasings


def build(directory: Path | str) -> tuple[list[Problem], Knowledge | None]:
    """Every problem of the knowledge folder, and the Knowledge when there is none.
    Without pack.yaml the Knowledge's `pack` is empty (the loader derives it from the report)."""
    return _Builder(Path(directory)).build()


def validate_dir(directory: Path | str) -> list[Problem]:
    """Every problem of the knowledge folder, in file order; empty when all is well."""
    problems, _ = build(directory)
    return problems
