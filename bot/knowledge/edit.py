"""Safe edits of the knowledge files: add a phrasing, replace a file, list backups, roll back.

Every change follows the same steps, under one lock:
  1. build the new file content (ruamel.yaml round trip: comments, order, quoting and
     layout of everything else stay as they were);
  2. copy the knowledge folder to a temporary folder, put the new content there and run
     `validate_dir` on it — on any problem nothing is touched and the `path:line`
     problems come back (paths point at the real folder, lines at the new content);
  3. copy the current file to `knowledge/.backups/<name>.<YYYYmmdd-HHMMSS-ffffff>.yaml`
     (Beijing time), keeping the newest `MAX_BACKUPS` per file: written to a temporary file
     in the same folder, fsynced, renamed into place, the folder fsynced, then read back and
     compared; its SHA-256 goes into `.backups/SHA256SUMS`. If the backup cannot be made
     (full disk, …) nothing is changed;
  4. write the new content the same atomic way.
The caller then reloads (`Reloader.reload`). Functions here block: call them via
`asyncio.to_thread` from async code. Each takes `validate` (default `validate_dir`); the bot
passes `bot.isolated.validate_isolated`, which checks in a child process with a time limit.

`rollback(name)` restores the newest backup of a file and removes it from the list, so
repeated rollbacks walk back through the history; the version it replaced is kept as
`<name>.<stamp>.undone.yaml` (listed, but never restored automatically). A damaged backup
(empty, truncated, not the bytes recorded in SHA256SUMS, not a knowledge file) is listed
as damaged and skipped by rollback, which reports it.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from bot.knowledge.base import KNOWLEDGE_FILES, REPORT_FILE, SCHEMA_VERSION, SCHEMAS, Problem, validate_dir
from bot.knowledge.yamlload import LineDict, YamlSyntaxError, load_yaml
from bot.text.normalize import clean

BACKUP_DIR = ".backups"
SUMS_FILE = "SHA256SUMS"  # in BACKUP_DIR: `<sha256>  <backup file name>` per line
MAX_BACKUPS = 30  # per file
MAX_UPLOAD_BYTES = 2_000_000
MAX_PHRASING_CHARS = 100
BEIJING = timezone(timedelta(hours=8), "北京时间")
PHRASING_FIELDS = {"faq.yaml": ("faqs", "alternates"), "metrics.yaml": ("metrics", "aliases")}
_BACKUP_RE = re.compile(r"^(?P<stem>[a-z]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})(?P<undone>\.undone)?\.yaml$")
_LOCK = threading.Lock()
Validate = Callable[[Path], Sequence[Problem]]


@dataclass
class EditResult:
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


# --- helpers ----------------------------------------------------------------


def _yaml(text: str | None = None) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold long Chinese lines
    sequence, offset = 4, 2
    if text is not None:
        try:
            _, sequence, offset = load_yaml_guess_indent(text)
        except Exception:
            sequence, offset = 4, 2
        sequence = sequence if isinstance(sequence, int) and sequence > 0 else 4
        offset = offset if isinstance(offset, int) and 0 <= offset < sequence else 2
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    # The knowledge files write `null`, not an empty value.
    yaml.representer.add_representer(
        type(None), lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(BEIJING)).astimezone(BEIJING).strftime("%Y%m%d-%H%M%S-%f")


def backup_dir(directory: Path) -> Path:
    return Path(directory) / BACKUP_DIR


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. not permitted on this platform
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes, mode_from: Path | None = None) -> None:
    """Temporary file in the same folder, fsync, `os.replace`, fsync the folder: after a
    crash or a full disk, `path` holds either the old or the new bytes, never a part."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode_source = mode_from if mode_from is not None else path
        if mode_source.exists():
            shutil.copymode(mode_source, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_sums(folder: Path) -> dict[str, str]:
    try:
        text = (folder / SUMS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and name:
            sums[name] = digest
    return sums


def _write_sums(folder: Path, sums: dict[str, str]) -> None:
    text = "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items()))
    _write_atomic(folder / SUMS_FILE, text.encode("utf-8"))


def backup_damage(path: Path, file: str, expected_sha256: str | None = None) -> str:
    """Why the backup at `path` of knowledge file `file` cannot be restored ("" if it can):
    unreadable, empty, not the recorded bytes, not UTF-8 or not that file's shape."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"无法读取（{exc.strerror or exc}）"
    if not data.strip():
        return "文件为空"
    if expected_sha256 is not None and _sha256(data) != expected_sha256:
        return "内容与备份时记录的校验值不一致（文件已损坏或被截断）"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "不是有效的 UTF-8"
    try:
        parsed = load_yaml(text)
    except YamlSyntaxError as exc:
        return f"YAML 无法解析（第 {exc.line} 行），可能被截断"
    list_key = SCHEMAS[file][0]
    if (
        not isinstance(parsed, LineDict)
        or parsed.get("version") != SCHEMA_VERSION
        or not isinstance(parsed.get(list_key), list)
        or not parsed[list_key]
    ):
        return f"不是完整的 {file}（缺少 version 或 {list_key}）"
    return ""


def _validate_with(directory: Path, name: str, data: bytes, validate: Validate = validate_dir) -> list[Problem]:
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


def _backup(directory: Path, name: str, undone: bool = False) -> Path | None:
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
    _write_atomic(target, data, mode_from=source)
    if target.read_bytes() != data:  # read back: what is on disk is what we meant to keep
        target.unlink()
        raise OSError(errno.EIO, f"backup {target.name} did not read back as written")
    sums = _read_sums(target_dir)
    sums[target.name] = _sha256(data)
    _write_sums(target_dir, sums)
    _trim_backups(directory, name)
    return target


def backup_file(directory: Path, name: str) -> Path | None:
    """A verified backup of one knowledge file before something else replaces it (an import)."""
    return _backup(directory, name)


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
    sums = _read_sums(folder)
    if removed and any(n in sums for n in removed):
        _write_sums(folder, {n: d for n, d in sums.items() if n not in removed})


def _forget_backup(backup: Backup) -> None:
    """Remove a restored backup and its checksum."""
    backup.path.unlink()
    folder = backup.path.parent
    sums = _read_sums(folder)
    if sums.pop(backup.path.name, None) is not None:
        try:
            _write_sums(folder, sums)
        except OSError:  # a stale checksum line is harmless: its file is gone
            pass


def _not_written(name: str, exc: OSError, step: str) -> EditResult:
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    return EditResult(False, f"{step}失败（{reason}，磁盘可能已满或不可写），{name} 未作任何改动。", name)


def _commit(directory: Path, name: str, data: bytes, validate: Validate = validate_dir) -> EditResult | list[Problem]:
    """Validate, back up and write; problems (and nothing changed) on failure."""
    problems = _validate_with(directory, name, data, validate)
    if problems:
        return problems
    try:
        backup = _backup(directory, name)
    except OSError as exc:
        return _not_written(name, exc, "备份旧版本")
    try:
        _write_atomic(Path(directory) / name, data)
    except OSError as exc:
        return _not_written(name, exc, "写入新版本")
    return EditResult(True, "", name, True, backup)


def _failed(name: str, problems: list[Problem], what: str) -> EditResult:
    return EditResult(
        False, f"{what}失败：校验发现 {len(problems)} 个问题，文件未作任何改动。", name, problems=problems
    )


# --- add a phrasing ---------------------------------------------------------


def clean_phrasing(text: str) -> str:
    """One line, no surrounding blanks, at most MAX_PHRASING_CHARS characters."""
    return " ".join(str(text).split())[:MAX_PHRASING_CHARS]


def find_entry(directory: Path, entry_id: str) -> tuple[str, str] | None:
    """(file, list field) of an entry id: ("faq.yaml", "alternates") or ("metrics.yaml", "aliases")."""
    for name, (list_key, phrasing_key) in PHRASING_FIELDS.items():
        path = Path(directory) / name
        if not path.is_file():
            continue
        try:
            data = _yaml().load(path.read_text(encoding="utf-8"))
        except Exception:
            continue
        for item in (data or {}).get(list_key) or []:
            if isinstance(item, dict) and item.get("id") == entry_id:
                return name, phrasing_key
    return None


def add_phrasing(directory: Path | str, entry_id: str, phrasing: str, validate: Validate = validate_dir) -> EditResult:
    """Add `phrasing` to the FAQ `alternates` or metric `aliases` of `entry_id`."""
    directory = Path(directory)
    phrasing = clean_phrasing(phrasing)
    if not clean(phrasing):
        return EditResult(False, "问法为空（只有标点或空白），未添加。")
    with _LOCK:
        for name, (list_key, phrasing_key) in PHRASING_FIELDS.items():
            path = directory / name
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            yaml = _yaml(text)
            try:
                data = yaml.load(text)
            except Exception:
                continue  # a broken file: validation below reports it if the entry is elsewhere
            items = (data or {}).get(list_key) if isinstance(data, dict) else None
            for item in items or []:
                if not isinstance(item, dict) or item.get("id") != entry_id:
                    continue
                phrasings = item.get(phrasing_key)
                if not isinstance(phrasings, list):
                    problem = Problem(str(path), item.lc.line + 1, f"field '{phrasing_key}' is not a list")
                    return _failed(name, [problem], "添加问法")
                if phrasing in phrasings:
                    return EditResult(True, f"「{phrasing}」已经是该条目的问法，无需改动。", name, False)
                phrasings.append(_quoted_like(phrasings, phrasing))
                out = io.StringIO()
                yaml.dump(data, out)
                outcome = _commit(directory, name, out.getvalue().encode("utf-8"), validate)
                if isinstance(outcome, list):
                    return _failed(name, outcome, "添加问法")
                if not outcome.ok:
                    return outcome
                outcome.message = f"已把「{phrasing}」加为 {entry_id} 的问法（{name} 的 {phrasing_key}）。"
                return outcome
        return EditResult(False, f"没有找到条目 {entry_id}（faq.yaml 和 metrics.yaml 中都没有）。")


def _quoted_like(existing: list, text: str):
    """Quote the new item the way the list's last item is quoted (double quotes by default)."""
    last = existing[-1] if existing else None
    if isinstance(last, SingleQuotedScalarString) and "\n" not in text:
        return SingleQuotedScalarString(text)
    if isinstance(last, str) and not isinstance(last, (SingleQuotedScalarString, DoubleQuotedScalarString)):
        # plain style in this list: let ruamel quote only when needed
        return text
    return DoubleQuotedScalarString(text)


# --- replace a whole file ---------------------------------------------------


def knowledge_file_name(filename: str) -> str | None:
    """The knowledge file an uploaded document replaces, or None if it is not one of them."""
    name = Path(filename or "").name.strip().lower()
    return name if name in KNOWLEDGE_FILES else None


def replace_file(directory: Path | str, filename: str, data: bytes, validate: Validate = validate_dir) -> EditResult:
    """Replace one of the four knowledge files by uploaded bytes, after validation."""
    directory = Path(directory)
    name = knowledge_file_name(filename)
    if name is None:
        return EditResult(False, f"文件名必须是 {'、'.join(KNOWLEDGE_FILES)} 之一，收到的是「{filename}」。")
    if len(data) > MAX_UPLOAD_BYTES:
        return EditResult(False, f"文件太大（{len(data)} 字节，上限 {MAX_UPLOAD_BYTES}）。", name)
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM from Windows Notepad
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _failed(name, [Problem(str(directory / name), line, "file is not valid UTF-8")], "替换文件")
    with _LOCK:
        current = directory / name
        if current.is_file() and current.read_bytes() == data:
            return EditResult(True, f"{name} 与当前版本完全相同，无需替换。", name, False)
        outcome = _commit(directory, name, data, validate)
        if isinstance(outcome, list):
            return _failed(name, outcome, "替换文件")
        if not outcome.ok:
            return outcome
        outcome.message = f"已替换 {name}，旧版本已备份。"
        return outcome


# --- backups and rollback ---------------------------------------------------


def list_backups(directory: Path | str, name: str | None = None, check: bool = False) -> list[Backup]:
    """Backups, newest first (of one file, or of all); with `check`, each one's `damage`."""
    folder = backup_dir(Path(directory))
    if not folder.is_dir():
        return []
    sums = _read_sums(folder) if check else {}
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
    with _LOCK:
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
        problems = _validate_with(directory, name, data, validate)
        if problems:
            result = _failed(name, problems, "回滚")
            result.message = skipped + result.message
            return result
        try:
            undone = _backup(directory, name, undone=True)
        except OSError as exc:
            return _not_written(name, exc, "保存当前版本")
        try:
            _write_atomic(current, data)
        except OSError as exc:
            return _not_written(name, exc, "恢复")
        _forget_backup(backup)
        return EditResult(
            True,
            f"{skipped}已把 {name} 恢复为 {backup.label}（北京时间）的版本；"
            f"被替换的版本另存为 {undone.name if undone else '—'}。",
            name,
            True,
            undone,
        )
