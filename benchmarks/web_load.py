"""Load on the web API: N requests from C concurrent clients against a real `python -m bot web`
process (uvicorn on a free loopback port), with httpx.AsyncClient.

Each client has its own keep-alive connection, session id and X-Forwarded-For address in
127.0.0.0/8 (the server believes that header from loopback, as from nginx, so every client
has its own rate-limit bucket at the deployed WEB_RATE_LIMIT), and sends its share of the
requests back to back (closed loop): eval questions, and every fourth a follow-up
("那成功率呢？"). Latency is measured by the client, from sending to the parsed JSON answer.
Traffic goes to 127.0.0.1 only; the run is bounded in count and time and stops the server
with SIGTERM at the end (its exit status is reported).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .timing import percentile

FOLLOW_UPS = ("那成功率呢？", "诉前调解呢？", "那金额呢？")
STATUSES = {"answer", "clarify", "fallback"}
DEADLINE_S = 120.0  # the whole run gives up after this long


@dataclass
class WebLoadResult:
    requests: int
    clients: int
    answered: int = 0
    errors: int = 0
    status_codes: dict[int, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    throughput: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    mean_ms: float = 0.0
    server_p50_ms: float = 0.0  # the engine's own time per question, logged by the server
    server_p99_ms: float = 0.0
    exit_code: int | None = None
    stop_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.answered == self.requests and self.errors == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(knowledge_dir: Path, data_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEB_"))}
    env.update({"DATA_DIR": str(data_dir), "KNOWLEDGE_DIR": str(knowledge_dir), "LOG_LEVEL": "WARNING"})
    with open(log_path, "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "bot", "web", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=data_dir.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


async def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"web server exited with {process.returncode}")
            try:
                if (await client.get(url + "/healthz", timeout=1.0)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError("web server did not answer /healthz")


def _plan(questions: list[str], requests: int, clients: int, seed: int) -> list[list[str]]:
    """Each client's questions: a seeded sample of the eval set, every fourth a follow-up."""
    rng = random.Random(seed)
    share = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    plans = []
    for count in share:
        mine = []
        for j in range(count):
            mine.append(rng.choice(FOLLOW_UPS) if j % 4 == 3 else rng.choice(questions))
        plans.append(mine)
    return plans


async def _client(index: int, url: str, plan: list[str], result: WebLoadResult,
                  latencies: list[float]) -> None:
    import httpx

    headers = {"X-Forwarded-For": f"127.0.{1 + index // 250}.{1 + index % 250}"}
    session = f"bench-{index:04d}-session"
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=10.0,
                                 limits=httpx.Limits(max_connections=1, max_keepalive_connections=1)) as client:
        for question in plan:
            started = time.perf_counter()
            try:
                response = await client.post("/api/ask", json={"q": question, "session": session})
                data = response.json()
            except Exception as exc:  # noqa: BLE001 — counted and reported, never raised
                result.errors += 1
                if len(result.error_samples) < 5:
                    result.error_samples.append(f"{type(exc).__name__}: {exc}")
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            result.status_codes[response.status_code] = result.status_codes.get(response.status_code, 0) + 1
            status = data.get("status") if isinstance(data, dict) else None
            if response.status_code == 200 and status in STATUSES:
                result.answered += 1
                result.statuses[status] = result.statuses.get(status, 0) + 1
            else:
                result.errors += 1
                if len(result.error_samples) < 5:
                    result.error_samples.append(f"HTTP {response.status_code}: {response.text[:120]}")


async def _load(url: str, plans: list[list[str]], result: WebLoadResult) -> list[float]:
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(_client(i, url, plan, result, latencies)
                                            for i, plan in enumerate(plans))), DEADLINE_S)
    result.seconds = time.perf_counter() - started
    return latencies


async def _warm_up(url: str, questions: list[str], count: int) -> None:
    """Untimed requests first (the engine builds some indexes on first use), from their own
    client addresses so they take nothing from the measured clients' buckets."""
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=10.0) as client:
        for i in range(count):
            await client.post("/api/ask", json={"q": questions[i % len(questions)]},
                              headers={"X-Forwarded-For": f"127.0.200.{1 + i % 250}"})


def _server_latencies(data_dir: Path, skip: int) -> list[float]:
    import sqlite3

    with sqlite3.connect(data_dir / "bot.sqlite3") as conn:
        rows = conn.execute("SELECT latency_ms FROM queries WHERE latency_ms IS NOT NULL ORDER BY id").fetchall()
    return [r[0] for r in rows[skip:]]


def run_web_load(questions: list[str], knowledge_dir: Path, *, requests: int = 1000, clients: int = 50,
                 seed: int = 42, warmup: int = 100) -> WebLoadResult:
    result = WebLoadResult(requests=requests, clients=clients)
    plans = _plan(questions, requests, clients, seed)
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-web-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        log_path = Path(tmp) / "web.log"
        process = _start_server(knowledge_dir, data_dir, port, log_path)
        try:
            asyncio.run(_wait_healthy(url, process))
            asyncio.run(_warm_up(url, questions, warmup))
            latencies = asyncio.run(_load(url, plans, result))
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
        if result.exit_code != 0 and len(result.error_samples) < 5:
            result.error_samples.append(f"server exit {result.exit_code}: "
                                        + log_path.read_text(errors="replace")[-300:])
        server = _server_latencies(data_dir, warmup)
    if latencies:
        result.throughput = len(latencies) / result.seconds if result.seconds else 0.0
        result.p50_ms, result.p90_ms, result.p99_ms = (percentile(latencies, q) for q in (50, 90, 99))
        result.max_ms, result.mean_ms = max(latencies), statistics.fmean(latencies)
    if server:
        result.server_p50_ms, result.server_p99_ms = percentile(server, 50), percentile(server, 99)
    return result
