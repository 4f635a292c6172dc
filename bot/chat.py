"""Interactive terminal chat: the same engine and follow-up context as Telegram."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from bot.config import Settings
from bot.engine.engine import Conversation, Engine

WELCOME = (
    "益阳法治问答（终端版）。请输入问题，例如“首违不罚了多少家企业”。"
    "输入数字可选择上面的建议；输入 q 或按 Ctrl-D 退出。"
)


def run_chat(
    engine: Engine, settings: Settings, stdin: TextIO | None = None, stdout: TextIO | None = None, storage=None
) -> int:
    """`storage`: record each question (channel "terminal") as Telegram and the web do."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    conversation = Conversation(ttl_seconds=settings.context_ttl_minutes * 60)
    interactive = stdin.isatty()
    print(WELCOME, file=stdout)
    suggestions: list = []
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            break
        if not line:
            break
        text = line.strip()
        if text.lower() in ("q", "quit", "exit", "退出"):
            break
        started = time.perf_counter()
        if text.isdigit() and 1 <= int(text) <= len(suggestions):
            response = engine.answer_entry(suggestions[int(text) - 1].id, conversation)
        else:
            response = engine.respond(text, conversation)
        if storage is not None and text:
            storage.log_query(
                user_id=None,
                chat_type="private",
                text=text,
                status=response.status,
                entry_id=response.entry_id,
                score=response.score,
                latency_ms=(time.perf_counter() - started) * 1000,
                kind=response.kind,
                channel="terminal",
            )
        suggestions = response.suggestions
        print(response.text, file=stdout)
        if response.status == "answer" and suggestions:
            print("相关问题：" + "  ".join(f"{i}. {s.question}" for i, s in enumerate(suggestions, 1)), file=stdout)
        print(file=stdout, flush=True)
    print("再见！", file=stdout)
    return 0
