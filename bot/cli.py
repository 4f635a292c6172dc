"""Command line: `python -m bot [ask|chat|validate|run|web|settings|report|unanswered|import|bench|tune] …`.

Nothing here imports `telegram` except the `run` command, which loads the app lazily;
likewise only the `web` command imports the `web` package (Starlette, uvicorn). Help is in
Chinese: `ChineseParser` is the parser class of every command, including the sub-commands
other modules register.
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
    from bot.knowledge.sameas import same_report_warnings

    for warning in same_report_warnings(directory):
        print(f"注意：{warning}", file=sys.stderr)
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
            print(f"  其中 {kb.drafts} 条仍是草稿（draft: true）：请逐条审核（python -m bot review 包文件夹）。")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """One question, or one per stdin line (`-`); the reply with its suggestions numbered
    as `chat` shows them, or one JSON object per question."""
    from bot.chat import render

    engine = _engine(settings)
    questions = (line.rstrip("\r\n") for line in sys.stdin) if args.question == "-" else [args.question]
    for number, question in enumerate(questions):
        response = engine.respond(question)
        if args.json:
            print(json.dumps(response.to_json(), ensure_ascii=False), flush=True)
        else:
            shown, _ = render(response, engine.knowledge)
            print(("\n" if number else "") + shown, flush=True)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import run_chat

    engine = _engine(settings)
    if getattr(args, "no_record", False):
        return run_chat(engine, settings)
    from bot.storage.database import Storage

    storage = Storage.open(settings.data_dir, hash_key=settings.hash_key)
    try:
        return run_chat(engine, settings, storage=storage)
    finally:
        storage.close()


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.has_token:
        print("TELEGRAM_BOT_TOKEN: not set — put it in .env or the environment (see .env.example)", file=sys.stderr)
        return 2
    from handlers.app import run_bot  # imports telegram; only this command needs it

    return run_bot(settings)


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    """Print `.env.example`: every setting with its default and description (bot/config.py)."""
    from bot.config import env_example

    print(env_example(), end="")
    return 0


def cmd_web(args: argparse.Namespace, settings: Settings) -> int:
    from web.server import run_web  # imports starlette and uvicorn; only this command needs them

    return run_web(settings, host=args.host, port=args.port, workers=args.workers)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"端口应为 1–65535 的整数，收到 {text!r}")
    return int(text)


def _workers(text: str) -> int:
    from bot.config import MAX_WEB_WORKERS

    if not text.isdigit() or not 1 <= int(text) <= MAX_WEB_WORKERS:
        raise argparse.ArgumentTypeError(f"工作进程数应为 1–{MAX_WEB_WORKERS} 的整数，收到 {text!r}")
    return int(text)


def cmd_default(args: argparse.Namespace, settings: Settings) -> int:
    if settings.has_token:
        return cmd_run(args, settings)
    print(
        "未设置 TELEGRAM_BOT_TOKEN，启动终端问答。连接 Telegram：在 .env 中设置 TELEGRAM_BOT_TOKEN 后运行 python -m bot run。"
    )
    return cmd_chat(args, settings)


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """ArgumentParser with its help in Chinese: usage line, section titles, -h, errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("metavar", "命令")
        return super().add_subparsers(**kwargs)

    def error(self, message: str):
        for english, chinese in _ARGPARSE_MESSAGES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")


# argparse's own error wording, in Chinese
_ARGPARSE_MESSAGES = (
    ("the following arguments are required: ", "缺少参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "没有这个命令或选项："),
    ("(choose from ", "（可选："),
    ("expected one argument", "需要一个值"),
    ("invalid int value: ", "应为整数，收到 "),
    ("invalid float value: ", "应为数字，收到 "),
    ("argument ", "参数 "),
)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(
        prog="python -m bot",
        description="益阳法治问答：回答《益阳市法治政府建设情况》报告中的问题。不带命令时：设置了 "
        "TELEGRAM_BOT_TOKEN 则启动 Telegram 机器人，否则启动终端问答。",
    )
    parser.add_argument("--knowledge", metavar="DIR", help="知识库文件夹（默认：KNOWLEDGE_DIR 或 knowledge/）")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser(
        "ask",
        help="回答一个问题（问题写 - 则逐行读取标准输入）",
        description="回答一个问题，相关问题编号列在回答下方。",
    )
    p.add_argument("question", metavar="QUESTION", help="要问的问题；写 - 则每行一个问题")
    p.add_argument("--json", action="store_true", help="每个问题输出一个 JSON 对象")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser(
        "chat",
        help="终端问答（可连续追问，输入编号选择建议；问题像其他渠道一样记录）",
        description="终端问答：输入问题，或输入回答下方的编号。",
    )
    p.add_argument("--no-record", action="store_true", help="不把问题记入使用记录")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("validate", help="校验知识库文件，问题按 文件:行号: 说明 列出", description="校验知识库文件。")
    p.add_argument("dir", nargs="?", metavar="DIR", help="要校验的知识库文件夹（默认：KNOWLEDGE_DIR）")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--memory-mb", type=int, default=0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "run", help="启动 Telegram 机器人", description="启动 Telegram 机器人（需要 TELEGRAM_BOT_TOKEN）。"
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("web", help="启动网页版问答和 HTTP 接口", description="启动网页版问答和 HTTP 接口。")
    p.add_argument("--host", metavar="HOST", help="监听地址（默认：WEB_HOST 或 127.0.0.1）")
    p.add_argument("--port", type=_port, metavar="PORT", help="监听端口（默认：WEB_PORT 或 8080）")
    p.add_argument(
        "--workers", type=_workers, metavar="N", help="工作进程数（默认：WEB_WORKERS，或本机 CPU 核数，最多 4 个）"
    )
    p.set_defaults(func=cmd_web)

    p = sub.add_parser(
        "settings",
        help="列出全部配置项及默认值（即 .env.example 的内容）",
        description="列出全部配置项、默认值和说明；python -m bot settings > .env.example 可重新生成示例文件。",
    )
    p.set_defaults(func=cmd_settings)

    for extra in _extra_commands():
        extra(sub)
    return parser


def _extra_commands():
    """Sub-commands that live in their own modules (admin reports, import, benchmarks)."""
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
