"""The web application: `create_app` builds it (`web.server.run_web` serves it).

At start-up the lifespan opens the usage database and its recorder and starts the
knowledge watcher; at shutdown (after uvicorn let the requests in flight finish) it stops
the watcher and writes what the recorder still holds. With several workers each process
builds its own app around the store and limiter they share.
Tests call `create_app(settings, holder)` and drive it with Starlette's TestClient.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.config import Settings
from bot.engine.engine import EngineHolder
from bot.storage.interfaces import RateLimiter, SessionStore, UsageStore
from bot.storage.memory import MemoryRateLimiter, MemorySessionStore
from bot.storage.postgres import open_usage_store

from . import api
from .inputs import ApiError
from .middleware import RateLimitMiddleware, SecurityHeadersMiddleware
from .recorder import Recorder

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

HTTP_ERRORS = {404: "没有这个地址。", 405: "不支持这种请求方法。"}


async def api_error(request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    message = HTTP_ERRORS.get(exc.status_code, "请求无效。")
    return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)


async def client_gone(request: Request, exc: ClientDisconnect) -> Response:
    """The client closed the connection before its request was read: nothing to answer,
    nothing wrong here (one DEBUG line; it used to be 2 ERROR lines and 2 tracebacks)."""
    logger.debug("client disconnected before its request was read: %s %s", request.method, request.url.path)
    return Response(status_code=400)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("web request failed", exc_info=exc)
    return JSONResponse({"error": "抱歉，服务器出了点问题，请稍后再试。"}, status_code=500)


def create_app(
    settings: Settings,
    holder: EngineHolder,
    *,
    storage: UsageStore | None = None,
    open_storage: bool = True,
    watch_knowledge: bool = False,
    loaded: str | None = None,
    limiter: RateLimiter | None = None,
    sessions: SessionStore | None = None,
) -> Starlette:
    """The ASGI app. With `open_storage`, the usage database in `settings.data_dir` is
    opened at start-up (unless `storage` is given) and closed at shutdown; with
    `watch_knowledge`, knowledge edits are reloaded as in the Telegram bot. `loaded` is the
    fingerprint of the files the holder's engine was built from (`bot.reloader.fingerprint`):
    if they changed since (a worker started after an edit), they are reloaded at start-up.
    Without `sessions` and `limiter`, both are in Redis with REDIS_URL, else in memory (one
    worker); the usage store is PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR."""
    link = None
    if settings.redis_url and (sessions is None or limiter is None):  # several machines share Redis
        from bot.storage.redis_state import RedisLink, RedisRateLimiter, RedisSessionStore

        link = RedisLink(settings.redis_url)
        key = settings.hash_key.encode("utf-8")
        sessions = sessions or RedisSessionStore(link, key, settings.context_ttl_minutes * 60)
        limiter = limiter or RedisRateLimiter(link, key, settings.web_rate_limit)
    if sessions is None:
        sessions = MemorySessionStore(settings.context_ttl_minutes * 60)
    if limiter is None:
        limiter = MemoryRateLimiter(settings.web_rate_limit)
    held = api.Services(holder=holder, sessions=sessions, index_file=str(STATIC_DIR / "index.html"))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        opened = None
        if storage is None and open_storage:
            opened = await asyncio.to_thread(open_usage_store, settings)
            logger.info("usage database: %s", opened.path)
        if storage is not None or opened is not None:
            held.recorder = Recorder(storage or opened)
            held.recorder.start()
        reloader = None
        if watch_knowledge:
            from bot.knowledge.reload import Reloader

            reloader = Reloader(holder, settings.knowledge_dir)
            if loaded is None:
                await asyncio.to_thread(reloader.mark_loaded)
            else:
                reloader.mark_loaded(loaded)
                await reloader.reload("start", only_if_changed=True)
        sync = sync_task = None
        if reloader is not None and link is not None:  # several machines: versions on Redis
            from bot.storage.redis_state import KnowledgeSync

            sync, stop_sync = KnowledgeSync(link, reloader), asyncio.Event()
            sync_task = asyncio.create_task(sync.run(stop_sync), name="knowledge-sync")
        if reloader is not None:
            reloader.start(callback=sync.on_reload if sync is not None else None)
        try:
            yield
        finally:
            if sync_task is not None:
                stop_sync.set()
                await sync_task
            if reloader is not None:
                await reloader.stop()
            if held.recorder is not None:  # requests are finished: write what is queued
                recorder, held.recorder = held.recorder, None
                await recorder.close()
            if opened is not None:
                await opened.aclose()
            if link is not None:
                await link.close()

    routes = [
        Route("/api/ask", api.ask, methods=["POST"]),
        Route("/api/topics", api.topics, methods=["GET"]),
        Route("/api/data", api.data, methods=["GET"]),
        Route("/api/feedback", api.feedback, methods=["POST"]),
        Route("/healthz", api.healthz, methods=["GET"]),
        Route("/", api.index, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    origins = settings.web_allowed_origins
    middleware = [Middleware(SecurityHeadersMiddleware, frame_origins=origins)]
    if origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
                max_age=600,
            )
        )
    middleware.append(Middleware(RateLimitMiddleware, limiter=limiter))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            ApiError: api_error,
            HTTPException: http_error,
            ClientDisconnect: client_gone,
            Exception: server_error,
        },
    )
    app.state.services = held
    return app
