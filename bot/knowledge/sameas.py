"""The same measure in several packs: `same_as` links of metrics.yaml, read both ways.

`MeasureLinks(packs)` answers "which entry of the pack of year Y counts what entry E counts";
the engine uses it to pair a measure across years (side by side, 比上一年) and to answer a fact
from the newest report that has that measure.
"""

from __future__ import annotations

from bot.knowledge.model import Knowledge


class MeasureLinks:
    def __init__(self, packs: list[Knowledge]):
        self._year_of: dict[str, int] = {}
        self._links: dict[str, set[str]] = {}
        for pack in packs:
            for entry in pack.metrics:
                self._year_of.setdefault(entry.id, pack.year or 0)
        for pack in packs:
            for entry in pack.metrics:
                for other in entry.same_as:
                    if other in self._year_of and other != entry.id:
                        self._links.setdefault(entry.id, set()).add(other)
                        self._links.setdefault(other, set()).add(entry.id)
        # the links are a relation between years: close it (2023 ↔ 2024 ↔ 2025)
        for start in list(self._links):
            seen, todo = {start}, [start]
            while todo:
                for nxt in self._links.get(todo.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            self._links[start] = seen - {start}

    def __bool__(self) -> bool:
        return bool(self._links)

    def linked(self, entry_id: str | None) -> set[str]:
        return set(self._links.get(entry_id or "", ()))

    def in_year(self, entry_id: str | None, year: int | None) -> str | None:
        """The entry of `year` that is the same measure as `entry_id` (None when none is)."""
        for other in sorted(self.linked(entry_id)):
            if self._year_of.get(other) == (year or 0):
                return other
        return None


def same_report_warnings(directory) -> list[str]:
    """One line for each place and year that two or more packs under `directory` cover."""
    from collections import defaultdict
    from pathlib import Path

    from bot.knowledge.packs import pack_dirs
    from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

    seen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for folder in pack_dirs(Path(directory)):
        try:
            pack = (load_yaml((folder / "pack.yaml").read_text(encoding="utf-8")) or {}).get("pack") or {}
        except (OSError, UnicodeDecodeError, YamlSyntaxError, AttributeError):
            continue
        if isinstance(pack, dict) and pack.get("place") and pack.get("year"):
            seen[(str(pack["place"]), pack["year"])].append(folder.name)
    return [
        f"{'、'.join(names)} 是同一地方同一年份（{place}{year}年）的报告包，回答时只会用其中一个，请删除多余的包。"
        for (place, year), names in seen.items()
        if len(names) > 1
    ]
