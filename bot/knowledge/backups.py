"""Backups of the knowledge files, and rollback.

Before a knowledge file is replaced (an edit, an upload, an import, a rollback) the current
file is copied to `knowledge/.backups/<name>.<YYYYmmdd-HHMMSS-ffffff>.yaml` (Beijing time),
keeping the newest `MAX_BACKUPS` per file: written atomically (`bot.knowledge.files`), then
read back and compared; its SHA-256 goes into `.backups/SHA256SUMS`. If the backup cannot be
made (full disk, …) nothing is changed.

`rollback(name)` restores the newest backup of a file and removes it from the list, so
repeated rollbacks walk back through the history; the version it replaced is kept as
`<name>.<stamp>.undone.yaml` (listed, but never restored automatically). A damaged backup
(empty, truncated, not the bytes recorded in SHA256SUMS, not a knowledge file) is listed
as damaged and skipped by rollback, which reports it.

Every change (here and in `bot.knowledge.edit`) runs under `CHANGE_LOCK`, validates the
folder as it would be (`validate_with`) and reports an `EditResult`. Functions here block:
call them via `asyncio.to_thread` from async code.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.clock import BEIJING
from bot.knowledge.files import read_sums, sha256, write_atomic, write_sums
from bot.knowledge.model import KNOWLEDGE_FILES, REPORT_FILE, SCHEMA_VERSION, Problem, knowledge_file_name
from bot.knowledge.validate import SCHEMAS, validate_dir
from bot.knowledge.yamlload import LineDict, YamlSyntaxError, load_yaml

BACKUP_DIR = ".backups"
MAX_BACKUPS = 30  # per file
_BACKUP_RE = re.compile(r"^(?P<stem>[a-z]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})(?P<undone>\.undone)?\.yaml$")
CHANGE_LOCK = threading.Lock()
Validate = Callable[[Path], Sequence[Problem]]


@dataclass
class EditResult:
    """The outcome of a change (an edit, an upload, a rollback)."""

    ok: bool
    message: str  # one line for the admin (Chinese)
    file: str = ""  # the knowledge file concerned, e.g. "faq.yaml"
    changed: bool = False  # False when the content was already so (nothing written)
    backup: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem_lines(self, short: bool = False) -> list[str]:
        """`path:line: message`; with short=True the path is the file name only."""
        if not short:
            return [str(p) for p in self.problems]
        return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in self.problems]


@dataclass(frozen=True)
class Backup:
    file: str  # e.g. "faq.yaml"
    path: Path
    created: datetime  # Beijing time
    undone: bool = False  # saved by a rollback: the version that was rolled back
    damage: str = ""  # why it cannot be restored (Chinese), "" for a good backup; see check=True

    @property
    def label(self) -> str:
        return self.created.strftime("%Y-%m-%d %H:%M:%S")


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(BEIJING)).astimezone(BEIJING).strftime("%Y%m%d-%H%M%S-%f")


def backup_dir(directory: Path) -> Path:
    return Path(directory) / BACKUP_DIR


def backup_damage(path: Path, file: str, expected_sha256: str | None = None) -> str:
    """Why the backup at `path` of knowledge file `file` cannot be restored ("" if it can):
    unreadable, empty, not the recorded bytes, not UTF-8 or not that file's shape."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"无法读取（{exc.strerror or exc}）"
    if not data.strip():
        return "文件为空"
    if expected_sha256 is not None and sha256(data) != expected_sha256:
        return "内容与备份时记录的校验值不一致（文件已损坏或被截断）"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "不是有效的 UTF-8"
    try:
        parsed = load_yaml(text)
    except YamlSyntaxError as exc:
        return f"YAML 无法解析（第 {exc.line} 行），可能被截断"
    list_key, fields = SCHEMAS[file]
    if (
        not isinstance(parsed, LineDict)
        or parsed.get("version") != SCHEMA_VERSION
        or not isinstance(parsed.get(list_key), list)
        or not parsed[list_key]
    ):
        return f"不是完整的 {file}（缺少 version 或 {list_key}）"
    required = [key for key, (_, needed) in fields.items() if needed]
    for item in parsed[list_key]:
        missing = [key for key in required if not isinstance(item, dict) or key not in item]
        if missing:  # cut off inside an entry that still parses ("…answer: …" and nothing after)
            return f"条目不完整（缺少 {'、'.join(missing)}），可能被截断"
    return ""


def validate_with(directory: Path, name: str, data: bytes, validate: Validate = validate_dir) -> list[Problem]:
    """Validate the folder as it would be with `name` replaced by `data`."""
    directory = Path(directory)
    with tempfile.TemporaryDirectory(prefix="kb-check-") as tmp:
        tmp_dir = Path(tmp)
        for other in KNOWLEDGE_FILES + (REPORT_FILE,):
            source = directory / other
            if other != name and source.is_file():
                shutil.copyfile(source, tmp_dir / other)
        (tmp_dir / name).write_bytes(data)
        problems = list(validate(tmp_dir))
        # Point at the real folder: the paths, and file references inside messages.
        prefix, real = str(tmp_dir), str(directory)
        return [Problem(p.path.replace(prefix, real, 1), p.line, p.message.replace(prefix, real)) for p in problems]


def make_backup(directory: Path, name: str, undone: bool = False) -> Path | None:
    """A verified copy of the current file in `.backups/` (None if there is no file).
    Raises OSError when it cannot be made; no partial backup is ever left under its name."""
    source = Path(directory) / name
    if not source.is_file():
        return None
    data = source.read_bytes()
    target_dir = backup_dir(directory)
    target_dir.mkdir(exist_ok=True)
    stem = name.removesuffix(".yaml")
    target = target_dir / f"{stem}.{_stamp()}{'.undone' if undone else ''}.yaml"
    while target.exists():  # two changes within a microsecond
        target = target.with_name(target.name.replace(".yaml", "x.yaml", 1))
    write_atomic(target, data, mode_from=source)
    if target.read_bytes() != data:  # read back: what is on disk is what we meant to keep
        target.unlink()
        raise OSError(errno.EIO, f"backup {target.name} did not read back as written")
    sums = read_sums(target_dir)
    sums[target.name] = sha256(data)
    write_sums(target_dir, sums)
    _trim_backups(directory, name)
    return target


def _trim_backups(directory: Path, name: str) -> None:
    folder = backup_dir(directory)
    backups = list_backups(directory, name)
    removed = []
    for old in backups[MAX_BACKUPS:]:
        try:
            old.path.unlink()
            removed.append(old.path.name)
        except OSError:
            pass
    for stale in folder.glob(".*.tmp"):  # left by a crash in the middle of a backup
        try:
            stale.unlink()
        except OSError:
            pass
    sums = read_sums(folder)
    if removed and any(n in sums for n in removed):
        write_sums(folder, {n: d for n, d in sums.items() if n not in removed})


def _forget_backup(backup: Backup) -> None:
    """Remove a restored backup and its checksum."""
    backup.path.unlink()
    folder = backup.path.parent
    sums = read_sums(folder)
    if sums.pop(backup.path.name, None) is not None:
        try:
            write_sums(folder, sums)
        except OSError:  # a stale checksum line is harmless: its file is gone
            pass


def not_written(name: str, exc: OSError, step: str) -> EditResult:
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    return EditResult(False, f"{step}失败（{reason}，磁盘可能已满或不可写），{name} 未作任何改动。", name)


def failed(name: str, problems: list[Problem], what: str) -> EditResult:
    return EditResult(
        False, f"{what}失败：校验发现 {len(problems)} 个问题，文件未作任何改动。", name, problems=problems
    )


def list_backups(directory: Path | str, name: str | None = None, check: bool = False) -> list[Backup]:
    """Backups, newest first (of one file, or of all); with `check`, each one's `damage`."""
    folder = backup_dir(Path(directory))
    if not folder.is_dir():
        return []
    sums = read_sums(folder) if check else {}
    found = []
    for path in folder.iterdir():
        match = _BACKUP_RE.match(path.name)
        if not match:
            continue
        file = f"{match['stem']}.yaml"
        if file not in KNOWLEDGE_FILES or (name is not None and file != name):
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=BEIJING)
        damage = backup_damage(path, file, sums.get(path.name)) if check else ""
        found.append(Backup(file, path, created, bool(match["undone"]), damage))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def rollback(directory: Path | str, filename: str | None = None, validate: Validate = validate_dir) -> EditResult:
    """Restore the newest backup of `filename` (default: the most recently backed-up file)."""
    directory = Path(directory)
    with CHANGE_LOCK:
        if filename:
            name = knowledge_file_name(filename if filename.endswith(".yaml") else f"{filename}.yaml")
            if name is None:
                return EditResult(False, f"没有名为「{filename}」的知识库文件（可选：{'、'.join(KNOWLEDGE_FILES)}）。")
            candidates = [b for b in list_backups(directory, name, check=True) if not b.undone]
        else:
            candidates = [b for b in list_backups(directory, check=True) if not b.undone]
            name = candidates[0].file if candidates else ""  # the file of the last change
            candidates = [b for b in candidates if b.file == name]
        damaged = [b for b in candidates if b.damage]
        skipped = "".join(f"已跳过损坏的备份 {b.file} {b.label}（{b.damage}）。" for b in damaged)
        good = [b for b in candidates if not b.damage]
        if not good:
            return EditResult(False, f"{skipped}{name or '知识库'} 没有可以恢复的备份。", name)
        backup = good[0]
        data = backup.path.read_bytes()
        current = directory / name
        if current.is_file() and current.read_bytes() == data:
            _forget_backup(backup)
            return EditResult(
                True, f"{skipped}{name} 已经是 {backup.label} 的版本，已移除这份重复的备份。", name, False
            )
        problems = validate_with(directory, name, data, validate)
        if problems:
            result = failed(name, problems, "回滚")
            result.message = skipped + result.message
            return result
        try:
            undone = make_backup(directory, name, undone=True)
        except OSError as exc:
            return not_written(name, exc, "保存当前版本")
        try:
            write_atomic(current, data)
        except OSError as exc:
            return not_written(name, exc, "恢复")
        _forget_backup(backup)
        return EditResult(
            True,
            f"{skipped}已把 {name} 恢复为 {backup.label}（北京时间）的版本；"
            f"被替换的版本另存为 {undone.name if undone else '—'}。",
            name,
            True,
            undone,
        )
