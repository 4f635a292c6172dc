"""Shared fixtures: the real knowledge base, an engine on it, and a scratch copy to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import DEFAULT_KNOWLEDGE_DIR
from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SHARED_REPORT = ROOT.parent / "shared" / "report" / "yiyang-2023-report.txt"


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(kb: Knowledge) -> Engine:
    return Engine(kb)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ for tests that edit files."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target, ignore=shutil.ignore_patterns(".backups"))
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
    from bot.storage import Storage

    db = Storage.open(tmp_path / "data", clock=clock)
    yield db
    db.close()
