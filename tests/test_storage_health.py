"""Storage health (issue 11, fault 5): a database deleted while the bot runs is noticed at the
next write, logged once as an error with the path and DATA_DIR, recreated with every record;
a full or read-only database holds records in memory, says so once, and writes them when it
can again; the admins are told and /stats says its figures are incomplete; a DATA_DIR that
cannot be used stops the start with one line naming the path and the setting."""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_telegram_admin import ADMIN_ID, CITIZEN_ID, admin_app, feed, files_api, message  # noqa: F401

import bot.storage.database as storage_module
from benchmarks.fake_bot_api import TEST_TOKEN
from bot.storage.database import DB_NAME, Storage
from bot.storage.health import StorageError
from bot.storage.keys import KEY_FILE

ROOT = Path(__file__).resolve().parent.parent


def _log(storage, text: str, user_id: int = CITIZEN_ID) -> int:
    return storage.log_query(user_id=user_id, chat_type="private", text=text, status="fallback", kind="nomatch")


def _texts_on_disk(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [t for (t,) in conn.execute("SELECT text FROM queries ORDER BY id")]


def _errors(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "bot.storage"]


def _delete_database(data_dir: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{data_dir / DB_NAME}{suffix}").unlink(missing_ok=True)


def test_a_deleted_database_is_recreated_with_every_record(tmp_path, caplog):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    try:
        _log(storage, "删除之前的问题")
        _delete_database(data_dir)
        with caplog.at_level(logging.INFO):
            _log(storage, "删除之后的问题")
            _log(storage, "再一个问题")
        path = data_dir / DB_NAME
        assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600
        storage._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _texts_on_disk(path) == ["删除之前的问题", "删除之后的问题", "再一个问题"]
        errors = _errors(caplog)
        assert len(errors) == 1  # once, not per write
        assert str(path) in errors[0].getMessage() and f"DATA_DIR={data_dir}" in errors[0].getMessage()
        notices = storage.health.take_notices()
        assert len(notices) == 1 and "被删除" in notices[0] and "已自动重建" in notices[0]
        assert storage.health.ok and "出现过问题" in storage.health.stats_note()
    finally:
        storage.close()


def test_a_deleted_data_dir_is_recreated_with_the_same_key(tmp_path):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    try:
        hashed = storage.user_hash(CITIZEN_ID)
        _log(storage, "之前")
        shutil.rmtree(data_dir)
        _log(storage, "之后")
        assert (data_dir / KEY_FILE).is_file() and (data_dir / DB_NAME).is_file()
        reopened = Storage.open(data_dir)
        try:
            assert reopened.user_hash(CITIZEN_ID) == hashed
        finally:
            reopened.close()
        assert _texts_on_disk(data_dir / DB_NAME) == ["之前", "之后"]
    finally:
        storage.close()


@pytest.fixture
def disk(monkeypatch):
    """Make the database full or read-only for every connection, as a disk would."""
    state = {"mode": None}
    original = storage_module.connect

    def apply(conn):
        if state["mode"] == "full":
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        elif state["mode"] == "read-only":
            conn.execute("PRAGMA query_only = 1")
        else:
            conn.execute("PRAGMA max_page_count = 1073741823")
            conn.execute("PRAGMA query_only = 0")
        return conn

    def connect(path):
        return apply(original(path))

    monkeypatch.setattr(storage_module, "connect", connect)

    class Disk:
        def set(self, mode, storage):
            state["mode"] = mode
            apply(storage._conn)

    return Disk()


@pytest.mark.parametrize("mode, reason", [("full", "disk is full"), ("read-only", "readonly")])
def test_an_unwritable_database_holds_records_and_writes_them_later(tmp_path, caplog, disk, mode, reason):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    try:
        _log(storage, "正常的问题")
        disk.set(mode, storage)
        with caplog.at_level(logging.INFO):
            for n in range(30):
                _log(storage, f"问题{n}" + "长" * 1500)
        assert not storage.health.ok and reason in storage.health.problem
        assert storage.health.held >= 1
        errors = _errors(caplog)
        assert len(errors) == 1 and str(data_dir / DB_NAME) in errors[0].getMessage()
        assert f"DATA_DIR={data_dir}" in errors[0].getMessage()
        assert "无法写入" in storage.health.stats_note() and "暂存在内存中" in storage.health.stats_note()
        assert "无法写入" in storage.health.take_notices()[0]

        disk.set(None, storage)  # space freed / remounted read-write
        storage.check()
        assert storage.health.ok and storage.health.held == 0
        assert "已恢复写入" in storage.health.take_notices()[0]
        storage._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        texts = _texts_on_disk(data_dir / DB_NAME)
        assert len(texts) == 31 and texts[0] == "正常的问题" and texts[-1].startswith("问题29")
    finally:
        storage.close()


def test_a_batch_on_an_unwritable_database_is_held_and_written_later(tmp_path, disk):
    storage = Storage.open(tmp_path / "data")
    try:
        disk.set("read-only", storage)
        storage.log_batch(
            queries=[
                dict(user_id=CITIZEN_ID, chat_type="web", text=f"批量{n}", status="answer", channel="web")
                for n in range(5)
            ]
        )
        assert not storage.health.ok and storage.health.held == 5
        disk.set(None, storage)
        storage.check()
        assert storage.health.ok and storage.health.held == 0
        storage._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _texts_on_disk(tmp_path / "data" / DB_NAME) == [f"批量{n}" for n in range(5)]
    finally:
        storage.close()


def test_start_up_failure_names_the_path_and_the_setting(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(StorageError) as caught:
        Storage.open(not_a_dir / "data")
    text = str(caught.value)
    assert text.startswith("DATA_DIR: cannot open the usage database") and "\n" not in text
    assert str(not_a_dir / "data" / DB_NAME) in text


def _read_only_mount_works(directory: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o ro tmpfs '{directory}' && ! touch '{directory}/x'"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.skipif(sys.platform != "linux", reason="uses a read-only mount")
@pytest.mark.parametrize("command", ["run", "report"])
def test_read_only_data_dir_stops_the_start_with_one_line(tmp_path, command):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if not _read_only_mount_works(data_dir):
        pytest.skip("cannot mount a read-only file system here (needs unshare -m)")
    env = {
        "PATH": "/usr/bin:/bin",
        "DATA_DIR": str(data_dir),
        "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
        "TELEGRAM_API_URL": "http://127.0.0.1:9",
        "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
        "LOG_LEVEL": "WARNING",
    }
    script = f"mount -t tmpfs -o ro tmpfs '{data_dir}' && cd '{tmp_path}' && exec '{sys.executable}' -m bot {command}"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("DATA_DIR: cannot open the usage database") and str(data_dir / DB_NAME) in lines[0]
    assert "Read-only file system" in lines[0] and "Traceback" not in done.stderr


async def test_admins_are_told_and_stats_show_it(admin_app, files_api, tmp_path):
    storage = admin_app.bot_data.storage
    _log(storage, "删除之前的问题")
    _delete_database(tmp_path / "data")
    await feed(admin_app, message("首违不罚了多少家企业", user_id=CITIZEN_ID, update_id=2))
    to_admin = [c for c in files_api.calls if c.method == "sendMessage" and c.params["chat_id"] == ADMIN_ID]
    assert len(to_admin) == 1 and "被删除" in to_admin[0].params["text"]
    assert str(tmp_path / "data") in to_admin[0].params["text"]
    await feed(admin_app, message("/stats", update_id=3))
    stats = files_api.calls[-1].params["text"]
    assert "数据库出现过问题" in stats and "提问 2 次" in stats  # nothing was lost


def test_a_database_replaced_by_another_file_is_used_and_reported(tmp_path, caplog):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    other = Storage.open(tmp_path / "other")
    try:
        _log(storage, "旧文件里的问题")
        _log(other, "换上来的文件里的问题")
        other.close()
        _delete_database(data_dir)
        shutil.copy(tmp_path / "other" / DB_NAME, data_dir / DB_NAME)
        with caplog.at_level(logging.INFO):
            _log(storage, "换文件之后的问题")
        storage._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _texts_on_disk(data_dir / DB_NAME) == ["换上来的文件里的问题", "换文件之后的问题"]
        assert any("replaced by another file" in r.getMessage() for r in caplog.records)
        assert "换成了另一个文件" in storage.health.take_notices()[0]
    finally:
        storage.close()
