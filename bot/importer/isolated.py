"""Imports in a child process, with a time and a memory limit.

Reading a hostile report file may take minutes or gigabytes however careful the readers are
(a PDF whose every page is a maze, a parser's own worst case). So the bot and the CLI never
import in their own process: `import_isolated` (CLI) and `upload_isolated` (a report sent to
the Telegram bot) run `python -m bot.importer.isolated` with the job as JSON on stdin; the
child caps its address space (`MEMORY_MB`), is killed after `IMPORT_SECONDS`, and answers
with one JSON line: the result, or the one sentence saying why nothing was imported. A
child that is killed leaves nothing behind: its scratch folder is removed here.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bot.importer.readers import ImportInputError
from bot.knowledge.model import Problem

IMPORT_SECONDS = 120.0
MEMORY_MB = 1536
PROJECT_ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger(__name__)


def import_isolated(
    source: Path | str,
    out: Path | str,
    *,
    title: str | None = None,
    year: int | None = None,
    place: str | None = None,
    knowledge_dir: Path | str | None = None,
    timeout: float = IMPORT_SECONDS,
    memory_mb: int = MEMORY_MB,
):
    """`import_report(...)` in a child process: its ImportResult, or ImportInputError."""
    out = Path(out)
    job = {
        "kind": "import",
        "source": str(Path(source).resolve()),
        "out": str(out.resolve()),
        "title": title,
        "year": year,
        "place": place,
        "knowledge_dir": str(knowledge_dir) if knowledge_dir is not None else None,
    }
    answer = _run(job, timeout, memory_mb, out.resolve().parent, f".{out.name}.import-*")
    if "error" in answer:
        raise ImportInputError(answer["error"])
    return _result(answer["result"], out)


def upload_isolated(root: Path, source: Path, caption: str = "", timeout: float = IMPORT_SECONDS, memory_mb=MEMORY_MB):
    """`upload.import_uploaded_file(root, source, caption)` in a child process: its
    ImportResult, or the message (Chinese) saying why nothing changed."""
    job = {"kind": "upload", "root": str(root), "source": str(source), "caption": caption}
    answer = _run(job, timeout, memory_mb, Path(root), ".*.import-*")
    if "error" in answer:
        return f"❌ 导入失败：{answer['error']}"
    if "message" in answer:
        return answer["message"]
    return _result(answer["result"], None)


def _run(job: dict, timeout: float, memory_mb: int, scratch_parent: Path, scratch_glob: str) -> dict:
    command = [sys.executable, "-m", "bot.importer.child", str(memory_mb)]
    started = time.time()
    try:
        done = subprocess.run(
            command,
            input=json.dumps(job, ensure_ascii=False).encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
        )
    except subprocess.TimeoutExpired:
        log.error("import stopped after %.0f s: %s", timeout, job.get("source"))
        _clean(scratch_parent, scratch_glob, started)
        return {"error": f"导入用时超过 {timeout:.0f} 秒，已停止，什么都没有改动。"}
    if done.stderr.strip():
        log.warning("import child said: %s", done.stderr.decode("utf-8", "replace").strip()[-2000:])
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    try:
        answer = json.loads(lines[-1])
        if isinstance(answer, dict) and answer.keys() & {"error", "message", "result"}:
            return answer
    except (ValueError, IndexError):
        pass
    _clean(scratch_parent, scratch_glob, started)
    errors = done.stderr.decode("utf-8", "replace")
    if "MemoryError" in errors or done.returncode < 0:
        return {"error": f"导入需要超过 {memory_mb} MB 内存，已停止，什么都没有改动。"}
    return {"error": f"导入时出错（退出码 {done.returncode}），什么都没有改动。"}


def _clean(parent: Path, pattern: str, since: float) -> None:
    """Scratch folders the killed child left (made after it started)."""
    try:
        for path in parent.glob(pattern):
            if path.is_dir() and path.stat().st_mtime >= since - 1:
                shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass


def _result(data: dict, out: Path | None):
    from bot.importer import ImportResult

    return ImportResult(
        out if out is not None else Path(data["directory"]),
        data["title"],
        data["year"],
        data["place"],
        data["counts"],
        data["kept"],
        data["left_out"],
        [Problem(*p) for p in data["problems"]],
    )
