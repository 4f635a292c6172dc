"""Web front end of 益阳法治问答: an HTTP API and a mobile chat page (Starlette + uvicorn).

Like `handlers/` for Telegram, it only calls the engine's chat API (`Engine.respond`,
`Conversation`, `EngineHolder`); `bot/` never imports this package (`python -m bot web`
imports it lazily). It never imports `telegram` either.

    server      run_web: uvicorn in one process, or several workers (graceful stop)
    workers     forking and supervising worker processes on one listening socket
    app         create_app (routes, middleware, lifespan)
    api         the endpoints: /api/ask, /api/topics, /api/data, /api/feedback, /healthz, /
    inputs      reading a JSON body within the size limit; field validation; ApiError
    sessions    per-session follow-up context, bounded and expiring: in memory, or shared
    ratelimit   per-client token buckets (429 with Retry-After): in memory, or shared
    statedb     the SQLite file the workers share for context and rate limit
    middleware  security headers (CSP without inline script) and the rate limit, as ASGI
    static/     the chat page: index.html, app.css, app.js (no build step)
"""
