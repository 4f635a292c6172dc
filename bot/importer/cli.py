"""`python -m bot import FILE --out DIR [--title T] [--year Y] [--place P]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="由报告文件（.txt、.docx、.html、.pdf）起草知识包",
        description="由报告文件起草知识包：数据、问答、主题和同义词的草稿，需逐条审核。",
    )
    p.add_argument("file", metavar="FILE", help="报告文件")
    p.add_argument("--out", required=True, metavar="DIR", help="写入（或更新）的知识包文件夹")
    p.add_argument("--title", help="报告标题（默认：从正文读取）")
    p.add_argument("--year", type=int, help="报告年份（默认：从正文读取）")
    p.add_argument("--place", help="市或区县（默认：从正文读取）")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace, settings) -> int:
    from bot.importer import ImportInputError
    from bot.importer.isolated import import_isolated

    try:  # in a child process with a time and a memory limit; every failure is one line
        result = import_isolated(
            Path(args.file),
            Path(args.out),
            title=args.title,
            year=args.year,
            place=args.place,
            knowledge_dir=settings.knowledge_dir if settings is not None else None,
        )
    except ImportInputError as exc:
        print(f"导入失败：{exc}", file=sys.stderr)
        return 1
    if not result.ok:
        for problem in result.problems[:50]:
            print(problem, file=sys.stderr)
        print(f"导入失败：起草的知识包有 {len(result.problems)} 个校验问题，未写入任何文件。", file=sys.stderr)
        return 1
    print(result.describe())
    print(f"下一步：python -m bot validate {args.out}（审核草稿后删除 draft: true）")
    return 0
