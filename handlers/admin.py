"""Admin features in Telegram — only for ADMIN_IDS, only in a private chat with the bot.

    /admin              the admin commands
    /reload             reload the knowledge folder (errors as path:line)
    /stats [天数]        usage figures (default 7 days)
    /unanswered [天数]   missed and clarified questions, near-duplicates grouped, each with
                        buttons "加为「…」的问法" (ua:<query id>:<entry id>) and "忽略" (ud:<query id>)
    a .yaml document    named like a knowledge file: validate, back up, replace, reload
    /backups            the backups in knowledge/.backups/
    /rollback [文件]     restore the previous version of a file (default: the last change)

Anyone else gets a polite refusal, and the attempt is audited (by keyed user hash). Every
admin action is audited too. At start-up (`on_start`, called from the application's
post_init hook) the storage is opened if it is not yet, the knowledge watcher started
(reload results go to the admins), and the daily jobs scheduled: retention pruning and, with
DIGEST_TIME, a digest of yesterday's figures (Beijing time). `on_stop` (post_stop) stops the
watcher; `on_shutdown` (post_shutdown) closes the storage.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from telegram import BotCommand, BotCommandScopeChat, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.admin.reports import format_group, format_stats, format_unanswered
from bot.clock import BEIJING
from bot.importer.upload import IMPORT_MAX_BYTES, REPORT_SUFFIXES, import_uploaded_report
from bot.knowledge import backups as kb_backups
from bot.knowledge import edit as kb_edit
from bot.knowledge.isolated import validate_isolated
from bot.knowledge.model import Knowledge, Problem, knowledge_file_name
from bot.knowledge.packs import is_pack
from bot.knowledge.reload import ReloadResult
from bot.storage.database import Storage
from bot.text.preview import preview

from .callbacks import callback_value, stale
from .common import NO_PREVIEW, edit_or_send, reply_html
from .context import CustomContext
from .render import button, esc, keyboard, split_message
from .usage import report_storage

logger = logging.getLogger(__name__)

REFUSAL = "抱歉，这个功能仅供管理员使用。如需了解报告内容，请直接提问或发送 /help。"
PRIVATE_ONLY = "为保护提问者的隐私，管理命令请在与我的私聊中使用。"
NO_STORAGE = "使用记录数据库未启用（机器人启动时打开 DATA_DIR 下的数据库）。"
DEFAULT_DAYS, MAX_DAYS = 7, 365
UNANSWERED_SHOWN = 8  # groups sent by /unanswered, one message each
MAX_PROBLEMS_SHOWN = 25
MAX_ADMIN_PARTS = 3  # messages per notice to an admin
HEALTH_CHECK_SECONDS = 30
PROBLEM_CHARS = 200  # each problem's message is cut to this many characters
LABEL_CHARS = 14  # entry titles in button labels are cut to this many characters

ADMIN_COMMANDS = (
    ("admin", "管理命令一览"),
    ("reload", "重新加载知识库"),
    ("stats", "使用统计：/stats [天数]"),
    ("unanswered", "未答上的问题"),
    ("backups", "知识库备份列表"),
    ("rollback", "回滚：/rollback [文件]"),
)

Handler = Callable[[Update, CustomContext], Awaitable[None]]


# --- access ------------------------------------------------------------------


def is_admin(update: Update, context: CustomContext) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.settings.admin_ids


async def audit(update: Update, context: CustomContext, action: str, detail: str = "", admin: bool = True) -> None:
    """One row in admin_actions; refused attempts (admin=False) carry only the user hash."""
    user = update.effective_user
    logger.info("admin audit: %s (%s)", action, "admin" if admin else "refused")  # no detail: it may quote a citizen
    storage = context.storage
    if storage is None:
        return
    try:
        await storage.alog_admin(user_id=user.id if user else None, action=action, detail=detail, is_admin=admin)
    except Exception:
        logger.exception("could not write the audit record")
    await report_storage(context.application)


async def refuse(update: Update, context: CustomContext, action: str) -> None:
    """A polite no for a non-admin, and an audit record of the attempt."""
    message = update.effective_message
    detail = action
    if update.callback_query is not None:
        detail = f"{action} button {(update.callback_query.data or '')[:64]}"
    elif message is not None and (message.text or message.caption):
        detail = (message.text or message.caption)[:200]
    elif message is not None and message.document is not None:
        detail = f"{action} {message.document.file_name or ''}"
    await audit(update, context, "refused", detail, admin=False)
    if update.callback_query is not None:
        await update.callback_query.answer(REFUSAL)
    elif update.effective_chat is not None:
        await reply_html(update, context, esc(REFUSAL))


def admin_only(action: str) -> Callable[[Handler], Handler]:
    """Run the handler for admins in a private chat; refuse (and audit) everyone else, and
    admins anywhere else: a group, or a button on a message outside the private chat (so
    a citizen's question is never posted into a group)."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(update: Update, context: CustomContext) -> None:
            if not is_admin(update, context):
                await refuse(update, context, action)
                return
            chat = update.effective_chat
            if chat is None or chat.type != ChatType.PRIVATE:
                where = chat.type if chat is not None else "inline message"
                await audit(update, context, "refused_outside_private", f"{action} in {where}")
                if update.callback_query is not None:
                    await update.callback_query.answer(PRIVATE_ONLY, show_alert=True)
                else:
                    await reply_html(update, context, esc(PRIVATE_ONLY))
                return
            await handler(update, context)

        return wrapper

    return decorate


# --- helpers -------------------------------------------------------------------


def knowledge_summary(knowledge: Knowledge) -> str:
    return (
        f"{len(knowledge.metrics)} 个数据、{len(knowledge.faqs)} 个问答、"
        f"{len(knowledge.topics)} 个主题、{len(knowledge.synonym_groups)} 组同义词"
    )


def problem_lines(problems: list[Problem], directory: Path) -> list[str]:
    """`<code>faq.yaml:12</code> message`, paths shown relative to the knowledge folder."""
    lines = []
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        path = Path(problem.path)
        try:
            shown = str(path.relative_to(directory))
        except ValueError:
            shown = path.name if path.parent == Path(directory) else str(path)
        message = preview(problem.message.replace(str(directory) + "/", ""), PROBLEM_CHARS)
        lines.append(f"<code>{esc(preview(shown, PROBLEM_CHARS))}:{problem.line}</code> {esc(message)}")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        lines.append(
            f"……另有 {len(problems) - MAX_PROBLEMS_SHOWN} 个问题，请在服务器上运行 python -m bot validate 查看全部。"
        )
    return lines


def reload_html(result: ReloadResult, holder_knowledge: Knowledge, directory: Path, intro: str = "") -> str:
    lead = f"{intro}\n" if intro else ""
    if result.ok:
        return f"{lead}✅ 知识库已重新加载（{result.seconds:.1f} 秒）：{esc(knowledge_summary(holder_knowledge))}。"
    lines = [f"{lead}❌ 知识库有 {len(result.problems)} 个问题，<b>仍在使用之前的版本</b>，请修正后再加载："]
    return "\n".join(lines + problem_lines(result.problems, directory))


def _days_arg(context: CustomContext) -> int | None:
    args = context.args or []
    if not args:
        return DEFAULT_DAYS
    text = args[0].strip().removesuffix("天")
    if text.isdigit() and 1 <= int(text) <= MAX_DAYS:
        return int(text)
    return None


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def send_to_admins(application: Application, html: str) -> None:
    """Send an HTML message to every admin (at most MAX_ADMIN_PARTS messages each); an admin
    who never opened the chat is skipped."""
    settings = application.bot_data.settings
    chunks = split_message(html)
    if len(chunks) > MAX_ADMIN_PARTS:
        chunks = chunks[: MAX_ADMIN_PARTS - 1] + [
            f"……内容过长，其余 {len(chunks) - MAX_ADMIN_PARTS + 1} 段已省略，详见服务器日志。"
        ]
    for admin_id in sorted(settings.admin_ids):
        for chunk in chunks:
            try:
                await application.bot.send_message(
                    admin_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                )
            except TelegramError as exc:
                logger.warning("could not notify admin %s: %s", admin_id, exc)
                break


async def notify_admins(application: Application, key: str, html: str, every: float) -> bool:
    """`send_to_admins`, at most once per `every` seconds for the same `key`; notices held
    back in between are counted and mentioned in the next one. True if it was sent."""
    notes = application.bot_data.admin_notes
    now = time.monotonic()
    last, held = notes.get(key, (None, 0))
    if last is not None and now - last < every:
        notes[key] = (last, held + 1)
        return False
    notes[key] = (now, 0)
    if held:
        html += f"\n（上次通知后另有 {held} 次同类情况，未逐条通知。）"
    await send_to_admins(application, html)
    return True


async def _reload_after_edit(context: CustomContext) -> str:
    """Reload after a file change; the HTML line describing the outcome."""
    settings = context.settings
    result = await context.reloader.reload("edit")
    return reload_html(result, context.engine.knowledge, settings.knowledge_dir)


# --- commands ----------------------------------------------------------------------


@admin_only("admin")
async def admin_help(update: Update, context: CustomContext) -> None:
    lines = ["<b>管理命令</b>"]
    lines += [f"/{name} — {esc(text)}" for name, text in ADMIN_COMMANDS if name != "admin"]
    lines += [
        "",
        "发送名为 topics.yaml、metrics.yaml、faq.yaml 或 synonyms.yaml 的文件即可替换该文件："
        "先完整校验，旧版本自动备份；有错误时不作任何改动，并列出 文件:行号 和原因。",
        "直接修改服务器上 knowledge/ 中的文件也会自动重新加载，结果会发给管理员。",
    ]
    await reply_html(update, context, "\n".join(lines))


async def _days_and_storage(update: Update, context: CustomContext, command: str):
    """The [天数] argument and the open storage; (days, None) after telling the admin why not."""
    days = _days_arg(context)
    if days is None:
        await reply_html(
            update, context, esc(f"用法：{command} [天数]，天数为 1～{MAX_DAYS} 的整数，默认 {DEFAULT_DAYS}。")
        )
        return days, None
    storage = context.storage
    if storage is None:
        await reply_html(update, context, esc(NO_STORAGE))
    return days, storage


@admin_only("reload")
async def reload_command(update: Update, context: CustomContext) -> None:
    settings = context.settings
    result = await context.reloader.reload("manual")
    await audit(update, context, "reload", "ok" if result.ok else f"{len(result.problems)} problems")
    await reply_html(update, context, reload_html(result, context.engine.knowledge, settings.knowledge_dir))


@admin_only("stats")
async def stats_command(update: Update, context: CustomContext) -> None:
    days, storage = await _days_and_storage(update, context, "/stats")
    if storage is None:
        return
    await storage.acheck()  # a deleted or unwritable database shows here, not only in the log
    stats = await storage.astats(days)
    await audit(update, context, "stats", str(days))
    text = format_stats(stats, context.engine.knowledge)
    first, _, rest = text.partition("\n")
    note = storage.health.stats_note(since=stats.since)
    note = f"{esc(note)}\n" if note else ""
    await reply_html(update, context, f"<b>{esc(first)}</b>\n{note}{esc(rest)}")


def group_markup(group, knowledge: Knowledge):
    rows = []
    for closest in group.closest:
        entry = knowledge.entries.get(closest.entry_id)
        if entry is None:
            continue
        try:
            rows.append([button(f"加为「{_short(entry.title)}」的问法", "ua", f"{group.query_id}:{entry.id}")])
        except ValueError:  # an id too long for Telegram's 64-byte callback data
            continue
    rows.append([button("忽略", "ud", str(group.query_id))])
    return keyboard(rows)


@admin_only("unanswered")
async def unanswered_command(update: Update, context: CustomContext) -> None:
    days, storage = await _days_and_storage(update, context, "/unanswered")
    if storage is None:
        return
    engine = context.engine
    groups = await storage.aunanswered(days, engine, limit=UNANSWERED_SHOWN + 1)
    await audit(update, context, "unanswered", str(days))
    if not groups:
        await reply_html(update, context, esc(format_unanswered([], None, days)))
        return
    shown = groups[:UNANSWERED_SHOWN]
    more = "（只显示前 8 组，处理后再发送 /unanswered 查看其余）" if len(groups) > len(shown) else ""
    await reply_html(
        update,
        context,
        f"<b>最近 {days} 天未答上或需要追问确认的问题</b>{esc(more)}\n"
        "相近说法已合并。点「加为…的问法」把问题加入该条目并立即生效；点「忽略」不再列出。",
    )
    for index, group in enumerate(shown, 1):
        await reply_html(
            update, context, esc(format_group(index, group, engine.knowledge)), group_markup(group, engine.knowledge)
        )


def pack_dir(context: CustomContext, entry_id: str | None = None, folder: str | None = None) -> Path:
    """The pack an admin's edit goes to: KNOWLEDGE_DIR itself when it is one pack; else the pack
    holding the entry, the pack folder named, or the latest report's pack."""
    root = Path(context.settings.knowledge_dir)
    if is_pack(root):
        return root
    if entry_id:
        owner = context.engine.pack_of(entry_id)
        if owner is not None:
            return owner.knowledge.directory
    if folder and (root / folder).is_dir() and is_pack(root / folder):
        return root / folder
    return context.engine.latest.directory


def _pack_arg(context: CustomContext) -> tuple[Path, list[str]]:
    """`/backups [包]`, `/rollback [包] [文件]`: an optional pack folder as the first argument."""
    args = list(context.args or [])
    root = Path(context.settings.knowledge_dir)
    if args and not is_pack(root) and (root / args[0]).is_dir():
        return root / args[0], args[1:]
    return pack_dir(context), args


@admin_only("add_phrasing")
async def add_phrasing_button(update: Update, context: CustomContext) -> None:
    """`ua:<query id>:<entry id>`: add the question as an alternate / alias of the entry."""
    query = update.callback_query
    qid, _, entry_id = callback_value(update).partition(":")
    storage = context.storage
    text = await storage.aquery_text(int(qid)) if storage is not None and qid.isdigit() else None
    knowledge = context.engine.knowledge
    if text is None or entry_id not in knowledge.entries:
        await stale(update, "这个问题或条目已不存在（记录可能已过期或条目已删除）。")
        return
    await query.answer("正在添加并重新加载……")
    title = knowledge.entries[entry_id].title
    directory = pack_dir(context, entry_id)
    result = await asyncio.to_thread(kb_edit.add_phrasing, directory, entry_id, text, validate_isolated)
    phrasing = kb_edit.clean_phrasing(text)
    if not result.ok:
        await audit(update, context, "add_phrasing_failed", f"{entry_id}: {phrasing}")
        lines = [f"「{esc(phrasing)}」", f"❌ {esc(result.message)}"]
        lines += problem_lines(result.problems, directory)
        await edit_or_send(update, context, "\n".join(lines))
        return
    await audit(update, context, "add_phrasing", f"{entry_id}: {phrasing}")
    lines = [f"「{esc(phrasing)}」", f"✅ {esc(result.message)}"]
    if result.changed:
        lines.append(await _reload_after_edit(context))
    now = context.engine.respond(phrasing)
    if now.status == "answer" and now.entry_id == entry_id:
        lines.append(f"现在这个问题会直接回答「{esc(title)}」。")
    else:
        lines.append(
            f"注意：这个问题目前仍得到“{esc({'clarify': '您是想问', 'fallback': '未找到'}.get(now.status, now.status))}”，"
            "可能还需要调整同义词或其他问法。"
        )
    await edit_or_send(update, context, "\n".join(lines))


@admin_only("dismiss")
async def dismiss_button(update: Update, context: CustomContext) -> None:
    """`ud:<query id>`: hide the question and its near-duplicates from /unanswered."""
    qid = callback_value(update)
    storage = context.storage
    admin = update.effective_user.id if update.effective_user else None
    text = await storage.adismiss(int(qid), admin) if storage is not None and qid.isdigit() else None
    if text is None:
        await stale(update, "这个问题的记录已不存在（可能已过期）。")
        return
    await update.callback_query.answer("已忽略")
    await audit(update, context, "dismiss", text[:200])
    await edit_or_send(update, context, f"「{esc(text)}」\n🙈 已忽略：它和相近的问题不再出现在 /unanswered 中。")


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
    await reply_html(update, context, f"✅ 已替换 {esc(shown)}。{backup}\n" + await _reload_after_edit(context))


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
    outcome = await asyncio.to_thread(import_uploaded_report, root, document.file_name or "report.txt", data, caption)
    if isinstance(outcome, str):
        await audit(update, context, "import_rejected", outcome[:200])
        await reply_html(update, context, outcome)
        return
    await audit(update, context, "import", f"{outcome.directory.name}: {outcome.counts}")
    await reply_html(update, context, "✅ " + esc(outcome.describe()) + "\n" + await _reload_after_edit(context))


@admin_only("backups")
async def backups_command(update: Update, context: CustomContext) -> None:
    directory, _ = _pack_arg(context)
    found = await asyncio.to_thread(kb_backups.list_backups, directory, None, True)
    backups = [b for b in found if not b.damage]
    damaged = [b for b in found if b.damage]
    await audit(update, context, "backups", f"{len(backups)} good, {len(damaged)} damaged")
    if not found:
        await reply_html(update, context, "还没有备份。每次通过机器人修改知识库文件时会自动备份旧版本。")
        return
    lines = [f"<b>知识库备份</b>（共 {len(backups)} 份，北京时间，新的在前）"]
    for backup in backups[:20]:
        note = "（回滚时替换下来的版本）" if backup.undone else ""
        lines.append(f"· {esc(backup.file)} {backup.label}{note}")
    if len(backups) > 20:
        lines.append(f"……另有 {len(backups) - 20} 份")
    if damaged:
        lines += ["", f"⚠️ <b>损坏的备份</b>（{len(damaged)} 份，回滚时会跳过，可在服务器上删除）："]
        lines += [f"· {esc(b.path.name)}：{esc(b.damage)}" for b in damaged[:10]]
        if len(damaged) > 10:
            lines.append(f"……另有 {len(damaged) - 10} 份")
    lines += [
        "",
        f"备份保存在服务器的 {esc(str(kb_backups.backup_dir(directory)))}/ 中。",
        "/rollback — 撤销最近一次修改；/rollback faq.yaml — 恢复该文件的上一版；"
        "有多个报告包时可在前面加包名，如 /backups yiyang-2023。",
    ]
    await reply_html(update, context, "\n".join(lines))


@admin_only("rollback")
async def rollback_command(update: Update, context: CustomContext) -> None:
    directory, args = _pack_arg(context)
    name = (args or [None])[0]
    result = await asyncio.to_thread(kb_backups.rollback, directory, name, validate_isolated)
    await audit(
        update,
        context,
        "rollback" if result.ok else "rollback_failed",
        f"{result.file or name or ''}: {result.message}",
    )
    lines = [("✅ " if result.ok else "❌ ") + esc(result.message)]
    lines += problem_lines(result.problems, directory)
    if result.ok and result.changed:
        lines.append(await _reload_after_edit(context))
    await reply_html(update, context, "\n".join(lines))


# --- jobs ------------------------------------------------------------------------------


async def storage_health_job(context: CustomContext) -> None:
    """Every 30 s: notice a deleted or unwritable database, write held records, tell admins."""
    storage = context.storage
    if storage is None:
        return
    await storage.acheck()
    await report_storage(context.application)


async def prune_job(context: CustomContext) -> None:
    storage = context.storage
    if storage is None:
        return
    days = context.settings.retention_days
    removed = await storage.aprune(days)
    await asyncio.to_thread(storage.journal_prune)  # answered updates' ids, after two days
    logger.info("retention: removed rows older than %s days: %s", days, removed)


def yesterday(now: datetime | None = None) -> tuple[float, float, str]:
    """[start, end) of yesterday in Beijing time, and its date."""
    now = (now or datetime.now(BEIJING)).astimezone(BEIJING)
    end = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=1)
    return start.timestamp(), end.timestamp(), start.strftime("%Y-%m-%d")


async def digest_text(context: CustomContext, now: datetime | None = None) -> str | None:
    storage = context.storage
    if storage is None:
        return None
    since, until, day = yesterday(now)
    engine = context.engine
    stats = await storage.astats(since=since, until=until)
    groups = await storage.aunanswered(since=since, until=until, engine=engine, limit=5)
    text = format_stats(stats, engine.knowledge, title=f"每日摘要：{day}")
    first, _, rest = text.partition("\n")
    html = f"<b>{esc(first)}</b>\n{esc(rest)}"
    if groups:
        html += "\n\n<b>昨天新的未答上问题</b>\n" + "\n".join(
            esc(f"{i}. {g.text} × {g.count}") for i, g in enumerate(groups, 1)
        )
        html += "\n发送 /unanswered 逐条处理。"
    return html


async def digest_job(context: CustomContext) -> None:
    html = await digest_text(context)
    if html:
        await send_to_admins(context.application, html)


def schedule_jobs(application: Application) -> None:
    queue = application.job_queue
    if queue is None:
        logger.warning("no job queue (install python-telegram-bot[job-queue]): no pruning, no digest")
        return
    settings = application.bot_data.settings
    queue.run_repeating(prune_job, interval=timedelta(days=1), first=timedelta(minutes=1), name="retention")
    queue.run_repeating(
        storage_health_job, interval=HEALTH_CHECK_SECONDS, first=HEALTH_CHECK_SECONDS, name="storage-health"
    )
    if settings.digest_time:
        hour, minute = map(int, settings.digest_time.split(":"))
        queue.run_daily(digest_job, time=dtime(hour, minute, tzinfo=BEIJING), name="digest")
        logger.info("daily digest at %s Beijing time", settings.digest_time)


# --- start-up and shutdown -----------------------------------------------------------


async def set_admin_commands(application: Application) -> None:
    """Give each admin a command menu with the admin commands too."""
    from .app import COMMANDS  # app imports this module; import when used

    commands = [BotCommand(c, d) for c, d in COMMANDS + ADMIN_COMMANDS]
    for admin_id in sorted(application.bot_data.settings.admin_ids):
        try:
            await application.bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            logger.info("admin command menu for %s not set: %s", admin_id, exc)


async def on_start(application: Application) -> None:
    """Open the storage, start the knowledge watcher, schedule the daily jobs."""
    bot_data = application.bot_data
    settings = bot_data.settings
    if bot_data.storage is None:
        bot_data.storage = await asyncio.to_thread(lambda: Storage.open(settings.data_dir, hash_key=settings.hash_key))
        logger.info("usage database: %s", bot_data.storage.path)
    reloader = bot_data.reloader
    await asyncio.to_thread(reloader.mark_loaded)

    async def notify(result: ReloadResult) -> None:
        knowledge = bot_data.holder.engine.knowledge
        await send_to_admins(
            application, reload_html(result, knowledge, settings.knowledge_dir, "知识库文件有变化，已自动检查：")
        )

    reloader.start(notify)
    schedule_jobs(application)
    await set_admin_commands(application)


async def on_stop(application: Application) -> None:
    reloader = application.bot_data.reloader
    if reloader is not None:
        await reloader.stop()


async def on_shutdown(application: Application) -> None:
    await on_stop(application)
    storage, application.bot_data.storage = application.bot_data.storage, None
    if storage is not None:
        await storage.aclose()


class _KnowledgeUpload(filters.MessageFilter):
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


def register(application: Application) -> None:
    """Register the admin handlers (call before the catch-all handlers)."""
    new_message = filters.UpdateType.MESSAGE
    for name, handler in (
        ("admin", admin_help),
        ("reload", reload_command),
        ("stats", stats_command),
        ("unanswered", unanswered_command),
        ("backups", backups_command),
        ("rollback", rollback_command),
    ):
        application.add_handler(CommandHandler(name, handler, filters=new_message))
    application.add_handler(CallbackQueryHandler(add_phrasing_button, pattern=r"^ua:"))
    application.add_handler(CallbackQueryHandler(dismiss_button, pattern=r"^ud:"))
    admins = application.bot_data.settings.admin_ids if application.bot_data.settings else frozenset()
    application.add_handler(
        MessageHandler(new_message & filters.ChatType.PRIVATE & _KnowledgeUpload(admins), upload_document)
    )
