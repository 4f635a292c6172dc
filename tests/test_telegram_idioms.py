"""python-telegram-bot idioms (issue 11, item 9): lifecycle hooks given to the builder, a typed
context instead of string keys, an error handler that logs, then tells the admins
(rate-limited), then the user; the Bot API repair layer only for unofficial servers."""

from __future__ import annotations

import logging
from pathlib import Path

from telegram.request import HTTPXRequest
from telegram_compat import TolerantRequest
from test_telegram_units import CHAT, feed, text_update

from benchmarks.fake_bot_api import TEST_TOKEN, FakeBotApi, RecordingRequest
from bot.config import Settings
from bot.engine.engine import Engine
from handlers import app as app_module
from handlers.app import build_application
from handlers.context import BotData, ChatData, CustomContext
from handlers.errors import SORRY

ADMIN = 777


def _requests(application):
    return application.bot._request  # (getUpdates request, everything else)


def test_the_shipped_bot_speaks_plain_bot_api_to_any_server(tg_holder):
    """No repair layer in the runtime: any TELEGRAM_API_URL gets python-telegram-bot's own
    HTTPXRequest; the emulator test passes its repair layer in as `request_class`."""
    for url in ("https://api.telegram.org", "http://127.0.0.1:9000"):
        application = build_application(Settings(telegram_bot_token=TEST_TOKEN, telegram_api_url=url), tg_holder)
        for request in _requests(application):
            assert type(request) is HTTPXRequest
    emulator = build_application(
        Settings(telegram_bot_token=TEST_TOKEN, telegram_api_url="http://127.0.0.1:9000"),
        tg_holder,
        request_class=TolerantRequest,
    )
    for request in _requests(emulator):
        assert type(request) is TolerantRequest
    assert not (Path(app_module.__file__).parent / "compat.py").exists()


def test_lifecycle_hooks_are_given_to_the_builder(tg_settings, tg_holder):
    application = build_application(tg_settings, tg_holder, request=RecordingRequest(FakeBotApi()))
    assert application.post_init is app_module.post_init
    assert application.post_stop is app_module.post_stop
    assert application.post_shutdown is app_module.post_shutdown


async def test_context_is_typed(telegram_app, tg_holder, tg_settings):
    assert isinstance(telegram_app.bot_data, BotData)
    assert telegram_app.bot_data.holder is tg_holder and telegram_app.bot_data.settings is tg_settings
    seen = []

    async def spy(update, context):
        seen.append(context)

    from telegram.ext import MessageHandler, filters

    telegram_app.add_handler(MessageHandler(filters.ALL, spy), group=-1)
    await feed(telegram_app, text_update("执法记录仪"))
    context = seen[0]
    assert isinstance(context, CustomContext) and isinstance(context.chat_data, ChatData)
    assert context.engine is tg_holder.engine and context.reloader is telegram_app.bot_data.reloader
    assert context.conversation is context.chat_data.conversation


async def _broken_app(tmp_path, tg_holder, api):
    settings = Settings(
        telegram_bot_token=TEST_TOKEN,
        telegram_api_url="http://bot-api.invalid",
        admin_ids=frozenset({ADMIN}),
        data_dir=tmp_path / "data",
    )

    class Broken(Engine):
        def respond(self, text, conversation=None, now=None):
            raise RuntimeError("matcher exploded")

    tg_holder.swap(Broken(tg_holder.engine.knowledge))
    application = build_application(settings, tg_holder, request=RecordingRequest(api))
    await application.initialize()
    return application


async def test_error_is_logged_then_admins_told_once_then_the_user(tmp_path, tg_holder, caplog):
    api = FakeBotApi()
    application = await _broken_app(tmp_path, tg_holder, api)
    order = []
    handle = api.handle

    def recording(method, params, long_poll=0.0):
        if method == "sendMessage":
            logged = any(r.levelno >= logging.ERROR and r.exc_info for r in caplog.records)
            order.append((int(params["chat_id"]), logged))
        return handle(method, params, long_poll)

    api.handle = recording
    try:
        with caplog.at_level(logging.INFO):
            for n in range(1, 4):
                await feed(application, text_update("执法记录仪", n))
    finally:
        await application.shutdown()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 3 and all("matcher exploded" in str(r.exc_info[1]) for r in errors)
    # the first error: admins, then the user; later ones within 10 minutes: only the user
    assert order == [(ADMIN, True), (CHAT["id"], True), (CHAT["id"], True), (CHAT["id"], True)]
    sent = [c for c in api.calls if c.method == "sendMessage"]
    assert "RuntimeError: matcher exploded" in sent[0].params["text"]
    assert "执法记录仪" not in sent[0].params["text"]  # the user's message is not passed on
    assert all(c.params["text"] == SORRY for c in sent[1:])
