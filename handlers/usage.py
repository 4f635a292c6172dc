"""Usage records for the admins: each question and each 👍/👎 goes to the SQLite storage.

The storage (`context.storage`) is opened before start-up by `handlers.app.run_bot`;
without it (tests that never open one) nothing is recorded. Writes run in a
worker thread, and a failing write is never shown to the user: the storage holds the
record and retries, and `report_storage` passes its notices (database deleted, not
writable, writable again) to the admins right after the write that noticed.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.answers.compose import Response
from handlers.admin.notices import report_storage
from handlers.context import CustomContext

logger = logging.getLogger(__name__)


async def log_query(
    update: Update, context: CustomContext, question: str, response: Response, latency_ms: float
) -> None:
    """Record one answered message: chat type, salted user hash, text, status, entry, score."""
    storage = context.storage
    if storage is None:
        return
    user, chat = update.effective_user, update.effective_chat
    try:
        await storage.alog_query(
            user_id=user.id if user else None,
            chat_type=chat.type if chat else "",
            text=question,
            status=response.status,
            entry_id=response.entry_id,
            score=response.score,
            latency_ms=latency_ms,
            kind=response.kind,
        )
    except Exception:
        logger.exception("could not record the query")
    await report_storage(context.application)


async def log_feedback(update: Update, context: CustomContext, entry_id: str, helpful: bool) -> None:
    """Record one 👍 (+1) or 👎 (-1) for an answered entry."""
    storage = context.storage
    if storage is None:
        return
    user = update.effective_user
    try:
        await storage.alog_feedback(user_id=user.id if user else None, entry_id=entry_id, vote=1 if helpful else -1)
    except Exception:
        logger.exception("could not record the feedback")
    await report_storage(context.application)
