"""Admin features in Telegram — only for ADMIN_IDS, only in a private chat with the bot.

    auth       who may: `admin_only`, the refusal, the audit records
    notices    messages to the admins (rate-limited), storage health notices
    edits      which pack an edit goes to; reload outcomes and problems as HTML
    commands   /admin /reload /stats /unanswered /backups /rollback, ua:/ud: buttons
    uploads    a report file or a knowledge .yaml sent by an admin
    jobs       retention pruning, storage health check, daily digest
    lifecycle  on_start / on_stop / on_shutdown (the application's lifecycle hooks)

`register` adds the handlers; `handlers.app` calls it before the catch-all handlers.
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.admin import commands, uploads


def register(application: Application) -> None:
    """Register the admin handlers (call before the catch-all handlers)."""
    new_message = filters.UpdateType.MESSAGE
    for name, handler in (
        ("admin", commands.admin_help),
        ("reload", commands.reload_command),
        ("stats", commands.stats_command),
        ("unanswered", commands.unanswered_command),
        ("backups", commands.backups_command),
        ("rollback", commands.rollback_command),
    ):
        application.add_handler(CommandHandler(name, handler, filters=new_message))
    application.add_handler(CallbackQueryHandler(commands.add_phrasing_button, pattern=r"^ua:"))
    application.add_handler(CallbackQueryHandler(commands.dismiss_button, pattern=r"^ud:"))
    admins = application.bot_data.settings.admin_ids if application.bot_data.settings else frozenset()
    application.add_handler(
        MessageHandler(
            new_message & filters.ChatType.PRIVATE & uploads.KnowledgeUpload(admins), uploads.upload_document
        )
    )
