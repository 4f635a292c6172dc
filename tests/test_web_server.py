"""`python -m bot web` as an operator runs it: a real uvicorn process on a loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from web_fixtures import WebServer, free_port, web_server  # noqa: F401


def raw_request(port: int, head: bytes, body: bytes = b"", timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head + body)
        return _read_response(sock)


def _read_response(sock: socket.socket) -> bytes:
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        if not chunk:
            break
        data += chunk
        if b"\r\n\r\n" in data:
            head, _, rest = data.partition(b"\r\n\r\n")
            length = [
                int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
            ]
            if length and len(rest) >= length[0]:
                break
    return data


def test_serves_the_page_and_answers(web_server):
    page = httpx.get(web_server.url + "/")
    assert page.status_code == 200 and "益阳法治问答" in page.text
    assert httpx.get(web_server.url + "/static/app.js").status_code == 200
    answer = httpx.post(web_server.url + "/api/ask", json={"q": "首违不罚了多少家企业"}).json()
    assert answer["status"] == "answer" and "6125家" in answer["answer"]
    assert "server" not in page.headers  # uvicorn's Server header is off


def test_oversized_body_is_refused_before_it_is_sent(web_server):
    """Content-Length of 10 MB and no body at all: the 413 comes back at once, so the
    server did not wait to read the body."""
    head = (
        b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 10000000\r\n\r\n"
    )
    started = time.monotonic()
    response = raw_request(web_server.port, head, timeout=5.0)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert time.monotonic() - started < 4.0
    assert b'"error"' in response


@pytest.mark.parametrize("workers", ["1", "2"])
def test_client_address_comes_from_a_local_proxy(tmp_path, workers):
    """Behind nginx on this machine, each X-Forwarded-For address has its own rate limit, the
    same whichever worker answers (each request on a new connection)."""
    with WebServer(tmp_path / "data", {"WEB_RATE_LIMIT": "2", "WEB_WORKERS": workers}) as server:

        def ask(forwarded):
            return httpx.post(server.url + "/api/ask", json={"q": "网上可办率"}, headers={"X-Forwarded-For": forwarded})

        assert [ask("127.0.5.1").status_code for _ in range(3)] == [200, 200, 429]
        limited = ask("127.0.5.1")
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert ask("127.0.5.2").status_code == 200


def test_sigterm_finishes_the_request_in_flight_and_exits_0(tmp_path):
    with WebServer(tmp_path / "data") as server:
        body = '{"q": "执法记录仪配了多少台"}'.encode()
        head = (
            b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
        )
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        try:
            sock.sendall(head + body[:5])  # the request is in flight: half its body sent
            time.sleep(0.3)
            started = time.monotonic()
            server.process.send_signal(__import__("signal").SIGTERM)
            time.sleep(0.5)
            sock.sendall(body[5:])
            response = _read_response(sock)
        finally:
            sock.close()
        assert response.startswith(b"HTTP/1.1 200"), response[:300]
        assert "4400台".encode() in response
        code = server.process.wait(10)
        elapsed = time.monotonic() - started
        log = server.log()
        assert code == 0, log
        assert elapsed < 5.0, elapsed
        assert "Traceback" not in log and "stopped" in log
        # no new connections once stopping
        try:
            refused = httpx.get(server.url + "/healthz", timeout=1.0).status_code != 200
        except httpx.HTTPError:
            refused = True
        assert refused


def test_idle_server_stops_quickly_on_sigterm(web_server):
    httpx.get(web_server.url + "/healthz")
    started = time.monotonic()
    assert web_server.stop() == 0
    assert time.monotonic() - started < 5.0


def test_questions_reach_report_with_their_channel(tmp_path):
    data_dir = tmp_path / "data"
    with WebServer(data_dir) as server:
        for question in ("网上可办率", "明天天气怎么样"):
            assert (
                httpx.post(server.url + "/api/ask", json={"q": question, "session": "abcdefgh1234"}).status_code == 200
            )
        assert httpx.post(server.url + "/api/feedback", json={"entry_id": "online_rate", "vote": 1}).status_code == 200
        assert server.stop() == 0  # the writes after each response are done by then
    done = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--days", "1"],
        cwd=tmp_path,
        env={**server.env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "提问 2 次，来自 1 位用户" in done.stdout and "渠道：网页 2" in done.stdout
    assert "评价：👍 1 · 👎 0" in done.stdout


def test_port_in_use_is_a_clear_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "bot", "web", "--port", str(port)],
            cwd=tmp_path,
            env={**WebServer(tmp_path / "data").env},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert "WEB_HOST/WEB_PORT" in done.stderr and str(port) in done.stderr


def test_bad_settings_name_the_key(tmp_path):
    env = {**WebServer(tmp_path / "data").env, "WEB_ALLOWED_ORIGINS": "example.cn"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "web"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and "配置错误 WEB_ALLOWED_ORIGINS" in done.stderr
    bad_port = subprocess.run(
        [sys.executable, "-m", "bot", "web", "--port", "70000"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad_port.returncode == 2 and "port" in bad_port.stderr


def test_host_and_port_from_settings(tmp_path):
    port = free_port()
    env = {**WebServer(tmp_path / "data").env, "WEB_PORT": str(port), "WEB_HOST": "127.0.0.1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        else:
            raise AssertionError("no answer on WEB_PORT")
    finally:
        process.terminate()
        assert process.wait(10) == 0


def test_knowledge_edits_are_reloaded_while_serving(tmp_path, kb_copy):
    """An admin adds a phrasing (as /unanswered's button does): the web server answers it
    without a restart."""
    from bot.knowledge.edit import add_phrasing

    question = "高新区审批下放情况怎样"  # one worker here; every worker reloads: test_web_workers.py
    with WebServer(tmp_path / "data", {"KNOWLEDGE_DIR": str(kb_copy), "WEB_WORKERS": "1"}) as server:

        def asked():
            return httpx.post(server.url + "/api/ask", json={"q": question}).json()

        before = asked()
        assert before.get("entry_id") != "park_empowered_items"
        assert add_phrasing(kb_copy, "park_empowered_items", question).ok
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and asked().get("entry_id") != "park_empowered_items":
            time.sleep(0.2)
        assert asked()["entry_id"] == "park_empowered_items", server.log()
