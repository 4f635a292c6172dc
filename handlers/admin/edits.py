"""What the commands that change the knowledge share: which pack an edit goes to, and the
reload outcome and validation problems as HTML lines (paths relative to the knowledge folder)."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.model import Knowledge, Problem
from bot.knowledge.packs import is_pack
from bot.knowledge.reload import ReloadResult
from bot.text.preview import preview
from handlers.context import CustomContext
from handlers.render import esc

MAX_PROBLEMS_SHOWN = 25
PROBLEM_CHARS = 200  # each problem's message is cut to this many characters


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


async def reload_after_edit(context: CustomContext) -> str:
    """Reload after a file change; the HTML line describing the outcome."""
    settings = context.settings
    result = await context.reloader.reload("edit")
    return reload_html(result, context.engine.knowledge, settings.knowledge_dir)


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


def pack_arg(context: CustomContext) -> tuple[Path, list[str]]:
    """`/backups [包]`, `/rollback [包] [文件]`: an optional pack folder as the first argument."""
    args = list(context.args or [])
    root = Path(context.settings.knowledge_dir)
    if args and not is_pack(root) and (root / args[0]).is_dir():
        return root / args[0], args[1:]
    return pack_dir(context), args
