"""Safe edits of the knowledge files: add a phrasing, replace a file, list backups, roll back.

Every change follows the same steps, under one lock:
  1. build the new file content (ruamel.yaml round trip: comments, order, quoting and
     layout of everything else stay as they were);
  2. copy the knowledge folder to a temporary folder, put the new content there and run
     `validate_dir` on it — on any problem nothing is touched and the `path:line`
     problems come back (paths point at the real folder, lines at the new content);
  3. copy the current file to `knowledge/.backups/<name>.<YYYYmmdd-HHMMSS-ffffff>.yaml`
     (Beijing time), keeping the newest `MAX_BACKUPS` per file;
  4. write the new content atomically (temporary file + `os.replace`).
The caller then reloads (`Reloader.reload`). Functions here block: call them via
`asyncio.to_thread` from async code. Each takes `validate` (default `validate_dir`); the bot
passes `bot.isolated.validate_isolated`, which checks in a child process with a time limit.

`rollback(name)` restores the newest backup of a file and removes it from the list, so
repeated rollbacks walk back through the history; the version it replaced is kept as
`<name>.<stamp>.undone.yaml` (listed, but never restored automatically).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from .knowledge import KNOWLEDGE_FILES, REPORT_FILE, Problem, validate_dir
from .normalize import clean

BACKUP_DIR = ".backups"
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
        type(None), lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(BEIJING)).astimezone(BEIJING).strftime("%Y%m%d-%H%M%S-%f")


def backup_dir(directory: Path) -> Path:
    return Path(directory) / BACKUP_DIR


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _validate_with(directory: Path, name: str, data: bytes,
                   validate: Validate = validate_dir) -> list[Problem]:
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
        return [Problem(p.path.replace(prefix, real, 1), p.line, p.message.replace(prefix, real))
                for p in problems]


def _backup(directory: Path, name: str, undone: bool = False) -> Path | None:
    source = Path(directory) / name
    if not source.is_file():
        return None
    target_dir = backup_dir(directory)
    target_dir.mkdir(exist_ok=True)
    stem = name.removesuffix(".yaml")
    target = target_dir / f"{stem}.{_stamp()}{'.undone' if undone else ''}.yaml"
    while target.exists():  # two changes within a microsecond
        target = target.with_name(target.name.replace(".yaml", "x.yaml", 1))
    shutil.copy2(source, target)
    _trim_backups(directory, name)
    return target


def _trim_backups(directory: Path, name: str) -> None:
    backups = list_backups(directory, name)
    for old in backups[MAX_BACKUPS:]:
        try:
            old.path.unlink()
        except OSError:
            pass


def _commit(directory: Path, name: str, data: bytes,
            validate: Validate = validate_dir) -> EditResult | list[Problem]:
    """Validate, back up and write; problems (and nothing changed) on failure."""
    problems = _validate_with(directory, name, data, validate)
    if problems:
        return problems
    backup = _backup(directory, name)
    _write_atomic(Path(directory) / name, data)
    return EditResult(True, "", name, True, backup)


def _failed(name: str, problems: list[Problem], what: str) -> EditResult:
    return EditResult(False, f"{what}失败：校验发现 {len(problems)} 个问题，文件未作任何改动。", name,
                      problems=problems)


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


def add_phrasing(directory: Path | str, entry_id: str, phrasing: str,
                 validate: Validate = validate_dir) -> EditResult:
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


def replace_file(directory: Path | str, filename: str, data: bytes,
                 validate: Validate = validate_dir) -> EditResult:
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
        line = data[:exc.start].count(b"\n") + 1
        return _failed(name, [Problem(str(directory / name), line, "file is not valid UTF-8")], "替换文件")
    with _LOCK:
        current = directory / name
        if current.is_file() and current.read_bytes() == data:
            return EditResult(True, f"{name} 与当前版本完全相同，无需替换。", name, False)
        outcome = _commit(directory, name, data, validate)
        if isinstance(outcome, list):
            return _failed(name, outcome, "替换文件")
        outcome.message = f"已替换 {name}，旧版本已备份。"
        return outcome


# --- backups and rollback ---------------------------------------------------

def list_backups(directory: Path | str, name: str | None = None) -> list[Backup]:
    """Backups, newest first (of one file, or of all)."""
    folder = backup_dir(Path(directory))
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _BACKUP_RE.match(path.name)
        if not match:
            continue
        file = f"{match['stem']}.yaml"
        if file not in KNOWLEDGE_FILES or (name is not None and file != name):
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=BEIJING)
        found.append(Backup(file, path, created, bool(match["undone"])))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def rollback(directory: Path | str, filename: str | None = None,
             validate: Validate = validate_dir) -> EditResult:
    """Restore the newest backup of `filename` (default: the most recently backed-up file)."""
    directory = Path(directory)
    with _LOCK:
        if filename:
            name = knowledge_file_name(filename if filename.endswith(".yaml") else f"{filename}.yaml")
            if name is None:
                return EditResult(False, f"没有名为「{filename}」的知识库文件（可选：{'、'.join(KNOWLEDGE_FILES)}）。")
            candidates = [b for b in list_backups(directory, name) if not b.undone]
        else:
            candidates = [b for b in list_backups(directory) if not b.undone]
            name = candidates[0].file if candidates else ""
        if not candidates:
            return EditResult(False, f"{name or '知识库'} 没有可以恢复的备份。", name)
        backup = candidates[0]
        data = backup.path.read_bytes()
        current = directory / name
        if current.is_file() and current.read_bytes() == data:
            backup.path.unlink()
            return EditResult(True, f"{name} 已经是 {backup.label} 的版本，已移除这份重复的备份。", name, False)
        problems = _validate_with(directory, name, data, validate)
        if problems:
            return _failed(name, problems, "回滚")
        undone = _backup(directory, name, undone=True)
        _write_atomic(current, data)
        backup.path.unlink()
        return EditResult(True, f"已把 {name} 恢复为 {backup.label}（北京时间）的版本；被替换的版本另存为 {undone.name if undone else '—'}。",
                          name, True, undone)
