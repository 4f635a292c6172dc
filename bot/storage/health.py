"""What the bot knows about its database file, and what it tells about it.

`Storage` (bot/storage/database.py) reports to a `StorageHealth` whenever the file is found deleted or
replaced, a write fails (read-only or full disk, I/O error) or writing works again. Each
change of state is logged once as an ERROR (or, on recovery, a WARNING) naming the path and
DATA_DIR, and queued as a short Chinese notice for the admins (`take_notices`); `/stats`
shows `stats_note()` while records are held back or after an incident in its window.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.clock import BEIJING

log = logging.getLogger("bot.storage")

MAX_INCIDENTS = 20


class StorageError(RuntimeError):
    """The database cannot be used; the message names the path (and DATA_DIR)."""


@dataclass(frozen=True)
class Incident:
    ts: float
    text: str  # Chinese, for admins and /stats


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, BEIJING).strftime("%m-%d %H:%M")


def reason_of(exc: BaseException) -> str:
    """A short English reason: the OS or SQLite message, without a traceback."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:160]


class StorageHealth:
    def __init__(self, path: Path, data_dir: Path, clock: Callable[[], float] = time.time, max_held: int = 10_000):
        self.path = path
        self.data_dir = data_dir
        self.clock = clock
        self.max_held = max_held
        self.problem = ""  # the current problem (English); "" while all is well
        self.since: float | None = None
        self.held = 0  # records waiting in memory to be written
        self.dropped = 0  # records lost because the memory queue was full (this incident)
        self.dropped_before = 0  # … in earlier incidents since start (for /stats)
        self.incidents: list[Incident] = []
        self._notices: list[str] = []
        self._lock = threading.Lock()

    @property
    def ok(self) -> bool:
        return not self.problem

    def _record(self, text: str) -> None:
        with self._lock:
            self.incidents = (self.incidents + [Incident(self.clock(), text)])[-MAX_INCIDENTS:]
            self._notices.append(text)

    def take_notices(self) -> list[str]:
        """Notices for the admins since the last call."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    # -- state changes (called by Storage, under its lock)

    def file_recreated(self) -> None:
        log.error(
            "usage database %s was deleted while the bot was running (DATA_DIR=%s); "
            "recreated it from the open connection, no record lost",
            self.path,
            self.data_dir,
        )
        self._record(
            f"⚠️ 使用记录数据库 {self.path} 在运行中被删除（DATA_DIR={self.data_dir}），已自动重建，已有的记录没有丢失。"
        )

    def file_replaced(self) -> None:
        log.warning(
            "usage database %s was replaced by another file while the bot was running "
            "(DATA_DIR=%s); using the new file from now on",
            self.path,
            self.data_dir,
        )
        self._record(
            f"⚠️ 使用记录数据库 {self.path} 在运行中被换成了另一个文件（DATA_DIR={self.data_dir}），"
            "此后的记录写入新文件。"
        )

    def failing(self, what: str, exc: BaseException) -> None:
        """A write failed (or the file vanished and cannot be recreated); logged once."""
        reason = f"{what}: {reason_of(exc)}"
        if self.problem:
            self.problem = reason
            return
        self.problem, self.since = reason, self.clock()
        log.error(
            "usage database %s: %s (DATA_DIR=%s); holding up to %d records in memory and retrying",
            self.path,
            reason,
            self.data_dir,
            self.max_held,
        )
        self._record(
            f"⚠️ 使用记录数据库 {self.path} 无法写入（{reason}；DATA_DIR={self.data_dir}）。"
            f"新的记录暂存在内存中（最多 {self.max_held} 条），恢复后自动写入；"
            "在此之前 /stats 的数字不完整。"
        )

    def recovered(self, written: int) -> None:
        if not self.problem:
            return
        dropped = self.dropped
        log.warning(
            "usage database %s is writable again (DATA_DIR=%s); wrote %d held records%s",
            self.path,
            self.data_dir,
            written,
            f", {dropped} were lost" if dropped else "",
        )
        lost = f"另有 {dropped} 条因暂存已满而丢失。" if dropped else ""
        self._record(f"✅ 使用记录数据库 {self.path} 已恢复写入，暂存的 {written} 条记录已写入。{lost}")
        self.dropped_before += dropped
        self.problem, self.since, self.dropped = "", None, 0

    # -- for /stats

    def stats_note(self, since: float | None = None) -> str:
        """One or two Chinese lines for /stats: a current problem, incidents in the window."""
        lines = []
        if self.problem:
            lines.append(
                f"⚠️ 数据库自 {_when(self.since or self.clock())} 起无法写入（{self.problem}），"
                f"{self.held} 条记录暂存在内存中，以下数字不含这些记录。"
            )
        recent = [i for i in self.incidents if since is None or i.ts >= since]
        if recent and not self.problem:
            last = recent[-1]
            lines.append(
                f"注意：{_when(last.ts)} 数据库出现过问题（共 {len(recent)} 次），详见发给管理员的通知和服务器日志。"
            )
        if self.dropped + self.dropped_before:
            lost = self.dropped + self.dropped_before
            lines.append(f"⚠️ 数据库无法写入期间，内存暂存已满，共有 {lost} 条记录未能保存（自本次启动以来）。")
        return "\n".join(lines)


class Warner:
    """Logs a failing shared-state operation (SQLite file, Redis) at most once a minute; requests
    go on without it."""

    def __init__(self, what: str, every: float = 60.0):
        self.what = what
        self.every = every
        self._last = float("-inf")
        self.failures = 0

    def __call__(self, exc: Exception) -> None:
        self.failures += 1
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            log.warning(
                "shared state: %s failed (%s); going on without it (%d failures so far)",
                self.what,
                exc,
                self.failures,
            )
