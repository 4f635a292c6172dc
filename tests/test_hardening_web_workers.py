"""Issue 17 (5): a worker that cannot start once the server serves is retried with a growing
pause while the others keep serving; the supervisor never stops healthy workers for it."""

from __future__ import annotations

import os
import signal
import threading
import time

from web.workers import Supervisor, report_ready, stop_requested


def _serve_until_stopped(index, link) -> int:
    report_ready(link)
    while not stop_requested.wait(0.05):
        pass
    return 0


def test_a_worker_that_cannot_start_is_retried_while_the_others_serve(tmp_path):
    attempts = tmp_path / "attempts"

    def target(index, link) -> int:
        if index == 0:
            return _serve_until_stopped(index, link)
        time.sleep(0.2)  # worker 0 is serving by now
        with open(attempts, "a") as handle:
            handle.write(f"{time.monotonic()}\n")
        return 1  # cannot open its state or usage file, say

    threading.Timer(4.0, os.kill, (os.getpid(), signal.SIGTERM)).start()
    forks = []
    supervisor = Supervisor(target, 2)
    real_fork = supervisor._fork
    supervisor._fork = lambda index: forks.append(index) or real_fork(index)
    assert supervisor.run() == 0  # stopped by the signal, not by the failing worker
    serving = next(w for w in supervisor.workers if w.index == 0)
    assert serving.status == 0 and serving.ready
    times = [float(t) for t in attempts.read_text().split()]
    assert 2 <= len(times) <= 3, times  # retried, with pauses of 1 s, then 2 s: not in a tight loop
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(gap >= 0.9 for gap in gaps), gaps
    assert forks.count(0) == 1 and forks.count(1) == len(times)  # the healthy worker was never replaced
