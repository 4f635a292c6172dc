"""Admin commands for a desk: `python -m bot report` and `python -m bot unanswered`.

Registered into the main parser by `bot.cli` (see `_extra_commands`). Both read the
database in `DATA_DIR` (the same file the running bot writes; WAL allows both at once).
"""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.knowledge.model import Knowledge, KnowledgeError

# reports/storage are imported inside the commands: this module is imported by every
# `python -m bot …` call (to register its sub-commands) and must stay light.


def _library(settings: Settings, quiet: bool = False):
    """Every pack that loads (a broken one is reported and left out), or None."""
    from bot.knowledge.packs import load_library

    try:
        library = load_library(settings.knowledge_dir)
    except KnowledgeError as exc:
        if not quiet:
            print(
                f"注意：知识库校验失败（{len(exc.problems)} 个问题），以下只显示条目 id。"
                "运行 python -m bot validate 查看详情。",
                file=sys.stderr,
            )
        return None
    if library.problems and not quiet:
        print(
            f"注意：{len(library.failed)} 个报告包校验失败，已略过。运行 python -m bot validate 查看详情。",
            file=sys.stderr,
        )
    return library


def _knowledge(settings: Settings, quiet: bool = False) -> Knowledge | None:
    """The catalog of every pack (titles for the reports)."""
    from bot.knowledge.packs import catalog

    library = _library(settings, quiet)
    return catalog(library.packs) if library is not None else None


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from bot.admin.reports import format_stats, write_stats_csv
    from bot.storage.postgres import open_usage_store

    storage = open_usage_store(settings)  # PostgreSQL with DATABASE_URL: every instance's records
    try:
        stats = storage.stats(args.days)
    finally:
        storage.close()
    knowledge = _knowledge(settings)
    print(format_stats(stats, knowledge))
    if args.csv:
        write_stats_csv(stats, args.csv, knowledge)
        print(f"\n已写入 {args.csv}")
    return 0


def cmd_unanswered(args: argparse.Namespace, settings: Settings) -> int:
    from bot.admin.reports import format_unanswered
    from bot.storage.postgres import open_usage_store

    library = _library(settings)
    engine = knowledge = None
    if library is not None:
        from bot.engine.engine import Engine

        engine = Engine(library)
        knowledge = engine.knowledge
    storage = open_usage_store(settings)
    try:
        groups = storage.unanswered(args.days, engine, limit=args.limit)
    finally:
        storage.close()
    print(format_unanswered(groups, knowledge, args.days))
    return 0


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"天数应为数字，收到 {text!r}") from None
    if not 0 < value <= 3650:
        raise argparse.ArgumentTypeError("天数应大于 0、不超过 3650")
    return value


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from bot.admin.review import run_review

    directory = Path(args.pack)
    if not directory.exists() and (Path(settings.knowledge_dir) / args.pack).is_dir():
        directory = Path(settings.knowledge_dir) / args.pack
    return run_review(directory, sys.stdin, sys.stdout)


def cmd_admin(args: argparse.Namespace, settings: Settings) -> int:
    from bot.admin.console import run_console

    return run_console(settings, sys.stdin, sys.stdout)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="在终端逐条审核一个报告包中起草的条目",
        description="逐条审核起草的条目：接受、改名、加问法或删除，与 Telegram 中的修改一样校验并备份。",
    )
    p.add_argument("pack", help="报告包文件夹（或知识库文件夹中的包名）")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "admin",
        help="在终端完成 Telegram 中的管理操作（未答上的问题、备份、回滚）",
        description="管理员终端：未答上的问题（加为问法、忽略）、备份列表、回滚。",
    )
    p.set_defaults(func=cmd_admin)

    p = sub.add_parser("report", help="使用统计（与 Telegram 中的 /stats 相同）", description="最近若干天的使用统计。")
    p.add_argument("--days", type=_days, default=7, metavar="N", help="最近 N 天（默认 7）")
    p.add_argument("--csv", metavar="FILE", help="同时把统计写入 CSV 文件")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "unanswered",
        help="未答上或需要追问确认的问题，相近说法合并",
        description="最近若干天未答上或需要追问确认的问题，相近说法合并为一组。",
    )
    p.add_argument("--days", type=_days, default=7, metavar="N", help="最近 N 天（默认 7）")
    p.add_argument("--limit", type=int, default=30, metavar="K", help="最多显示 K 组（默认 30）")
    p.set_defaults(func=cmd_unanswered)
