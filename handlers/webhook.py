"""The webhook server (tornado, as in python-telegram-bot), checking before it reads.

Telegram posts each update to WEBHOOK_URL with the header X-Telegram-Bot-Api-Secret-Token.
A request is refused as soon as its headers arrive, before any of its body is read: 403
without the right secret (compared in constant time) or without a JSON content type, 413
when it announces more than `MAX_BODY_BYTES`; a body that grows past that limit without
announcing it is cut off by tornado. A good update is journalled (`UpdateTracker.admit`)
before the 200 that confirms it to Telegram; if the journal cannot be written, the 200
waits until the update has been answered.
"""

from __future__ import annotations

import hmac
import json
import logging
from urllib.parse import urlsplit

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from .updates import UpdateTracker

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024  # a real update is a few KB; a message text is at most 4096 characters
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_path(url: str) -> str:
    """The local path the webhook server listens on: the path of WEBHOOK_URL."""
    return urlsplit(url).path.strip("/")


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, ptb_app: Application, tracker: UpdateTracker, secret: str) -> None:
        self.app, self.tracker, self.secret = ptb_app, tracker, secret
        self.chunks: list[bytes] = []

    def prepare(self) -> None:
        """Runs once the headers are in, before the body is read."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise tornado.web.HTTPError(403)
        if self.request.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            raise tornado.web.HTTPError(403)
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            raise tornado.web.HTTPError(413)
        self.request.connection.set_max_body_size(MAX_BODY_BYTES)

    def data_received(self, chunk: bytes) -> None:
        self.chunks.append(chunk)

    async def post(self) -> None:
        try:
            update = Update.de_json(json.loads(b"".join(self.chunks)), self.app.bot)
        except Exception:  # noqa: BLE001 - not an update: nothing to confirm
            log.warning("webhook request with an unreadable body refused")
            raise tornado.web.HTTPError(400) from None
        if update is not None:
            await self.tracker.wait_for_room()
            if not await self.tracker.admit([update]):
                await self.tracker.wait_done([update.update_id])
        self.set_status(200)
        self.set_header("Content-Type", "application/json")
        self.finish("{}")

    def write_error(self, status_code: int, **kwargs) -> None:
        self.finish("")

    def on_connection_close(self) -> None:
        self.chunks = []


class _App(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """Our own logging (no per-request lines; they would carry nothing useful)."""


def webhook_server(application: Application, tracker: UpdateTracker, path: str, secret: str) -> HTTPServer:
    """An HTTPServer for `path` (the path of WEBHOOK_URL); call `.listen(port, address)`."""
    route = "/" + path.strip("/")
    app = _App(
        [
            (
                rf"{route}/?" if route != "/" else r"/",
                UpdateHandler,
                {"ptb_app": application, "tracker": tracker, "secret": secret},
            )
        ]
    )
    return HTTPServer(
        app,
        max_body_size=MAX_BODY_BYTES,
        max_buffer_size=4 * MAX_BODY_BYTES,
        idle_connection_timeout=60,
        body_timeout=30,
    )
