"""A report file sent by an admin (Telegram): import it into a pack folder of KNOWLEDGE_DIR.

The folder is the caption when it is a plain folder name, else named after the report's place
and year (`qls2024`). Re-importing into an existing pack first backs up its files (the same
backups /backups lists); on bad input or problems nothing is changed and a message says why.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from bot.importer import ImportInputError, ImportResult, guess_info, import_report
from bot.importer.draft import slug
from bot.importer.readers import MAX_BYTES, SUPPORTED, read_report
from bot.knowledge.backups import make_backup
from bot.knowledge.model import KNOWLEDGE_FILES, PACK_FILE

REPORT_SUFFIXES = SUPPORTED
IMPORT_MAX_BYTES = MAX_BYTES
_FOLDER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$")


def import_uploaded_report(root: Path, filename: str, data: bytes, caption: str = "") -> ImportResult | str:
    """The import's result, or a short message (Chinese, HTML-safe) saying why nothing changed."""
    suffix = Path(filename).suffix.lower()
    safe_name = "report" + suffix  # never a path from the sender
    with tempfile.TemporaryDirectory(prefix=".upload-", dir=root) as tmp:
        source = Path(tmp) / safe_name
        source.write_bytes(data)
        try:
            text = read_report(source)
        except ImportInputError as exc:
            return f"❌ 导入失败：{exc}"
        _, year, place, _ = guess_info(text)
        if caption and not _FOLDER_RE.match(caption):
            return "❌ 说明文字应是知识包文件夹名（英文字母、数字、- 或 _，如 qinglan-2024），或留空。"
        folder = caption or (slug(place, year) if year and place else "")
        if not folder:
            return (
                "❌ 导入失败：没能从文中看出报告的年份和地方，请在发送时把文件夹名（如 linjiang-2024）写在说明文字里。"
            )
        out = root / folder
        if out.exists():
            for name in (*KNOWLEDGE_FILES, PACK_FILE):  # the YAML files: what admins edit
                if (out / name).is_file():
                    make_backup(out, name)
        try:
            result = import_report(source, out)
        except ImportInputError as exc:
            return f"❌ 导入失败：{exc}"
        except OSError as exc:
            return f"❌ 导入失败：写入 {folder}/ 时出错（{type(exc).__name__}），什么都没有改动。"
    if not result.ok:
        shown = "\n".join(str(p).replace(str(root) + "/", "") for p in result.problems[:10])
        return f"❌ 起草的知识包有 {len(result.problems)} 个校验问题，什么都没有改动：\n{shown}"
    return result


__all__ = ["IMPORT_MAX_BYTES", "REPORT_SUFFIXES", "import_uploaded_report"]
