"""The fake Telegram Bot API shared by the tests and the benchmarks (not part of the bot).

`FakeBotApi` answers Bot API methods with valid Bot API JSON (and refuses malformed HTML as
Telegram does) and records every call; `RecordingRequest` plugs it into python-telegram-bot
as an offline request layer (no network); tests/test_e2e_telegram.py serves the same
`FakeBotApi` over HTTP, and the load benchmark (benchmarks/load.py) drives the real
Application through it.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram.request import BaseRequest, RequestData

TEST_TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789"
BOT_ID = 123456
BOT_USERNAME = "yiyang_fazhi_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "益阳法治问答", "username": BOT_USERNAME}
GET_ME = dict(
    BOT_USER,
    can_join_groups=True,
    can_read_all_group_messages=False,
    supports_inline_queries=True,
    can_connect_to_business=False,
    has_main_web_app=False,
)
TRUE_METHODS = {
    "answerCallbackQuery",
    "answerInlineQuery",
    "setMyCommands",
    "deleteMyCommands",
    "deleteWebhook",
    "setWebhook",
    "close",
    "logOut",
    "sendChatAction",
    "setChatMenuButton",
}


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    result: Any = None  # what the fake API answered ("result" of the JSON body)


def plain_text(markup: str) -> str:
    """What Telegram stores for an HTML message: tags parsed away, entities unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


_TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
    "tg-emoji",
}
_HTML_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)(?:\s[^<>]*)?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[<>&]")


def telegram_html_error(text: str) -> str | None:
    """Why Telegram would refuse `text` with parse_mode HTML (None if it would not): unknown
    or unbalanced tags, a bare `<` or `&`, or more than 4096 characters after parsing."""
    stack: list[str] = []
    for match in _HTML_TOKEN.finditer(text):
        token = match.group(0)
        if token in "<>&":
            if token == ">":
                continue
            return f"can't parse entities: unsupported start tag or bare {token!r} at byte offset {match.start()}"
        if token.startswith("&"):
            continue
        closing, name = match.group(1), match.group(2).lower()
        if name not in _TELEGRAM_TAGS:
            return f'can\'t parse entities: unsupported start tag "{name}"'
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return f"can't parse entities: can't find end tag corresponding to start tag \"{name}\""
    if stack:
        return f"can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\""
    if len(plain_text(text).encode("utf-16-le")) // 2 > 4096:
        return "message is too long"
    return None


class FakeBotApi:
    """A tiny in-memory Bot API: one `handle(method, params)` → (HTTP status, JSON body).

    Records every call (`calls`); `fail(method, code, description)` makes a method fail;
    `chats` remembers chat objects seen in injected updates so replies carry them.
    Thread-safe: the e2e test serves it from HTTP handler threads.
    """

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.messages: dict[tuple[int, int], dict] = {}
        self.chats: dict[int, dict] = {}
        self.failures: dict[str, tuple[int, str]] = {}
        self.lock = threading.Condition()
        self._ids = itertools.count(1000)
        self.updates: list[dict] = []  # served by getUpdates (e2e)
        self.confirmed = 0  # the highest offset getUpdates was called with

    # -- test-side helpers
    def fail(self, method: str, code: int, description: str) -> None:
        self.failures[method] = (code, description)

    def remember_chats(self, update: dict) -> None:
        def walk(obj: Any) -> None:
            if isinstance(obj, dict):
                chat = obj.get("chat")
                if isinstance(chat, dict) and "id" in chat and "type" in chat:
                    self.chats.setdefault(chat["id"], chat)
                for value in obj.values():
                    walk(value)
            elif isinstance(obj, list):
                for value in obj:
                    walk(value)

        walk(update)

    def push_update(self, update: dict) -> None:
        with self.lock:
            self.remember_chats(update)
            self.updates.append(update)
            self.lock.notify_all()

    def wait_for(self, predicate, timeout: float = 15.0, start: int = 0) -> ApiCall:
        """The first call from index `start` on satisfying `predicate`, waiting if needed."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for call in self.calls[start:]:
                    if predicate(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls[start:]]
                    raise AssertionError(f"no matching Bot API call within {timeout}s; saw {seen}")
                self.lock.wait(left)

    # -- the API
    def _chat(self, chat_id: Any) -> dict:
        chat_id = int(chat_id)
        if chat_id in self.chats:
            return self.chats[chat_id]
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "用户"}
        return {"id": chat_id, "type": "supergroup", "title": "工作群"}

    def _message(self, params: dict, message_id: int | None = None) -> dict:
        chat = self._chat(params["chat_id"])
        message = {
            "message_id": message_id or next(self._ids),
            "from": BOT_USER,
            "chat": chat,
            "date": int(time.time()),
        }
        if "text" in params:
            message["text"] = plain_text(str(params["text"]))
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        if params.get("message_thread_id"):
            message["message_thread_id"] = params["message_thread_id"]
        return message

    def handle(self, method: str, params: dict, long_poll: float = 0.0) -> tuple[int, dict]:
        """Record the call, answer it. `long_poll`: getUpdates waits up to that many seconds
        for an update to arrive, as the real Bot API does with `timeout`."""
        with self.lock:
            call = ApiCall(method, params)
            self.calls.append(call)
            self.lock.notify_all()
            if method == "getUpdates" and long_poll > 0 and method not in self.failures:
                deadline = time.monotonic() + long_poll
                while not self._pending(params) and time.monotonic() < deadline:
                    self.lock.wait(deadline - time.monotonic())
            status, body = self._answer(method, params)
            call.result = body.get("result")
            return status, body

    def _answer(self, method: str, params: dict) -> tuple[int, dict]:
        if method in self.failures:
            code, description = self.failures[method]
            return code, {"ok": False, "error_code": code, "description": description}
        if method == "getMe":
            return 200, {"ok": True, "result": GET_ME}
        if method in TRUE_METHODS:
            return 200, {"ok": True, "result": True}
        if method == "getMyCommands":
            return 200, {"ok": True, "result": []}
        if method == "getWebhookInfo":
            return 200, {"ok": True, "result": {"url": "", "has_custom_certificate": False, "pending_update_count": 0}}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._pending(params)}
        if method in ("sendMessage", "editMessageText") and params.get("parse_mode") == "HTML":
            problem = telegram_html_error(str(params.get("text", "")))
            if problem:  # what Telegram answers to malformed HTML
                return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        if method == "sendMessage":
            message = self._message(params)
            self.messages[(message["chat"]["id"], message["message_id"])] = message
            return 200, {"ok": True, "result": message}
        if method in ("editMessageText", "editMessageReplyMarkup"):
            key = (int(params["chat_id"]), int(params["message_id"]))
            old = self.messages.get(key, {"text": ""})
            merged = {"text": old.get("text", ""), **params}
            if method == "editMessageReplyMarkup" and not params.get("reply_markup"):
                merged.pop("reply_markup", None)
            message = self._message(merged, key[1])
            message["edit_date"] = int(time.time())
            self.messages[key] = message
            return 200, {"ok": True, "result": message}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    def _pending(self, params: dict) -> list[dict]:
        """As the Bot API: an offset confirms (forgets) every update below it; at most
        `limit` (default 100) updates per call."""
        offset = int(params.get("offset") or 0)
        if offset:
            self.confirmed = max(self.confirmed, offset)
        limit = int(params.get("limit") or 100)
        return [u for u in self.updates if u["update_id"] >= self.confirmed][:limit]


class RecordingRequest(BaseRequest):
    """python-telegram-bot's request layer, offline: every call goes to a `FakeBotApi`.

    `observe`, if given, is called with each call's method and parameters in the task that
    made it (so a benchmark can attribute a reply to the update being handled through a
    context variable)."""

    def __init__(self, api: FakeBotApi, observe: Callable[[str, dict], None] | None = None):
        self.api = api
        self.observe = observe

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=None,
        write_timeout=None,
        connect_timeout=None,
        pool_timeout=None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = json.loads(json.dumps(request_data.parameters)) if request_data else {}
        status, body = self.api.handle(api_method, params)
        if self.observe is not None:
            self.observe(api_method, params)
        return status, json.dumps(body).encode("utf-8")
