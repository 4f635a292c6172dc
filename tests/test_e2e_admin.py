"""End to end for the admin side: the real `python -m bot run` process (fake Bot API on
127.0.0.1, see test_e2e_telegram.py) records questions, answers /stats, notices a broken
hand edit of a knowledge file and tells the admin, and still stops cleanly on SIGTERM."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from test_e2e_telegram import (
    CHAT,
    REPLY_TIMEOUT,
    START_TIMEOUT,
    STOP_SECONDS,
    BotApiServer,
    BotProcess,
    _is_send_to,
    _message_update,
    _send,
)

from bot.config import DEFAULT_KNOWLEDGE_DIR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGTERM")

ADMIN = CHAT["id"]  # the test user is the admin here


def _wait_for_logged_queries(database, count: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.closing(sqlite3.connect(database)) as conn:
            if conn.execute("SELECT COUNT(*) FROM queries").fetchone()[0] >= count:
                return
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} queries logged after {timeout} s")


def test_admin_features_in_the_running_bot(bot_api, tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, knowledge, ignore=shutil.ignore_patterns(".backups"))
    with BotApiServer(bot_api) as server:
        bot = BotProcess(tmp_path, server.url, ADMIN_IDS=str(ADMIN), KNOWLEDGE_DIR=str(knowledge))
        try:
            try:
                bot_api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
            except AssertionError:
                pytest.fail(f"bot never polled; its log:\n{bot.output()[-3000:]}")
            assert (tmp_path / "data" / "bot.sqlite3").is_file()

            start = _send(bot_api, _message_update(1, "公园在哪"))
            bot_api.wait_for(_is_send_to(ADMIN), REPLY_TIMEOUT, start)
            _wait_for_logged_queries(tmp_path / "data" / "bot.sqlite3", 1)  # logged just after the reply

            start = _send(bot_api, _message_update(2, "/stats"))
            stats = bot_api.wait_for(_is_send_to(ADMIN), REPLY_TIMEOUT, start)
            assert "提问 1 次" in stats.params["text"] and "公园在哪 × 1" in stats.params["text"]

            # a hand edit that breaks a file: the admin is told, the bot keeps answering
            path = knowledge / "yiyang-2023" / "topics.yaml"  # one pack of the folder of packs
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            index = next(i for i, l in enumerate(lines) if l.strip() == "parent: null")
            lines[index] = lines[index].replace("null", "nowhere")
            start = len(bot_api.calls)
            path.write_text("".join(lines), encoding="utf-8")
            note = bot_api.wait_for(_is_send_to(ADMIN), REPLY_TIMEOUT, start)
            assert "仍在使用之前的版本" in note.params["text"]
            assert f"<code>yiyang-2023/topics.yaml:{index + 1}</code>" in note.params["text"]

            start = _send(bot_api, _message_update(3, "首违不罚了多少家企业"))
            answer = bot_api.wait_for(_is_send_to(ADMIN), REPLY_TIMEOUT, start)
            assert "6125家" in answer.params["text"]

            code, seconds = bot.stop()
            assert code == 0, bot.output()[-3000:]
            assert seconds < STOP_SECONDS, f"took {seconds:.1f}s to stop"
        finally:
            bot.close()

    db = sqlite3.connect(tmp_path / "data" / "bot.sqlite3")
    try:
        rows = db.execute("SELECT text, status, user_hash FROM queries ORDER BY id").fetchall()
        assert [(t, s) for t, s, _ in rows] == [("公园在哪", "fallback"), ("首违不罚了多少家企业", "answer")]
        assert all(str(ADMIN) not in h for _, _, h in rows)
        assert db.execute("SELECT admin_id, action FROM admin_actions").fetchall() == [(ADMIN, "stats")]
    finally:
        db.close()


def test_database_deleted_while_running_is_recreated_and_the_admin_told(bot_api, tmp_path):
    database = tmp_path / "data" / "bot.sqlite3"
    with BotApiServer(bot_api) as server:
        bot = BotProcess(tmp_path, server.url, ADMIN_IDS=str(ADMIN), LOG_LEVEL="INFO")
        try:
            try:
                bot_api.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
            except AssertionError:
                pytest.fail(f"bot never polled; its log:\n{bot.output()[-3000:]}")
            start = _send(bot_api, _message_update(1, "公园在哪"))
            bot_api.wait_for(_is_send_to(ADMIN), REPLY_TIMEOUT, start)
            _wait_for_logged_queries(database, 1)

            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            start = _send(bot_api, _message_update(2, "首违不罚了多少家企业"))
            notice = bot_api.wait_for(
                lambda c: _is_send_to(ADMIN)(c) and "被删除" in c.params["text"], REPLY_TIMEOUT, start
            )
            assert str(database) in notice.params["text"]
            _wait_for_logged_queries(database, 2)

            start = _send(bot_api, _message_update(3, "/stats"))
            stats = bot_api.wait_for(
                lambda c: _is_send_to(ADMIN)(c) and "提问" in c.params["text"], REPLY_TIMEOUT, start
            )
            assert "提问 2 次" in stats.params["text"] and "数据库出现过问题" in stats.params["text"]
            code, _ = bot.stop()
            assert code == 0
            errors = [line for line in bot.output().splitlines() if " ERROR " in line]
            assert len(errors) == 1 and str(database) in errors[0] and "DATA_DIR=" in errors[0], errors
        finally:
            bot.close()
    with contextlib.closing(sqlite3.connect(database)) as db:
        texts = [t for (t,) in db.execute("SELECT text FROM queries ORDER BY id")]
    assert texts == ["公园在哪", "首违不罚了多少家企业"]
