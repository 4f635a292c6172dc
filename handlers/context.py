"""Typed per-bot and per-chat data, and the callback context every handler receives.

Following python-telegram-bot's `contexttypesbot` example, `CONTEXT_TYPES` makes
`context.bot_data` a `BotData` and `context.chat_data` a `ChatData`, and `CustomContext`
exposes them as properties (`context.engine`, `context.storage`, …), so no handler reads
string keys. The engine is read from the holder on every access (admins hot-swap it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.engine.engine import Conversation, Engine, EngineHolder

if TYPE_CHECKING:  # pragma: no cover
    from bot.knowledge.reload import Reloader
    from bot.storage.database import Storage

    from .updates import UpdateTracker


@dataclass
class BotData:
    """What the whole bot shares; set up by `handlers.app.build_application` and post_init."""

    holder: EngineHolder | None = None
    settings: Settings = field(default_factory=Settings)
    storage: Storage | None = None  # opened before start-up (usage records, update journal)
    reloader: Reloader | None = None
    tracker: UpdateTracker | None = None  # updates in flight (handlers.updates)
    admin_notes: dict = field(default_factory=dict)  # rate limiting of notices to admins


@dataclass
class ChatData:
    """One chat's state: its follow-up context."""

    conversation: Conversation | None = None


class CustomContext(CallbackContext[ExtBot, dict, ChatData, BotData]):
    """The context of every handler, job and error callback."""

    @property
    def engine(self) -> Engine:
        return self.bot_data.holder.engine

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings

    @property
    def storage(self) -> Storage | None:
        return self.bot_data.storage

    @property
    def reloader(self) -> Reloader:
        return self.bot_data.reloader

    @property
    def conversation(self) -> Conversation | None:
        """This chat's follow-up context (None outside a chat, e.g. inline queries)."""
        chat_data = self.chat_data
        if chat_data is None:
            return None
        if chat_data.conversation is None:
            chat_data.conversation = Conversation(ttl_seconds=self.settings.context_ttl_minutes * 60)
        return chat_data.conversation


CONTEXT_TYPES = ContextTypes(context=CustomContext, bot_data=BotData, chat_data=ChatData)


def bot_data_of(application: Application) -> BotData:
    return application.bot_data
