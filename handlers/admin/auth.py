"""Who may use the admin features: ADMIN_IDS, in a private chat with the bot. Anyone else gets a
polite refusal and the attempt is audited (by keyed user hash); every admin action is audited too."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatType

from handlers.admin.notices import report_storage
from handlers.common import reply_html
from handlers.context import CustomContext
from handlers.render import esc

logger = logging.getLogger(__name__)

REFUSAL = "抱歉，这个功能仅供管理员使用。如需了解报告内容，请直接提问或发送 /help。"
PRIVATE_ONLY = "为保护提问者的隐私，管理命令请在与我的私聊中使用。"

Handler = Callable[[Update, CustomContext], Awaitable[None]]


def is_admin(update: Update, context: CustomContext) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.settings.admin_ids


async def audit(update: Update, context: CustomContext, action: str, detail: str = "", admin: bool = True) -> None:
    """One row in admin_actions; refused attempts (admin=False) carry only the user hash."""
    user = update.effective_user
    logger.info("admin audit: %s (%s)", action, "admin" if admin else "refused")  # no detail: it may quote a citizen
    storage = context.storage
    if storage is None:
        return
    try:
        await storage.alog_admin(user_id=user.id if user else None, action=action, detail=detail, is_admin=admin)
    except Exception:
        logger.exception("could not write the audit record")
    await report_storage(context.application)


async def refuse(update: Update, context: CustomContext, action: str) -> None:
    """A polite no for a non-admin, and an audit record of the attempt."""
    message = update.effective_message
    detail = action
    if update.callback_query is not None:
        detail = f"{action} button {(update.callback_query.data or '')[:64]}"
    elif message is not None and (message.text or message.caption):
        detail = (message.text or message.caption)[:200]
    elif message is not None and message.document is not None:
        detail = f"{action} {message.document.file_name or ''}"
    await audit(update, context, "refused", detail, admin=False)
    if update.callback_query is not None:
        await update.callback_query.answer(REFUSAL)
    elif update.effective_chat is not None:
        await reply_html(update, context, esc(REFUSAL))


def admin_only(action: str) -> Callable[[Handler], Handler]:
    """Run the handler for admins in a private chat; refuse (and audit) everyone else, and
    admins anywhere else: a group, or a button on a message outside the private chat (so
    a citizen's question is never posted into a group)."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(update: Update, context: CustomContext) -> None:
            if not is_admin(update, context):
                await refuse(update, context, action)
                return
            chat = update.effective_chat
            if chat is None or chat.type != ChatType.PRIVATE:
                where = chat.type if chat is not None else "inline message"
                await audit(update, context, "refused_outside_private", f"{action} in {where}")
                if update.callback_query is not None:
                    await update.callback_query.answer(PRIVATE_ONLY, show_alert=True)
                else:
                    await reply_html(update, context, esc(PRIVATE_ONLY))
                return
            await handler(update, context)

        return wrapper

    return decorate
