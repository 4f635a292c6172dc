"""Telegram front end of 益阳法治问答 (python-telegram-bot 22).

One module per intent; `handlers.app.register_handlers` registers all of them:

    start      /start, /help
    ask        questions: private text, group mentions and replies, /ask 问题
    callbacks  answer buttons (a:), stale, unknown or empty buttons
    topics     /topics browsing (o:, t:, v:)
    data       /data 关键词 staff lookup (d:)
    inline     inline mode (@bot 关键词)
    feedback   👍/👎 (fb:) and `record_feedback`
    admin/     admin features: auth, notices, edits, commands (/reload /stats /unanswered
               /backups /rollback, ua:/ud: buttons), uploads, jobs (digest, retention,
               storage health), lifecycle (storage, knowledge watcher)
    menu       the command menus (everyone's, the admins')
    usage      recording questions and 👍/👎 in the usage database; storage notices to admins
    media      stickers, photos, voice, files, unknown commands → a hint
    errors     the error handler (log, admins, user; network errors retried)
    render     HTML, keyboards, callback data, message splitting
    common     sending and editing helpers
    context    the typed context: BotData, ChatData, CustomContext
    updates    the update journal, in-flight limit, update processor, long polling
    webhook    the webhook server (secret and size checked before the body is read)
    serve      start-up, polling or webhook, the 8-second stop
    logs       logging with secrets redacted and citizens' data left out
    app        build_application, register_handlers, run_bot

Imports run one way (tests/test_import_graph.py): app → the intents → admin → render,
common, context. Only `python -m bot run` imports this package; `bot/` never imports `telegram`.
"""
