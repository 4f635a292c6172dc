"""Telegram front end details the YAML replays don't reach: splitting, errors, hot swap,
start-up commands, the API URL, token redaction."""

from __future__ import annotations

import io
import logging

import pytest
from telegram import Update

from benchmarks.fake_bot_api import TEST_TOKEN, RecordingRequest, plain_text, telegram_html_error
from bot.answers.compose import Response, Suggestion
from bot.config import Settings
from bot.engine.engine import Engine
from handlers import logs
from handlers.app import build_application
from handlers.errors import SORRY
from handlers.menu import COMMANDS
from handlers.render import cb, split_message, utf16_len
from handlers.webhook import webhook_path

CHAT = {"id": 4242, "type": "private", "first_name": "测试"}
USER = {"id": 4242, "is_bot": False, "first_name": "测试"}


def text_update(text: str, update_id: int = 1) -> dict:
    message = {"message_id": update_id, "from": USER, "chat": CHAT, "date": 1700000000, "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def feed(app, data: dict) -> None:
    await app.process_update(Update.de_json(data, app.bot))


# --- splitting ------------------------------------------------------------------------


def test_short_text_is_one_chunk():
    assert split_message("一行\n两行") == ["一行\n两行"]


def test_long_text_splits_at_line_boundaries():
    lines = [f"第{i}行" + "字" * 1000 for i in range(10)]
    chunks = split_message("\n".join(lines))
    assert len(chunks) > 1
    assert all(utf16_len(c) <= 4096 for c in chunks)
    assert "\n".join(chunks).split("\n") == lines  # nothing lost, every cut between lines


def test_overlong_line_never_cuts_an_entity_or_tag():
    line = "<b>标题</b>" + "&amp;很长" * 3000
    chunks = split_message(line)
    assert all(utf16_len(c) <= 4096 for c in chunks)
    assert "".join(chunks) == line
    for chunk in chunks:
        assert chunk.count("&") == chunk.count("&amp;")


@pytest.mark.parametrize("query", ["执法 " + "&" * 1000, "执法 " + "<" * 1000, "&" * 1000, "<" * 1000])
async def test_data_with_a_thousand_ampersands_or_brackets_is_answered(telegram_app, bot_api, query):
    """Telegram refuses a message whose HTML is cut inside <b>…</b> (the fake API does too)."""
    await feed(telegram_app, text_update(f"/data {query}"))
    sent = [c for c in bot_api.calls if c.method == "sendMessage"]
    assert sent and all(c.result is not None for c in sent), [c.result for c in sent]
    assert all(telegram_html_error(c.params["text"]) is None for c in sent)
    assert SORRY not in [c.params["text"] for c in sent]
    shown = plain_text("".join(c.params["text"] for c in sent))
    assert query.split()[-1] in shown  # every & or < reached the user
    if query.startswith("执法"):
        assert "执法记录仪配备数量：4400台" in shown


def test_split_keeps_every_chunk_valid_html():
    text = "<b>" + "&amp;" * 3000 + "</b>\n<i>出处</i>\n" + "<b>粗</b>普通" * 800
    chunks = split_message(text)
    assert len(chunks) > 1 and all(utf16_len(c) <= 4096 for c in chunks)
    assert all(telegram_html_error(c) is None for c in chunks)
    assert "".join(plain_text(c) for c in chunks).replace("\n", "") == plain_text(text).replace("\n", "")
    assert chunks[0].startswith("<b>") and chunks[0].endswith("</b>")


def test_emoji_count_as_two_utf16_units():
    chunks = split_message("😀" * 3000)
    assert [utf16_len(c) for c in chunks] == [4096, 1904]


def test_callback_data_longer_than_64_bytes_is_refused():
    assert cb("a", "x" * 62) == "a:" + "x" * 62
    with pytest.raises(ValueError):
        cb("a", "调" * 30)


async def test_long_reply_is_split_and_keyboard_goes_last(telegram_app, bot_api, tg_holder):
    knowledge = tg_holder.engine.knowledge

    class Wordy(Engine):
        def respond(self, text, conversation=None, now=None):
            body = "\n".join(f"第{i}段：" + "内容" * 300 for i in range(20))
            return Response(
                "answer",
                "标题：值\n" + body,
                "body_cameras",
                1.0,
                [Suggestion("online_rate", "网上可办率是多少？")],
                "entry",
            )

    tg_holder.swap(Wordy(knowledge))
    await feed(telegram_app, text_update("随便问问"))
    sent = [c for c in bot_api.calls if c.method == "sendMessage"]
    assert len(sent) >= 2
    assert all(utf16_len(c.params["text"]) <= 4096 for c in sent)
    assert all("reply_markup" not in c.params for c in sent[:-1])
    assert "fb:+:body_cameras" in str(sent[-1].params["reply_markup"])
    assert sent[0].params["text"].startswith("<b>标题：值</b>")


# --- engine access and context ---------------------------------------------------------


async def test_engine_is_read_from_the_holder_on_every_update(telegram_app, bot_api, tg_holder):
    knowledge = tg_holder.engine.knowledge
    seen = []

    class Spy(Engine):
        def respond(self, text, conversation=None, now=None):
            seen.append(text)
            return super().respond(text, conversation, now)

    await feed(telegram_app, text_update("执法记录仪", 1))
    tg_holder.swap(Spy(knowledge))
    await feed(telegram_app, text_update("网上可办率", 2))
    assert seen == ["网上可办率"]
    assert "100%" in bot_api.calls[-1].params["text"]


async def test_conversation_lives_in_chat_data_with_the_configured_ttl(telegram_app):
    await feed(telegram_app, text_update("人民调解化解纠纷"))
    conversation = telegram_app.chat_data[CHAT["id"]].conversation
    assert conversation.ttl_seconds == 10 * 60
    assert conversation.last_entry_id == "people_mediation_disputes"


async def test_expired_context_is_not_used(telegram_app, bot_api):
    await feed(telegram_app, text_update("人民调解化解纠纷", 1))
    conversation = telegram_app.chat_data[CHAT["id"]].conversation
    conversation.updated_at -= conversation.ttl_seconds + 1  # as if 11 minutes had passed
    await feed(telegram_app, text_update("那成功率呢？", 2))
    assert "93%" not in bot_api.calls[-1].params["text"]  # no longer read as a follow-up


# --- errors -----------------------------------------------------------------------------


async def test_handler_error_is_logged_then_the_user_gets_a_polite_note(telegram_app, bot_api, tg_holder, caplog):
    class Broken(Engine):
        def respond(self, text, conversation=None, now=None):
            raise RuntimeError("matcher exploded")

    tg_holder.swap(Broken(tg_holder.engine.knowledge))
    with caplog.at_level(logging.INFO):
        await feed(telegram_app, text_update("执法记录仪"))
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and "matcher exploded" in str(errors[0].exc_info[1])
    assert bot_api.calls[-1].method == "sendMessage"
    assert bot_api.calls[-1].params["text"] == SORRY


async def test_blocked_user_is_logged_at_info_not_as_an_error(telegram_app, bot_api, caplog):
    bot_api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    with caplog.at_level(logging.INFO):
        await feed(telegram_app, text_update("执法记录仪"))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("Forbidden" in r.getMessage() and r.levelno == logging.INFO for r in caplog.records)
    assert [c.method for c in bot_api.calls].count("sendMessage") == 1  # no retry storm


async def test_edit_refused_falls_back_to_a_new_message(telegram_app, bot_api):
    bot_api.fail("editMessageText", 400, "Bad Request: message can't be edited")
    press = {
        "update_id": 9,
        "callback_query": {
            "id": "cbq",
            "from": USER,
            "chat_instance": "1",
            "data": "t:disputes",
            "message": {
                "message_id": 77,
                "from": {"id": 123456, "is_bot": True, "first_name": "b"},
                "chat": CHAT,
                "date": 1700000000,
                "text": "旧",
            },
        },
    }
    await feed(telegram_app, press)
    assert [c.method for c in bot_api.calls[-3:]] == ["answerCallbackQuery", "editMessageText", "sendMessage"]
    assert "<b>矛盾纠纷化解</b>" in bot_api.calls[-1].params["text"]


# --- start-up ----------------------------------------------------------------------------


async def test_post_init_publishes_the_command_menu_in_chinese(telegram_app, bot_api):
    await telegram_app.post_init(telegram_app)
    call = next(c for c in bot_api.calls if c.method == "setMyCommands")
    commands = {c["command"]: c["description"] for c in call.params["commands"]}
    assert list(commands) == [c for c, _ in COMMANDS] == ["start", "help", "topics", "data", "ask"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d) for d in commands.values())


async def test_set_commands_failure_does_not_stop_the_bot(telegram_app, bot_api, caplog):
    bot_api.fail("setMyCommands", 500, "Internal Server Error")
    await telegram_app.post_init(telegram_app)
    assert any("setMyCommands failed" in r.getMessage() for r in caplog.records)


def test_bot_calls_the_configured_api_url(tg_holder):
    settings = Settings(telegram_bot_token=TEST_TOKEN, telegram_api_url="http://127.0.0.1:8081")
    app = build_application(settings, tg_holder)
    assert app.bot.base_url == f"http://127.0.0.1:8081/bot{TEST_TOKEN}"
    assert app.bot.base_file_url == f"http://127.0.0.1:8081/file/bot{TEST_TOKEN}"
    assert app.bot.rate_limiter is not None
    assert app.update_processor.max_concurrent_updates > 1


def test_webhook_path_is_the_path_of_the_webhook_url():
    assert webhook_path("https://bot.example.cn/tg/hook") == "tg/hook"
    assert webhook_path("https://bot.example.cn") == ""


# --- token redaction ------------------------------------------------------------------------


@pytest.fixture
def redaction():
    redactor = logs.install_redaction([TEST_TOKEN, "webhook-secret-value"])
    yield redactor
    logs.uninstall_redaction()


def test_token_is_redacted_from_messages_arguments_and_tracebacks(redaction, caplog):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(logs.LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("httpx").info(
                'HTTP Request: POST %s "HTTP/1.1 200 OK"', f"https://api.telegram.org/bot{TEST_TOKEN}/getUpdates"
            )
            logging.getLogger("x").warning(f"token tail {TEST_TOKEN.split(':')[1]} and webhook-secret-value")
            try:
                raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TEST_TOKEN}/getMe")
            except ConnectionError:
                logging.getLogger("telegram.ext.Updater").exception("Error while getting Updates")
    finally:
        root.removeHandler(handler)
    for text in (stream.getvalue(), caplog.text):
        assert TEST_TOKEN not in text
        assert TEST_TOKEN.split(":")[1] not in text
        assert "webhook-secret-value" not in text
        assert text.count("[REDACTED]") >= 4
        assert "ConnectionError" in text  # the traceback itself is kept


def test_building_and_running_the_app_at_debug_never_logs_the_token(redaction, caplog, tg_holder):
    import asyncio

    from benchmarks.fake_bot_api import FakeBotApi

    settings = Settings(telegram_bot_token=TEST_TOKEN, telegram_api_url="http://bot-api.invalid")
    with caplog.at_level(logging.DEBUG):
        app = build_application(settings, tg_holder, request=RecordingRequest(FakeBotApi()))

        async def run():
            await app.initialize()
            await feed(app, text_update("执法记录仪"))
            await app.shutdown()

        asyncio.run(run())
    assert "[REDACTED]" in caplog.text  # PTB logs its base URL, which contains the token
    assert TEST_TOKEN not in caplog.text
    assert TEST_TOKEN.split(":")[1] not in caplog.text


def test_declined_request_offers_its_near_question_as_a_button(tg_holder):
    from handlers.render import response_markup

    engine = tg_holder.engine
    response = engine.respond("营商码怎么申请")
    labels = [b.text for row in response_markup(response, engine.knowledge).inline_keyboard for b in row]
    assert labels[0] == "“营商码”是什么？" and "政务服务" in labels
