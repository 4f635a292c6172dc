"""Files sent by an admin in the private chat: a report (.txt .docx .html .pdf) is imported into
a pack; a .yaml document named like a knowledge file replaces it. Both are validated in full
first; on any problem nothing changes. The old version is backed up and the knowledge reloaded."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from telegram import InputFile, Message, Update
from telegram.error import TelegramError
from telegram.ext import filters

from bot.importer import MAX_LISTED
from bot.importer.upload import IMPORT_MAX_BYTES, REPORT_SUFFIXES, import_uploaded_report
from bot.knowledge import edit as kb_edit
from bot.knowledge.isolated import validate_isolated
from bot.knowledge.model import knowledge_file_name
from bot.knowledge.packs import is_pack
from handlers.admin.auth import admin_only, audit
from handlers.admin.edits import pack_dir, problem_lines, reload_after_edit
from handlers.common import reply_html
from handlers.context import CustomContext
from handlers.render import esc

logger = logging.getLogger(__name__)


@admin_only("upload")
async def upload_document(update: Update, context: CustomContext) -> None:
    """A report file (.txt .docx .html .pdf) is imported into a pack; a .yaml document named like
    a knowledge file replaces it. Both are validated in full first; on any problem nothing changes."""
    message: Message = update.effective_message
    document = message.document
    filename = document.file_name or ""
    if Path(filename).suffix.lower() in REPORT_SUFFIXES:
        await _import_report(update, context, document)
        return
    name = knowledge_file_name(filename)
    if name is None:
        await reply_html(
            update,
            context,
            esc(
                f"文件名「{filename}」不是知识库文件。请把文件命名为 topics.yaml、metrics.yaml、faq.yaml 或 "
                "synonyms.yaml 之一（与要替换的文件同名）后重新发送；新的报告请发送 .txt、.docx、.html 或 .pdf 文件。"
            ),
        )
        return
    if document.file_size and document.file_size > kb_edit.MAX_UPLOAD_BYTES:
        await reply_html(update, context, esc(f"文件太大（{document.file_size} 字节），未替换。"))
        return
    directory = pack_dir(context, folder=(message.caption or "").strip() or None)
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    result = await asyncio.to_thread(kb_edit.replace_file, directory, name, data, validate_isolated)
    if not result.ok:
        await audit(update, context, "upload_rejected", f"{name}: {len(result.problems)} problems")
        lines = [f"❌ {esc(result.message)}"] + problem_lines(result.problems, directory)
        if result.problems:
            lines.append("行号指您发送的文件中的行。修正后重新发送即可。")
        await reply_html(update, context, "\n".join(lines))
        return
    if not result.changed:
        await reply_html(update, context, esc(result.message))
        return
    shown = name if directory == Path(context.settings.knowledge_dir) else f"{directory.name}/{name}"
    await audit(
        update, context, "upload", f"{shown} ({len(data)} bytes), backup {result.backup.name if result.backup else '-'}"
    )
    backup = f"旧版本已备份为 <code>{esc(result.backup.name)}</code>。" if result.backup else ""
    await reply_html(update, context, f"✅ 已替换 {esc(shown)}。{backup}\n" + await reload_after_edit(context))


async def _import_report(update: Update, context: CustomContext, document) -> None:
    """Import a report file sent by an admin into a pack folder (named by the caption, else
    after the report's place and year), back up what it replaces, reload, reply with the counts."""
    root = Path(context.settings.knowledge_dir)
    if is_pack(root):
        await reply_html(
            update,
            context,
            esc(
                "KNOWLEDGE_DIR 现在是单个知识包，不能再放入新报告。请把现有文件移到其中的子文件夹"
                "（如 knowledge/yiyang-2023/）后再发送报告。"
            ),
        )
        return
    if document.file_size and document.file_size > IMPORT_MAX_BYTES:
        await reply_html(update, context, esc(f"文件太大（{document.file_size} 字节），报告文件应小于 20 MB。"))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    caption = (update.effective_message.caption or "").strip()
    await reply_html(update, context, esc("正在导入报告，请稍候……"))
    try:  # the import itself runs in a child process with a time and a memory limit
        outcome = await asyncio.to_thread(
            import_uploaded_report, root, document.file_name or "report.txt", data, caption
        )
    except Exception as exc:  # never the generic apology: the admin learns why
        logger.exception("report import failed")
        outcome = f"❌ 导入失败：导入时出错（{type(exc).__name__}），什么都没有改动。"
    if isinstance(outcome, str):
        await audit(update, context, "import_rejected", outcome[:200])
        await reply_html(update, context, esc(outcome))
        return
    await audit(update, context, "import", f"{outcome.directory.name}: {outcome.counts}")
    reply = "✅ " + esc(outcome.describe(max_items=MAX_LISTED)) + "\n" + await reload_after_edit(context)
    await reply_html(update, context, reply)
    if len(outcome.left_out) > MAX_LISTED:  # the full list as a file, not as dozens of messages
        listing = "\n".join(outcome.left_out) + "\n"
        try:
            await context.bot.send_document(
                update.effective_chat.id,
                InputFile(listing.encode("utf-8"), filename=f"{outcome.directory.name}-未起草的数字.txt"),
                caption=f"未起草的数字，共 {len(outcome.left_out)} 个",
            )
        except TelegramError as exc:
            logger.warning("could not send the list of figures left out: %s", exc)


class KnowledgeUpload(filters.MessageFilter):
    """A document whose name ends in .yaml / .yml; or a report file (.txt .docx .html .pdf)
    from an admin (anyone else sending a report gets the usual hint to type a question)."""

    def __init__(self, admin_ids: frozenset[int] = frozenset()):
        super().__init__()
        self.admin_ids = admin_ids

    def filter(self, message: Message) -> bool:
        name = (message.document.file_name or "").lower() if message.document else ""
        if name.endswith((".yaml", ".yml")):
            return True
        sender = message.from_user.id if message.from_user else None
        return name.endswith(REPORT_SUFFIXES) and sender in self.admin_ids
