"""Knowledge base: load the YAML files of `knowledge/`, validate them, expose entries.

`validate_dir(path)` returns every problem at once as `Problem(path, line, message)`;
`load_knowledge(path)` raises `KnowledgeError` carrying the same problems, so a broken
file is reported identically by the CLI, the bot and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.reporttext import ReportText, parse_report
from bot.knowledge.yamlload import LineDict, LineList, YamlSyntaxError, load_yaml
from bot.text.normalize import Synonyms, normalize
from bot.text.preview import preview, preview_value

KNOWLEDGE_FILES = ("topics.yaml", "metrics.yaml", "faq.yaml", "synonyms.yaml")
REPORT_FILE = "report.txt"
PACK_FILE = "pack.yaml"
SCHEMA_VERSION = 1
QUALIFIERS = ("余", "近", "多", "约", "超过", "逾", "不足")
FIGURE_KINDS = ("achieved", "target", "change", "rank")  # a metric's `kind` (reporttext.figure_role)
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
    draft: bool = False


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
    draft: bool = False  # drafted by the importer, not yet reviewed
    figure_kind: str = ""  # metrics: achieved | target | change | rank ("" = not stated)
    same_as: tuple[str, ...] = ()  # metrics: ids of the same measure in other packs of the place

    @property
    def is_metric(self) -> bool:
        return self.kind == "metric"


@dataclass(frozen=True)
class PackInfo:
    """Which report a knowledge folder holds (pack.yaml): the scope of its answers."""

    title: str = ""
    year: int | None = None
    place: str = ""
    region: str = ""  # the province the place is in
    source: str = ""  # the file it was imported from
    imported: str = ""  # date of import


@dataclass
class Knowledge:
    directory: Path
    report: str
    topics: dict[str, Topic]
    entries: dict[str, Entry]
    synonym_groups: dict[str, list[str]]
    pack: PackInfo = field(default_factory=PackInfo)
    synonyms: Synonyms = field(init=False)

    def __post_init__(self) -> None:
        self.synonyms = Synonyms(self.synonym_groups)
        self._by_heading = {t.heading: t for t in self.topics.values() if t.heading}
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

    @property
    def title(self) -> str:
        return self.pack.title

    @property
    def year(self) -> int | None:
        return self.pack.year

    @property
    def place(self) -> str:
        return self.pack.place

    @property
    def covered(self) -> list[str]:
        """What the answers cover, for declines ("益阳市2023年")."""
        return [f"{self.place}{self.year}年的报告"] if self.year else [self.title]

    @property
    def report_text(self) -> ReportText:
        return parse_report(self.report)

    def topic_for_heading(self, heading: str) -> Topic | None:
        return self._by_heading.get(heading) if heading else None

    def outline(self) -> list[tuple[str, str]]:
        """The report's sections, each with one line: its topic summary, else its sub-headings."""
        report = self.report_text
        lines = []
        for i, heading in enumerate(report.headings):
            if heading.level != 1:
                continue
            topic = self.topic_for_heading(heading.text)
            if topic is not None and topic.summary:
                lines.append((heading.text, topic.summary))
                continue
            subs = []
            for sub in report.headings[i + 1 :]:
                if sub.level == 1:
                    break
                if sub.level == 2:
                    subs.append(sub.text)
            lines.append((heading.text, "、".join(subs)))
        return lines

    @property
    def drafts(self) -> int:
        """Rows still marked `draft: true` (drafted by the importer, not yet reviewed)."""
        return sum(e.draft for e in self.entries.values()) + sum(t.draft for t in self.topics.values())

    def summary(self) -> str:
        return (
            f"{len(self.metrics)} metrics, {len(self.faqs)} faqs, {len(self.topics)} topics, "
            f"{len(self.synonym_groups)} synonym groups, "
            f"{sum(len(e.phrasings) for e in self.entries.values())} phrasings"
        )


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
        """pack.yaml when present (checked), else what the report's first lines say."""
        path = self.directory / PACK_FILE
        if not path.is_file():
            return derive_pack_info(self.report)
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
                    figure_kind=str(item.get("kind") or ""),
                    same_as=tuple(r for r in item.get("same_as") or [] if isinstance(r, str)),
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
        kind = item.get("kind")
        if kind is not None and kind not in FIGURE_KINDS:
            self.out.add(
                path,
                _field_line(item, "kind"),
                f"kind must be one of {'/'.join(FIGURE_KINDS)}, got {preview_value(kind)}",
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


_YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
_PLACE_RE = re.compile(r"([\u4e00-\u9fff]{2,6}?(?:市|区|县|州|盟))")


def derive_pack_info(report: str) -> PackInfo:
    """Title, year and place from a report's first lines ("2023年,益阳…", "某某市…情况")."""
    head = "\n".join(report.splitlines()[:8])
    years = [int(y) for y in _YEAR_RE.findall(head)]
    year = max(set(years), key=years.count) if years else None
    place = ""
    for match in _PLACE_RE.finditer(head):
        candidate = match.group(1)
        if not candidate.startswith(("全", "本", "我", "该", "各")):
            place = candidate
            break
    title = f"{place}{year}年法治政府建设情况" if year and place else (report.splitlines() or [""])[0][:40]
    return PackInfo(title, year, place)


def validate_dir(directory: Path | str) -> list[Problem]:
    """Every problem of the knowledge folder, in file order; empty when all is well."""
    problems, _ = _Builder(Path(directory)).build()
    return problems


def load_knowledge(directory: Path | str) -> Knowledge:
    """Load and validate; raise KnowledgeError with every problem if anything is wrong."""
    problems, knowledge = _Builder(Path(directory)).build()
    if knowledge is None:
        raise KnowledgeError(problems)
    return knowledge
