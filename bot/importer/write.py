"""Write a drafted pack to disk, or merge it into an existing one.

Re-importing into a pack keeps every reviewed row (any row without `draft: true`) exactly as
the admin left it — comments, order and quoting included (ruamel.yaml round trip) — drops the
old drafts and adds the new ones whose ids are not reviewed rows. Each file starts with a
comment header for admins.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

HEADERS = {
    "pack.yaml": "报告包信息：这个文件夹收录的是哪一份报告（标题、年份、地方），由 python -m bot import 生成。",
    "topics.yaml": "主题目录：由报告的标题自动起草。",
    "metrics.yaml": "数据指标：报告中每一个数字一条，数字（value）从原文逐字复制，不得改写。",
    "faq.yaml": "问答：报告中的文件《…》、提法“…”、荣誉和单位、地方各一条，回答是报告原文。",
    "synonyms.yaml": "同义词表：群众的说法 → 报告里的用词（通用表）。",
}
REVIEW_NOTE = (
    "# 审核说明：带 draft: true 的条目是导入时自动起草的，请逐条核对名称和问法，\n"
    "# 确认无误后删除 draft: true 这一行；重新导入同一报告时，已审核的条目原样保留，草稿会被更新。\n"
    "# 修改后运行：python -m bot validate 本文件夹\n"
)
LIST_KEYS = {"topics.yaml": "topics", "metrics.yaml": "metrics", "faq.yaml": "faqs", "synonyms.yaml": "synonyms"}


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 1_000_000  # never fold long Chinese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _quoted(value):
    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(value, list):
        seq = CommentedSeq(_quoted(v) for v in value)
        if len(value) <= 6 and all(isinstance(v, str) and len(v) <= 12 for v in value):
            seq.fa.set_flow_style()  # short lists on one line, as the curated files have them
        return seq
    return value


def _row(item: dict) -> CommentedMap:
    row = CommentedMap()
    for key, value in item.items():
        row[key] = _quoted(value)
    return row


def _header(name: str) -> str:
    return f"# {HEADERS[name]}\n" + (REVIEW_NOTE if name not in ("pack.yaml", "synonyms.yaml") else "")


def dump(name: str, data: CommentedMap) -> str:
    out = StringIO()
    _yaml().dump(data, out)
    return _header(name) + "#\n" + out.getvalue()


def fresh(name: str, rows: list[dict]) -> CommentedMap:
    data = CommentedMap()
    data["version"] = 1
    data[LIST_KEYS[name]] = CommentedSeq(_row(r) for r in rows)
    return data


def merge(existing_text: str, name: str, rows: list[dict]) -> tuple[CommentedMap, int, int]:
    """(merged data, reviewed rows kept, drafts written): reviewed rows stay as they are."""
    data = _yaml().load(existing_text)
    key = LIST_KEYS[name]
    if not isinstance(data, CommentedMap) or not isinstance(data.get(key), list):
        return fresh(name, rows), 0, len(rows)
    items = data[key]
    reviewed_ids = {item.get("id") for item in items if isinstance(item, dict) and item.get("draft") is not True}
    kept = [item for item in items if not (isinstance(item, dict) and item.get("draft") is True)]
    new = [r for r in rows if r.get("id") not in reviewed_ids]
    seq = CommentedSeq(kept)
    for row in new:
        seq.append(_row(row))
    data[key] = seq
    return data, len(kept), len(new)


def pack_text(info: dict) -> str:
    data = CommentedMap()
    data["version"] = 1
    pack = CommentedMap()
    for key, value in info.items():
        if value not in (None, ""):
            pack[key] = _quoted(value)
    data["pack"] = pack
    return dump("pack.yaml", data)


def write_files(directory: Path, files: dict[str, str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
