"""The Telegram application: build it, register every handler in one place, run it.

`python -m bot run` calls `run_bot(settings)`: it opens the database, loads the knowledge
base and runs `handlers.serve.serve` — long polling, or a webhook server when WEBHOOK_URL is
set. SIGTERM / Ctrl-C stop taking updates, answer what is queued and exit within 8 s. Tests call `build_application(settings, holder, request=...)` with an offline
request layer and feed updates to `Application.process_update`.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.engine.engine import Engine, EngineHolder
from bot.knowledge.isolated import validate_isolated
from bot.knowledge.packs import load_library
from bot.knowledge.reload import Reloader
from bot.storage.health import StorageError
from bot.storage.postgres import open_usage_store
from handlers import admin, ask, callbacks, data, feedback, inline, media, start, topics
from handlers.admin import lifecycle
from handlers.context import CONTEXT_TYPES
from handlers.errors import error_handler
from handlers.logs import RedactingFilter, setup_logging
from handlers.menu import set_commands
from handlers.serve import BootstrapError, serve
from handlers.updates import JournalProcessor

logger = logging.getLogger(__name__)

MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.VOICE
    | filters.AUDIO
    | filters.Document.ALL
    | filters.ANIMATION
    | filters.LOCATION
    | filters.CONTACT
)


def register_handlers(application: Application) -> None:
    """Every handler of the bot, in one place. Order matters only within a group."""
    new_message = filters.UpdateType.MESSAGE  # edits and channel posts are not questions
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS

    # A button without data matches every pattern handler in PTB: catch it first.
    application.add_handler(callbacks.EmptyButtonHandler())
    # Admin commands, their buttons and knowledge-file uploads come before the catch-alls.
    admin.register(application)

    application.add_handler(CommandHandler("start", start.start, filters=new_message))
    application.add_handler(CommandHandler("help", start.help_command, filters=new_message))
    application.add_handler(CommandHandler("topics", topics.topics_command, filters=new_message))
    application.add_handler(CommandHandler("data", data.data_command, filters=new_message))
    application.add_handler(CommandHandler("ask", ask.ask_command, filters=new_message))

    application.add_handler(CallbackQueryHandler(callbacks.answer_button, pattern=r"^a:"))
    application.add_handler(CallbackQueryHandler(topics.open_topic, pattern=r"^o:"))
    application.add_handler(CallbackQueryHandler(topics.browse, pattern=r"^t:"))
    application.add_handler(CallbackQueryHandler(topics.view_entry, pattern=r"^v:"))
    application.add_handler(CallbackQueryHandler(data.data_topic, pattern=r"^d:"))
    application.add_handler(CallbackQueryHandler(feedback.feedback_button, pattern=r"^fb:"))
    application.add_handler(CallbackQueryHandler(callbacks.unknown_button))  # anything else

    application.add_handler(InlineQueryHandler(inline.inline_query))

    text = new_message & filters.TEXT & ~filters.COMMAND
    application.add_handler(MessageHandler(text & private, ask.private_text))
    application.add_handler(MessageHandler(text & groups, ask.group_text))
    application.add_handler(MessageHandler(new_message & private & MEDIA, media.media_hint))
    application.add_handler(MessageHandler(new_message & private & filters.COMMAND, media.unknown_command))

    application.add_error_handler(error_handler)


async def post_init(application: Application) -> None:
    """Lifecycle hook: command menus, storage, knowledge watcher, daily jobs."""
    await set_commands(application)
    await lifecycle.on_start(application)


async def post_stop(application: Application) -> None:
    """Lifecycle hook: stop the knowledge watcher."""
    await lifecycle.on_stop(application)


async def post_shutdown(application: Application) -> None:
    """Lifecycle hook: stop what post_init started and close the storage."""
    await lifecycle.on_shutdown(application)


def build_application(
    settings: Settings,
    holder: EngineHolder,
    request: BaseRequest | None = None,
    *,
    rate_limiter: bool = True,
    request_class: type[HTTPXRequest] = HTTPXRequest,
) -> Application:
    """The configured Application: Bot API at settings.telegram_api_url, HTML defaults, rate
    limiter, concurrent updates, typed context, lifecycle hooks, every handler registered.

    `request`: one request layer for every call (tests pass an offline one); otherwise two
    `request_class` instances (a pool for replies, one connection for getUpdates)."""
    api = settings.telegram_api_url.rstrip("/")
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(JournalProcessor(256))
        .updater(None)  # handlers.serve polls / serves the webhook (no update lost)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
    )
    if rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if request is None:
        builder = builder.request(request_class(connection_pool_size=256)).get_updates_request(
            request_class(connection_pool_size=1)
        )
    else:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    bot_data = application.bot_data
    bot_data.holder = holder
    bot_data.settings = settings
    bot_data.reloader = Reloader(holder, settings.knowledge_dir, validate_isolated)
    register_handlers(application)
    return application


def run_bot(settings: Settings, request_class: type[HTTPXRequest] = HTTPXRequest) -> int:
    """`python -m bot run`: serve until SIGTERM / Ctrl-C; 0 on a clean stop (`request_class`:
    the HTTP layer; a test against an inexact Bot API emulator passes its own). A problem at
    start-up is one line on stderr naming the setting: exit 2 for a setting to fix (token,
    WEBHOOK_SECRET, DATA_DIR, a Bot API that refuses), 1 when the Bot API cannot be reached."""
    if settings.webhook_url and not settings.webhook_secret:
        print(
            "WEBHOOK_SECRET: required when WEBHOOK_URL is set (1-256 characters of A-Z, a-z, "
            "0-9, _ and -); without it anyone could post forged updates",
            file=sys.stderr,
        )
        return 2
    secrets = [settings.telegram_bot_token, settings.webhook_secret, settings.hash_key, settings.database_url]
    setup_logging(settings.log_level, secrets)
    redact = RedactingFilter(secrets).redact
    try:
        storage = open_usage_store(settings)
    except StorageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    logger.info("usage database: %s", storage.path)
    library = load_library(settings.knowledge_dir)  # a broken pack stays out; the others serve
    for problem in library.problems[:20]:
        logger.warning("knowledge problem: %s", problem)
    holder = EngineHolder(Engine(library))
    logger.info("knowledge loaded: %s", library.summary())
    application = build_application(settings, holder, request_class=request_class)
    application.bot_data.storage = storage
    api = settings.telegram_api_url
    try:
        asyncio.run(serve(application, settings))
    except InvalidToken:
        print("TELEGRAM_BOT_TOKEN: rejected by the Bot API (check the token from BotFather)", file=sys.stderr)
        return 2
    except BadRequest as exc:  # a NetworkError in PTB, but the server did answer
        print(
            f"TELEGRAM_API_URL: {api} answered getMe with 400 Bad Request ({redact(exc.message)}); "
            "is it a Bot API server?",
            file=sys.stderr,
        )
        return 2
    except BootstrapError as exc:
        print(redact(str(exc)), file=sys.stderr)
        return 2
    except NetworkError as exc:
        print(f"TELEGRAM_API_URL: cannot reach {api}: {redact(str(exc))}", file=sys.stderr)
        return 1
    finally:
        if application.bot_data.storage is not None:  # not opened by post_init: close it here
            application.bot_data.storage.close()
    logger.info("stopped")
    return 0
