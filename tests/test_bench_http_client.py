"""The load run's minimal HTTP client (benchmarks/http_client.py): keep-alive, JSON both ways,
and anything it does not understand is an error, after which it connects afresh."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.http_client import Connection, HttpError  # noqa: E402


async def serve(replies: list[bytes]):
    """A server answering each request with the next of `replies` (b"" closes the connection);
    what it received, per connection."""
    received: list[list[bytes]] = []

    async def handle(reader, writer):
        mine: list[bytes] = []
        received.append(mine)
        while replies:
            head = await reader.readuntil(b"\r\n\r\n")
            length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")]
            mine.append(head + await reader.readexactly(length[0] if length else 0))
            reply = replies.pop(0)
            if not reply:
                break
            writer.write(reply)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], received


def ok(body: dict, status: str = "200 OK") -> bytes:
    data = json.dumps(body).encode()
    return f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n\r\n".encode() + data


async def test_keep_alive_json_and_reconnect_after_errors():
    replies = [
        ok({"status": "answer"}),
        ok({"error": "x"}, "429 Too Many Requests"),
        b"",
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        ok({"status": "answer", "n": 2}),
    ]
    server, port, received = await serve(replies)
    connection = Connection("127.0.0.1", port, timeout=5)
    try:
        assert await connection.request("POST", "/api/ask", {"q": "网上可办率"}, {"X-Forwarded-For": "127.0.0.9"}) == (
            200,
            {"status": "answer"},
        )
        assert (await connection.request("POST", "/api/ask", {"q": "x"}))[0] == 429
        for _ in range(2):  # the server hangs up; then a chunked body, which it does not read
            try:
                await connection.request("GET", "/healthz")
            except HttpError:
                pass
            else:
                raise AssertionError("expected HttpError")
        assert await connection.request("GET", "/healthz") == (200, {"status": "answer", "n": 2})
    finally:
        await connection.close()
        server.close()
    assert [len(c) for c in received] == [3, 1, 1]  # a new connection after each error
    first = received[0][0].decode()
    assert first.startswith("POST /api/ask HTTP/1.1\r\n") and "X-Forwarded-For: 127.0.0.9" in first
    assert "Content-Type: application/json" in first and first.endswith(
        json.dumps({"q": "网上可办率"}, ensure_ascii=False)
    )
