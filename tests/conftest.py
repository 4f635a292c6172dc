"""Shared fixtures: the real knowledge base, an engine on it, and a scratch copy to edit;
admin storage; a fake Telegram Bot API for the Telegram front end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.fake_bot_api import TEST_TOKEN, FakeBotApi, RecordingRequest
from bot.config import CURATED_PACK, Settings
from bot.engine.engine import Engine
from bot.knowledge.load import load_knowledge
from bot.knowledge.model import Knowledge

ROOT = Path(__file__).resolve().parent.parent
SHARED_REPORT = ROOT.parent / "shared" / "report" / "yiyang-2023-report.txt"


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge(CURATED_PACK)


@pytest.fixture(scope="session")
def engine(kb: Knowledge) -> Engine:
    return Engine(kb)


@pytest.fixture(scope="session")
def pack_engine(kb: Knowledge):
    """The engine of one pack, for tests of its stages (retrieval, scoring)."""
    from bot.engine.pack import PackEngine

    return PackEngine(kb)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ for tests that edit files."""
    target = tmp_path / "knowledge"
    shutil.copytree(CURATED_PACK, target, ignore=shutil.ignore_patterns(".backups"))
    return target


# --- admin features (storage, reload, knowledge edits) ------------------------


class FakeClock:
    """A settable clock for Storage: `clock.now` seconds since the epoch."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def storage(tmp_path: Path, clock: FakeClock):
    """A fresh usage database under tmp_path/data, on the fake clock."""
    from bot.storage.database import Storage

    db = Storage.open(tmp_path / "data", clock=clock)
    yield db
    db.close()


# --- Telegram front end ---------------------------------------------------------
# The fake Bot API (`FakeBotApi`, `RecordingRequest`, `TEST_TOKEN`) lives in
# benchmarks/fake_bot_api.py, shared with the load benchmark.


@pytest.fixture
def tg_holder(kb):
    """The engine holder the Telegram handlers read (`holder.engine`) on every update."""
    from bot.engine.engine import Engine, EngineHolder

    return EngineHolder(Engine(kb))


@pytest.fixture
def tg_settings(tmp_path: Path) -> Settings:
    # data_dir in tmp_path: post_init (admin start-up) opens the usage database there
    return Settings(
        telegram_bot_token=TEST_TOKEN,
        telegram_api_url="http://bot-api.invalid",
        context_ttl_minutes=10,
        data_dir=tmp_path / "data",
    )


@pytest.fixture
def bot_api() -> FakeBotApi:
    return FakeBotApi()


@pytest.fixture
async def telegram_app(tg_settings, tg_holder, bot_api):
    """An initialised Application talking to `bot_api` offline; feed it `process_update`."""
    from handlers.app import build_application

    application = build_application(tg_settings, tg_holder, request=RecordingRequest(bot_api))
    await application.initialize()
    try:
        yield application
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:  # stops what post_init started (watcher, db)
            await application.post_shutdown(application)


# --- real Redis and PostgreSQL servers (tests/servers.py), one each per test session ----------


@pytest.fixture(scope="session")
def redis_server():
    from servers import RedisServer

    server = RedisServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def postgres_server():
    from servers import PostgresServer

    server = PostgresServer()
    yield server
    server.close()
