"""Shared by the web tests: the app on the real knowledge base (for Starlette's TestClient),
and a real `python -m bot web` process on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def web_settings(tmp_path):
    from bot.config import Settings

    return Settings(data_dir=tmp_path / "data", context_ttl_minutes=10, web_rate_limit=1000)


@pytest.fixture
def make_client(web_settings, tg_holder):
    """make_client(**create_app options) → a started TestClient (lifespan run); closed after."""
    from starlette.testclient import TestClient

    from web.app import create_app

    opened = []

    def make(settings=None, client=("203.0.113.7", 50000), **options):
        app = create_app(settings or web_settings, tg_holder, **options)
        test_client = TestClient(app, client=client, raise_server_exceptions=False)
        test_client.__enter__()
        opened.append(test_client)
        return test_client

    yield make
    for test_client in opened:
        test_client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebServer:
    """`python -m bot web` in a subprocess, on 127.0.0.1:<free port>, logging to a file."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log_path = data_dir.parent / f"web-{self.port}.log"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEB_"))}
        self.env.update({"DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"})
        self.env.update(env or {})
        self.args: list[str] = []  # more options for `python -m bot web`
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> WebServer:
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "web", "--port", str(self.port), *self.args],
            cwd=self.data_dir.parent,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"web server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"web server did not answer /healthz within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, then wait; the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def __enter__(self) -> WebServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.stop()


@pytest.fixture
def web_server(tmp_path):
    with WebServer(tmp_path / "data") as server:
        yield server
