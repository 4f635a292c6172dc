"""Command line: `python -m bot [ask|chat|validate|run|web|report|unanswered|bench] …`.

Nothing here imports `telegram` except the `run` command, which loads the app lazily;
likewise only the `web` command imports the `web` package (Starlette, uvicorn).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings
from bot.knowledge.load import load_knowledge
from bot.knowledge.model import KnowledgeError
from bot.storage.health import StorageError


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    if getattr(args, "knowledge", None):
        from dataclasses import replace

        settings = replace(settings, knowledge_dir=Path(args.knowledge))
    return settings


def _engine(settings: Settings):
    from bot.engine.engine import Engine
    from bot.knowledge.packs import load_library

    return Engine(load_library(settings.knowledge_dir, strict=True))


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    directory = Path(args.dir) if args.dir else settings.knowledge_dir
    if args.memory_mb:
        from bot.knowledge.isolated import limit_memory

        limit_memory(args.memory_mb)
    from bot.knowledge.packs import pack_dirs, validate_library

    problems = validate_library(directory)
    if args.json:  # for bot.knowledge.isolated: one JSON list of problems
        print(json.dumps([[p.path, p.line, p.message] for p in problems], ensure_ascii=False))
        return 1 if problems else 0
    if problems:
        base = Path(args.dir) if args.dir else Path.cwd()  # paths as the admin typed them
        for problem in problems:
            print(problem.relative_to(base))
        print(f"共发现 {len(problems)} 个问题，请逐条修正后再运行本命令。", file=sys.stderr)
        return 1
    for pack in pack_dirs(directory):
        kb = load_knowledge(pack)
        label = f"{pack.name}（{kb.place}{kb.year or ''}）：" if pack != Path(directory) else ""
        print(
            f"校验通过：{label}指标 {len(kb.metrics)} 条，问答 {len(kb.faqs)} 条，主题 {len(kb.topics)} 个，"
            f"同义词 {len(kb.synonym_groups)} 组，问法 {sum(len(e.phrasings) for e in kb.entries.values())} 种"
        )
        if kb.drafts:
            print(f"  其中 {kb.drafts} 条仍是草稿（draft: true）：请逐条审核，确认后删除该标记。")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)
    if args.question == "-":
        for line in sys.stdin:
            question = line.rstrip("\r\n")
            response = engine.respond(question)
            if args.json:
                print(json.dumps(response.to_json(), ensure_ascii=False), flush=True)
            else:
                print(response.text + "\n", flush=True)
        return 0
    response = engine.respond(args.question)
    if args.json:
        print(json.dumps(response.to_json(), ensure_ascii=False))
    else:
        print(response.text)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import run_chat

    return run_chat(_engine(settings), settings)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.has_token:
        print("TELEGRAM_BOT_TOKEN: not set — put it in .env or the environment (see .env.example)", file=sys.stderr)
        return 2
    from handlers.app import run_bot  # imports telegram; only this command needs it

    return run_bot(settings)


def cmd_web(args: argparse.Namespace, settings: Settings) -> int:
    from web.server import run_web  # imports starlette and uvicorn; only this command needs them

    return run_web(settings, host=args.host, port=args.port, workers=args.workers)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 1-65535, got {text!r}")
    return int(text)


def _workers(text: str) -> int:
    from bot.config import MAX_WEB_WORKERS

    if not text.isdigit() or not 1 <= int(text) <= MAX_WEB_WORKERS:
        raise argparse.ArgumentTypeError(f"expected a number of worker processes 1-{MAX_WEB_WORKERS}, got {text!r}")
    return int(text)


def cmd_default(args: argparse.Namespace, settings: Settings) -> int:
    if settings.has_token:
        return cmd_run(args, settings)
    print(
        "未设置 TELEGRAM_BOT_TOKEN，启动终端问答。连接 Telegram：在 .env 中设置 TELEGRAM_BOT_TOKEN 后运行 python -m bot run。"
    )
    return cmd_chat(args, settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="益阳法治问答")
    parser.add_argument("--knowledge", metavar="DIR", help="knowledge folder (default: KNOWLEDGE_DIR or knowledge/)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("ask", help="answer one question (or '-' for one per stdin line)")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print one JSON object per question")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="interactive terminal chat")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("validate", help="check the knowledge files; errors as path:line: message")
    p.add_argument("dir", nargs="?")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--memory-mb", type=int, default=0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("run", help="start the Telegram bot")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("web", help="serve the HTTP API and the chat page")
    p.add_argument("--host", help="address to listen on (default: WEB_HOST or 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port to listen on (default: WEB_PORT or 8080)")
    p.add_argument(
        "--workers", type=_workers, metavar="N", help="worker processes (default: WEB_WORKERS, or the CPUs, at most 4)"
    )
    p.set_defaults(func=cmd_web)

    for extra in _extra_commands():
        extra(sub)
    return parser


def _extra_commands():
    """Sub-commands that live in their own modules (admin reports, benchmarks)."""
    found = []
    for name in ("bot.admin.cli", "benchmarks.bench", "benchmarks.tune", "bot.importer.cli"):
        try:
            module = __import__(name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.append(module.register)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = _settings(args)
        func = getattr(args, "func", cmd_default)
        return func(args, settings)
    except ConfigError as exc:
        print(f"配置错误 {exc}", file=sys.stderr)
        return 2
    except StorageError as exc:  # one line naming the path and DATA_DIR
        print(str(exc), file=sys.stderr)
        return 2
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem.relative_to(Path.cwd()), file=sys.stderr)
        print("知识库校验失败，请修正以上问题（python -m bot validate）。", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
