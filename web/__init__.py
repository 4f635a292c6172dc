"""Web front end of 益阳法治问答: an HTTP API and a mobile chat page (Starlette + uvicorn).

Like `handlers/` for Telegram, it only calls the engine's chat API (`Engine.respond`,
`Conversation`, `EngineHolder`); `bot/` never imports this package (`python -m bot web`
imports it lazily). It never imports `telegram` either.

    app         create_app (routes, middleware, lifespan), run_web (uvicorn, graceful stop)
    api         the endpoints: /api/ask, /api/topics, /api/data, /api/feedback, /healthz, /
    inputs      reading a JSON body within the size limit; field validation; ApiError
    sessions    per-session follow-up context, bounded (LRU) and expiring (TTL)
    ratelimit   per-client token buckets (429 with Retry-After)
    middleware  security headers (CSP without inline script) and the rate limit, as ASGI
    static/     the chat page: index.html, app.css, app.js (no build step)
"""
