"""Reload the knowledge base without a restart.

`Reloader.reload()` loads and validates the whole folder in a worker thread, builds the new
`Engine` there too, and only then swaps it into the `EngineHolder` — one assignment. With a
`validate` function (the bot passes `bot.knowledge.isolated.validate_isolated`), the folder is first
checked by it — in a child process with a time limit — and loaded only if it passes. A
question in flight keeps the engine it started with; the next one gets the new engine.
If anything is wrong (`KnowledgeError`), the old engine keeps serving and the result
carries every `path:line` problem.

`Reloader.watch(callback)` follows the folder with `watchfiles.awatch` (debounced) and
reloads on every change to a knowledge file; `callback(result)` is awaited after each
reload whose files actually changed, so the Telegram side can tell the admins.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine.engine import Engine, EngineHolder
from bot.knowledge.messages import say
from bot.knowledge.model import KNOWLEDGE_FILES, PACK_FILE, REPORT_FILE, Knowledge, KnowledgeError, Problem
from bot.knowledge.packs import drop_clashes, load_pack, pack_dirs

log = logging.getLogger(__name__)

WATCHED_FILES = frozenset(KNOWLEDGE_FILES + (REPORT_FILE, PACK_FILE))
DEBOUNCE_MS = 800


@dataclass
class ReloadResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""  # Knowledge.summary() of the new knowledge base
    seconds: float = 0.0
    trigger: str = "manual"  # "manual" | "watch" | "edit"
    changed: bool = True  # False when the files were identical to the last attempt
    swapped: bool = False  # the good packs were swapped in although another one has problems

    def describe(self) -> str:
        if self.ok:
            return f"knowledge reloaded ({self.trigger}, {self.seconds:.2f}s): {self.summary}"
        if self.swapped:
            return (
                f"knowledge reloaded ({self.trigger}, {self.seconds:.2f}s) except broken packs, which "
                f"keep their previous version: {self.summary}\n" + "\n".join(map(str, self.problems))
            )
        return f"knowledge reload failed ({self.trigger}); still serving the previous version:\n" + "\n".join(
            map(str, self.problems)
        )


def fingerprint(directory: Path) -> str:
    """A hash of every pack's knowledge files (missing files count as empty)."""
    digest = hashlib.sha256()
    for pack in pack_dirs(directory) or [directory]:
        digest.update(str(pack.relative_to(directory) if pack != directory else ".").encode() + b"\0")
        for name in sorted(WATCHED_FILES):
            digest.update(name.encode() + b"\0")
            try:
                digest.update((pack / name).read_bytes())
            except OSError:
                digest.update(b"<missing>")
            digest.update(b"\0")
    return digest.hexdigest()


Validate = Callable[[Path], Sequence[Problem]]


def _build(
    directory: Path, validate: Validate | None = None, previous: list[Knowledge] | None = None
) -> tuple[str, Engine, list[Problem]]:
    """Runs in a worker thread: fingerprint, (pre-)validate, load, build the engine.

    In a folder of packs a broken pack keeps its previous version (or stays out, if it is new)
    and the others are loaded fresh; the problems are returned beside the engine. With one
    pack, or when nothing loads, KnowledgeError is raised and the old engine keeps serving."""
    stamp = fingerprint(directory)
    try:
        problems = list(validate(directory)) if validate is not None else []
        dirs = pack_dirs(directory)
        single = dirs == [directory] or not dirs
        if problems and single:
            raise KnowledgeError(problems)
        broken = {d for d in dirs if any(Path(p.path).is_relative_to(d) for p in problems)}
        packs: list[Knowledge] = []
        old = {k.directory: k for k in previous or []}
        for pack in dirs:
            if pack in broken:
                if pack in old:
                    packs.append(old[pack])
                continue
            try:
                packs.append(load_pack(pack))
            except KnowledgeError as exc:
                if single:
                    raise
                problems += exc.problems
                if pack in old:
                    packs.append(old[pack])
        packs, clashing = _without_clashes(packs, old)
        problems += clashing
        if not packs:
            raise KnowledgeError(problems or [Problem(str(directory), 1, say("no_pack"))])
        engine = Engine(packs)
    except KnowledgeError as exc:
        exc.fingerprint = stamp  # type: ignore[attr-defined]
        raise
    return stamp, engine, problems


def _without_clashes(packs: list[Knowledge], old: dict[Path, Knowledge]) -> tuple[list[Knowledge], list[Problem]]:
    """As at start, a pack sharing an id, or place and year, with another gives way; here the
    one that changed gives way to the one that did not (a pack new to the folder, or whose
    place or year changed, comes last), falling back to its previous version when that one
    does not clash, else staying out."""

    def settled(k: Knowledge) -> bool:
        before = old.get(k.directory)
        return before is not None and (before.place, before.year) == (k.place, k.year)

    ordered = sorted(packs, key=lambda k: not settled(k))  # stable: folder order otherwise
    kept, problems = drop_clashes(ordered)
    if not problems:
        return packs, []
    retry = [k if any(k is x for x in kept) else old.get(k.directory) for k in ordered]
    kept, _ = drop_clashes([k for k in retry if k is not None])
    return kept, problems


def watch_filter(change, path: str) -> bool:
    """Only the knowledge files themselves (in any pack); not backups, editor or temporary files."""
    parts = Path(path).parts
    return Path(path).name in WATCHED_FILES and not any(part.startswith(".") for part in parts[-3:-1])


def folder_filter(root: Path):
    """`watch_filter`, and also a pack folder moved into or out of `root` (a rename is one event
    for the folder, none for its files)."""
    root = Path(root)

    def accept(change, path: str) -> bool:
        candidate = Path(path)
        if watch_filter(change, path):
            return True
        return candidate.parent == root and not candidate.name.startswith(".") and candidate.suffix == ""

    return accept


class Reloader:
    def __init__(self, holder: EngineHolder, directory: Path | str, validate: Validate | None = None):
        self.holder = holder
        self.directory = Path(directory)
        self.validate = validate
        self._lock = asyncio.Lock()
        self._fingerprint: str | None = None  # of the last attempt, successful or not
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self.last_result: ReloadResult | None = None

    async def reload(self, trigger: str = "manual", only_if_changed: bool = False) -> ReloadResult:
        """Load, validate and swap in one step; keep the old engine on any problem."""
        async with self._lock:
            started = time.perf_counter()
            if only_if_changed:
                stamp = await asyncio.to_thread(fingerprint, self.directory)
                if stamp == self._fingerprint:
                    return ReloadResult(
                        ok=self.last_result.ok if self.last_result else True, trigger=trigger, changed=False
                    )
            try:
                previous = [p.knowledge for p in getattr(self.holder.engine, "packs", [])]
                stamp, engine, problems = await asyncio.to_thread(_build, self.directory, self.validate, previous)
            except KnowledgeError as exc:
                self._fingerprint = getattr(exc, "fingerprint", None)
                result = ReloadResult(False, list(exc.problems), "", time.perf_counter() - started, trigger)
                log.warning("%s", result.describe())
            except Exception as exc:  # unreadable folder, etc.: never take the bot down
                log.exception("knowledge reload failed")
                problem = Problem(str(self.directory), 1, say("load_failed", error=f"{type(exc).__name__}: {exc}"))
                result = ReloadResult(False, [problem], "", time.perf_counter() - started, trigger)
            else:
                self.holder.swap(engine)
                self._fingerprint = stamp
                summary = "; ".join(p.knowledge.summary() for p in engine.packs)
                result = ReloadResult(
                    not problems, problems, summary, time.perf_counter() - started, trigger, swapped=bool(problems)
                )
                (log.warning if problems else log.info)("%s", result.describe())
            self.last_result = result
            return result

    def mark_loaded(self, stamp: str | None = None) -> None:
        """Remember the current files (or those with fingerprint `stamp`) as loaded; call once
        after the initial load."""
        self._fingerprint = fingerprint(self.directory) if stamp is None else stamp

    async def watch(
        self,
        callback: Callable[[ReloadResult], Awaitable[None]] | None = None,
        stop_event: asyncio.Event | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        """Reload whenever a knowledge file changes, until `stop_event` is set."""
        from watchfiles import awatch

        stop_event = stop_event or asyncio.Event()
        if self._fingerprint is None:
            self._fingerprint = await asyncio.to_thread(fingerprint, self.directory)
        while not stop_event.is_set():
            try:
                async for _changes in awatch(
                    self.directory,
                    watch_filter=folder_filter(self.directory),
                    debounce=debounce_ms,
                    stop_event=stop_event,
                    recursive=True,
                ):
                    result = await self.reload("watch", only_if_changed=True)
                    if result.changed and callback is not None:
                        try:
                            await callback(result)
                        except Exception:
                            log.exception("reload callback failed")
            except Exception:  # e.g. the folder vanished for a moment: keep watching
                log.exception("watching %s failed; retrying in 5 s", self.directory)
                try:
                    await asyncio.wait_for(stop_event.wait(), 5)
                except TimeoutError:
                    pass

    def start(
        self, callback: Callable[[ReloadResult], Awaitable[None]] | None = None, debounce_ms: int = DEBOUNCE_MS
    ) -> asyncio.Task:
        """Start `watch` as a background task (from a running event loop)."""
        if self._task is not None and not self._task.done():
            return self._task
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(self.watch(callback, self._stop, debounce_ms), name="knowledge-watcher")
        return self._task

    async def stop(self, timeout: float = 5.0) -> None:
        """Stop the watcher started with `start` and wait for it."""
        task, self._task = self._task, None
        if task is None:
            return
        if self._stop is not None:
            self._stop.set()
        try:
            await asyncio.wait_for(task, timeout)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()
        except Exception:
            log.exception("knowledge watcher stopped with an error")
