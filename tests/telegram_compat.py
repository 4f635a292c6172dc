"""Test scaffolding: a request layer that tolerates a Bot API emulator which bends the format.

Self-hosted and test servers (e.g. the npm emulator `telegram-test-api`) are not always
exact: getMe without `is_bot`, dates in milliseconds, `"result": null` from sendMessage or
answerCallbackQuery, sent messages echoing the request, callback queries without
`chat_instance` and their messages without `message_id`/`date`, and getUpdates that
returns at once instead of long-polling. python-telegram-bot rejects such payloads, so the
bot would fail to start or answer twice (once, then an apology for the parse error).
`TolerantRequest` repairs these answers before the library reads them; exact answers pass
through unchanged.

Not shipped with the bot: only tests/test_e2e_emulator.py uses it, by running this file as the
bot (`python tests/telegram_compat.py`, configured from the environment as `python -m bot run`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from typing import Any

from telegram.request import HTTPXRequest, RequestData

# Methods whose result is a Message (when a server answers null or true).
_MESSAGE_METHODS = {
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "sendPhoto",
    "sendDocument",
    "editMessageCaption",
    "copyMessage",
    "forwardMessage",
}
_MESSAGE_KEYS = {
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "reply_to_message",
    "pinned_message",
}
_DATE_KEYS = {"date", "edit_date", "forward_date"}
_OBJECT_KEYS = ("reply_markup", "link_preview_options", "entities", "chat", "from")
_MILLISECONDS = 10**11  # a Unix time in seconds stays below this until the year 5138
_EMPTY_POLL_PAUSE = 0.5


def _fix_dates(obj: dict) -> None:
    for key in _DATE_KEYS & obj.keys():
        if isinstance(obj[key], (int, float)) and obj[key] > _MILLISECONDS:
            obj[key] = int(obj[key] // 1000)


def _fix_user(obj: Any, is_bot: bool) -> None:
    if isinstance(obj, dict) and "id" in obj and "is_bot" not in obj:
        obj["is_bot"] = is_bot
        obj.setdefault("first_name", str(obj.get("username") or obj["id"]))


def _fix_message(obj: Any) -> None:
    """Fill what a Message needs; recurse into the objects it carries."""
    if not isinstance(obj, dict):
        return
    _fix_dates(obj)
    obj.setdefault("message_id", 0)
    obj.setdefault("date", int(time.time()))
    _fix_user(obj.get("from"), False)
    for key in _MESSAGE_KEYS & obj.keys():
        _fix_message(obj[key])


def repair(method: str, result: Any, params: dict, message_ids: itertools.count) -> Any:
    """The Bot API result as python-telegram-bot expects it."""
    if method == "getMe":
        _fix_user(result, True)
        return result
    if result is None or (result is True and method in _MESSAGE_METHODS and "inline_message_id" not in params):
        if method not in _MESSAGE_METHODS:
            return True
        return _minimal_message({}, params, message_ids)
    if method == "getUpdates" and isinstance(result, list):
        for update in result:
            if not isinstance(update, dict):
                continue
            for key in _MESSAGE_KEYS & update.keys():
                _fix_message(update[key])
            query = update.get("callback_query")
            if isinstance(query, dict):
                _fix_user(query.get("from"), False)
                _fix_message(query.get("message"))
                chat = (query.get("message") or {}).get("chat") or query.get("from") or {}
                query.setdefault("chat_instance", str(chat.get("id", "")))
            for key in ("inline_query", "chosen_inline_result"):
                if isinstance(update.get(key), dict):
                    _fix_user(update[key].get("from"), False)
        return result
    if isinstance(result, dict) and method in _MESSAGE_METHODS and _is_echo(result):
        return _minimal_message(result, params, message_ids)
    if isinstance(result, dict) and "chat" in result:
        _fix_message(result)
    return result


def _is_echo(result: dict) -> bool:
    """A server that answers with the request's own fields (chat_id, JSON-encoded markup)."""
    return "chat_id" in result or any(isinstance(result.get(k), str) for k in _OBJECT_KEYS)


def _minimal_message(result: dict, params: dict, message_ids: itertools.count) -> dict:
    """The fields of a sent message that the bot relies on, from the answer or the request."""
    chat = result.get("chat")
    if not (isinstance(chat, dict) and "id" in chat and "type" in chat):
        chat = {"id": params.get("chat_id", result.get("chat_id", 0)), "type": "private"}
    message = {
        "message_id": result.get("message_id")
        if isinstance(result.get("message_id"), int)
        else params.get("message_id") or next(message_ids),
        "date": result.get("date") if isinstance(result.get("date"), (int, float)) else int(time.time()),
        "chat": chat,
    }
    text = result.get("text", params.get("text"))
    if isinstance(text, str):
        message["text"] = text
    _fix_dates(message)
    return message


class TolerantRequest(HTTPXRequest):
    """HTTPXRequest that repairs inexact Bot API answers (see the module docstring)."""

    _message_ids = itertools.count(1_000_000)

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        started = time.monotonic()
        code, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        api_method = url.rsplit("/", 1)[-1]
        try:
            data = json.loads(payload)
        except ValueError:
            return code, payload
        if not isinstance(data, dict) or data.get("ok") is not True:
            return code, payload
        params = (request_data.parameters if request_data else {}) or {}
        data["result"] = repair(api_method, data.get("result"), params, self._message_ids)
        if api_method == "getUpdates" and not data["result"]:
            # A server that ignores the long-poll timeout answers at once: don't spin.
            waited = time.monotonic() - started
            if waited < min(float(params.get("timeout") or 0), _EMPTY_POLL_PAUSE):
                await asyncio.sleep(_EMPTY_POLL_PAUSE - waited)
        return code, json.dumps(data).encode()


def main() -> int:
    """`python -m bot run`, with `TolerantRequest` as the HTTP layer."""
    from bot.config import load_settings
    from handlers.app import run_bot

    return run_bot(load_settings(), request_class=TolerantRequest)


if __name__ == "__main__":
    sys.exit(main())
