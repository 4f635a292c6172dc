"""A report file sent by an admin (Telegram): import it into a pack folder of KNOWLEDGE_DIR.

The folder is the caption when it is a plain folder name, else named after the report's place
and year (`qls2024`). Re-importing into an existing pack first backs up its files (the same
backups /backups lists); on bad input or problems nothing is changed and a message says why.
The work runs in a child process with a time and a memory limit (`isolated.upload_isolated`),
so a hostile file costs the bot nothing: the admin gets one line, the citizens their answers.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from bot.importer import ImportInputError, ImportResult, check_out, guess_info, import_report, write_failure
from bot.importer.draft import slug
from bot.importer.readers import MAX_BYTES, SUPPORTED, read_report
from bot.knowledge.backups import make_backup
from bot.knowledge.model import KNOWLEDGE_FILES, PACK_FILE

REPORT_SUFFIXES = SUPPORTED
IMPORT_MAX_BYTES = MAX_BYTES
_FOLDER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$")


def import_uploaded_report(root: Path, filename: str, data: bytes, caption: str = "") -> ImportResult | str:
    """The import's result, or a short message (Chinese, HTML-safe) saying why nothing changed.
    The import runs in a child process with a time and a memory limit (`isolated`)."""
    from bot.importer.isolated import upload_isolated

    suffix = Path(filename).suffix.lower()
    safe_name = "report" + suffix  # never a path from the sender
    if len(data) > MAX_BYTES:
        return (
            f"❌ 导入失败：文件太大（{len(data) // 1024 // 1024} MB），报告文件应小于 {MAX_BYTES // 1024 // 1024} MB。"
        )
    try:
        with tempfile.TemporaryDirectory(prefix=".upload-", dir=root) as tmp:
            source = Path(tmp) / safe_name
            source.write_bytes(data)
            return upload_isolated(root, source, caption)
    except OSError as exc:
        return f"❌ 导入失败：{write_failure(exc, root)}"


def import_uploaded_file(root: Path, source: Path, caption: str = "") -> ImportResult | str:
    """The import itself (in the child process): folder from the caption or the report's
    place and year, backups of what it replaces, then `import_report`."""
    try:
        text = read_report(source)
    except ImportInputError as exc:
        return f"❌ 导入失败：{exc}"
    _, year, place, _ = guess_info(text)
    if caption and not _FOLDER_RE.match(caption):
        return "❌ 说明文字应是知识包文件夹名（英文字母、数字、- 或 _，如 qinglan-2024），或留空。"
    folder = caption or (slug(place, year) if year and place else "")
    if not folder:
        return "❌ 导入失败：没能从文中看出报告的年份和地方，请在发送时把文件夹名（如 linjiang-2024）写在说明文字里。"
    out = root / folder
    try:
        check_out(out, root)
        if out.exists():
            for name in (*KNOWLEDGE_FILES, PACK_FILE):  # the YAML files: what admins edit
                if (out / name).is_file():
                    make_backup(out, name)
        result = import_report(source, out, knowledge_dir=root)
    except ImportInputError as exc:
        return f"❌ 导入失败：{exc}"
    except OSError as exc:
        return f"❌ 导入失败：{write_failure(exc, out)}"
    if not result.ok:
        shown = "\n".join(str(p).replace(str(root) + "/", "") for p in result.problems[:10])
        return f"❌ 起草的知识包有 {len(result.problems)} 个校验问题，什么都没有改动：\n{shown}"
    return result


__all__ = ["IMPORT_MAX_BYTES", "REPORT_SUFFIXES", "import_uploaded_file", "import_uploaded_report"]
