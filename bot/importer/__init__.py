"""Import a report into a knowledge pack: `import_report(FILE, DIR)` and `python -m bot import`.

read (readers.py) → title, year, place (from the text unless given) → draft rows (draft.py)
→ files, merged into an existing pack if there is one (write.py) → validated in a scratch
folder next to DIR → moved into place. On any problem nothing is written.

`--out` (DIR) must be a new folder or an existing pack: never `/`, a file, a folder holding
other files, or the knowledge folder itself (`knowledge_dir`) when it holds other packs.
The pack's year, place and title follow the rules every pack is held to (`packmeta`). A
failure to write (no permission, disk full) is one sentence too. `bot.importer.isolated`
runs all of this in a child process with a time and a memory limit.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.importer import link, write
from bot.importer.draft import Draft, draft_pack
from bot.importer.readers import ImportInputError, read_report
from bot.knowledge import packmeta
from bot.knowledge.model import KNOWLEDGE_FILES, PACK_FILE, REPORT_FILE, Problem
from bot.knowledge.packs import is_pack, validate_pack
from bot.knowledge.reporttext import parse_report
from bot.text.normalize import Synonyms

SHARED_SYNONYMS = Path(__file__).resolve().parent.parent / "data" / "synonyms.yaml"
PACK_FILES = ("topics.yaml", "metrics.yaml", "faq.yaml", "synonyms.yaml")

__all__ = ["ImportInputError", "ImportResult", "check_out", "import_report", "read_report", "guess_info"]
PACK_NAMES = frozenset((REPORT_FILE, PACK_FILE, *KNOWLEDGE_FILES))
MAX_LISTED = 10  # left-out figures listed in a reply; the rest go to a file


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

    def describe(self, max_items: int | None = None) -> str:
        """The counts, and the figures that were not drafted (the first `max_items` of them,
        with a note on how many more, when given)."""
        c = self.counts
        lines = [
            f"{self.title}（{self.place}，{self.year}年）→ {self.directory}",
            f"起草：{c.get('topics', 0)} 个主题、{c.get('metrics', 0)} 条数据、{c.get('faqs', 0)} 条问答"
            "（均标记 draft: true，待审核）",
        ]
        if c.get("same_as"):
            lines.append(f"与同一地方其他年份报告中的同一指标关联 {c['same_as']} 条（same_as，请核对）")
        if any(self.kept.values()):
            lines.append("保留已审核的条目：" + "、".join(f"{name} {n} 条" for name, n in self.kept.items() if n))
        if self.left_out:
            lines.append(f"未起草的数字 {len(self.left_out)} 个（无法确定它们在句中指什么，请人工补充）：")
            shown = self.left_out if max_items is None else self.left_out[:max_items]
            lines += [f"  · {item}" for item in shown]
            if len(shown) < len(self.left_out):
                lines.append(f"  ……另有 {len(self.left_out) - len(shown)} 个，完整清单见附件。")
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
    knowledge_dir: Path | str | None = None,
) -> ImportResult:
    """Draft (or refresh) the pack in `out` from the report file `source`.
    Raises ImportInputError for bad input (and a bad `out`); returns problems (and writes
    nothing) when the result would not validate."""
    source, out = Path(source), Path(out)
    check_out(out, knowledge_dir)
    text = read_report(source)
    guessed_title, guessed_year, guessed_place, region = guess_info(text)
    year = year or guessed_year
    place = place or guessed_place
    if not year:
        raise ImportInputError("没能从文中看出报告的年份，请用 --year 指定（如 --year 2024）。")
    if not place:
        raise ImportInputError("没能从文中看出报告所属的地方，请用 --place 指定（如 --place 青岚市）。")
    title = title or guessed_title or f"{place}{year}年法治政府建设情况"
    _check_info(title, year, place, today)
    if not parse_report(text).figures:
        raise ImportInputError("报告中没有找到任何数字（带单位的数值），无法起草数据条目。")
    synonyms_text, synonyms = shared_synonyms()
    try:
        reviewed = _reviewed_phrasings(out)
    except OSError as exc:
        raise write_failure(exc, out) from None
    drafted = draft_pack(text, title, year, place, synonyms, reviewed)
    result = ImportResult(out, title, year, place, drafted.counts(), left_out=drafted.left_out)
    result.counts["same_as"] = link.link(drafted.metrics, link.sibling_metrics(out, place, year))
    try:
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
    except OSError as exc:
        raise write_failure(exc, out) from None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.import-", dir=out.parent))
    except OSError as exc:
        raise write_failure(exc, out) from None
    try:
        write.write_files(scratch, files)
        result.problems = validate_pack(scratch)
        if result.problems:
            result.problems = [
                Problem(p.path.replace(str(scratch), str(out)), p.line, p.message) for p in result.problems
            ]
            return result
        _install(scratch, out)
    except OSError as exc:
        raise write_failure(exc, out) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def check_out(out: Path, knowledge_dir: Path | str | None = None) -> None:
    """`out` must be a new folder or an existing pack (only pack files in it, besides hidden
    ones such as .backups); never `/`, a file, a folder holding other files, or the knowledge
    folder itself unless that is one pack. Raises ImportInputError naming the rule."""
    rule = "--out 应是一个新文件夹或已有的知识包"
    try:
        resolved = out.resolve()
        if resolved.exists() and not resolved.is_dir():
            raise ImportInputError(f"{out} 是一个文件：{rule}。")
        if resolved == Path(resolved.anchor):
            raise ImportInputError(f"不能写入根目录 {resolved}：{rule}。")
        others = (
            [p.name for p in sorted(resolved.iterdir()) if not p.name.startswith(".") and p.name not in PACK_NAMES]
            if resolved.is_dir()
            else []
        )
    except PermissionError:
        raise ImportInputError(f"没有权限访问 {out}：{rule}。") from None
    except OSError as exc:
        raise ImportInputError(f"无法访问 {out}（{exc.strerror or type(exc).__name__}）：{rule}。") from None
    if knowledge_dir is not None and resolved == Path(knowledge_dir).resolve() and (others or not is_pack(resolved)):
        raise ImportInputError(
            f"{out} 是知识库文件夹本身（KNOWLEDGE_DIR）：{rule}，请写其中的子文件夹，如 {out / 'qinglan-2024'}。"
        )
    if others:
        raise ImportInputError(f"{out} 里已有其他文件（如 {others[0]}）：{rule}，不会写在其他文件中间。")


def _check_info(title: str, year: int, place: str, today: dt.date | None) -> None:
    if not packmeta.year_ok(year, today):
        raise ImportInputError(
            f"报告年份 {year} 不在 {packmeta.FIRST_YEAR}–{packmeta.last_year(today)} 年之间，"
            "请用 --year 指定正确的年份。"
        )
    if not packmeta.place_ok(place):
        raise ImportInputError("地方名称应是 2 到 20 个汉字（如 青岚市），请用 --place 指定。")
    if not packmeta.title_ok(title):
        raise ImportInputError(
            f"报告标题应是一行纯文字（不超过 {packmeta.MAX_TITLE_CHARS} 个字，不含 < >），请用 --title 指定。"
        )


def write_failure(exc: OSError, out: Path) -> ImportInputError:
    """One sentence for a failure to write the pack (nothing was installed)."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ImportInputError(f"磁盘空间不足，无法写入 {out}，什么都没有改动。")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ImportInputError(f"没有权限读写 {out}，什么都没有改动。")
    return ImportInputError(f"写入 {out} 时出错（{exc.strerror or type(exc).__name__}），什么都没有改动。")


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
