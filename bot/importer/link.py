"""Measure identity across years: each drafted figure linked to the same measure in the other
packs of the same place (`same_as` in metrics.yaml), so that side-by-side answers and older facts
pair "执法记录仪4400台" (2023) with "执法记录仪在用数量增至4870台" (2024).

Two metrics are the same measure when they claim the same kind of figure (achieved, target,
change, rank), in the same unit (项 and 万项 alike, % only with %), and the words that name what
they count share most of their character pairs. Each metric links to at most one metric of
each other pack, the best pairs first. Links are written on the drafted rows only; the engine
reads them both ways. An admin corrects a link by editing `same_as`.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.reporttext import find_figures

MIN_SHARE = 0.45  # the weighted share of pairs, characters and sentence pairs (similarity)
MIN_SHARED = 2
# Words that say how or where a figure is written, not what it counts.
_NOISE_RE = re.compile(
    r"全市|市本级|本级|全年|全区|全县|益阳市?|共计|累计|共|达到|达|增至|增加到|扩充至|扩展到|保持|继续|"
    r"数量|总数|总量|数|的|在用|其中|主要|各类|全部|已|均|是|有|多少|统计|数据|情况|金额|成功|\d{4}年|"
    r"(?:近|约|超过|逾)?[\d.]+[万亿]?[余多]?(?:%|个百分点|[个项件家台处条类种名起次人元位批户场])?|"
    r"[“”\"'《》（）()，,、；;。：:\s]"
)


def measure_words(name: str, clause: str) -> str:
    """The words naming what a metric counts: its name and clause without figures and filler."""
    return _NOISE_RE.sub("", name + clause)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def unit_key(unit: str) -> str:
    """项 for 项 and 万项; % and 个百分点 as they are; a rank's 名 apart from people's 名."""
    unit = unit or ""
    if unit in ("%", "个百分点"):
        return unit
    return unit.lstrip("万亿")[-1:] if unit else ""


def role_of(row: dict) -> str:
    """A row's kind: its `kind` field, else what its source says of its value."""
    kind = row.get("kind")
    if kind:
        return kind
    roles = [f.role for f in find_figures(str(row.get("source") or "")) if f.value == row.get("value")]
    return roles[0] if roles else ("rank" if "第" in str(row.get("value")) else "achieved")


def similarity(a: dict, b: dict) -> float:
    """0..1: how surely two metric rows count the same thing (0 when kind or unit differ)."""
    if role_of(a) != role_of(b) or unit_key(str(a.get("unit") or "")) != unit_key(str(b.get("unit") or "")):
        return 0.0
    wa = measure_words(str(a.get("name") or ""), _clause(a))
    wb = measure_words(str(b.get("name") or ""), _clause(b))
    pa, pb = _pairs(wa), _pairs(wb)
    shared = len(pa & pb)
    if shared < MIN_SHARED or not pa or not pb:
        return 0.0
    chars = len(set(wa) & set(wb)) / min(len(set(wa)), len(set(wb)))
    # the sentences around them: the same subject (合法性审查, not 立法联系点) tips a close call
    sa, sb = (_pairs(measure_words("", str(r.get("source") or ""))) for r in (a, b))
    context = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
    return 0.4 * shared / min(len(pa), len(pb)) + 0.4 * chars + 0.2 * context


def _clause(row: dict) -> str:
    answer = str(row.get("answer") or "")
    return answer if len(answer) <= 60 else ""


def link(rows: list[dict], others: dict[str, list[dict]]) -> int:
    """Set `same_as` on `rows` (drafted metrics) from `others` (pack name → its metric rows);
    returns the number of links made."""
    made = 0
    for other_rows in others.values():
        pairs = []
        for i, row in enumerate(rows):
            for j, other in enumerate(other_rows):
                score = similarity(row, other)
                if score >= MIN_SHARE:
                    pairs.append((score, i, j))
        used_rows, used_others = set(), set()
        for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if i in used_rows or j in used_others:
                continue
            used_rows.add(i)
            used_others.add(j)
            rows[i].setdefault("same_as", []).append(str(other_rows[j]["id"]))
            made += 1
    return made


def sibling_metrics(out: Path, place: str, year: int | None) -> dict[str, list[dict]]:
    """The metric rows of the other packs of `place` next to `out` (other years only)."""
    from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

    found: dict[str, list[dict]] = {}
    parent = out.parent
    if not parent.is_dir():
        return found
    for folder in sorted(parent.iterdir()):
        if folder.resolve() == out.resolve() or folder.name.startswith(".") or not (folder / "pack.yaml").is_file():
            continue
        try:
            pack = (load_yaml((folder / "pack.yaml").read_text(encoding="utf-8")) or {}).get("pack") or {}
            data = load_yaml((folder / "metrics.yaml").read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, YamlSyntaxError, AttributeError):
            continue
        if pack.get("place") != place or pack.get("year") == year:
            continue
        rows = [r for r in data.get("metrics") or [] if isinstance(r, dict) and isinstance(r.get("id"), str)]
        found[folder.name] = [dict(r) for r in rows]
    return found
