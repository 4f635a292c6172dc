"""Several worker processes serving one listening socket (WEB_WORKERS > 1).

The parent (`web.server`) binds the socket and loads the knowledge base, then
`Supervisor.run()` forks the workers; each runs `target(index, link)`, which serves the
socket with its own uvicorn server (its own event loop, engine, usage recorder and
knowledge watcher) and returns its exit status. The kernel hands each new connection to
one of the workers. The parent only supervises:

* SIGTERM / SIGINT: forwarded to every worker as SIGTERM (a second SIGINT would make
  uvicorn skip the graceful stop); each finishes the requests in flight and exits 0. A
  worker still running `stop_seconds` after the signal is killed. The parent returns 0
  when every worker exited 0.
* A worker that exits with a failure status before it reported ready, while no worker has
  served yet: start-up failed (and would fail again), the others are stopped, the parent
  returns 1. Once the server has served, a worker that cannot start (its state or usage
  file cannot be opened, say) is tried again after a pause that doubles (START_BACKOFF up to
  MAX_BACKOFF) while the others keep serving: healthy workers are never stopped for it.
* A worker that dies otherwise (killed, crashed, or exits while serving): logged and
  replaced by a new fork of the parent at once; more than `max_restarts` in a minute: the
  replacements are paused as above while other workers serve, and the server stops
  (returns 1) only when none does.
* Each worker holds one end of a socket pair (`link`) to the parent: it reports "ready"
  on it (`report_ready`), and a worker stops when the parent's end closes, so no worker
  outlives the parent, even one killed with SIGKILL (`watch_parent`).

Fork, not spawn: workers start with the parent's loaded engine and share its memory pages
until they are written; nothing but plain Python state exists in the parent at fork time
(no event loop, no database connection).
"""

from __future__ import annotations

import logging
import os
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

READY = b"R"
STOP_SECONDS = 4.5  # after SIGTERM, then the stragglers are killed (exit within 5 s)
MAX_RESTARTS = 5  # a minute; more means something is wrong with every worker
RESTART_WINDOW = 60.0
START_BACKOFF = 1.0  # seconds before a worker that failed is tried again; doubles each time
MAX_BACKOFF = 30.0

Target = Callable[[int, socket.socket], int]


class StopFlag:
    """A flag a signal handler may set. Not a threading.Event: Event.set() takes the lock that
    Event.wait() holds for a moment, so a signal landing then deadlocked the worker (it was
    killed after STOP_SECONDS and the server exited 1)."""

    POLL = 0.01

    def __init__(self) -> None:
        self._set = False

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set

    def wait(self, timeout: float) -> bool:
        """True as soon as the flag is set, False after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not self._set:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(left, self.POLL))
        return True


# In a worker: set by SIGTERM / SIGINT whenever the server's own handlers are not installed
# (while it starts, after it stopped), so a signal then never kills it with status -15.
stop_requested = StopFlag()


@dataclass
class Worker:
    index: int
    pid: int
    link: socket.socket  # the parent's end
    ready: bool = False
    status: int | None = None  # exit status once reaped

    @property
    def alive(self) -> bool:
        return self.status is None


@dataclass
class Supervisor:
    target: Target
    count: int
    stop_seconds: float = STOP_SECONDS
    max_restarts: int = MAX_RESTARTS
    on_ready: Callable[[], None] | None = None  # called once every worker has reported ready
    on_stop: Callable[[], None] | None = None  # called when stopping begins (no more workers forked)
    workers: list[Worker] = field(default_factory=list)
    _restarts: list[float] = field(default_factory=list)
    _due: dict[int, float] = field(default_factory=dict)  # index → when its replacement is forked
    _backoff: dict[int, float] = field(default_factory=dict)  # index → its current pause
    _served: bool = False  # a worker has reported ready
    _stopping: str | bool = False  # the signal's name once one arrived
    _wake: tuple[int, int] | None = None

    # --- the parent -----------------------------------------------------------------------

    def run(self) -> int:
        """Fork the workers, supervise them until a signal or a failure; the exit status."""
        self._wake = os.pipe()
        for fd in self._wake:
            os.set_blocking(fd, False)
        handlers = {sig: signal.signal(sig, self._signalled) for sig in (signal.SIGTERM, signal.SIGINT)}
        previous_wakeup = signal.set_wakeup_fd(self._wake[1])
        try:
            for index in range(self.count):
                self.workers.append(self._fork(index))
            status = self._supervise()
            return self._stop(status)
        finally:
            signal.set_wakeup_fd(previous_wakeup)
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
            for fd in self._wake:
                os.close(fd)
            for worker in self.workers:
                worker.link.close()

    def _signalled(self, signum, frame) -> None:
        self._stopping = self._stopping or signal.Signals(signum).name  # logged by the loop, not here

    def _supervise(self) -> int:
        """Until a signal (0) or a failure that leaves nothing serving (1)."""
        all_ready = False
        while not self._stopping:
            links = {w.link.fileno(): w for w in self.workers if w.alive and not w.ready}
            wait = 0.5
            if self._due:
                wait = max(0.0, min(wait, min(self._due.values()) - time.monotonic()))
            readable, _, _ = select.select([self._wake[0], *links], [], [], wait)
            for fd in readable:
                if fd == self._wake[0]:
                    self._drain()
                elif links[fd].link.recv(1) == READY:
                    links[fd].ready = True
                    self._served = True
                    self._backoff.pop(links[fd].index, None)
            for worker in self._reap():
                if self._stopping:
                    break
                status = self._after_exit(worker)
                if status is not None:
                    return status
            now = time.monotonic()
            for index, due in sorted(self._due.items()):
                if now >= due and not self._stopping:
                    del self._due[index]
                    slot = next(i for i, w in enumerate(self.workers) if w.index == index)
                    self.workers[slot].link.close()
                    self.workers[slot] = self._fork(index)
            if not all_ready and all(w.ready for w in self.workers):
                all_ready = True
                if self.on_ready is not None:
                    self.on_ready()
        return 0

    def _after_exit(self, worker: Worker) -> int | None:
        """Schedule the replacement of a worker that exited; 1 when the server should stop."""
        serving = any(w.alive and w.ready for w in self.workers if w is not worker)
        failed_start = not worker.ready and worker.status > 0
        if failed_start and not self._served:  # it gave up starting: so would the next
            logger.error(
                "worker %d (pid %d) failed to start (status %s): stopping", worker.index, worker.pid, worker.status
            )
            return 1
        crowded = not self._may_restart()
        if crowded and not serving:
            logger.error("workers keep dying (%d restarts in a minute): stopping", len(self._restarts))
            return 1
        if failed_start or crowded:
            pause = self._backoff[worker.index] = min(
                self._backoff.get(worker.index, START_BACKOFF / 2) * 2, MAX_BACKOFF
            )
            logger.error(
                "worker %d (pid %d) %s (status %s): trying again in %.0f s; the other workers keep serving",
                worker.index,
                worker.pid,
                "failed to start" if failed_start else "keeps dying",
                worker.status,
                pause,
            )
        else:
            pause = 0.0
            logger.error(
                "worker %d (pid %d) died (status %s): starting a new one", worker.index, worker.pid, worker.status
            )
        self._due[worker.index] = time.monotonic() + pause
        return None

    def _drain(self) -> None:
        try:
            while os.read(self._wake[0], 64):
                pass
        except BlockingIOError:
            pass

    def _may_restart(self) -> bool:
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < RESTART_WINDOW] + [now]
        return len(self._restarts) <= self.max_restarts

    def _reap(self) -> list[Worker]:
        """The workers that exited since the last call (their status recorded)."""
        exited = []
        for worker in self.workers:
            if not worker.alive:
                continue
            pid, raw = os.waitpid(worker.pid, os.WNOHANG)
            if pid:
                worker.status = os.waitstatus_to_exitcode(raw)
                exited.append(worker)
        return exited

    def _stop(self, status: int) -> int:
        """SIGTERM to every worker; wait up to `stop_seconds`, then kill. 0 only if all exited 0."""
        if self._stopping:
            logger.info("received %s: stopping %d workers", self._stopping, len(self.workers))
        if self.on_stop is not None:
            self.on_stop()
        for worker in self.workers:
            if worker.alive:
                try:
                    os.kill(worker.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + self.stop_seconds
        while any(w.alive for w in self.workers) and time.monotonic() < deadline:
            self._reap()
            time.sleep(0.02)
        for worker in self.workers:
            if worker.alive:
                logger.error(
                    "worker %d (pid %d) did not stop in %.1f s: killed", worker.index, worker.pid, self.stop_seconds
                )
                os.kill(worker.pid, signal.SIGKILL)
                os.waitpid(worker.pid, 0)
                worker.status = -signal.SIGKILL
        # pending restarts, and workers still being retried after a failed start, are logged already
        failed = [
            w
            for w in self.workers
            if w.status != 0 and w.index not in self._due and not (w.index in self._backoff and not w.ready)
        ]
        for worker in failed:
            logger.error("worker %d (pid %d) exited with status %s", worker.index, worker.pid, worker.status)
        return status or (1 if failed else 0)

    # --- a worker ---------------------------------------------------------------------------

    def _fork(self, index: int) -> Worker:
        parent_end, child_end = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the parent's code
            status = 1
            try:
                parent_end.close()
                self._forget_parent(index)
                status = self.target(index, child_end)
            except BaseException:
                logger.exception("worker %d failed", index)
            finally:
                for handler in logging.getLogger().handlers:
                    try:
                        handler.flush()
                    except Exception:
                        pass
                os._exit(status)
        child_end.close()
        logger.info("worker %d started (pid %d)", index, pid)
        return Worker(index, pid, parent_end)

    def _forget_parent(self, index: int) -> None:
        """In a new worker: drop what belongs to the parent (signal handlers, its wake-up
        pipe, the other workers' links, whose copies would keep them from seeing EOF)."""
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda signum, frame: stop_requested.set())
        for fd in self._wake or ():
            os.close(fd)
        for worker in self.workers:
            worker.link.close()
        self.workers = []


def report_ready(link: socket.socket) -> None:
    link.sendall(READY)


def watch_parent(link: socket.socket, lost: Callable[[], None]) -> threading.Thread:
    """Call `lost()` (from a daemon thread) when the parent's end of `link` closes."""

    def wait() -> None:
        try:
            while link.recv(64):
                pass
        except OSError:
            pass
        lost()

    thread = threading.Thread(target=wait, name="parent-watch", daemon=True)
    thread.start()
    return thread
