"""Load on the web API: N requests from C concurrent clients against a real `python -m bot web`
process (uvicorn on a free loopback port, its default worker processes unless told), driven
by a minimal asyncio HTTP/1.1 client (`http_client`).

There are `clients` simulated visitors, each with its own session id and X-Forwarded-For
address in 127.0.0.0/8 (the server believes that header from loopback, as from nginx, so
each visitor has its own rate-limit bucket at the deployed WEB_RATE_LIMIT), each asking
its share of the requests: eval questions, and every fourth a follow-up ("那成功率呢？").
`concurrency` keep-alive connections send them back to back (closed loop); at full
concurrency every visitor has its own connection. Latency is measured by the client, from
sending to the parsed JSON answer. The client shares the cores with the server, so it must
cost little CPU: httpx cost more per request than the server, aiohttp a third of it (it
would measure itself); `http_client` costs a tenth of aiohttp.
Traffic goes to 127.0.0.1 only; every run is bounded in count and time, and the server is
stopped with SIGTERM at the end (its exit status and stop time are reported).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.http_client import Connection, HttpError
from benchmarks.timing import percentile

FOLLOW_UPS = ("那成功率呢？", "诉前调解呢？", "那金额呢？")
STATUSES = {"answer", "clarify", "fallback"}
DEADLINE_S = 120.0  # the whole run gives up after this long


@dataclass
class WebLoadRun:
    concurrency: int
    requests: int
    workers: int = 1
    answered: int = 0
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    throughput: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    server_p50_ms: float = 0.0  # the server's own time per question (engine and reply), as logged
    server_p99_ms: float = 0.0
    server_cpu_ms: float = 0.0  # CPU time of the server's processes per request (Linux /proc)
    client_cpu_ms: float = 0.0  # CPU time of this load generator per request
    sessions: list[str] = field(default_factory=list, repr=False)  # to find its rows in the database

    @property
    def ok(self) -> bool:
        return self.answered == self.requests and self.errors == 0


@dataclass
class WebLoadResult:
    clients: int
    workers: int = 1
    runs: list[WebLoadRun] = field(default_factory=list)
    exit_code: int | None = None
    stop_seconds: float = 0.0
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and all(run.ok for run in self.runs)


def _tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of process `root` and its children so far (0.0 without /proc)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, parents = 0, {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return 0.0
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    for pid, (ppid, used) in parents.items():
        if pid == root or ppid == root:
            total += used
    return total / ticks


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(
    knowledge_dir: Path,
    data_dir: Path,
    port: int,
    log_path: Path,
    workers: int | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.Popen:
    """As deployed (default settings, INFO logging to a file), on a fresh database; `workers`
    sets WEB_WORKERS (default: the server's own, the CPUs up to 4)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEB_", "LOG_LEVEL", "HASH_KEY"))}
    env.update({"DATA_DIR": str(data_dir), "KNOWLEDGE_DIR": str(knowledge_dir)})
    if workers is not None:
        env["WEB_WORKERS"] = str(workers)
    env.update(extra_env or {})  # e.g. REDIS_URL, DATABASE_URL, HASH_KEY: several machines' backends
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "web", "--host", "127.0.0.1", "--port", str(port)],
            cwd=data_dir.parent,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


async def _wait_healthy(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"web server exited with {process.returncode}")
        connection = Connection("127.0.0.1", port, timeout=1.0)
        try:
            if (await connection.request("GET", "/healthz"))[0] == 200:
                return
        except HttpError:
            pass
        finally:
            await connection.close()
        await asyncio.sleep(0.05)
    raise RuntimeError("web server did not answer /healthz")


@dataclass
class _Visitor:
    address: str
    session: str
    questions: list[str]


def _visitors(questions: list[str], requests: int, clients: int, seed: int, octet: int) -> list[_Visitor]:
    """`clients` visitors sharing `requests`: seeded eval questions, every fourth a follow-up."""
    rng = random.Random(seed)
    share = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    visitors = []
    for i, count in enumerate(share):
        asked = [rng.choice(FOLLOW_UPS) if j % 4 == 3 else rng.choice(questions) for j in range(count)]
        visitors.append(_Visitor(f"127.{octet}.{1 + i // 250}.{1 + i % 250}", f"bench-{octet}-{i:04d}-s", asked))
    return visitors


async def _connection(port: int, visitors: list[_Visitor], run: WebLoadRun, latencies: list[float]) -> None:
    """One keep-alive connection asking for its visitors in turn, one request at a time."""
    turns = [
        (v, v.questions[step])
        for step in range(max(len(v.questions) for v in visitors))
        for v in visitors
        if step < len(v.questions)
    ]
    connection = Connection("127.0.0.1", port)
    try:
        for visitor, question in turns:
            started = time.perf_counter()
            try:
                code, data = await connection.request(
                    "POST",
                    "/api/ask",
                    {"q": question, "session": visitor.session},
                    {"X-Forwarded-For": visitor.address},
                )
            except HttpError as exc:  # counted and reported, never raised
                run.errors += 1
                if len(run.error_samples) < 5:
                    run.error_samples.append(str(exc))
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            status = data.get("status") if isinstance(data, dict) else None
            if code == 200 and status in STATUSES:
                run.answered += 1
                run.statuses[status] = run.statuses.get(status, 0) + 1
            else:
                run.errors += 1
                if len(run.error_samples) < 5:
                    run.error_samples.append(f"HTTP {code}: {str(data)[:120]}")
    finally:
        await connection.close()


async def _run(port: int, visitors: list[_Visitor], concurrency: int) -> tuple[WebLoadRun, list[float]]:
    run = WebLoadRun(
        concurrency=concurrency,
        requests=sum(len(v.questions) for v in visitors),
        sessions=[v.session for v in visitors],
    )
    latencies: list[float] = []
    groups = [visitors[k::concurrency] for k in range(concurrency)]
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(_connection(port, g, run, latencies) for g in groups if g)), DEADLINE_S)
    run.seconds = time.perf_counter() - started
    if latencies:
        run.throughput = len(latencies) / run.seconds if run.seconds else 0.0
        run.p50_ms, run.p90_ms, run.p99_ms = (percentile(latencies, q) for q in (50, 90, 99))
        run.max_ms = max(latencies)
    return run, latencies


def _drive(coroutine):
    """Run on uvloop where it is installed (as the server does): a third less CPU per
    request than asyncio's own loop, which matters on cores shared with the server."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


def _server_latencies(data_dir: Path, sessions: list[str], extra_env: dict[str, str] | None = None) -> list[float]:
    """What the server logged for these visitors' questions (several workers write their
    rows in interleaved batches, so a run's rows are found by its visitors' hashes)."""
    from bot.storage.database import Storage
    from bot.storage.postgres import PostgresStorage
    from web.api import user_key

    extra_env = extra_env or {}
    if extra_env.get("DATABASE_URL"):
        storage = PostgresStorage.open(extra_env["DATABASE_URL"], hash_key=extra_env["HASH_KEY"])
    else:
        storage = Storage.open(data_dir, hash_key=extra_env.get("HASH_KEY", ""))
    try:
        hashes = {storage.user_hash(user_key(session)) for session in sessions}
        rows = storage._fetchall("SELECT user_hash, latency_ms FROM queries")
    finally:
        storage.close()
    return [latency for user, latency in rows if user in hashes]


def run_web_load(
    questions: list[str],
    knowledge_dir: Path,
    *,
    requests: int = 1000,
    clients: int = 50,
    concurrencies: tuple[int, ...] = (1, 10, 50),
    seed: int = 42,
    warmup: int = 200,
    workers: int | None = None,
    extra_env: dict[str, str] | None = None,
) -> WebLoadResult:
    """One server (`workers` worker processes; None: its default); a warm-up, then
    `requests` from `clients` visitors at each concurrency (fresh visitors each time: every
    bucket and session starts new). `extra_env` adds settings (REDIS_URL, DATABASE_URL, HASH_KEY)."""
    from bot.config import default_web_workers

    result = WebLoadResult(clients=clients, workers=workers or default_web_workers())
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-web-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        port = _free_port()
        log_path = Path(tmp) / "web.log"
        process = _start_server(knowledge_dir, data_dir, port, log_path, workers, extra_env)
        try:
            _drive(_wait_healthy(port, process))
            # untimed: caches fill, every worker gets connections
            _drive(_run(port, _visitors(questions, warmup, clients, seed, 200), clients))
            for i, concurrency in enumerate(concurrencies):
                visitors = _visitors(questions, requests, clients, seed + i, 201 + i)
                server_before, client_before = _tree_cpu_seconds(process.pid), time.process_time()
                run, _ = _drive(_run(port, visitors, min(concurrency, clients)))
                run.server_cpu_ms = (_tree_cpu_seconds(process.pid) - server_before) / run.requests * 1000
                run.client_cpu_ms = (time.process_time() - client_before) / run.requests * 1000
                run.workers = result.workers
                result.runs.append(run)
        finally:
            stopping = time.perf_counter()
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                result.exit_code = process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                result.exit_code = process.wait()
            result.stop_seconds = time.perf_counter() - stopping
        if result.exit_code != 0:
            result.note = f"server exit {result.exit_code}: " + log_path.read_text(errors="replace")[-300:]
        for run in result.runs:
            mine = _server_latencies(data_dir, run.sessions, extra_env)
            if mine:
                run.server_p50_ms, run.server_p99_ms = percentile(mine, 50), percentile(mine, 99)
    return result
