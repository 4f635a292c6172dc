"""The admin commands and their buttons (only for ADMIN_IDS, in a private chat with the bot):

/admin              the admin commands
/reload             reload the knowledge folder (errors as path:line)
/stats [天数]        usage figures (default 7 days)
/unanswered [天数]   missed and clarified questions, near-duplicates grouped, each with
                    buttons "加为「…」的问法" (ua:<query id>:<entry id>) and "忽略" (ud:<query id>)
/backups [包]        the backups in knowledge/.backups/
/rollback [包] [文件] restore the previous version of a file (default: the last change)
"""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.admin.reports import format_group, format_stats, format_unanswered
from bot.knowledge import backups as kb_backups
from bot.knowledge import edit as kb_edit
from bot.knowledge.isolated import validate_isolated
from bot.knowledge.model import Knowledge
from handlers.admin.auth import admin_only, audit
from handlers.admin.edits import pack_arg, pack_dir, problem_lines, reload_after_edit, reload_html
from handlers.callbacks import callback_value, stale
from handlers.common import edit_or_send, reply_html
from handlers.context import CustomContext
from handlers.menu import ADMIN_COMMANDS
from handlers.render import button, esc, keyboard

NO_STORAGE = "使用记录数据库未启用（机器人启动时打开 DATA_DIR 下的数据库）。"
DEFAULT_DAYS, MAX_DAYS = 7, 365
UNANSWERED_SHOWN = 8  # groups sent by /unanswered, one message each
LABEL_CHARS = 14  # entry titles in button labels are cut to this many characters


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
        lines.append(await reload_after_edit(context))
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


@admin_only("backups")
async def backups_command(update: Update, context: CustomContext) -> None:
    directory, _ = pack_arg(context)
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
    directory, args = pack_arg(context)
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
        lines.append(await reload_after_edit(context))
    await reply_html(update, context, "\n".join(lines))
