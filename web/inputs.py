"""Reading requests safely: the JSON body within the size limit, and field checks.

Every problem raises `ApiError(status, message)`, which the app turns into
`{"error": message}` with that status: a bad request never reaches the engine and never
becomes a 5xx. Messages are short, polite Simplified Chinese (shown on the page as is).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from .sessions import SESSION_RE

MAX_BODY_BYTES = 16 * 1024
MAX_QUESTION_CHARS = 500
MAX_ID_CHARS = 100


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


TOO_LARGE = "请求内容太长（最多 16 KB）。"


async def read_json(request: Request, limit: int = MAX_BODY_BYTES) -> dict[str, Any]:
    """The request's JSON object. Refused with 413 before reading when Content-Length is
    over `limit`, and as soon as the streamed body passes it (chunked uploads)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(415, "请以 JSON 格式发送（Content-Type: application/json）。")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "Content-Length 无效。")
        if int(declared) > limit:
            raise ApiError(413, TOO_LARGE)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, TOO_LARGE)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ApiError(400, "请求内容不是有效的 JSON。") from None
    if not isinstance(data, dict):
        raise ApiError(400, '请求内容应为 JSON 对象，例如 {"q": "网上可办率"}。')
    return data


def _encodable(text: str) -> bool:
    """False for strings with lone surrogates (valid JSON, but not storable or sendable)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_field(value: Any, name: str, max_chars: int = MAX_QUESTION_CHARS) -> str:
    """A required non-empty string of at most `max_chars` characters."""
    if value is None:
        raise ApiError(400, f"缺少“{name}”：请提供要查询的内容。")
    if not isinstance(value, str):
        raise ApiError(400, f"“{name}”应为文字。")
    if not value.strip():
        raise ApiError(400, "请输入您想了解的问题。")
    if len(value) > max_chars:
        raise ApiError(400, f"问题太长了，请控制在 {max_chars} 字以内。")
    if not _encodable(value):
        raise ApiError(400, f"“{name}”包含无效字符。")
    return value


def session_field(value: Any) -> str | None:
    """The optional session id: 8–64 characters of A–Z, a–z, 0–9, _ and -."""
    if value is None:
        return None
    if not isinstance(value, str) or not SESSION_RE.match(value):
        raise ApiError(400, "“session”无效：应为 8–64 位字母、数字、_ 或 -。")
    return value


def id_field(value: Any, name: str, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > MAX_ID_CHARS or not _encodable(value):
        raise ApiError(400, f"“{name}”无效。")
    return value
