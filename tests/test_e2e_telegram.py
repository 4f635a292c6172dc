"""End to end: the real `python -m bot run` process against a fake Bot API on 127.0.0.1.

The fake server (`FakeBotApi` from conftest.py behind `http.server`) speaks Bot API JSON:
getMe, deleteWebhook/setWebhook, setMyCommands, getUpdates (long polling over a queue the
test fills), sendMessage, editMessage*, answerCallbackQuery, … As a user the test sends
/start, a question and a clarify-button press, checks each reply as it arrives over HTTP,
then sends SIGTERM and expects a clean exit within a few seconds, with the token never
written to the logs (LOG_LEVEL=DEBUG, so httpx and PTB log every URL they touch).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from benchmarks.fake_bot_api import TEST_TOKEN, ApiCall, FakeBotApi
from bot.config import DEFAULT_KNOWLEDGE_DIR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGTERM")

START_TIMEOUT = 60.0  # importing telegram + loading the knowledge base, on a slow CI box
REPLY_TIMEOUT = 15.0
STOP_SECONDS = 5.0

USER = {"id": 1001, "is_bot": False, "first_name": "小李", "language_code": "zh-hans"}
CHAT = {"id": 1001, "type": "private", "first_name": "小李"}


def _decode(value: str):
    """PTB posts form fields; non-string parameters are JSON-encoded."""
    if value[:1] in "{[" or value in ("true", "false") or value.lstrip("-").isdigit():
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class BotApiServer:
    """`FakeBotApi` over HTTP: POST /bot<token>/<method>, long-polled getUpdates."""

    def __init__(self, api: FakeBotApi, token: str = TEST_TOKEN):
        self.api = api
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                self.do_POST()

            def do_POST(self):
                try:
                    outer.serve(self, token)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot cancelled a long poll on shutdown

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # the bot opens up to 256 connections in a burst

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, request: BaseHTTPRequestHandler, token: str) -> None:
        path = urllib.parse.urlsplit(request.path).path
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        prefix = f"/bot{token}/"
        if not path.startswith(prefix):
            return self.reply(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = path[len(prefix) :]
        ctype = request.headers.get("Content-Type", "")
        if "json" in ctype:
            params = json.loads(raw or b"{}")
        else:
            params = {k: _decode(v[-1]) for k, v in urllib.parse.parse_qs(raw.decode(), keep_blank_values=True).items()}
        wait = min(float(params.get("timeout") or 0), 10.0)  # getUpdates long polling
        status, body = self.api.handle(method, params, long_poll=wait)
        self.reply(request, status, body)

    @staticmethod
    def reply(request: BaseHTTPRequestHandler, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def __enter__(self) -> BotApiServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BotProcess:
    """`python -m bot run` with a clean environment; stderr goes to a file we can read."""

    def __init__(self, tmp_path: Path, api_url: str, command: list[str] | None = None, **extra_env: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "ADMIN_", "LOG_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=TEST_TOKEN,
            TELEGRAM_API_URL=api_url,
            LOG_LEVEL="DEBUG",
            KNOWLEDGE_DIR=str(DEFAULT_KNOWLEDGE_DIR),
            DATA_DIR=str(tmp_path / "data"),
            PYTHONUNBUFFERED="1",
        )
        env.update(extra_env)
        self.log_path = tmp_path / "bot.log"
        self.log = open(self.log_path, "w", encoding="utf-8")
        # cwd=tmp_path: no stray .env from the developer's checkout
        self.proc = subprocess.Popen(
            command or [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"bot did not stop within 20 s after SIGTERM:\n{self.output()[-3000:]}")
        return code, time.monotonic() - started

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture
def server(bot_api):
    with BotApiServer(bot_api) as running:
        yield running


def _message_update(update_id: int, text: str) -> dict:
    message = {"message_id": update_id, "from": USER, "chat": CHAT, "date": int(time.time()), "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def _send(api: FakeBotApi, update: dict) -> int:
    """Queue an update for getUpdates; return the call index to wait from."""
    start = len(api.calls)
    api.push_update(update)
    return start


def _is_send_to(chat_id: int):
    return lambda c: c.method == "sendMessage" and int(c.params.get("chat_id", 0)) == chat_id


def _buttons(call: ApiCall) -> list[dict]:
    return [b for row in call.params.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


def test_polling_bot_answers_a_user_and_stops_cleanly_on_sigterm(server, bot_api, tmp_path):
    bot = BotProcess(tmp_path, server.url)
    try:
        try:
            bot_api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
        except AssertionError:
            pytest.fail(f"bot never polled; its log:\n{bot.output()[-3000:]}")
        methods = [c.method for c in bot_api.calls]
        assert methods[0] == "getMe"
        assert "setMyCommands" in methods and "deleteWebhook" in methods
        commands = next(c for c in bot_api.calls if c.method == "setMyCommands").params["commands"]
        assert [c["command"] for c in commands] == ["start", "help", "topics", "data", "ask"]

        # /start
        start = _send(bot_api, _message_update(1, "/start"))
        welcome = bot_api.wait_for(_is_send_to(1001), REPLY_TIMEOUT, start)
        assert "益阳法治问答" in welcome.params["text"]
        assert welcome.params["parse_mode"] == "HTML"
        assert welcome.params["link_preview_options"] == {"is_disabled": True}
        assert any(b["callback_data"].startswith("o:") for b in _buttons(welcome))

        # a question
        start = _send(bot_api, _message_update(2, "执法记录仪配备数量"))
        answer = bot_api.wait_for(_is_send_to(1001), REPLY_TIMEOUT, start)
        assert "<b>执法记录仪配备数量：4400台</b>" in answer.params["text"]
        assert "fb:+:body_cameras" in [b["callback_data"] for b in _buttons(answer)]

        # a question with two readings, then pressing one of the offered buttons
        start = _send(bot_api, _message_update(3, "调解成功率"))
        clarify = bot_api.wait_for(_is_send_to(1001), REPLY_TIMEOUT, start)
        assert "您是想问" in clarify.params["text"]
        option = next(b for b in _buttons(clarify) if "诉前调解成功率" in b["text"])
        start = _send(
            bot_api,
            {
                "update_id": 4,
                "callback_query": {
                    "id": "e2e-press",
                    "from": USER,
                    "chat_instance": "-100",
                    "data": option["callback_data"],
                    "message": clarify.result,
                },
            },
        )
        acked = bot_api.wait_for(lambda c: c.method == "answerCallbackQuery", REPLY_TIMEOUT, start)
        assert acked.params["callback_query_id"] == "e2e-press"
        pressed = bot_api.wait_for(_is_send_to(1001), REPLY_TIMEOUT, start)
        assert "<b>诉前调解成功率：56.8%</b>" in pressed.params["text"]

        code, seconds = bot.stop()
        log = bot.output()
        assert code == 0, log[-3000:]
        assert seconds < STOP_SECONDS, f"took {seconds:.1f}s to stop"
        assert TEST_TOKEN not in log and TEST_TOKEN.split(":")[1] not in log
        assert "[REDACTED]" in log  # DEBUG logging did try to print the token-bearing URL
        assert "Processing update" in log  # PTB logged each update at DEBUG, but not its content:
        for private in ("小李", "执法记录仪配备数量", "调解成功率", "4400台", "56.8%"):
            assert private not in log, private
        assert "Traceback" not in log, log[-3000:]
        # the last getUpdates confirmed every update, so none would be fetched again
        last_poll = [c for c in bot_api.calls if c.method == "getUpdates"][-1]
        assert int(last_poll.params.get("offset") or 0) == 5
    finally:
        bot.close()


def test_rejected_token_stops_the_start_with_one_clear_line(server, bot_api, tmp_path):
    bot_api.fail("getMe", 401, "Unauthorized")
    bot = BotProcess(tmp_path, server.url, LOG_LEVEL="WARNING")
    try:
        code = bot.proc.wait(timeout=START_TIMEOUT)
        log = bot.output()
        assert code == 2, log
        lines = log.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("TELEGRAM_BOT_TOKEN: rejected by the Bot API"), log
        assert TEST_TOKEN not in log
    finally:
        bot.close()


def test_webhook_mode_registers_the_hook_checks_the_secret_and_answers(server, bot_api, tmp_path):
    port = _free_port()
    bot = BotProcess(
        tmp_path,
        server.url,
        WEBHOOK_URL="https://bot.example.cn/tg/hook",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET="s3cret-Value_1",
    )
    try:
        try:
            hook = bot_api.wait_for(lambda c: c.method == "setWebhook", timeout=START_TIMEOUT)
        except AssertionError:
            pytest.fail(f"bot never set its webhook; its log:\n{bot.output()[-3000:]}")
        assert hook.params["url"] == "https://bot.example.cn/tg/hook"
        assert hook.params["secret_token"] == "s3cret-Value_1"

        def post(update: dict, secret: str) -> int:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/tg/hook",
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
            )
            deadline = time.monotonic() + 10
            while True:
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        return response.status
                except urllib.error.HTTPError as exc:
                    return exc.code
                except OSError:  # the webhook server is still starting
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)

        assert post(_message_update(1, "执法记录仪配备数量"), "wrong-secret") == 403
        start = len(bot_api.calls)
        assert post(_message_update(2, "执法记录仪配备数量"), "s3cret-Value_1") == 200
        answer = bot_api.wait_for(_is_send_to(1001), REPLY_TIMEOUT, start)
        assert "4400台" in answer.params["text"]
        assert not [c for c in bot_api.calls if c.method == "getUpdates"]

        code, seconds = bot.stop()
        log = bot.output()
        assert code == 0, log[-3000:]
        assert seconds < STOP_SECONDS
        assert "s3cret-Value_1" not in log and TEST_TOKEN not in log
    finally:
        bot.close()
