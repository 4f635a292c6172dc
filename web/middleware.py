"""ASGI middleware (plain ASGI, no per-request task overhead): security headers on every
response, and the per-client rate limit on /api/.

The client address is `scope["client"]`; uvicorn replaces it with the X-Forwarded-For
address only for connections from a trusted proxy on this machine (see `server.run_web`), so
behind nginx every visitor has their own bucket and nobody can forge one from outside.
"""

from __future__ import annotations

import json
import math

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.storage.interfaces import RateLimiter

API_PREFIX = "/api/"
TOO_MANY = "提问太频繁了，请稍后再试。"


def content_security_policy(frame_origins: tuple[str, ...] = ()) -> str:
    """No inline script or style, nothing from other sites; framing only by this site and
    by the origins in WEB_ALLOWED_ORIGINS."""
    ancestors = " ".join(("'self'",) + tuple(frame_origins))
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {ancestors}"
    )


def security_headers(frame_origins: tuple[str, ...] = ()) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": content_security_policy(frame_origins),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "cross-origin-resource-policy": "same-origin",
    }
    if not frame_origins:  # old browsers ignore frame-ancestors; with allowed origins, CSP decides
        headers["x-frame-options"] = "SAMEORIGIN"
    return [(k.encode(), v.encode()) for k, v in headers.items()]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, frame_origins: tuple[str, ...] = ()):
        self.app = app
        self.headers = security_headers(frame_origins)
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith(API_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                headers += self.headers
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def send_json(send: Send, status: int, body: dict, headers: list[tuple[bytes, bytes]] = ()) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()), *headers],
        }
    )
    await send({"type": "http.response.body", "body": data})


class RateLimitMiddleware:
    """429 with Retry-After once a client has used up its requests to /api/."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter):
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX) and scope["method"] != "OPTIONS":
            client = scope.get("client")
            wait = await self.limiter.check(client[0] if client else "")
            if wait > 0:
                await send_json(
                    send, 429, {"error": TOO_MANY}, [(b"retry-after", str(max(1, math.ceil(wait))).encode())]
                )
                return
        await self.app(scope, receive, send)
