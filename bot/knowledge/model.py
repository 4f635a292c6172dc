"""The knowledge model: what a pack's files hold once read and checked.

`Problem` is one `path:line: message` found by validation; `KnowledgeError` carries them all.
`Knowledge` is one pack (a report and its topics, metrics, FAQ entries and synonyms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.reporttext import ReportText, parse_report
from bot.text.normalize import Synonyms

KNOWLEDGE_FILES = ("topics.yaml", "metrics.yaml", "faq.yaml", "synonyms.yaml")
REPORT_FILE = "report.txt"
PACK_FILE = "pack.yaml"
SCHEMA_VERSION = 1
QUALIFIERS = ("余", "近", "多", "约", "超过", "逾", "不足")
FIGURE_KINDS = ("achieved", "target", "change", "rank")  # a metric's `kind` (reporttext.figure_role)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def relative_to(self, base: Path | str) -> Problem:
        """The same problem with its path relative to `base` (unchanged when not under it)."""
        try:
            path = Path(self.path).resolve().relative_to(Path(base).resolve())
        except (ValueError, OSError):
            return self
        return self if str(path) == "." else Problem(str(path), self.line, self.message)


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
        self.derived: dict = {}  # what answers derive from it, made once (answers/compose.py): it never changes
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


def knowledge_file_name(filename: str) -> str | None:
    """The knowledge file a name refers to (an upload, a rollback argument), or None."""
    name = Path(filename or "").name.strip().lower()
    return name if name in KNOWLEDGE_FILES else None
