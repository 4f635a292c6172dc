"""Import a report into a knowledge pack: `import_report(FILE, DIR)` and `python -m bot import`.

read (readers.py) → title, year, place (from the text unless given) → draft rows (draft.py)
→ files, merged into an existing pack if there is one (write.py) → validated in a scratch
folder next to DIR → moved into place. On any problem nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.importer import write
from bot.importer.draft import Draft, draft_pack
from bot.importer.readers import ImportInputError, read_report
from bot.knowledge.model import PACK_FILE, REPORT_FILE, Problem
from bot.knowledge.reporttext import parse_report
from bot.knowledge.validate import validate_dir
from bot.text.normalize import Synonyms

SHARED_SYNONYMS = Path(__file__).resolve().parent.parent / "data" / "synonyms.yaml"
PACK_FILES = ("topics.yaml", "metrics.yaml", "faq.yaml", "synonyms.yaml")

__all__ = ["ImportInputError", "ImportResult", "import_report", "read_report", "guess_info"]


@dataclass
class ImportResult:
    directory: Path
    title: str
    year: int
    place: str
    counts: dict[str, int] = field(default_factory=dict)  # drafted rows per kind
    kept: dict[str, int] = field(default_factory=dict)  # reviewed rows kept per file (re-import)
    left_out: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # validation of the result; nothing written if any

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        c = self.counts
        lines = [
            f"{self.title}（{self.place}，{self.year}年）→ {self.directory}",
            f"起草：{c.get('topics', 0)} 个主题、{c.get('metrics', 0)} 条数据、{c.get('faqs', 0)} 条问答"
            "（均标记 draft: true，待审核）",
        ]
        if any(self.kept.values()):
            lines.append("保留已审核的条目：" + "、".join(f"{name} {n} 条" for name, n in self.kept.items() if n))
        if self.left_out:
            lines.append(f"未起草的数字 {len(self.left_out)} 个（无法确定它们在句中指什么，请人工补充）：")
            lines += [f"  · {item}" for item in self.left_out]
        return "\n".join(lines)


_TITLE_RE = re.compile(r"((?:19|20)\d\d)年")
_PLACE_BEFORE_YEAR_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:省|市|区|县|州|盟|旗))(?:人民政府)?(?:19|20)\d\d年")
_CITY_RE = re.compile(r"([\u4e00-\u9fff]{2,3}(?:市|区|县))")
_REGION_RE = re.compile(r"([\u4e00-\u9fff]{2,3}省)")
_NOT_PLACES = (
    "全市",
    "本市",
    "我市",
    "示范市",
    "城市",
    "全区",
    "本区",
    "我区",
    "全县",
    "本县",
    "我县",
    "城区",
    "园区",
    "社区",
    "小区",
    "地区",
    "辖区",
    "市区",
    "新区",
)


def guess_info(text: str) -> tuple[str, int | None, str, str]:
    """(title, year, place, province) from a report's first lines and its most named places."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:6]
    title = ""
    for line in head[:2]:
        if (
            len(line) <= 60
            and _TITLE_RE.search(line)
            and re.search(r"报告|情况|工作|总结", line)
            and line[-1:] not in "。；;"
        ):
            title = re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、.]", "", line).strip()
            break
    years = Counter(int(y) for line in head for y in _TITLE_RE.findall(line))
    title_year = _TITLE_RE.search(title)
    year = int(title_year.group(1)) if title_year else (years.most_common(1)[0][0] if years else None)
    place = ""
    found = _PLACE_BEFORE_YEAR_RE.search(title) if title else None
    if found:
        place = found.group(1)
    else:
        counts = Counter(
            m for m in _CITY_RE.findall(text) if m not in _NOT_PLACES and not any(m.endswith(w) for w in _NOT_PLACES)
        )
        place = counts.most_common(1)[0][0] if counts else ""
    regions = Counter(
        m
        for m in _REGION_RE.findall(text)
        if not m.endswith(("全省", "本省", "我省", "该省", "各省", "外省")) and not re.search(r"[在的和与及]", m)
    )
    region = regions.most_common(1)[0][0] if regions else ""
    if not title and year and place:
        title = f"{place}{year}年法治政府建设情况"
    return title, year, place, region


def shared_synonyms() -> tuple[str, Synonyms]:
    """The shared synonym list every drafted pack gets (text, and as a matcher would apply it)."""
    from bot.knowledge.yamlload import load_yaml

    text = SHARED_SYNONYMS.read_text(encoding="utf-8")
    data = load_yaml(text)
    groups: dict[str, list[str]] = {}
    for item in data.get("synonyms") or []:
        groups.setdefault(item["canonical"], []).extend(item["variants"])
    return text, Synonyms(groups)


def import_report(
    source: Path | str,
    out: Path | str,
    *,
    title: str | None = None,
    year: int | None = None,
    place: str | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Draft (or refresh) the pack in `out` from the report file `source`.
    Raises ImportInputError for bad input; returns problems (and writes nothing) when the
    result would not validate."""
    source, out = Path(source), Path(out)
    text = read_report(source)
    guessed_title, guessed_year, guessed_place, region = guess_info(text)
    year = year or guessed_year
    place = place or guessed_place
    if not year:
        raise ImportInputError("没能从文中看出报告的年份，请用 --year 指定（如 --year 2024）。")
    if not place:
        raise ImportInputError("没能从文中看出报告所属的地方，请用 --place 指定（如 --place 青岚市）。")
    title = title or guessed_title or f"{place}{year}年法治政府建设情况"
    if not parse_report(text).figures:
        raise ImportInputError("报告中没有找到任何数字（带单位的数值），无法起草数据条目。")
    synonyms_text, synonyms = shared_synonyms()
    drafted = draft_pack(text, title, year, place, synonyms, _reviewed_phrasings(out))
    result = ImportResult(out, title, year, place, drafted.counts(), left_out=drafted.left_out)
    files = _files(
        out,
        drafted,
        synonyms_text,
        result,
        {
            "title": title,
            "year": year,
            "place": place,
            "region": region,
            "source": source.name,
            "imported": (today or dt.date.today()).isoformat(),
        },
        text,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.import-", dir=out.parent))
    try:
        write.write_files(scratch, files)
        result.problems = validate_dir(scratch)
        if result.problems:
            result.problems = [
                Problem(p.path.replace(str(scratch), str(out)), p.line, p.message) for p in result.problems
            ]
            return result
        _install(scratch, out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _reviewed_phrasings(out: Path) -> dict[str, set[str]]:
    """id → phrasings of the reviewed rows (no `draft: true`) already in the pack at `out`."""
    from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

    found: dict[str, set[str]] = {}
    for name, key, fields in (
        ("metrics.yaml", "metrics", ("name", "aliases")),
        ("faq.yaml", "faqs", ("question", "alternates")),
    ):
        path = out / name
        if not path.is_file():
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (YamlSyntaxError, UnicodeDecodeError):
            continue
        for item in (data or {}).get(key) or []:
            if isinstance(item, dict) and item.get("draft") is not True and isinstance(item.get("id"), str):
                texts = {item.get(fields[0])} | set(item.get(fields[1]) or [])
                found[item["id"]] = {t for t in texts if isinstance(t, str)}
    return found


def _files(
    out: Path, drafted: Draft, synonyms_text: str, result: ImportResult, info: dict, report: str
) -> dict[str, str]:
    rows = {"topics.yaml": drafted.topics, "metrics.yaml": drafted.metrics, "faq.yaml": drafted.faqs}
    files = {REPORT_FILE: report, PACK_FILE: write.pack_text(info)}
    for name, items in rows.items():
        existing = out / name
        if existing.is_file():
            data, kept, _ = write.merge(existing.read_text(encoding="utf-8"), name, items)
            result.kept[name] = kept
        else:
            data = write.fresh(name, items)
        files[name] = write.dump(name, data)
    files["synonyms.yaml"] = (
        (out / "synonyms.yaml").read_text(encoding="utf-8") if (out / "synonyms.yaml").is_file() else synonyms_text
    )
    return files


def _install(scratch: Path, out: Path) -> None:
    """Move the validated files into `out`, one atomic rename each."""
    out.mkdir(parents=True, exist_ok=True)
    for path in scratch.iterdir():
        os.replace(path, out / path.name)
