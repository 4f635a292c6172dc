"""Replay tests/conversations/telegram/*.yaml through the real handlers, offline.

Each file is a sequence of steps; a step is one Bot API `Update` (the JSON Telegram sends)
fed to `Application.process_update`, and the Bot API calls the bot must make in answer,
in order (`expect: []` means the bot stays silent). The offline request layer
(`RecordingRequest` in conftest.py) records every call and returns valid Bot API JSON.

In an update, the string "$last" stands for the last message the bot sent or edited (as
the Bot API returned it, keyboard included): use it for `callback_query.message` and
`reply_to_message`. A callback's `data` may be `{button: 文字}`: the callback data of the
first button of that message whose label contains 文字, as a user pressing it would send.

Expected call keys:
    method            Bot API method name (required)
    params            mapping that must be contained in the call's parameters
    text / not_text   fragments that must / must not occur in params.text
    buttons           fragments each of which must occur in some button label
    callback_data     values that must be among the buttons' callback data
    no_buttons        true: no inline keyboard at all
    results           answerInlineQuery: fragments each in some result title
    result_count      answerInlineQuery: exact number of results
    quote             true: the message replies to the update's message (groups)

Checked on every call of every file: sendMessage/editMessageText use parse_mode HTML, link
previews off, at most 4096 characters; callback data at most 64 bytes; every callback
query answered exactly once.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from telegram import Update

from benchmarks.fake_bot_api import ApiCall, FakeBotApi

FILES = sorted((Path(__file__).parent / "conversations" / "telegram").glob("*.yaml"))
TEXT_METHODS = {"sendMessage", "editMessageText"}


def test_there_are_telegram_conversations():
    assert len(FILES) >= 6


def _buttons(markup: dict | None) -> list[dict]:
    if not markup:
        return []
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def _resolve(value, last: dict | None):
    """Substitute "$last" and {button: …} in an update template."""
    if value == "$last":
        assert last is not None, "$last used before the bot sent anything"
        return copy.deepcopy(last)
    if isinstance(value, dict):
        if set(value) == {"button"}:
            assert last is not None, "{button: …} used before the bot sent anything"
            labels = _buttons(last.get("reply_markup"))
            for b in labels:
                if value["button"] in b["text"]:
                    return b["callback_data"]
            raise AssertionError(f"no button containing {value['button']!r} in {[b['text'] for b in labels]}")
        return {k: _resolve(v, last) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, last) for v in value]
    return value


def _contains(actual, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _contains(actual[k], v) for k, v in expected.items())
    return actual == expected


def check_invariants(call: ApiCall) -> None:
    params = call.params
    if call.method in TEXT_METHODS:
        assert params.get("parse_mode") == "HTML", f"{call.method} without parse_mode HTML"
        assert params.get("link_preview_options") == {"is_disabled": True}, "link previews not off"
        assert len(params["text"].encode("utf-16-le")) // 2 <= 4096
    for b in _buttons(params.get("reply_markup")):
        assert "callback_data" in b, b
        assert len(b["callback_data"].encode("utf-8")) <= 64, b
    if call.method == "answerInlineQuery":
        assert len(params["results"]) <= 10
        for result in params["results"]:
            assert result["type"] == "article"
            content = result["input_message_content"]
            assert content["parse_mode"] == "HTML"
            assert content["link_preview_options"] == {"is_disabled": True}


def check_call(call: ApiCall, expected: dict, update: dict, where: str) -> None:
    assert call.method == expected["method"], f"{where}: expected {expected['method']}, got {call.method} {call.params}"
    params = call.params
    if "params" in expected:
        assert _contains(params, expected["params"]), f"{where}: {params} lacks {expected['params']}"
    text = params.get("text") or ""
    for fragment in expected.get("text", []):
        assert fragment in text, f"{where}: {fragment!r} not in text:\n{text}"
    for fragment in expected.get("not_text", []):
        assert fragment not in text, f"{where}: {fragment!r} unexpectedly in text:\n{text}"
    buttons = _buttons(params.get("reply_markup"))
    labels = [b["text"] for b in buttons]
    for fragment in expected.get("buttons", []):
        assert any(fragment in label for label in labels), f"{where}: no button with {fragment!r} in {labels}"
    data = [b.get("callback_data") for b in buttons]
    for value in expected.get("callback_data", []):
        assert value in data, f"{where}: callback data {value!r} not in {data}"
    if expected.get("no_buttons"):
        assert not buttons, f"{where}: unexpected buttons {labels}"
    if "results" in expected or "result_count" in expected:
        titles = [r["title"] for r in params["results"]]
        for fragment in expected.get("results", []):
            assert any(fragment in t for t in titles), f"{where}: no result with {fragment!r} in {titles}"
        if "result_count" in expected:
            assert len(titles) == expected["result_count"], f"{where}: {titles}"
    if expected.get("quote"):
        message_id = update["message"]["message_id"]
        assert params.get("reply_parameters", {}).get("message_id") == message_id, f"{where}: not quoted"


async def replay(application, api: FakeBotApi, steps: list[dict], name: str) -> None:
    last: dict | None = None
    for index, step in enumerate(steps, 1):
        where = f"{name} step {index}"
        update = _resolve(step["update"], last)
        api.remember_chats(update)
        start = len(api.calls)
        await application.process_update(Update.de_json(json.loads(json.dumps(update)), application.bot))
        calls = api.calls[start:]
        for call in calls:
            check_invariants(call)
        if "callback_query" in update:
            answered = [c for c in calls if c.method == "answerCallbackQuery"]
            assert len(answered) == 1, f"{where}: callback answered {len(answered)} times"
            assert answered[0].params["callback_query_id"] == update["callback_query"]["id"]
        expected = step.get("expect", [])
        assert len(calls) == len(expected), (
            f"{where}: expected {[e['method'] for e in expected]}, got "
            f"{[(c.method, c.params.get('text')) for c in calls]}"
        )
        for n, (call, exp) in enumerate(zip(calls, expected), 1):
            check_call(call, exp, update, f"{where} call {n}")
        for call in calls:
            if isinstance(call.result, dict) and "message_id" in call.result:
                last = call.result


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
async def test_telegram_conversation(path, telegram_app, bot_api):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec.get("steps"), f"{path.name}: no steps"
    await replay(telegram_app, bot_api, spec["steps"], path.stem)
