"""Two `python -m bot web` processes on two ports sharing one Redis and one PostgreSQL (real
servers started by the tests), as two machines behind a load balancer: a follow-up asked on
A then on B, one rate limit across both, the records of both in one database, and Redis
stopped and started again while they serve."""

from __future__ import annotations

import time

import httpx
import pytest
from web_fixtures import WebServer

HASH_KEY = "m" * 40
SESSION = "tab-multi-0001"


def ask(server: WebServer, body: dict, forwarded: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return httpx.post(server.url + "/api/ask", json=body, headers=headers, timeout=10)


@pytest.fixture
def pair(tmp_path, redis_server, postgres_server):
    redis_server.flush()
    env = {
        "REDIS_URL": redis_server.url,
        "DATABASE_URL": postgres_server.new_database(),
        "HASH_KEY": HASH_KEY,
        "WEB_WORKERS": "1",
        "WEB_RATE_LIMIT": "4",
    }
    servers = [WebServer(tmp_path / name / "data", env) for name in ("a", "b")]
    for server in servers:
        server.data_dir.parent.mkdir(parents=True)
        server.start(timeout=60)
    yield servers, env
    for server in servers:
        if server.process is not None and server.process.poll() is None:
            server.stop()


def test_two_instances_share_context_limits_and_records(pair, redis_server):
    (a, b), env = pair
    first = ask(a, {"q": "人民调解化解了多少纠纷", "session": SESSION})
    assert first.status_code == 200 and first.json()["kind"] != "followup"
    follow = ask(b, {"q": "那成功率呢", "session": SESSION})  # the balancer switched machines
    assert follow.status_code == 200 and follow.json()["kind"] == "followup"

    # one limit across both: 4 a minute for this address, whichever instance it reaches
    codes = [ask(server, {"q": "网上可办率"}, "127.0.7.1").status_code for server in (a, b, a, b, a, b)]
    assert codes == [200, 200, 200, 200, 429, 429]
    assert ask(b, {"q": "网上可办率"}, "127.0.7.2").status_code == 200  # another address

    # Redis stopped: answers go on, without context, with this process's own limits
    redis_server.stop()
    down = [ask(a, {"q": "网上可办率"}, "127.0.7.3") for _ in range(2)]
    assert [r.status_code for r in down] == [200, 200]
    redis_server.start()
    time.sleep(2.5)  # the breaker tries Redis again after 2 s: no restart
    ask(a, {"q": "人民调解化解了多少纠纷", "session": "tab-multi-0002"})
    again = ask(b, {"q": "那成功率呢", "session": "tab-multi-0002"})
    assert again.json()["kind"] == "followup"
    assert a.stop() == 0 and b.stop() == 0  # the recorders write what they hold
    assert a.log().count("Redis (context and rate limits) failed") == 1  # one warning a minute

    from bot.storage.postgres import PostgresStorage

    store = PostgresStorage.open(env["DATABASE_URL"], hash_key=HASH_KEY)
    try:
        stats = store.stats(1)
        answered = 2 + 4 + 1 + 2 + 2  # every 200 above
        assert stats.total == answered and dict(stats.channels) == {"web": answered}
    finally:
        store.close()
    import os
    import subprocess
    import sys

    report = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--days", "1"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=a.data_dir.parent,
    )
    assert report.returncode == 0, report.stderr
    assert f"提问 {answered} 次" in report.stdout  # the report counts both instances' questions
