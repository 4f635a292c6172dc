"""The web application: `create_app` builds it, `run_web` serves it with uvicorn.

`python -m bot web` calls `run_web(settings)`. SIGTERM / Ctrl-C: uvicorn stops accepting
connections, lets the requests in flight finish (at most `GRACE_SECONDS`), then the
lifespan closes the storage and the knowledge watcher, and the process exits 0.
Tests call `create_app(settings, holder)` and drive it with Starlette's TestClient.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.config import Settings
from bot.engine import Engine, EngineHolder
from bot.packs import load_library
from bot.storage import Storage

from . import api
from .inputs import ApiError
from .middleware import RateLimitMiddleware, SecurityHeadersMiddleware
from .ratelimit import RateLimiter
from .recorder import Recorder
from .sessions import SessionStore

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
GRACE_SECONDS = 3  # in-flight requests get this long after SIGTERM (exit within 5 s)
TRUSTED_PROXIES = "127.0.0.1"  # X-Forwarded-For is believed only from a proxy on this machine
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

HTTP_ERRORS = {404: "没有这个地址。", 405: "不支持这种请求方法。"}


async def api_error(request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    message = HTTP_ERRORS.get(exc.status_code, "请求无效。")
    return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("web request failed", exc_info=exc)
    return JSONResponse({"error": "抱歉，服务器出了点问题，请稍后再试。"}, status_code=500)


def create_app(settings: Settings, holder: EngineHolder, *, storage: Storage | None = None,
               open_storage: bool = True, watch_knowledge: bool = False,
               limiter: RateLimiter | None = None, sessions: SessionStore | None = None) -> Starlette:
    """The ASGI app. With `open_storage`, the usage database in `settings.data_dir` is
    opened at start-up (unless `storage` is given) and closed at shutdown; with
    `watch_knowledge`, knowledge edits are reloaded as in the Telegram bot."""
    if sessions is None:
        sessions = SessionStore(settings.context_ttl_minutes * 60)
    if limiter is None:
        limiter = RateLimiter(settings.web_rate_limit)
    held = api.Services(holder=holder, sessions=sessions, index_file=str(STATIC_DIR / "index.html"))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        opened = None
        if storage is None and open_storage:
            opened = await asyncio.to_thread(Storage.open, settings.data_dir, hash_key=settings.hash_key)
            logger.info("usage database: %s", opened.path)
        if storage is not None or opened is not None:
            held.recorder = Recorder(storage or opened)
            held.recorder.start()
        reloader = None
        if watch_knowledge:
            from bot.reloader import Reloader  # imports watchfiles; only the server needs it
            reloader = Reloader(holder, settings.knowledge_dir)
            await asyncio.to_thread(reloader.mark_loaded)
            reloader.start()
        try:
            yield
        finally:
            if reloader is not None:
                await reloader.stop()
            if held.recorder is not None:  # requests are finished: write what is queued
                recorder, held.recorder = held.recorder, None
                await recorder.close()
            if opened is not None:
                await opened.aclose()

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
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                                     max_age=600))
    middleware.append(Middleware(RateLimitMiddleware, limiter=limiter))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={ApiError: api_error, HTTPException: http_error,
                                        Exception: server_error})
    app.state.services = held
    return app


def _stopped(signum, frame) -> None:
    """Stands in for the default action of the signal uvicorn re-raises once it has shut
    down gracefully (SIGTERM would otherwise end the process with status 143)."""


def run_web(settings: Settings, host: str | None = None, port: int | None = None) -> int:
    """`python -m bot web`: serve until SIGTERM / Ctrl-C; 0 on a clean stop."""
    import uvicorn

    logging.basicConfig(level=settings.log_level, format=LOG_FORMAT, stream=sys.stderr, force=True)
    host = host or settings.web_host
    port = port or settings.web_port
    library = load_library(settings.knowledge_dir)  # a broken pack stays out; the others serve
    for problem in library.problems[:20]:
        logger.warning("knowledge problem: %s", problem)
    holder = EngineHolder(Engine(library))
    logger.info("knowledge loaded: %s", library.summary())
    app = create_app(settings, holder, watch_knowledge=True)
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False,
                            server_header=False, proxy_headers=True, forwarded_allow_ips=TRUSTED_PROXIES,
                            timeout_graceful_shutdown=GRACE_SECONDS, lifespan="on")
    server = uvicorn.Server(config)
    previous = {sig: signal.signal(sig, _stopped) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits when it cannot listen (port taken, bad address)
        print(f"WEB_HOST/WEB_PORT: cannot serve on {host}:{port} (see the error above)", file=sys.stderr)
        return int(exc.code or 1)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not server.started:
        return 1
    logger.info("stopped")
    return 0
