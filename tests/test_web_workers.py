"""`python -m bot web` with several worker processes: context shared across workers, SIGTERM
stopping every worker, workers replaced when they die and gone when the parent is, knowledge
reloaded in each worker."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from web_fixtures import WebServer

from web.workers import Supervisor, report_ready, stop_requested

QUESTION, FOLLOW_UP = "人民调解化解了多少纠纷", "那成功率呢"
LOG_LINE = re.compile(r"\[(\d+)\] web\.api: question channel=web status=(\w+) kind=(\w+) entry=(\S+)")


def workers_of(server: WebServer) -> set[int]:
    """The worker processes' pids (children of the server process)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == server.process.pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def answered_by(log: str) -> list[tuple[int, str, str]]:
    """(worker pid, kind, entry) for each question, in the order they were answered."""
    return [(int(pid), kind, entry) for pid, _, kind, entry in LOG_LINE.findall(log)]


def ask(server: WebServer, question: str, session: str) -> dict:
    # a new connection each time: the kernel hands each one to either worker
    response = httpx.post(server.url + "/api/ask", json={"q": question, "session": session}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def all_ready(server: WebServer, timeout: float = 20.0) -> WebServer:
    """Wait until the parent logged that every worker is serving."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and "serving http" not in server.log():
        time.sleep(0.05)
    assert "serving http" in server.log(), server.log()
    return server


@pytest.fixture
def two_workers(tmp_path):
    with WebServer(tmp_path / "data", {"WEB_WORKERS": "2"}) as server:
        yield all_ready(server)


def test_two_workers_share_follow_up_context(two_workers):
    server = two_workers
    assert len(workers_of(server)) == 2
    session = "shared-context-0001"
    for _ in range(30):
        first = ask(server, QUESTION, session)
        assert first["entry_id"] == "people_mediation_disputes"
        follow = ask(server, FOLLOW_UP, session)
        assert follow["status"] == "answer" and follow["kind"] == "followup", follow
        assert follow["entry_id"] == "people_mediation_success_rate"
    assert server.stop() == 0
    served = answered_by(server.log())
    assert len(served) == 60
    assert len({pid for pid, _, _ in served}) == 2, "both workers answered"
    crossed = [i for i in range(0, 60, 2) if served[i][0] != served[i + 1][0]]
    assert crossed, "some follow-ups were answered by the other worker than their question"
    assert all(served[i + 1][1:] == ("followup", "people_mediation_success_rate") for i in crossed)
    assert (server.data_dir / "web-sessions.sqlite3").exists()


def test_one_worker_keeps_context_in_memory(tmp_path):
    with WebServer(tmp_path / "data", {"WEB_WORKERS": "1"}) as server:
        assert workers_of(server) == set()  # serves in its own process
        ask(server, QUESTION, "memory-context-01")
        assert ask(server, FOLLOW_UP, "memory-context-01")["entry_id"] == "people_mediation_success_rate"
        assert server.stop() == 0
    assert not (tmp_path / "data" / "web-sessions.sqlite3").exists()


def test_workers_flag_overrides_the_setting(tmp_path):
    server = WebServer(tmp_path / "data", {"WEB_WORKERS": "1"})
    server.args = ["--workers", "3"]
    with server:
        assert len(workers_of(server)) == 3
        assert "with 3 worker processes" in all_ready(server).log()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_finishes_the_request_in_flight_and_exits_0(tmp_path, workers):
    with WebServer(tmp_path / "data", {"WEB_WORKERS": workers}) as server:
        children = workers_of(server if workers == "1" else all_ready(server))
        body = '{"q": "执法记录仪配了多少台"}'.encode()
        head = (
            b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
        )
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        try:
            sock.sendall(head + body[:5])  # in flight: half the body sent
            time.sleep(0.3)
            started = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            sock.sendall(body[5:])
            response = sock.recv(65536)
        finally:
            sock.close()
        assert response.startswith(b"HTTP/1.1 200"), response[:300]
        code = server.process.wait(10)
        elapsed = time.monotonic() - started
        assert code == 0, server.log()
        assert elapsed < 5.0, elapsed
        assert not [pid for pid in children if alive(pid)], "every worker has exited"
        assert "Traceback" not in server.log() and "stopped" in server.log()
        with pytest.raises(httpx.HTTPError):
            httpx.get(server.url + "/healthz", timeout=1.0)


def test_idle_workers_stop_quickly_on_sigterm(two_workers):
    children = workers_of(two_workers)
    started = time.monotonic()
    assert two_workers.stop() == 0
    assert time.monotonic() - started < 5.0
    assert not [pid for pid in children if alive(pid)]


def test_a_dead_worker_is_replaced_and_context_survives(two_workers):
    server = two_workers
    session = "survivor-context-01"
    ask(server, QUESTION, session)
    victim = min(workers_of(server))
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (victim in workers_of(server) or len(workers_of(server)) < 2):
        time.sleep(0.1)
    assert victim not in workers_of(server) and len(workers_of(server)) == 2, server.log()
    assert ask(server, FOLLOW_UP, session)["entry_id"] == "people_mediation_success_rate"  # kept
    for _ in range(10):  # and the new worker serves with the others
        ask(server, QUESTION, session)
        assert ask(server, FOLLOW_UP, session)["entry_id"] == "people_mediation_success_rate"
    assert "died" in server.log()
    assert server.stop() == 0
    assert len({pid for pid, _, _ in answered_by(server.log())} - {victim}) == 2


def test_workers_stop_when_the_parent_is_killed(two_workers):
    children = workers_of(two_workers)
    two_workers.process.kill()
    two_workers.process.wait(5)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.05)
    assert not [pid for pid in children if alive(pid)], "no worker outlives the parent"


def test_bad_workers_value_names_the_key(tmp_path):
    env = WebServer(tmp_path / "data").env
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "web"],
        cwd=tmp_path,
        env={**env, "WEB_WORKERS": "many"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "配置错误 WEB_WORKERS" in bad.stderr
    flag = subprocess.run(
        [sys.executable, "-m", "bot", "web", "--workers", "0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert flag.returncode == 2 and "工作进程数" in flag.stderr


def test_port_in_use_is_one_clear_error_with_workers(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "bot", "web", "--port", str(port), "--workers", "2"],
            cwd=tmp_path,
            env=WebServer(tmp_path / "data").env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert "WEB_HOST/WEB_PORT" in done.stderr and str(port) in done.stderr
    assert "worker 0 started" not in done.stderr


def test_every_worker_reloads_edited_knowledge(tmp_path, kb_copy):
    from bot.knowledge.edit import add_phrasing

    question = "高新区审批下放情况怎样"
    with WebServer(tmp_path / "data", {"KNOWLEDGE_DIR": str(kb_copy), "WEB_WORKERS": "2"}) as server:
        all_ready(server)

        def entry() -> str | None:
            return httpx.post(server.url + "/api/ask", json={"q": question}, timeout=10).json().get("entry_id")

        assert entry() != "park_empowered_items"
        assert add_phrasing(kb_copy, "park_empowered_items", question).ok
        deadline = time.monotonic() + 20
        streak = 0
        while time.monotonic() < deadline and streak < 20:
            streak = streak + 1 if entry() == "park_empowered_items" else 0
            time.sleep(0.05 if streak else 0.2)
        assert streak == 20, server.log()
        assert server.stop() == 0
    reloaded = re.findall(r"\[(\d+)\] bot\.knowledge\.reload: knowledge reloaded", server.log())
    assert len(set(reloaded)) == 2, server.log()


# --- the supervisor on its own (workers forked from this test process) ------------------------------


def _signal_self_soon(delay: float = 0.3) -> None:
    import threading

    threading.Timer(delay, os.kill, (os.getpid(), signal.SIGTERM)).start()


def _serve_until_stopped(index, link) -> int:
    report_ready(link)
    while not stop_requested.wait(0.05):
        pass
    return 0


def test_supervisor_stops_ready_workers_on_sigterm_and_returns_0():
    ready = []
    supervisor = Supervisor(_serve_until_stopped, 2, on_ready=lambda: (ready.append(True), _signal_self_soon()))
    started = time.monotonic()
    assert supervisor.run() == 0
    assert ready == [True] and time.monotonic() - started < 5
    assert [w.status for w in supervisor.workers] == [0, 0]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL or callable(signal.getsignal(signal.SIGTERM))


def _ready_late(index, link) -> int:
    time.sleep(0.5)
    return _serve_until_stopped(index, link)


def test_supervisor_returns_1_when_a_worker_fails_to_start():
    """Before any worker has served: start-up failed, and would fail again."""
    supervisor = Supervisor(lambda index, link: 1 if index == 1 else _ready_late(index, link), 2)
    started = time.monotonic()
    assert supervisor.run() == 1
    assert time.monotonic() - started < 5
    assert all(not w.alive for w in supervisor.workers)


def _ignore_sigterm(index, link) -> int:
    report_ready(link)
    while True:
        time.sleep(0.05)


def test_supervisor_kills_a_worker_that_does_not_stop():
    supervisor = Supervisor(_ignore_sigterm, 1, stop_seconds=0.5, on_ready=_signal_self_soon)
    started = time.monotonic()
    assert supervisor.run() == 1
    assert time.monotonic() - started < 3
    assert supervisor.workers[0].status == -signal.SIGKILL


def _die_after_start(index, link) -> int:
    report_ready(link)
    return 3


def test_supervisor_gives_up_on_workers_that_keep_dying():
    supervisor = Supervisor(_die_after_start, 1, max_restarts=3)
    assert supervisor.run() == 1
    assert len(supervisor._restarts) == 4


def _killed_while_starting(index, link) -> int:
    if not os.path.exists(MARK):
        open(MARK, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)  # the first one dies before it is ready (OOM, say)
    return _serve_until_stopped(index, link)


MARK = f"/tmp/web-supervisor-mark-{os.getpid()}"


def test_supervisor_replaces_a_worker_killed_while_starting():
    try:
        supervisor = Supervisor(_killed_while_starting, 1, on_ready=_signal_self_soon)
        assert supervisor.run() == 0
        assert len(supervisor._restarts) == 1
    finally:
        if os.path.exists(MARK):
            os.unlink(MARK)


def test_warm_up_builds_what_the_engine_builds_on_first_use(engine):
    """Done once in the parent before forking, so no worker's first visitor waits for the
    word list (about 0.3 s) or the indexes; answers are unchanged and nothing is remembered."""
    from bot.text import lexicon
    from web.server import warm

    lexicon.frequencies.cache_clear()
    before = engine.respond("明天天气怎么样").to_json()
    lexicon.frequencies.cache_clear()
    warm(engine)
    assert lexicon.frequencies.cache_info().currsize == 1
    assert engine.respond("明天天气怎么样").to_json() == before


STOP_FLAG_STRESS = """
import random, signal
from web.workers import StopFlag
for _ in range(1500):
    flag = StopFlag()
    signal.signal(signal.SIGALRM, lambda s, f: flag.set())
    signal.setitimer(signal.ITIMER_REAL, random.uniform(0.0001, 0.002))
    while not flag.wait(0.0003):
        pass
print("stopped every time")
"""


def test_a_signal_landing_while_the_worker_waits_always_stops_it():
    """The worker's stop flag is set from a signal handler: a threading.Event deadlocked when the
    signal landed while wait() held its lock (the worker was killed after STOP_SECONDS and the
    server exited 1); this loop hangs with an Event and finishes with StopFlag."""
    done = subprocess.run(
        [sys.executable, "-c", STOP_FLAG_STRESS], capture_output=True, text=True, timeout=60, cwd=os.getcwd()
    )
    assert done.returncode == 0 and "stopped every time" in done.stdout, done.stderr
