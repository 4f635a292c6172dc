"""Real Redis and PostgreSQL servers for the store tests, started from the Debian packages
(`redis-server`, `postgresql`; `.ci/run` installs them) on a free port in a temp folder, and
stopped at the end. Where a package is missing the tests that need it are skipped, with a
message naming what to install. PostgreSQL runs as the `postgres` user when the tests run
as root (initdb refuses root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_port(port: int, process: subprocess.Popen, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout} s")


class RedisServer:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (apt-get install redis-server): Redis tests skipped")
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="redis-test-")
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", self.dir, "--daemonize", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_port(self.port, self.process, "redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def flush(self) -> None:
        import redis

        with redis.Redis.from_url(self.url) as client:
            client.flushall()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    def __init__(self) -> None:
        bindir = _pg_bin()
        if bindir is None:
            pytest.skip("PostgreSQL is not installed (apt-get install postgresql): PostgreSQL tests skipped")
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            pytest.skip(f"psycopg cannot be imported ({exc}): PostgreSQL tests skipped")
        self.bindir = bindir
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root without a `postgres` user: PostgreSQL tests skipped")
        self.dir = tempfile.mkdtemp(prefix="pg-test-")
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self._databases = 0
        self._run([str(bindir / "initdb"), "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8"])
        self.start()

    def _as_owner(self, argv: list[str]) -> list[str]:
        return (["runuser", "-u", "postgres", "--"] + argv) if self.user else argv

    def _run(self, argv: list[str]) -> None:
        if self.user:
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)
        result = subprocess.run(self._as_owner(argv), capture_output=True, text=True, timeout=120)
        if result.returncode:
            raise RuntimeError(f"{argv[0]} failed: {result.stderr.strip()[-500:]}")

    def start(self) -> None:
        options = [
            "-D", self.data, "-p", str(self.port), "-c", "listen_addresses=127.0.0.1",
            "-c", f"unix_socket_directories={self.dir}", "-c", "fsync=off", "-c", "max_connections=60",
        ]  # fmt: skip
        self.log = open(os.path.join(self.dir, "server.log"), "ab")  # noqa: SIM115 (kept open while it runs)
        self.process = subprocess.Popen(
            self._as_owner([str(self.bindir / "postgres"), *options]), stdout=self.log, stderr=self.log
        )
        _wait_port(self.port, self.process, "postgres")
        import psycopg

        deadline = time.monotonic() + 30
        while True:  # the port opens before the server accepts sessions
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            subprocess.run(
                self._as_owner([str(self.bindir / "pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=60,
            )
            self.process.wait(30)
        self.process = None

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        self._databases += 1
        name = f"t{self._databases}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
