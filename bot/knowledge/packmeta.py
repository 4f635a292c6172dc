"""Checks of a pack's metadata (`pack.yaml`), shared by every path that accepts a pack:
start-up and `validate` (`packs.load_library`, `packs.validate_library`), hot reload
(`reload._build`, and `validate --json` in the child process), and the importer.

* year: a whole number from 1949 to next year (a report is about a year that has passed,
  or at the latest about the one just ending);
* place (and region, when given): a plain Chinese name, 2–20 Chinese characters;
* title: plain text on one line, at most `MAX_TITLE_CHARS` characters, no markup.

A pack that fails them is refused like any broken pack: its problems are `path:line`, and
the other packs keep serving. `problems_in(directory)` reads `pack.yaml` itself, so it can
run beside whichever loader validates the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bot.knowledge.messages import say
from bot.knowledge.messages import shown as shown_value
from bot.knowledge.model import PACK_FILE
from bot.knowledge.yamlload import LineDict, YamlSyntaxError, load_yaml

FIRST_YEAR = 1949
MAX_TITLE_CHARS = 100
_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}$")
_MARKUP_RE = re.compile(r"[<>\x00-\x1f\x7f\u2028\u2029]")


def last_year(today: dt.date | None = None) -> int:
    return (today or dt.date.today()).year + 1


def year_ok(year: object, today: dt.date | None = None) -> bool:
    return isinstance(year, int) and not isinstance(year, bool) and FIRST_YEAR <= year <= last_year(today)


def place_ok(place: object) -> bool:
    return isinstance(place, str) and bool(_PLACE_RE.fullmatch(place))


def title_ok(title: object) -> bool:
    return isinstance(title, str) and 0 < len(title.strip()) <= MAX_TITLE_CHARS and not _MARKUP_RE.search(title)


def problems_in(directory: Path | str, today: dt.date | None = None) -> list[tuple[str, int, str]]:
    """(path, line, message) for each metadata field of `directory/pack.yaml` that breaks a
    rule; none when there is no pack.yaml or it cannot be parsed (the loader says why)."""
    path = Path(directory) / PACK_FILE
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return []
    pack = data.get("pack") if isinstance(data, LineDict) else None
    if not isinstance(pack, LineDict):
        return []
    shown, found = str(path), []

    def line(key: str) -> int:
        return pack.key_lines.get(key, pack.line) if hasattr(pack, "key_lines") else 1

    if "year" in pack and not year_ok(pack["year"], today):
        bad = say("pack_bad_year", first=FIRST_YEAR, last=last_year(today), got=shown_value(pack["year"]))
        found.append((shown, line("year"), bad))
    for key in ("place", "region"):
        value = pack.get(key)
        if key in pack and value not in (None, "") and not place_ok(value):
            found.append((shown, line(key), say("pack_bad_place", key=key)))
    if "title" in pack and not title_ok(pack["title"]):
        found.append((shown, line("title"), say("pack_bad_title", limit=MAX_TITLE_CHARS)))
    return found
