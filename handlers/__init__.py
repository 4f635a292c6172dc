"""Telegram front end of 益阳法治问答 (python-telegram-bot 22).

One module per intent; `handlers.app.register_handlers` registers all of them:

    start      /start, /help
    ask        questions: private text, group mentions and replies, /ask 问题
    callbacks  answer buttons (a:), stale or unknown buttons
    topics     /topics browsing (o:, t:, v:)
    data       /data 关键词 staff lookup (d:)
    inline     inline mode (@bot 关键词)
    feedback   👍/👎 (fb:) and `record_feedback`
    admin      admin commands (/reload /stats /unanswered /backups /rollback, ua:/ud: buttons,
               knowledge-file uploads), watcher, digest and retention jobs
    usage      recording questions and 👍/👎 in the usage database
    media      stickers, photos, voice, files, unknown commands → a hint
    errors     the error handler
    render     HTML, keyboards, callback data, message splitting
    common     engine/conversation access and sending helpers
    logs       logging with the token redacted
    app        build_application, register_handlers, run_bot

Only `python -m bot run` imports this package; `bot/` never imports `telegram`.
"""
