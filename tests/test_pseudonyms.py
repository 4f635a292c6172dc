"""Keyed pseudonyms (issue 11, fault 6): the key for user hashes is kept outside the
database, so brute-forcing ids against the stored hashes with only the database file fails
(it succeeded against the salted scheme in 5 s); files are owner-only; DEBUG logs carry no
raw ids, names or message texts."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from test_telegram_units import feed

from bot.storage.database import DB_NAME, Storage, connect
from bot.storage.keys import KEY_FILE
from bot.storage.migrations import apply_migrations
from handlers import logs

CITIZEN_ID = 987654321
CANDIDATES = range(CITIZEN_ID - 30_000, CITIZEN_ID + 30_000)  # the attacker's guesses
HEX_RUN = re.compile(rb"[0-9a-f]{32,}")


def reverse_from_the_file(data_dir: Path) -> dict[str, int]:
    """The attack, with only what the database files hold: every long hex run in their bytes
    (salts, keys) and every meta value as an HMAC key, plus no key at all, against every
    candidate id; the hashes it matches, with the id found."""
    blobs = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.name.startswith(DB_NAME))
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        stored = {h for (h,) in conn.execute("SELECT user_hash FROM queries")}
        meta = [v for (v,) in conn.execute("SELECT value FROM meta")]
    finally:
        conn.close()
    keys = {b""}
    for run in HEX_RUN.findall(blobs) + [v.encode() for v in meta]:
        keys.add(run)
        try:
            keys.add(bytes.fromhex(run.decode()))
        except ValueError:
            pass
    found = {}
    for key in keys:
        for user_id in CANDIDATES:
            digest = hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]
            if digest in stored:
                found[digest] = user_id
    for user_id in CANDIDATES:  # an unkeyed hash
        digest = hashlib.sha256(str(user_id).encode()).hexdigest()[:32]
        if digest in stored:
            found[digest] = user_id
    return found


def _salted_database(data_dir: Path) -> None:
    """A database as the salted scheme wrote it: salt in meta, hashes HMAC(salt, id)."""
    data_dir.mkdir(parents=True)
    conn = connect(data_dir / DB_NAME)
    apply_migrations(conn)
    salt = bytes.fromhex(conn.execute("SELECT value FROM meta WHERE key = 'user_salt'").fetchone()[0])
    old = hmac.new(salt, str(CITIZEN_ID).encode(), hashlib.sha256).hexdigest()[:32]
    conn.execute(
        "INSERT INTO queries (ts, chat_type, user_hash, text, status) VALUES (1, 'private', ?, '问', 'answer')", (old,)
    )
    conn.close()


def test_the_attack_works_on_the_salted_scheme(tmp_path):
    _salted_database(tmp_path / "old")
    assert CITIZEN_ID in reverse_from_the_file(tmp_path / "old").values()


def test_ids_cannot_be_recovered_from_the_database_file(tmp_path):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    try:
        storage.log_query(user_id=CITIZEN_ID, chat_type="private", text="首违不罚了多少家企业", status="answer")
        storage.log_query(user_id=CITIZEN_ID + 7, chat_type="private", text="公园在哪", status="fallback")
        assert storage.user_hash(CITIZEN_ID) in {h for (h,) in storage._conn.execute("SELECT user_hash FROM queries")}
    finally:
        storage.close()
    key_file = data_dir / KEY_FILE
    assert key_file.is_file()
    key_file.rename(tmp_path / "elsewhere.key")  # the attacker has the database, not the key
    assert reverse_from_the_file(data_dir) == {}


def test_upgrading_a_salted_database_erases_the_salt_and_defeats_the_attack(tmp_path):
    data_dir = tmp_path / "old"
    _salted_database(data_dir)
    Storage.open(data_dir, hash_key="k" * 40).close()
    assert reverse_from_the_file(data_dir) == {}


def test_hash_key_from_the_environment_replaces_the_key_file(tmp_path):
    one = Storage.open(tmp_path / "a", hash_key="a" * 40)
    two = Storage.open(tmp_path / "b", hash_key="a" * 40)
    three = Storage.open(tmp_path / "c", hash_key="b" * 40)
    try:
        assert one.user_hash(CITIZEN_ID) == two.user_hash(CITIZEN_ID) != three.user_hash(CITIZEN_ID)
        assert not (tmp_path / "a" / KEY_FILE).exists()
    finally:
        for db in (one, two, three):
            db.close()


def test_database_and_key_files_are_owner_only(tmp_path):
    data_dir = tmp_path / "data"
    storage = Storage.open(data_dir)
    try:
        storage.log_query(user_id=1, chat_type="private", text="问", status="answer")
        files = [data_dir / n for n in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", KEY_FILE)]
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    finally:
        storage.close()


def test_existing_loose_files_are_tightened(tmp_path):
    data_dir = tmp_path / "data"
    Storage.open(data_dir).close()
    (data_dir / DB_NAME).chmod(0o644)
    (data_dir / KEY_FILE).chmod(0o644)
    Storage.open(data_dir).close()
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / KEY_FILE).stat().st_mode) == 0o600


@pytest.fixture
def private_logging():
    logs.install_redaction([])
    yield
    logs.uninstall_redaction()


async def test_debug_logs_carry_no_raw_ids_names_or_texts(telegram_app, bot_api, private_logging, caplog):
    user = {"id": CITIZEN_ID, "is_bot": False, "first_name": "张三丰", "username": "zhangsanfeng"}
    chat = {"id": CITIZEN_ID, "type": "private", "first_name": "张三丰"}
    question = "首违不罚了多少家企业呢"
    updates = [
        {
            "update_id": 1,
            "message": {"message_id": 1, "from": user, "chat": chat, "date": 1700000000, "text": question},
        },
        {
            "update_id": 2,
            "callback_query": {
                "id": "q1",
                "from": user,
                "chat_instance": "5",
                "data": "a:body_cameras",
                "message": {"message_id": 2, "date": 1700000000, "chat": chat, "text": "旧"},
            },
        },
        {"update_id": 3, "inline_query": {"id": "iq", "from": user, "query": "执法记录仪", "offset": ""}},
    ]
    with caplog.at_level(logging.DEBUG):
        for update in updates:
            await feed(telegram_app, update)
    assert [c.method for c in bot_api.calls if c.method == "sendMessage"]  # it did answer
    text = caplog.text
    assert "Calling Bot API endpoint" in text  # PTB did log at DEBUG
    for secret in (str(CITIZEN_ID), "张三丰", "zhangsanfeng", question, "6125家", "执法记录仪配备数量"):
        assert secret not in text, secret
