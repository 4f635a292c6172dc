"""/start and /help: what the bot answers, example questions, commands, a topic keyboard."""

from __future__ import annotations

from telegram import Update

from bot.answers.compose import examples

from .common import reply_html
from .context import CustomContext
from .render import esc, keyboard, topic_rows

REPORT = "《益阳市2023年法治政府建设情况》"


def _example_lines(context: CustomContext) -> list[str]:
    return [f"· {esc(s.question)}" for s in examples(context.engine.knowledge)]


async def start(update: Update, context: CustomContext) -> None:
    """Welcome the user, show example questions and a keyboard of report sections."""
    knowledge = context.engine.knowledge
    user = update.effective_user
    name = f"，{esc(user.first_name)}" if user and user.first_name else ""
    lines = [
        f"<b>您好{name}！我是益阳法治问答。</b>",
        f"我回答{REPORT}报告中的问题：政务服务、放管服改革、营商环境、立法与决策、"
        "行政执法、矛盾纠纷化解、公共法律服务等方面的做法和数据。",
        "",
        "直接发文字提问，例如：",
    ]
    lines += _example_lines(context)
    lines += ["", "也可以点下面的主题浏览，或发送 /help 查看全部命令。"]
    sections = [t.id for t in knowledge.sections()]
    await reply_html(update, context, "\n".join(lines), keyboard(topic_rows(knowledge, sections)))


async def help_command(update: Update, context: CustomContext) -> None:
    """List example questions, commands, group use, inline mode and follow-ups."""
    ttl = context.settings.context_ttl_minutes
    username = context.bot.username or "本机器人"
    lines = ["<b>使用帮助</b>", "直接用中文提问，也可以只发关键词，例如："]
    lines += _example_lines(context)
    lines += [
        "",
        "<b>命令</b>",
        "/topics — 按主题浏览",
        "/data 关键词 — 查数据，如 /data 执法记录仪；只发 /data 列出主题",
        "/ask 问题 — 在群组中提问",
        "/help — 显示本帮助",
        "",
        f"<b>追问</b>：回答后可以接着问，如“那成功率呢？”（{ttl} 分钟内有效）。",
        "<b>群组</b>：@我、回复我的消息，或用 /ask 问题。",
        f"<b>内联模式</b>：在任意聊天输入 @{esc(username)} 关键词，把数据直接发到聊天中。",
        f"回答内容全部来自{REPORT}。",
    ]
    await reply_html(update, context, "\n".join(lines))
