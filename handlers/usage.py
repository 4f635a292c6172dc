"""Usage records for the admins: each question and each 👍/👎 goes to the SQLite storage.

The storage (`bot_data["storage"]`) is opened at start-up by `handlers.admin.on_start`;
without it (tests that never start the application) nothing is recorded. Writes run in a
worker thread, and a failing write is logged, never shown to the user.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.answers import Response
from bot.storage import Storage

logger = logging.getLogger(__name__)

STORAGE_KEY = "storage"


def storage_of(context: ContextTypes.DEFAULT_TYPE) -> Storage | None:
    return context.bot_data.get(STORAGE_KEY)


async def log_query(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str,
                    response: Response, latency_ms: float) -> None:
    """Record one answered message: chat type, salted user hash, text, status, entry, score."""
    storage = storage_of(context)
    if storage is None:
        return
    user, chat = update.effective_user, update.effective_chat
    try:
        await storage.alog_query(
            user_id=user.id if user else None, chat_type=chat.type if chat else "",
            text=question, status=response.status, entry_id=response.entry_id,
            score=response.score, latency_ms=latency_ms, kind=response.kind)
    except Exception:
        logger.exception("could not record the query")


async def log_feedback(update: Update, context: ContextTypes.DEFAULT_TYPE, entry_id: str,
                       helpful: bool) -> None:
    """Record one 👍 (+1) or 👎 (-1) for an answered entry."""
    storage = storage_of(context)
    if storage is None:
        return
    user = update.effective_user
    try:
        await storage.alog_feedback(user_id=user.id if user else None, entry_id=entry_id,
                                    vote=1 if helpful else -1)
    except Exception:
        logger.exception("could not record the feedback")
