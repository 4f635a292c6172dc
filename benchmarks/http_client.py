"""A minimal HTTP/1.1 keep-alive client on asyncio streams, for the web load run.

The load generator shares the machine's cores with the server it measures, so whatever
CPU it spends per request is taken from the server: aiohttp spent about 0.3 ms a request
here (a third of what the server spends), this client about a tenth of that. It speaks
only what the load run needs: one request at a time on one connection, a
`Content-Length` response (uvicorn sends JSON that way), the body parsed as JSON.
Anything else — a closed connection, a chunked or malformed response, a timeout — raises
`HttpError` and the next request opens a new connection.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any


class HttpError(Exception):
    pass


class Connection:
    def __init__(self, host: str, port: int, timeout: float = 10.0):
        self.host, self.port, self.timeout = host, port, timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        """(status, the response's JSON) — or HttpError."""
        try:
            return await asyncio.wait_for(self._request(method, path, body, headers or {}), self.timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            await self.close()
            raise HttpError(f"{type(exc).__name__}: {exc}") from None
        except HttpError:
            await self.close()
            raise

    async def _request(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        if body is not None:
            head.append("Content-Type: application/json")
        head += [f"{name}: {value}" for name, value in headers.items()]
        head.append(f"Content-Length: {len(data)}")
        self._writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + data)
        raw = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *lines = raw.decode("latin-1").split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise HttpError(f"bad status line {status_line!r}")
        fields = {}
        for line in lines:
            name, sep, value = line.partition(":")
            if sep:
                fields[name.strip().lower()] = value.strip()
        if "content-length" not in fields or not fields["content-length"].isdigit():
            raise HttpError(f"no Content-Length in the response to {method} {path}")
        payload = await self._reader.readexactly(int(fields["content-length"]))
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return int(parts[1]), json.loads(payload) if payload else None

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
