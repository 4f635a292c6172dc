"""Figure lookup: a query that is a figure of the report ("6125", "74.1%", "4400台")
is answered with what that figure measures."""

from __future__ import annotations

import re

from .knowledge import Entry

_FIGURE_RE = re.compile(
    r"(?:近|约)?(\d+(?:\.\d+)?)(?:余|多)?(万)?(?:余|多)?(%)?"
    r"(人次|方面|万元|万项|万件|[项件家个台处条类种名起次人元])?")
# What may surround a bare figure: "4400台是什么", "74.1%指的是", "6125这个数字".
_RESIDUE_RE = re.compile(r"^(?:指|代表|表示|是|说|讲|数字|数据|意思|含义|对应|这|那|个|说明|意味着|啥|什么|一|下)*$")


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def figure_key(entry: Entry) -> str | None:
    """'7.5万', '74.1%', '6125' … for a metric; None for a metric without a figure."""
    if entry.number is None or not re.search(r"\d", entry.value):
        return None
    return _fmt(entry.number) + ("万" if entry.unit.startswith("万") else "") + ("%" if entry.unit == "%" else "")


def parse_figure_query(text: str) -> tuple[str, str] | None:
    """If the whole (cleaned, numeral-converted) text is one figure, return (key, unit char)."""
    matches = [m for m in _FIGURE_RE.finditer(text) if m.group(0)]
    if len(matches) != 1:
        return None
    match = matches[0]
    residue = text[:match.start()] + text[match.end():]
    if not _RESIDUE_RE.match(residue):
        return None
    number, wan, percent, unit = match.groups()
    key = _fmt(float(number)) + (wan or "") + (percent or "")
    unit_char = (unit or "")[-1:]
    return key, unit_char


def metrics_with_figure(metrics: list[Entry], key: str, unit_char: str) -> list[Entry]:
    """Metrics whose figure is `key` (74.1 also finds 74.1%); narrowed by unit when given."""
    found = [m for m in metrics if figure_key(m) in (key, key + "%")]
    if unit_char:
        narrowed = [m for m in found if m.unit.endswith(unit_char)]
        if narrowed:
            return narrowed
    return found
