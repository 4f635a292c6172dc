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
    from bot.storage.database import Storage

    storage = Storage.open(settings.data_dir, hash_key=settings.hash_key)
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
    from bot.storage.database import Storage

    library = _library(settings)
    engine = knowledge = None
    if library is not None:
        from bot.engine.engine import Engine

        engine = Engine(library)
        knowledge = engine.knowledge
    storage = Storage.open(settings.data_dir, hash_key=settings.hash_key)
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
        raise argparse.ArgumentTypeError(f"expected a number of days, got {text!r}") from None
    if not 0 < value <= 3650:
        raise argparse.ArgumentTypeError("days must be between 0 and 3650")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="usage figures (the same as /stats in Telegram)")
    p.add_argument("--days", type=_days, default=7, metavar="N", help="the last N days (default 7)")
    p.add_argument("--csv", metavar="FILE", help="also write the figures to a CSV file")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("unanswered", help="questions the bot missed or had to clarify, grouped")
    p.add_argument("--days", type=_days, default=7, metavar="N", help="the last N days (default 7)")
    p.add_argument("--limit", type=int, default=30, metavar="K", help="show at most K groups (default 30)")
    p.set_defaults(func=cmd_unanswered)
