"""The HTTP edge: what a connection may cost before the app sees a request.

uvicorn's httptools protocol, with three limits it does not have on its own:

* the request head (request line and headers) may be at most MAX_HEAD_BYTES; a longer one
  is answered 431 and the connection closed, after at most one more read (a 64 MB header
  used to be parsed whole: 6 s of CPU);
* the head must arrive within HEADER_TIMEOUT_S of the connection (or of the previous
  response, on a kept-alive connection); a slower one is closed (slowloris);
* each worker process keeps at most `max_connections` connections, below its file limit
  (`connection_cap`); one more is answered 503 and closed at once, and a warning says so
  (at most once a minute) naming the file limit. Without it, idle connections past the
  file limit starved the server (accept failed) and nothing was logged. The systemd unit
  in the README raises LimitNOFILE; `raise_file_limit` lifts the soft limit to the hard one.

`guarded_protocol(...)` makes the protocol class that `server.uvicorn_config` passes to
uvicorn as `http=`.
"""

from __future__ import annotations

import logging
import time

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

logger = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024
HEADER_TIMEOUT_S = 10.0
FILE_RESERVE = 64  # descriptors kept for everything but connections (databases, logs, the watcher)
WARN_EVERY_S = 60.0

_TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
_BUSY = b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nretry-after: 5\r\nconnection: close\r\n\r\n"


def file_limit() -> int | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft


def raise_file_limit(wanted: int = 65536) -> int | None:
    """Lift the soft file limit towards the hard one (at most `wanted`); the soft limit now."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ImportError, ValueError, OSError):
        pass
    return file_limit()


def connection_cap(limit: int | None = None) -> int:
    """Connections one worker keeps: its file limit minus a reserve (at least 16)."""
    limit = file_limit() if limit is None else limit
    if limit is None:
        return 10_000
    return max(16, limit - max(FILE_RESERVE, limit // 8))


class _Warner:
    def __init__(self) -> None:
        self.last = float("-inf")
        self.refused = 0

    def __call__(self, cap: int) -> None:
        self.refused += 1
        now = time.monotonic()
        if now - self.last >= WARN_EVERY_S:
            self.last = now
            logger.warning(
                "connection cap reached: %d open connections in this worker (file limit %s); new connections "
                "get 503 (%d refused so far). Raise LimitNOFILE in the systemd unit to allow more.",
                cap,
                file_limit(),
                self.refused,
            )


def guarded_protocol(
    max_connections: int | None = None,
    max_head_bytes: int = MAX_HEAD_BYTES,
    header_timeout: float = HEADER_TIMEOUT_S,
) -> type[HttpToolsProtocol]:
    cap = connection_cap() if max_connections is None else max_connections
    warn = _Warner()

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        max_connections = cap

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._head_bytes = 0
            self._in_head = True
            self._head_timer = None
            if len(self.connections) > cap:
                warn(cap)
                self._in_head = False
                transport.write(_BUSY)
                transport.close()
                return
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(header_timeout, self._head_timeout)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timeout(self) -> None:
            self._head_timer = None
            if self._in_head and not self.transport.is_closing():
                logger.debug("closed a connection whose request head took over %.0f s", header_timeout)
                self.transport.close()

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                if self._head_bytes > max_head_bytes:
                    self._too_large()
                    return
                self._head_bytes += len(data)
            super().data_received(data)

        def _too_large(self) -> None:
            logger.debug("refused a request head over %d bytes", max_head_bytes)
            self._in_head = False
            self._disarm()
            if not self.transport.is_closing():
                self.transport.write(_TOO_LARGE)
                self.transport.close()

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():  # kept alive: the next head is timed and counted
                self._in_head = True
                self._head_bytes = 0
                self._arm()

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

    return GuardedHttpToolsProtocol
