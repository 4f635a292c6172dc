"""Validation in a separate process, with a time and a memory limit.

The bot validates every change to the knowledge base (a file watcher event, /reload, an
uploaded file, a rollback) with `validate_isolated`: `python -m bot validate --json` in a
child process that is killed after `VALIDATE_SECONDS` and may use at most `MEMORY_MB`. A
file that would take the checker minutes or gigabytes costs the bot nothing: it keeps
answering, and the admin gets one `path:line` problem saying why the change was refused.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from bot.knowledge.messages import cut, say
from bot.knowledge.model import Problem

log = logging.getLogger(__name__)

VALIDATE_SECONDS = 20.0
MEMORY_MB = 1024
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space (called by the child, `validate --memory-mb`)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def validate_isolated(
    directory: Path | str, timeout: float = VALIDATE_SECONDS, memory_mb: int = MEMORY_MB
) -> list[Problem]:
    """`validate_dir(directory)` run in a child process; blocks (call it from a thread)."""
    directory = Path(directory)
    command = [sys.executable, "-m", "bot", "validate", "--json", "--memory-mb", str(memory_mb), str(directory)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        log.error("validation of %s took longer than %.0f s and was stopped", directory, timeout)
        return [Problem(str(directory), 1, say("check_timeout", seconds=f"{timeout:.0f}"))]
    try:
        rows = json.loads(done.stdout.decode("utf-8"))
        return [Problem(str(path), int(line), str(message)) for path, line, message in rows]
    except (ValueError, TypeError):
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = cut(error[-1] if error else f"exit code {done.returncode}", 200)
        log.error("validation of %s failed to run: %s", directory, reason)
        if "MemoryError" in reason:
            return [Problem(str(directory), 1, say("check_memory", megabytes=memory_mb))]
        return [Problem(str(directory), 1, say("check_failed", reason=reason))]
