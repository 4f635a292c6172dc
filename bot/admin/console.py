"""`python -m bot admin`: every Telegram admin action in the terminal, for admins without Telegram.

    u [天数]            未答上或需要追问的问题（相近说法已合并），每组列出最接近的条目
    a 组号 条目号        把该组的问题加为该条目的问法（与 Telegram 的「加为…的问法」相同）
    i 组号              忽略该组（不再列出）
    b [包]              备份列表
    r [包] [文件]        回滚：恢复上一版（默认：最近一次修改）
    v                   校验知识库
    q                   退出

Edits go through `bot.knowledge.edit` with the same validation and backups as in Telegram, and
each action is written to the admin audit table like the Telegram ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.knowledge import backups, edit
from bot.knowledge.validate import validate_dir

HELP = (
    "命令：u [天数] 未答问题 · a 组号 条目号 加为问法 · i 组号 忽略 · b [包] 备份 · "
    "r [包] [文件] 回滚 · v 校验 · h 帮助 · q 退出"
)


class Console:
    def __init__(self, settings: Settings, stdin: TextIO, stdout: TextIO, storage=None):
        self.settings = settings
        self.root = Path(settings.knowledge_dir)
        self.stdin, self.stdout = stdin, stdout
        self.storage = storage
        self.groups: list = []
        self.engine = None

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def _engine(self):
        from bot.engine.engine import Engine
        from bot.knowledge.packs import load_library

        if self.engine is None:
            self.engine = Engine(load_library(self.root))
        return self.engine

    def _audit(self, action: str, detail: str) -> None:
        if self.storage is not None:
            self.storage.log_admin(user_id=None, action=f"terminal_{action}", detail=detail)

    def _pack(self, name: str | None, entry_id: str | None = None) -> tuple[Path, bool]:
        """The pack an edit goes to (as in Telegram): the root when it is one pack, else the
        pack named, the pack holding the entry, or the latest report's pack; and whether
        `name` named a pack."""
        from bot.knowledge.packs import is_pack

        if is_pack(self.root):
            return self.root, False
        if name and is_pack(self.root / name):
            return self.root / name, True
        if entry_id:
            owner = self._engine().pack_of(entry_id)
            if owner is not None:
                return owner.knowledge.directory, False
        return self._engine().latest.directory, False

    def run(self) -> int:
        self.say("益阳法治问答 · 终端管理。" + HELP)
        while True:
            print("管理> ", end="", file=self.stdout, flush=True)
            line = self.stdin.readline()
            if not line:
                break
            parts = line.split()
            if not parts:
                continue
            command, args = parts[0].lower(), parts[1:]
            if command in ("q", "quit", "exit", "退出"):
                break
            handler = {
                "u": self.unanswered,
                "a": self.add,
                "i": self.ignore,
                "b": self.backups,
                "r": self.rollback,
                "v": self.validate,
                "h": lambda _args: self.say(HELP),
            }.get(command)
            if handler is None:
                self.say(f"没有这个命令：{command}。" + HELP)
                continue
            handler(args)
        self.say("再见！")
        return 0

    # --- the unanswered list ----------------------------------------------------------

    def unanswered(self, args: list[str]) -> None:
        from bot.admin.reports import format_group

        if self.storage is None:
            self.say("使用记录数据库未打开（DATA_DIR），无法列出未答问题。")
            return
        days = 7
        if args:
            if not args[0].isdigit() or not 1 <= int(args[0]) <= 365:
                self.say("用法：u [天数]，天数为 1～365 的整数。")
                return
            days = int(args[0])
        engine = self._engine()
        self.groups = self.storage.unanswered(days, engine, limit=30)
        self._audit("unanswered", str(days))
        if not self.groups:
            self.say(f"最近 {days} 天没有未答上的问题。")
            return
        self.say(f"最近 {days} 天未答上或需要追问的问题（相近说法已合并）：")
        for index, group in enumerate(self.groups, 1):
            self.say(format_group(index, group, engine.knowledge))
            for number, closest in enumerate(group.closest, 1):
                entry = engine.knowledge.entries.get(closest.entry_id)
                if entry is not None:
                    self.say(f"    条目{number}：{entry.title}（{entry.id}）")
        self.say("加为问法：a 组号 条目号（如 a 1 2）；忽略：i 组号。")

    def _group(self, text: str):
        if not text.isdigit() or not 1 <= int(text) <= len(self.groups):
            self.say("组号不对：请先用 u 列出未答问题，再写列表中的组号。")
            return None
        return self.groups[int(text) - 1]

    def add(self, args: list[str]) -> None:
        if len(args) != 2:
            self.say("用法：a 组号 条目号（如 a 1 2：把第 1 组的问题加为它的第 2 个候选条目的问法）。")
            return
        group = self._group(args[0])
        if group is None:
            return
        closest = group.closest
        if not args[1].isdigit() or not 1 <= int(args[1]) <= len(closest):
            self.say(f"条目号不对：第 {args[0]} 组有 {len(closest)} 个候选条目。")
            return
        entry_id = closest[int(args[1]) - 1].entry_id
        directory, _ = self._pack(None, entry_id)
        result = edit.add_phrasing(directory, entry_id, group.text, validate_dir)
        self._audit("add_phrasing" if result.ok else "add_phrasing_failed", f"{entry_id}: {group.text}")
        self.say(("✅ " if result.ok else "❌ ") + result.message)
        for line in result.problem_lines(short=True)[:10]:
            self.say(f"  {line}")
        if result.ok and result.changed:
            self.engine = None  # the next question reads the edited files
            now = self._engine().respond(group.text)
            if now.status == "answer" and now.entry_id == entry_id:
                self.say("现在这个问题会直接回答该条目。")
            else:
                self.say("注意：这个问题目前仍未直接回答，可能还需要调整同义词或其他问法。")

    def ignore(self, args: list[str]) -> None:
        if len(args) != 1:
            self.say("用法：i 组号")
            return
        group = self._group(args[0])
        if group is None:
            return
        text = self.storage.dismiss(group.query_id, None)
        if text is None:
            self.say("这个问题的记录已不存在（可能已过期）。")
            return
        self._audit("dismiss", text[:200])
        self.say(f"已忽略「{text}」：它和相近的问题不再列出。")

    # --- backups, rollback, validation --------------------------------------------------

    def backups(self, args: list[str]) -> None:
        directory, _ = self._pack(args[0] if args else None)
        found = backups.list_backups(directory, None, True)
        self._audit("backups", str(len(found)))
        if not found:
            self.say("还没有备份。每次修改知识库文件时会自动备份旧版本。")
            return
        good = [b for b in found if not b.damage]
        self.say(f"{directory.name} 的备份（共 {len(good)} 份，北京时间，新的在前）：")
        for backup in good[:20]:
            self.say(f"  · {backup.file} {backup.label}" + ("（回滚时替换下来的版本）" if backup.undone else ""))
        for backup in [b for b in found if b.damage][:10]:
            self.say(f"  ⚠️ 损坏：{backup.path.name}：{backup.damage}")
        self.say("回滚：r [包] [文件]，如 r 或 r faq.yaml。")

    def rollback(self, args: list[str]) -> None:
        directory, named = self._pack(args[0] if args else None)
        rest = args[1:] if named else args
        result = backups.rollback(directory, rest[0] if rest else None, validate_dir)
        self._audit("rollback" if result.ok else "rollback_failed", f"{result.file}: {result.message}")
        self.say(("✅ " if result.ok else "❌ ") + result.message)
        for line in result.problem_lines(short=True)[:10]:
            self.say(f"  {line}")
        self.engine = None

    def validate(self, args: list[str]) -> None:
        from bot.knowledge.packs import validate_library
        from bot.knowledge.sameas import same_report_warnings

        problems = validate_library(self.root)
        for problem in problems[:30]:
            self.say(str(problem))
        for warning in same_report_warnings(self.root):
            self.say("注意：" + warning)
        self.say("知识库校验通过。" if not problems else f"共 {len(problems)} 个问题。")


def run_console(settings: Settings, stdin: TextIO, stdout: TextIO) -> int:
    from bot.storage.database import Storage
    from bot.storage.health import StorageError

    try:
        storage = Storage.open(settings.data_dir, hash_key=settings.hash_key)
    except StorageError as exc:
        print(f"注意：{exc}（未答问题列表不可用，其余功能照常）", file=stdout)
        storage = None
    try:
        return Console(settings, stdin, stdout, storage).run()
    finally:
        if storage is not None:
            storage.close()
