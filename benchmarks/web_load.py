"""Load on the web API: N requests from C concurrent clients against a real `python -m bot web`
process (uvicorn on a free loopback port), driven by aiohttp.

There are `clients` simulated visitors, each with its own session id and X-Forwarded-For
address in 127.0.0.0/8 (the server believes that header from loopback, as from nginx, so
each visitor has its own rate-limit bucket at the deployed WEB_RATE_LIMIT), each asking
its share of the requests: eval questions, and every fourth a follow-up ("那成功率呢？").
`concurrency` keep-alive connections send them back to back (closed loop); at full
concurrency every visitor has its own connection. Latency is measured by the client, from
sending to the parsed JSON answer. aiohttp, not httpx.AsyncClient: as a load generator
httpx needs more CPU per request than this server, and would measure itself.
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

from .timing import percentile

FOLLOW_UPS = ("那成功率呢？", "诉前调解呢？", "那金额呢？")
STATUSES = {"answer", "clarify", "fallback"}
DEADLINE_S = 120.0  # the whole run gives up after this long


@dataclass
class WebLoadRun:
    concurrency: int
    requests: int
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

    @property
    def ok(self) -> bool:
        return self.answered == self.requests and self.errors == 0


@dataclass
class WebLoadResult:
    clients: int
    runs: list[WebLoadRun] = field(default_factory=list)
    exit_code: int | None = None
    stop_seconds: float = 0.0
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and all(run.ok for run in self.runs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(knowledge_dir: Path, data_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    """As deployed (default settings, INFO logging to a file), on a fresh database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEB_", "LOG_LEVEL"))}
    env.update({"DATA_DIR": str(data_dir), "KNOWLEDGE_DIR": str(knowledge_dir)})
    with open(log_path, "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "bot", "web", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=data_dir.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


async def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    import aiohttp

    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"web server exited with {process.returncode}")
            try:
                async with session.get(url + "/healthz", timeout=aiohttp.ClientTimeout(total=1)) as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
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


async def _connection(url: str, visitors: list[_Visitor], run: WebLoadRun, latencies: list[float]) -> None:
    """One keep-alive connection asking for its visitors in turn, one request at a time."""
    import aiohttp

    turns = [(v, v.questions[step]) for step in range(max(len(v.questions) for v in visitors))
             for v in visitors if step < len(v.questions)]
    async with aiohttp.ClientSession(url, connector=aiohttp.TCPConnector(limit=1),
                                     timeout=aiohttp.ClientTimeout(total=10)) as session:
        for visitor, question in turns:
            started = time.perf_counter()
            try:
                async with session.post("/api/ask", json={"q": question, "session": visitor.session},
                                        headers={"X-Forwarded-For": visitor.address}) as response:
                    data = await response.json(content_type=None)
                    code = response.status
            except Exception as exc:  # noqa: BLE001 — counted and reported, never raised
                run.errors += 1
                if len(run.error_samples) < 5:
                    run.error_samples.append(f"{type(exc).__name__}: {exc}")
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


async def _run(url: str, visitors: list[_Visitor], concurrency: int) -> tuple[WebLoadRun, list[float]]:
    run = WebLoadRun(concurrency=concurrency, requests=sum(len(v.questions) for v in visitors))
    latencies: list[float] = []
    groups = [visitors[k::concurrency] for k in range(concurrency)]
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(_connection(url, g, run, latencies) for g in groups if g)),
                           DEADLINE_S)
    run.seconds = time.perf_counter() - started
    if latencies:
        run.throughput = len(latencies) / run.seconds if run.seconds else 0.0
        run.p50_ms, run.p90_ms, run.p99_ms = (percentile(latencies, q) for q in (50, 90, 99))
        run.max_ms = max(latencies)
    return run, latencies


def _server_latencies(data_dir: Path) -> list[float]:
    import sqlite3

    with sqlite3.connect(data_dir / "bot.sqlite3") as conn:
        return [r[0] for r in conn.execute("SELECT latency_ms FROM queries ORDER BY id")]


def run_web_load(questions: list[str], knowledge_dir: Path, *, requests: int = 1000, clients: int = 50,
                 concurrencies: tuple[int, ...] = (1, 10, 50), seed: int = 42,
                 warmup: int = 200) -> WebLoadResult:
    """One server; a warm-up, then `requests` from `clients` visitors at each concurrency
    (fresh visitors each time: every bucket and session starts new)."""
    result = WebLoadResult(clients=clients)
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-web-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        log_path = Path(tmp) / "web.log"
        process = _start_server(knowledge_dir, data_dir, port, log_path)
        counts: list[int] = []
        try:
            asyncio.run(_wait_healthy(url, process))
            # untimed: the engine builds some indexes on first use
            asyncio.run(_run(url, _visitors(questions, warmup, clients, seed, 200), clients))
            counts.append(warmup)
            for i, concurrency in enumerate(concurrencies):
                visitors = _visitors(questions, requests, clients, seed + i, 201 + i)
                run, _ = asyncio.run(_run(url, visitors, min(concurrency, clients)))
                result.runs.append(run)
                counts.append(run.answered)
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
        logged = _server_latencies(data_dir)
    at = counts[0] if counts else 0
    for run, count in zip(result.runs, counts[1:]):  # rows are logged in the order answered
        mine = logged[at:at + count]
        at += count
        if mine:
            run.server_p50_ms, run.server_p99_ms = percentile(mine, 50), percentile(mine, 99)
    return result
