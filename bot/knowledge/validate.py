"""Validation of a knowledge folder: every problem at once, as `Problem(path, line, message)`.

`validate_dir(path)` returns the problems (empty when all is well); `build(path)` also returns
the `Knowledge` when there are none (`bot.knowledge.load.load_knowledge` uses it), so a broken
file is reported identically by the CLI, the bot and the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.messages import cut, say, shown
from bot.knowledge.model import (
    FIGURE_KINDS,
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
from bot.text.normalize import GAP, Synonyms, normalize

ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,48}$")
FIGURE_RE = re.compile(r"\d+(?:\.\d+)?")
VERDICT_LEAD_RE = re.compile(r"^\s*(?:是的|不是|对的|不对)[。，,！!]")

# --- schema -----------------------------------------------------------------

# Field kinds, named as the messages say them ("字段 'year' 应为整数").
STR, NUM, INT, LIST, OPT_STR, BOOL = "非空文本", "数字", "整数", "文本列表", "文本或 null", "true 或 false"

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
            "kind": (STR, False),
            "same_as": (LIST, False),
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


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, code: str, **values: object) -> None:
        """A problem at `path:line`: the message `code` of `bot.knowledge.messages`."""
        self.problems.append(Problem(path, line, say(code, **values)))


def _read_file(directory: Path, name: str, out: _Collector) -> list[LineDict] | None:
    """Parse one knowledge file and check its shape; return its entries (possibly partial),
    or None when the file could not be read at all (missing, not UTF-8, not YAML, no list)."""
    path = directory / name
    file = str(path)
    if not path.is_file():
        out.add(file, 1, "file_missing")
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        out.add(file, 1, "not_utf8")
        return None
    except YamlSyntaxError as exc:
        out.add(file, exc.line, exc.code, **exc.values)
        return None
    list_key, fields = SCHEMAS[name]
    if not isinstance(data, LineDict):
        out.add(file, 1, "not_mapping", version=SCHEMA_VERSION, list_key=list_key)
        return None
    if data.get("version") != SCHEMA_VERSION:
        out.add(
            file,
            data.key_lines.get("version", data.line),
            "bad_version",
            version=SCHEMA_VERSION,
            got=shown(data.get("version")),
        )
    for key in data:
        if key not in ("version", list_key, "__duplicate_keys__"):
            out.add(file, data.key_lines[key], "unknown_top_field", key=cut(key), list_key=list_key)
    items = data.get(list_key)
    if not isinstance(items, LineList):
        out.add(file, data.key_lines.get(list_key, data.line), "not_a_list", list_key=list_key)
        return None
    good: list[LineDict] = []
    for item, line in zip(items, items.item_lines):
        if not isinstance(item, LineDict):
            out.add(file, line, "item_not_mapping", list_key=list_key)
            continue
        for key, key_line in item.get("__duplicate_keys__", []):
            out.add(file, key_line, "duplicate_field", key=cut(key))
        item.pop("__duplicate_keys__", None)
        for key in item:
            if key not in fields:
                out.add(file, item.key_lines[key], "unknown_field", key=cut(key))
        for key, (kind, required) in fields.items():
            if key not in item:
                if required:
                    out.add(file, item.line, "missing_field", key=key)
                continue
            if not _type_ok(item[key], kind):
                out.add(file, item.key_lines[key], "wrong_type", key=key, kind=kind, got=shown(item[key]))
        for key, need in MIN_PHRASINGS.items():
            if key in fields and isinstance(item.get(key), list) and len(item[key]) < need:
                out.add(file, item.key_lines[key], "too_few_phrasings", key=key, need=need, have=len(item[key]))
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
            self.out.add(str(report_path), 1, "report_missing")
        read = {name: _read_file(directory, name, self.out) for name in KNOWLEDGE_FILES}
        # Files that could not be read report their first problem only: ids they would define
        # are unknown, so references into them are not checked (no cascade of "不存在").
        self.unread = {name for name, items in read.items() if items is None}
        self.raw = {name: items or [] for name, items in read.items()}
        self.path_of = {name: str(directory / name) for name in KNOWLEDGE_FILES}
        self.ids: dict[str, str] = {}  # every id of topics, metrics and FAQs → "path:line"

    def build(self) -> tuple[list[Problem], Knowledge | None]:
        groups = self._synonym_groups()  # first: synonyms are part of the duplicate check
        topics = self._topics()
        entries = self._entries(topics, Synonyms(groups))
        pack = self._pack_info()
        if self.out.problems:
            return self.out.problems, None
        return [], Knowledge(self.directory, self.report, topics, entries, groups, pack)

    def _pack_info(self) -> PackInfo:
        """pack.yaml when present (checked), else empty."""
        path = self.directory / PACK_FILE
        if not path.is_file():
            return PackInfo()
        file = str(path)
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            self.out.add(file, 1, "not_utf8")
            return PackInfo()
        except YamlSyntaxError as exc:
            self.out.add(file, exc.line, exc.code, **exc.values)
            return PackInfo()
        pack = data.get("pack") if isinstance(data, LineDict) else None
        if not isinstance(pack, LineDict):
            self.out.add(file, 1, "pack_not_mapping", version=SCHEMA_VERSION)
            return PackInfo()
        fields = {"title": STR, "year": INT, "place": STR, "region": OPT_STR, "source": OPT_STR, "imported": OPT_STR}
        for key in pack:
            if key not in fields:
                self.out.add(file, pack.key_lines[key], "unknown_field", key=cut(key))
        for key, kind in fields.items():
            if key not in pack:
                if kind != OPT_STR:
                    self.out.add(file, pack.line, "missing_field", key=key)
            elif not _type_ok(pack[key], kind):
                self.out.add(file, pack.key_lines[key], "wrong_type", key=key, kind=kind, got=shown(pack[key]))
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
            self.out.add(path, line, "bad_id", id=cut(item_id))
        if item_id in self.ids:
            self.out.add(path, line, "duplicate_id", id=cut(item_id), where=self.ids[item_id])
            return None
        self.ids[item_id] = f"{Path(path).name}:{line}"
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
                    self.out.add(path, line, "variant_has_canonical", variant=cut(variant), canonical=cut(canonical))
                if GAP in variant and (variant.count(GAP) > 1 or not all(variant.split(GAP))):
                    self.out.add(path, line, "variant_bad_gap", variant=cut(variant))
                if variant in seen:
                    self.out.add(path, line, "variant_repeated", variant=cut(variant), first=seen[variant])
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
                self.out.add(path, _field_line(item, "heading"), "heading_not_in_report", heading=cut(heading))
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
                self.out.add(path, _field_line(item, "parent"), "unknown_parent", parent=cut(parent))
            elif isinstance(parent, str) and topics[parent].parent is not None:
                self.out.add(path, _field_line(item, "parent"), "parent_not_section", parent=parent)
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
                    figure_kind=str(item.get("kind") or ""),
                    same_as=tuple(r for r in item.get("same_as") or [] if isinstance(r, str)),
                )
        if self.unread & {"metrics.yaml", "faq.yaml"}:
            related = []  # a related id may be defined in the file that could not be read
        for path, line, other in related:
            if other not in entries:
                self.out.add(path, line, "unknown_related", id=cut(other))
        return entries

    def _check_texts(self, path: str, item: LineDict, topics: dict[str, Topic]) -> None:
        """Topic exists; source is verbatim in the report; every figure of the answer is too; the
        answer states the fact without a verdict (the engine says 是的/不是 to what was asked)."""
        topic = item.get("topic")
        if isinstance(topic, str) and "topics.yaml" not in self.unread and topic not in topics:
            self.out.add(path, _field_line(item, "topic"), "unknown_topic", topic=cut(topic))
        source, answer = item.get("source"), item.get("answer")
        if isinstance(source, str) and self.report and any(part not in self.report for part in source.split("\n")):
            # a source is the report's text, one passage per line (an answer may gather several)
            self.out.add(path, _field_line(item, "source"), "source_not_in_report")
        if isinstance(answer, str) and VERDICT_LEAD_RE.match(answer):
            self.out.add(path, _field_line(item, "answer"), "answer_has_verdict")
        if isinstance(answer, str) and self.report:
            for figure in FIGURE_RE.findall(answer):
                if figure not in self.report:
                    self.out.add(path, _field_line(item, "answer"), "figure_not_in_report", figure=figure)

    def _check_figure(self, path: str, item: LineDict) -> None:
        """A metric's value is verbatim in its source and answer; qualifier and number agree."""
        value, source, answer = item.get("value"), item.get("source"), item.get("answer")
        if isinstance(value, str):
            if isinstance(source, str) and value not in source:
                self.out.add(path, _field_line(item, "value"), "value_not_in_source", value=cut(value))
            if isinstance(answer, str) and value not in answer:
                self.out.add(path, _field_line(item, "answer"), "value_not_in_answer", value=cut(value))
        kind = item.get("kind")
        if kind is not None and kind not in FIGURE_KINDS:
            self.out.add(path, _field_line(item, "kind"), "bad_kind", allowed="/".join(FIGURE_KINDS), got=shown(kind))
        qualifier = item.get("qualifier")
        if qualifier is not None and qualifier not in QUALIFIERS:
            self.out.add(
                path,
                _field_line(item, "qualifier"),
                "bad_qualifier",
                allowed="/".join(QUALIFIERS),
                got=shown(qualifier),
            )
        number = item.get("number")
        if _type_ok(number, NUM) and isinstance(value, str) and FIGURE_RE.search(value):
            if float(number) not in [float(f) for f in FIGURE_RE.findall(value)]:
                self.out.add(path, _field_line(item, "number"), "number_mismatch", number=number, value=cut(value))

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
                self.out.add(path, line, "empty_phrasing", text=cut(text))
                continue
            owner = owners.get(key)
            if owner and owner[0] != entry_id:
                self.out.add(path, line, "phrasing_taken", text=cut(text), owner=owner[0], where=owner[1])
            owners.setdefault(key, (entry_id, f"{Path(path).name}:{line}"))
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
