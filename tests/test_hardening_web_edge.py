"""Issue 17 (8): the HTTP edge. A client that drops mid-body is one DEBUG line; the request
head has a size limit and a time limit; connections are capped below the file limit with a
clear warning. Served by uvicorn in this process, with the protocol `web.server` uses."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest
import uvicorn
from web_fixtures import free_port, web_settings  # noqa: F401

from web import edge, server
from web.app import create_app


@contextlib.asynccontextmanager
async def serving(app, **limits):
    port = free_port()
    config = server.uvicorn_config(app, "127.0.0.1", port)
    config.http = edge.guarded_protocol(**limits)
    config.lifespan = "off"
    uv = uvicorn.Server(config)
    task = asyncio.create_task(uv.serve())
    while not uv.started:
        await asyncio.sleep(0.01)
    try:
        yield port
    finally:
        uv.should_exit = True
        await asyncio.wait_for(task, 10)


async def hello(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})


async def _read_all(reader, timeout: float = 3.0) -> bytes:
    data = b""
    with contextlib.suppress(asyncio.TimeoutError, ConnectionError):
        while chunk := await asyncio.wait_for(reader.read(65536), timeout):
            data += chunk
    return data


def test_uvicorn_is_configured_with_the_guarded_protocol():
    config = server.uvicorn_config(hello, "127.0.0.1", 8000)
    assert issubclass(config.http, edge.HttpToolsProtocol) and config.http.max_connections == edge.connection_cap()
    assert edge.connection_cap(1024) < 1024 and edge.connection_cap(65536) < 65536


async def test_an_oversized_request_head_is_refused_after_a_bounded_read():
    async with serving(hello, max_head_bytes=16 * 1024) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(2):
            writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 17_000)
            await writer.drain()
            await asyncio.sleep(0.05)
        response = await _read_all(reader)
        assert response.startswith(b"HTTP/1.1 431"), response[:100]
        writer.close()

        reader, writer = await asyncio.open_connection("127.0.0.1", port)  # a 64 MB header
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ")
        sent = 0
        with pytest.raises(ConnectionError):
            for _ in range(64 * 16):
                writer.write(b"a" * 65536)
                await writer.drain()
                sent += 65536
                await asyncio.sleep(0.001)
        assert sent < 8 * 1024 * 1024  # the server stopped reading long before
        writer.close()

        reader, writer = await asyncio.open_connection("127.0.0.1", port)  # others are served
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await _read_all(reader)).startswith(b"HTTP/1.1 200")
        writer.close()


async def test_a_slow_request_head_is_closed_after_the_header_timeout():
    async with serving(hello, header_timeout=0.3) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 5) == b""  # closed by the server
        idle_reader, idle_writer = await asyncio.open_connection("127.0.0.1", port)  # sends nothing at all
        assert await asyncio.wait_for(idle_reader.read(), 5) == b""
        writer.close()
        idle_writer.close()


async def test_connections_past_the_cap_get_503_and_one_warning(caplog):
    caplog.set_level(logging.WARNING, logger="web.edge")
    async with serving(hello, max_connections=5) as port:
        idle = [await asyncio.open_connection("127.0.0.1", port) for _ in range(5)]
        await asyncio.sleep(0.1)
        for _ in range(3):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            assert (await _read_all(reader)).startswith(b"HTTP/1.1 503")
            writer.close()
        for _, writer in idle:
            writer.close()
        await asyncio.sleep(0.1)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await _read_all(reader)).startswith(b"HTTP/1.1 200")  # room again
        writer.close()
    warnings = [r for r in caplog.records if "connection cap reached" in r.getMessage()]
    assert len(warnings) == 1 and "LimitNOFILE" in warnings[0].getMessage()


async def test_a_client_that_drops_mid_body_is_one_debug_line(web_settings, tg_holder, caplog):
    caplog.set_level(logging.DEBUG)
    app = create_app(web_settings, tg_holder)
    async with serving(app) as port:
        for _ in range(5):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 900\r\n\r\n{"q": "\xe9\xa6\x96'
            )
            await writer.drain()
            await asyncio.sleep(0.05)
            writer.transport.abort()
        await asyncio.sleep(0.3)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    assert not any(r.exc_info for r in caplog.records)
    gone = [r for r in caplog.records if "client disconnected" in r.getMessage()]
    assert len(gone) == 5 and all(r.levelno == logging.DEBUG for r in gone)


@pytest.mark.parametrize("soft", [1024])
def test_the_cap_leaves_room_below_the_file_limit(soft):
    assert edge.connection_cap(soft) <= soft - edge.FILE_RESERVE
