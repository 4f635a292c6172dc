"""Safe edits of the knowledge files: add a phrasing, replace a file.

Every change follows the same steps, under `CHANGE_LOCK` (`bot.knowledge.backups`):
  1. build the new file content (ruamel.yaml round trip: comments, order, quoting and
     layout of everything else stay as they were);
  2. copy the knowledge folder to a temporary folder, put the new content there and run
     `validate_dir` on it — on any problem nothing is touched and the `path:line`
     problems come back (paths point at the real folder, lines at the new content);
  3. back up the current file (`bot.knowledge.backups`); if that fails nothing is changed;
  4. write the new content atomically (`bot.knowledge.files`).
The caller then reloads (`Reloader.reload`). Functions here block: call them via
`asyncio.to_thread` from async code. Each takes `validate` (default `validate_dir`); the bot
passes `bot.knowledge.isolated.validate_isolated`, which checks in a child process with a time limit.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from bot.knowledge import backups
from bot.knowledge.backups import CHANGE_LOCK, EditResult, Validate, failed, not_written, validate_with
from bot.knowledge.files import write_atomic
from bot.knowledge.messages import say
from bot.knowledge.model import KNOWLEDGE_FILES, Problem, knowledge_file_name
from bot.knowledge.validate import validate_dir
from bot.text.normalize import clean

MAX_UPLOAD_BYTES = 2_000_000
MAX_PHRASING_CHARS = 100
PHRASING_FIELDS = {"faq.yaml": ("faqs", "alternates"), "metrics.yaml": ("metrics", "aliases")}


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


def _commit(directory: Path, name: str, data: bytes, validate: Validate = validate_dir) -> EditResult | list[Problem]:
    """Validate, back up and write; problems (and nothing changed) on failure."""
    problems = validate_with(directory, name, data, validate)
    if problems:
        return problems
    try:
        backup = backups.make_backup(directory, name)
    except OSError as exc:
        return not_written(name, exc, "备份旧版本")
    try:
        write_atomic(Path(directory) / name, data)
    except OSError as exc:
        return not_written(name, exc, "写入新版本")
    return EditResult(True, "", name, True, backup)


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
    with CHANGE_LOCK:
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
                    problem = Problem(str(path), item.lc.line + 1, say("field_not_list", key=phrasing_key))
                    return failed(name, [problem], "添加问法")
                if phrasing in phrasings:
                    return EditResult(True, f"「{phrasing}」已经是该条目的问法，无需改动。", name, False)
                phrasings.append(_quoted_like(phrasings, phrasing))
                out = io.StringIO()
                yaml.dump(data, out)
                outcome = _commit(directory, name, out.getvalue().encode("utf-8"), validate)
                if isinstance(outcome, list):
                    return failed(name, outcome, "添加问法")
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
        return failed(name, [Problem(str(directory / name), line, say("not_utf8"))], "替换文件")
    with CHANGE_LOCK:
        current = directory / name
        if current.is_file() and current.read_bytes() == data:
            return EditResult(True, f"{name} 与当前版本完全相同，无需替换。", name, False)
        outcome = _commit(directory, name, data, validate)
        if isinstance(outcome, list):
            return failed(name, outcome, "替换文件")
        if not outcome.ok:
            return outcome
        outcome.message = f"已替换 {name}，旧版本已备份。"
        return outcome
