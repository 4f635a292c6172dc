"""End to end against a Bot API server we did not write: the npm emulator telegram-test-api.

It bends the Bot API (getMe without is_bot, sendMessage answering with dates in
milliseconds, answerCallbackQuery answering null, callback messages without message_id or
date, getUpdates ignoring the long-poll timeout) — the kind of client the bot must survive.
The bot runs as `python -m bot run` does, with the test's repair layer
(tests/telegram_compat.py, run as the bot) as its HTTP layer; the test acts as a user through the emulator's
client routes (/sendCommand, /sendMessage, /sendCallback, /getUpdates) and checks that every
message gets exactly one reply, with no apology for a parse error.

Needs Node.js and `npm install --prefix tests/e2e` (done by .ci/run); skipped otherwise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_e2e_telegram import BotProcess, _free_port

from benchmarks.fake_bot_api import TEST_TOKEN

E2E_DIR = Path(__file__).parent / "e2e"
TOLERANT_BOT = Path(__file__).parent / "telegram_compat.py"  # `python -m bot run` with the repair layer
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None or not (E2E_DIR / "node_modules" / "telegram-test-api").is_dir(),
    reason="telegram-test-api not installed (npm install --prefix tests/e2e)",
)

USER = {"id": 2002, "is_bot": False, "first_name": "小王", "username": "xiaowang"}
CHAT = {"id": 2002, "type": "private", "first_name": "小王", "username": "xiaowang"}
REPLY_TIMEOUT = 20.0


class Emulator:
    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [NODE, str(E2E_DIR / "emulator.js"), str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        line = self.proc.stdout.readline()
        assert "READY" in line, line

    def post(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(
            f"{self.url}{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def say(self, text: str) -> None:
        message = {"botToken": TEST_TOKEN, "from": USER, "chat": CHAT, "date": int(time.time()), "text": text}
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"offset": 0, "length": len(command), "type": "bot_command"}]
            self.post("/sendCommand", message)
        else:
            self.post("/sendMessage", message)

    def press(self, data: str) -> None:
        # as the emulator's own client builds it: the message has no message_id and no date
        self.post(
            "/sendCallback",
            {
                "botToken": TEST_TOKEN,
                "from": USER,
                "date": int(time.time()),
                "message": {"from": USER, "chat": CHAT},
                "data": data,
            },
        )

    def replies(self, count: int = 1, settle: float = 1.5) -> list[dict]:
        """Wait for `count` bot messages, then a little longer to catch any extra one."""
        found: list[dict] = []
        deadline = time.monotonic() + REPLY_TIMEOUT
        quiet_until = None
        while time.monotonic() < deadline:
            result = self.post("/getUpdates", {"token": TEST_TOKEN, "chatId": CHAT["id"]})["result"]
            found += [update["message"] for update in result]
            if len(found) >= count:
                quiet_until = quiet_until or time.monotonic() + settle
                if time.monotonic() >= quiet_until:
                    break
            time.sleep(0.1)
        return found

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _buttons(message: dict) -> list[dict]:
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def test_bot_serves_a_user_through_telegram_test_api(tmp_path):
    emulator = Emulator()
    bot = BotProcess(tmp_path, emulator.url, [sys.executable, str(TOLERANT_BOT)], LOG_LEVEL="INFO")
    try:
        emulator.say("/start")
        [welcome] = emulator.replies(1, settle=0.5) or [None]
        assert welcome is not None, bot.output()[-3000:]
        assert "益阳法治问答" in welcome["text"] and _buttons(welcome)

        emulator.say("首违不罚了多少家企业？")
        replies = emulator.replies(1)
        assert len(replies) == 1, [r["text"] for r in replies]
        assert "6125家" in replies[0]["text"] and replies[0]["parse_mode"] == "HTML"

        emulator.say("调解成功率")
        [clarify] = emulator.replies(1)
        options = _buttons(clarify)
        assert "您是想问" in clarify["text"] and len(options) >= 2
        emulator.press(options[0]["callback_data"])
        replies = emulator.replies(1)
        assert len(replies) == 1, [r["text"] for r in replies]
        assert "93%" in replies[0]["text"] or "56.8%" in replies[0]["text"]

        emulator.say("那诉前调解呢")
        [follow_up] = emulator.replies(1)
        assert "诉前调解" in follow_up["text"]

        code, seconds = bot.stop()
        output = bot.output()
        assert code == 0 and seconds < 10, output[-3000:]
        assert "Traceback" not in output and "抱歉，处理您的消息时出了点问题" not in output
        assert TEST_TOKEN not in output
    finally:
        bot.close()
        emulator.close()
