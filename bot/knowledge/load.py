"""Load a knowledge folder: validated, with the report's identity (pack.yaml, else derived)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.model import PACK_FILE, Knowledge, KnowledgeError, PackInfo
from bot.knowledge.validate import build

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


def load_knowledge(directory: Path | str) -> Knowledge:
    """Load and validate; raise KnowledgeError with every problem if anything is wrong."""
    problems, knowledge = build(directory)
    if knowledge is None:
        raise KnowledgeError(problems)
    if not (knowledge.directory / PACK_FILE).is_file():
        knowledge.pack = derive_pack_info(knowledge.report)
    return knowledge
