"""tests/telegram_compat.py, the emulator test's request layer: inexact Bot API answers are
repaired so python-telegram-bot can read them."""

import copy
import itertools
import time

from telegram import Message, Update, User
from telegram_compat import repair

IDS = itertools.count(1)
NOW_MS = int(time.time() * 1000)


def test_get_me_without_is_bot():
    me = repair("getMe", {"id": 666, "first_name": "Test", "username": "TestBot"}, {}, IDS)
    assert User.de_json(me, None).is_bot is True


def test_null_send_result_becomes_a_message():
    result = repair("sendMessage", None, {"chat_id": 5, "text": "您好"}, IDS)
    message = Message.de_json(result, None)
    assert message.chat.id == 5 and message.text == "您好"


def test_echoed_request_with_millisecond_date():
    echo = {
        "chat_id": "5",
        "text": "hi",
        "parse_mode": "HTML",
        "link_preview_options": '{"is_disabled": true}',
        "reply_markup": '{"inline_keyboard": []}',
        "message_id": 7,
        "date": NOW_MS,
        "chat": {"id": 5, "first_name": "Bot", "type": "private"},
    }
    message = Message.de_json(repair("sendMessage", echo, {"chat_id": 5, "text": "hi"}, IDS), None)
    assert message.message_id == 7 and abs(message.date.timestamp() - NOW_MS / 1000) < 2


def test_other_null_results_become_true():
    assert repair("answerCallbackQuery", None, {}, IDS) is True
    assert repair("setWebhook", None, {}, IDS) is True


def test_updates_from_an_emulator_parse():
    updates = [
        {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": NOW_MS,
                "text": "你好",
                "botToken": "x",
                "from": {"id": 9, "first_name": "a"},
                "chat": {"id": 9, "type": "private"},
            },
        },
        {
            "update_id": 2,
            "callback_query": {
                "id": "1",
                "data": "a:x",
                "from": {"id": 9, "first_name": "a"},
                "message": {"from": {"id": 9, "first_name": "a"}, "chat": {"id": 9, "type": "private"}},
            },
        },
    ]
    parsed = [Update.de_json(u, None) for u in repair("getUpdates", updates, {}, IDS)]
    assert parsed[0].message.text == "你好" and parsed[0].message.date.year == time.gmtime().tm_year
    assert parsed[1].callback_query.data == "a:x" and parsed[1].callback_query.message.chat.id == 9


def test_exact_answers_pass_unchanged():
    exact = {
        "message_id": 3,
        "date": int(time.time()),
        "chat": {"id": 5, "type": "private"},
        "text": "x",
        "from": {"id": 1, "is_bot": True, "first_name": "bot"},
    }
    assert repair("sendMessage", copy.deepcopy(exact), {"chat_id": 5}, IDS) == exact
    update = [{"update_id": 4, "message": copy.deepcopy(exact)}]
    assert repair("getUpdates", copy.deepcopy(update), {}, IDS) == update
