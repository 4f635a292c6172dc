"""`python -m bot web`: serve the app with uvicorn, in one process or several.

`run_web(settings, host, port, workers)`:
1. The knowledge base is loaded once (a broken pack stays out, its problems logged) and
   warmed up; the usage database is opened once (migrations, key file), so a bad DATA_DIR
   is one line.
2. One worker: uvicorn in this process; follow-up context and rate limit in memory.
   Several: the port is reserved here, the shared state file prepared (`statedb`), and
   `workers.Supervisor` forks the workers. Each listens on its own SO_REUSEPORT socket
   (the kernel spreads new connections evenly; one shared socket would let whichever
   worker wakes first accept a whole burst), serves it with its own uvicorn server and
   app, shares context and limit through its own connection to that file, and runs its
   own knowledge watcher and usage recorder.
SIGTERM / Ctrl-C: no new connections; the requests in flight finish (at most
GRACE_SECONDS); the lifespan writes what the recorder holds; exit 0 within 5 s.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable

from bot.answers.compose import question_for
from bot.config import Settings
from bot.engine.engine import Conversation, Engine, EngineHolder
from bot.knowledge.packs import load_library
from bot.knowledge.reload import fingerprint
from bot.storage.keys import load_hash_key
from bot.storage.postgres import open_usage_store

from . import edge, statedb
from .app import create_app
from .ratelimit import SqliteRateLimiter
from .sessions import SqliteSessionStore
from .workers import Supervisor, report_ready, stop_requested, watch_parent

logger = logging.getLogger(__name__)

GRACE_SECONDS = 3  # in-flight requests get this long after SIGTERM (exit within 5 s)
TRUSTED_PROXIES = "127.0.0.1"  # X-Forwarded-For is believed only from a proxy on this machine
BACKLOG = 2048
# Linux spreads connections over SO_REUSEPORT sockets; BSDs give them all to one socket.
REUSE_PORT = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
WORKERS_LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def uvicorn_config(app, host: str, port: int):
    """uvicorn's settings; the HTTP protocol is httptools with the limits of `edge` (request
    head size and time, a connection cap below the file limit)."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=edge.guarded_protocol(),
        log_config=None,
        access_log=False,
        server_header=False,
        proxy_headers=True,
        forwarded_allow_ips=TRUSTED_PROXIES,
        backlog=BACKLOG,
        timeout_graceful_shutdown=GRACE_SECONDS,
        lifespan="on",
    )


def _serve(server, sockets: list[socket.socket] | None = None) -> None:
    """`server.run()`. Once uvicorn has shut down gracefully it re-raises the signal that
    stopped it; the handler installed here takes it instead of the default action (which
    would end the process with status 143), and asks the server to stop if the signal
    arrives before uvicorn installed its own handlers."""

    def stop(signum, frame) -> None:
        server.should_exit = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.run(sockets=sockets)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_web(settings: Settings, host: str | None = None, port: int | None = None, workers: int | None = None) -> int:
    """Serve until SIGTERM / Ctrl-C; 0 on a clean stop."""
    host = host or settings.web_host
    port = port or settings.web_port
    workers = workers or settings.web_workers
    logging.basicConfig(
        level=settings.log_level,
        format=LOG_FORMAT if workers == 1 else WORKERS_LOG_FORMAT,
        stream=sys.stderr,
        force=True,
    )
    files = edge.raise_file_limit()
    logger.info(
        "file limit %s: at most %d connections per worker process (LimitNOFILE raises it)",
        files,
        edge.connection_cap(),
    )
    stamp = fingerprint(settings.knowledge_dir)  # before loading: an edit meanwhile is reloaded
    library = load_library(settings.knowledge_dir)  # a broken pack stays out; the others serve
    for problem in library.problems[:20]:
        logger.warning("knowledge problem: %s", problem)
    holder = EngineHolder(Engine(library))
    logger.info("knowledge loaded: %s", library.summary())
    warm(holder.engine)  # once, before forking: no worker's first visitors wait for it
    open_usage_store(settings).close()  # raises StorageError: one line
    if workers > 1 and not hasattr(os, "fork"):
        logger.warning("WEB_WORKERS=%d: this system cannot fork worker processes; serving with one", workers)
        workers = 1
    if workers == 1:
        return _run_one(settings, holder, stamp, host, port)
    return _run_workers(settings, holder, stamp, host, port, workers)


WARM_UP = ("你好", "明天天气怎么样", "营业执照多久能办下来", "那成功率呢")


def warm(engine: Engine) -> None:
    """Answer every entry's question and a few that are not in the report, unrecorded, so
    what the engine builds on first use (indexes, the word list: 0.7 s) is built now."""
    started = time.perf_counter()
    for entry in engine.knowledge.entries.values():
        engine.respond(question_for(entry))
    for text in WARM_UP:
        engine.respond(text, Conversation())
    logger.info("engine warmed up in %.2f s", time.perf_counter() - started)


def _cannot_serve(host: str, port: int, code) -> int:
    print(f"WEB_HOST/WEB_PORT: cannot serve on {host}:{port} (see the error above)", file=sys.stderr)
    return int(code or 1)


def _run_one(settings: Settings, holder: EngineHolder, stamp: str, host: str, port: int) -> int:
    import uvicorn

    app = create_app(settings, holder, watch_knowledge=True, loaded=stamp)
    server = uvicorn.Server(uvicorn_config(app, host, port))
    try:
        _serve(server)
    except SystemExit as exc:  # uvicorn exits when it cannot listen (port taken, bad address)
        return _cannot_serve(host, port, exc.code)
    if not server.started:
        return 1
    logger.info("stopped")
    return 0


def _run_workers(settings: Settings, holder: EngineHolder, stamp: str, host: str, port: int, count: int) -> int:
    import uvicorn

    try:  # holds the port (bound, not listening: it is handed no connections)
        reserved = bind(host, port)
    except OSError as exc:
        logger.error("%s", exc)
        return _cannot_serve(host, port, 1)
    port = reserved.getsockname()[1]
    ttl = settings.context_ttl_minutes * 60
    shared = not settings.redis_url  # with REDIS_URL the workers share Redis, not a file
    state = statedb.prepare(settings.data_dir, ttl_seconds=ttl) if shared else None
    key = load_hash_key(settings.data_dir, settings.hash_key)

    def worker(index: int, link: socket.socket) -> int:
        sock = reserved
        if REUSE_PORT:  # a listening socket of its own, the kernel spreads connections over them
            sock = bind(host, port)
            reserved.close()  # this process's copy of the parent's
        sock.listen(BACKLOG)
        # opened on first use; reopens and recreates the file on failure
        conn = statedb.StateConnection(state) if shared else None
        try:
            app = create_app(
                settings,
                holder,
                watch_knowledge=True,
                loaded=stamp,
                sessions=SqliteSessionStore(conn, key, ttl) if shared else None,
                limiter=SqliteRateLimiter(conn, key, settings.web_rate_limit) if shared else None,
            )
            server = uvicorn.Server(uvicorn_config(app, host, port))
            server.should_exit = stop_requested.is_set()  # a signal while the app was being built
            watch_parent(link, lambda: setattr(server, "should_exit", True))
            _when(lambda: server.started, lambda: report_ready(link), until=lambda: server.should_exit)
            _serve(server, [sock])
        finally:
            if conn is not None:
                conn.close()
        return 0 if server.started else 1

    supervisor = Supervisor(
        worker,
        count,
        on_ready=lambda: logger.info("serving http://%s:%d with %d worker processes", host, port, count),
        on_stop=reserved.close,
    )
    status = supervisor.run()
    reserved.close()
    if status == 0:
        logger.info("stopped")
    return status


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to host:port, with SO_REUSEPORT where the system has it (every
    worker binds its own; the kernel hands each new connection to one of them, spread by
    address, so no worker takes a whole burst of connections). Raises OSError."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if REUSE_PORT:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot bind {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def _when(
    condition: Callable[[], bool], then: Callable[[], None], until: Callable[[], bool], every: float = 0.02
) -> None:
    """Call `then()` (from a daemon thread) once `condition()` holds, unless `until()` first."""

    def wait() -> None:
        while not condition():
            if until():
                return
            time.sleep(every)
        then()

    threading.Thread(target=wait, name="ready-watch", daemon=True).start()
