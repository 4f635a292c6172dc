"""Usage storage: migrations, pseudonymous users, retention, statistics, unanswered review.

The UsageStore interface's shared suite: every test taking `storage` runs on SQLite (the
default) and on PostgreSQL (a real server started by the tests, tests/servers.py)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from bot.storage.database import DB_NAME, Storage, connect
from bot.storage.health import StorageError
from bot.storage.migrations import SCHEMA_VERSION, apply_migrations
from bot.storage.unanswered import Row, group_questions
from bot.storage.usage import DAY

HASH_KEY = "h" * 40


@pytest.fixture(params=["sqlite", "postgres"])
def storage(request, tmp_path, clock):
    """A fresh usage store on the fake clock: SQLite under tmp_path/data, or a new PostgreSQL database."""
    if request.param == "sqlite":
        db = Storage.open(tmp_path / "data", clock=clock)
    else:
        from bot.storage.postgres import PostgresStorage

        db = PostgresStorage.open(request.getfixturevalue("postgres_server").new_database(), clock, hash_key=HASH_KEY)
    yield db
    db.close()


def test_is_a_usage_store(storage):
    from bot.storage.interfaces import UsageStore

    assert isinstance(storage, UsageStore)


CITIZEN_ID = 987654321
CITIZEN_NAME = "张三丰"


def _log(storage, text, status="fallback", kind="nomatch", entry_id=None, user_id=CITIZEN_ID, latency_ms=5.0, ts=None):
    return storage.log_query(
        user_id=user_id,
        chat_type="private",
        text=text,
        status=status,
        entry_id=entry_id,
        score=0.3,
        latency_ms=latency_ms,
        kind=kind,
        ts=ts,
    )


# --- schema and migrations -------------------------------------------------


def test_fresh_database_gets_latest_schema_in_wal_mode(tmp_path):
    data_dir = tmp_path / "nested" / "data"
    db = Storage.open(data_dir)
    try:
        assert (data_dir / DB_NAME).is_file()
        assert db.migrations_applied == [1, 2, 3, 4, 5] and db.schema_version == SCHEMA_VERSION == 5
        tables = set(db.table_rows())
        assert {"meta", "queries", "feedback", "admin_actions", "dismissed", "pending_updates"} <= tables
        assert db._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_migration_from_previous_schema_keeps_rows_and_rekeys_the_salted_hashes(tmp_path):
    path = tmp_path / DB_NAME
    conn = connect(path)
    assert apply_migrations(conn, target=1) == [1]
    conn.execute(
        "INSERT INTO queries (ts, chat_type, user_hash, text, status, entry_id, score, latency_ms)"
        " VALUES (1.0, 'private', 'abc', '旧的问题', 'fallback', NULL, 0.1, 3.0)"
    )
    salt = conn.execute("SELECT value FROM meta WHERE key = 'user_salt'").fetchone()[0]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()

    db = Storage(path)
    try:
        assert db.migrations_applied == [2, 3, 4, 5] and db.schema_version == 5
        rows = db.table_rows()
        assert len(rows["queries"]) == 1
        row = db._conn.execute("SELECT text, kind FROM queries").fetchone()
        assert row == ("旧的问题", "")  # the new column, defaulted for old rows
        assert rows["dismissed"] == []
        assert db._conn.execute("SELECT value FROM meta WHERE key = 'user_salt'").fetchone() is None
        assert salt not in str(rows["meta"])
        rekeyed = db._conn.execute("SELECT user_hash FROM queries").fetchone()[0]
        assert len(rekeyed) == 32 and rekeyed != "abc"
        db.log_query(user_id=1, chat_type="group", text="新问题", status="answer", entry_id="x", kind="entry")
    finally:
        db.close()


def test_migration_3_marks_earlier_rows_as_telegram(tmp_path):
    path = tmp_path / DB_NAME
    conn = connect(path)
    assert apply_migrations(conn, target=2) == [1, 2]
    conn.execute(
        "INSERT INTO queries (ts, chat_type, user_hash, text, status, kind)"
        " VALUES (1.0, 'private', 'abc', '旧的问题', 'answer', 'entry')"
    )
    conn.execute("INSERT INTO feedback (ts, user_hash, entry_id, vote) VALUES (1.0, 'abc', 'x', 1)")
    conn.close()

    db = Storage(path)
    try:
        assert db.migrations_applied == [3, 4, 5]
        assert db._conn.execute("SELECT channel FROM queries").fetchall() == [("telegram",)]
        assert db._conn.execute("SELECT channel FROM feedback").fetchall() == [("telegram",)]
        db.log_query(user_id="web:s1", chat_type="web", text="新问题", status="answer", channel="web")
        db.log_feedback(user_id="web:s1", entry_id="x", vote=-1, channel="web")
        db.log_query(user_id=5, chat_type="private", text="默认渠道", status="answer")
        assert [r[0] for r in db._conn.execute("SELECT channel FROM queries ORDER BY id")] == [
            "telegram",
            "web",
            "telegram",
        ]
        assert [r[0] for r in db._conn.execute("SELECT channel FROM feedback ORDER BY id")] == ["telegram", "web"]
    finally:
        db.close()


def test_reopening_applies_nothing_and_keeps_the_key(tmp_path):
    first = Storage.open(tmp_path)
    hashed = first.user_hash(CITIZEN_ID)
    first.close()
    second = Storage.open(tmp_path)
    try:
        assert second.migrations_applied == []
        assert second.user_hash(CITIZEN_ID) == hashed
    finally:
        second.close()


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    import bot.storage.migrations as storage_module

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr(storage_module, "MIGRATIONS", storage_module.MIGRATIONS[:1] + ((2, broken),))
    conn = connect(tmp_path / DB_NAME)
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, target=2)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    conn.close()


def test_database_newer_than_the_bot_is_refused(tmp_path):
    conn = connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer"):
        Storage(tmp_path / DB_NAME)


# --- privacy ---------------------------------------------------------------


def test_no_raw_user_id_anywhere_in_the_database(storage, tmp_path):
    _log(storage, "执法记录仪多少钱")
    _log(storage, "首违不罚了多少家企业", status="answer", kind="entry", entry_id="first_offense_exempt_firms")
    storage.log_feedback(user_id=CITIZEN_ID, entry_id="first_offense_exempt_firms", vote=1)
    storage.log_feedback(user_id=CITIZEN_ID, entry_id="first_offense_exempt_firms", vote=-1)
    # a citizen trying an admin command is audited, by hash only
    storage.log_admin(user_id=CITIZEN_ID, action="refused", detail="/stats", is_admin=False)
    qid = _log(storage, "公园在哪")
    storage.dismiss(qid, admin_id=42)

    hashed = storage.user_hash(CITIZEN_ID)
    assert hashed and str(CITIZEN_ID) not in hashed
    seen_hash = False
    for table, rows in storage.table_rows().items():
        for row in rows:
            for value in row:
                assert value != CITIZEN_ID, (table, row)
                assert str(CITIZEN_ID) not in str(value), (table, row)
                assert CITIZEN_NAME not in str(value)
                seen_hash |= value == hashed
    assert seen_hash
    if not isinstance(storage, Storage):
        return
    storage._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in (tmp_path / "data").iterdir():
        assert str(CITIZEN_ID).encode() not in path.read_bytes(), path


def test_hashes_are_keyed_per_data_dir(tmp_path):
    one, two = Storage.open(tmp_path / "a"), Storage.open(tmp_path / "b")
    try:
        assert one.user_hash(CITIZEN_ID) != two.user_hash(CITIZEN_ID)
        assert one.user_hash(CITIZEN_ID) == one.user_hash(str(CITIZEN_ID))
        assert one.user_hash(None) == ""
    finally:
        one.close()
        two.close()


def test_admin_audit_keeps_staff_ids(storage):
    storage.log_admin(user_id=42, action="reload", detail="ok")
    storage.log_admin(user_id=CITIZEN_ID, action="refused", detail="/reload", is_admin=False)
    rows = storage._conn.execute("SELECT admin_id, action FROM admin_actions ORDER BY id").fetchall()
    assert rows == [(42, "reload"), (None, "refused")]


def test_feedback_vote_must_be_plus_or_minus_one(storage):
    with pytest.raises(ValueError):
        storage.log_feedback(user_id=1, entry_id="x", vote=0)


# --- retention -------------------------------------------------------------


def test_prune_removes_rows_older_than_retention(storage, clock):
    now = clock.now
    old, recent = now - 200 * DAY, now - 10 * DAY
    for ts in (old, recent):
        _log(storage, "某个问题", ts=ts)
        storage.log_feedback(user_id=1, entry_id="body_cameras", vote=1, ts=ts)
        storage.log_admin(user_id=42, action="reload", ts=ts)
    qid = _log(storage, "要忽略的问题", ts=old)
    storage.dismiss(qid, ts=old)

    removed = storage.prune(180)
    assert removed == {"queries": 2, "feedback": 1, "admin_actions": 1, "dismissed": 1}
    rows = storage.table_rows()
    assert [r[1] for r in rows["queries"]] == [recent]
    assert [r[1] for r in rows["feedback"]] == [recent]
    assert [r[1] for r in rows["admin_actions"]] == [recent]
    assert storage.prune(180) == {"queries": 0, "feedback": 0, "admin_actions": 0, "dismissed": 0}


# --- statistics ------------------------------------------------------------


def test_stats_figures(storage, clock):
    now = clock.now
    _log(storage, "太久以前的问题", ts=now - 30 * DAY)  # outside the window
    for i, latency in enumerate((10, 20, 30)):
        _log(
            storage,
            "首违不罚了多少家企业",
            status="answer",
            kind="entry",
            entry_id="first_offense_exempt_firms",
            latency_ms=latency,
            user_id=i,
        )
    _log(storage, "执法记录仪配了几台", status="answer", kind="entry", entry_id="body_cameras", latency_ms=40)
    _log(storage, "法律援助", status="clarify", kind="clarify", latency_ms=50)
    _log(storage, "执法记录仪多少钱", latency_ms=60)
    _log(storage, "执法记录仪要多少钱？", latency_ms=70)
    _log(storage, "公园在哪", latency_ms=80)
    _log(storage, "你好", kind="greeting", latency_ms=90)
    _log(storage, "2022年的情况", kind="scope", latency_ms=100)
    storage.log_feedback(user_id=1, entry_id="body_cameras", vote=1)
    storage.log_feedback(user_id=1, entry_id="body_cameras", vote=-1)  # changed their mind
    storage.log_feedback(user_id=2, entry_id="body_cameras", vote=1)
    storage.log_feedback(user_id=3, entry_id="first_offense_exempt_firms", vote=1)

    stats = storage.stats(7)
    assert stats.total == 10
    assert (stats.answered, stats.clarified, stats.unanswered, stats.small_talk) == (4, 1, 3, 2)
    assert stats.share(stats.answered) == pytest.approx(0.4)
    assert stats.users == 4
    assert stats.median_latency_ms == pytest.approx(55)
    assert stats.top_entries == [("first_offense_exempt_firms", 3), ("body_cameras", 1)]
    # near-duplicates counted together, shown in the newest wording (equal counts)
    assert stats.top_unanswered[0] == ("执法记录仪要多少钱？", 2)
    assert ("公园在哪", 1) in stats.top_unanswered
    assert all("你好" not in text and "2022" not in text for text, _ in stats.top_unanswered)
    assert (stats.thumbs_up, stats.thumbs_down) == (2, 1)
    assert stats.disliked == [("body_cameras", 1)]

    assert stats.channels == [("telegram", 10)]

    wider = storage.stats(60)
    assert wider.total == 11


def test_stats_count_questions_per_channel(storage, clock):
    _log(storage, "首违不罚了多少家企业", status="answer", kind="entry", entry_id="first_offense_exempt_firms")
    for session in ("a", "b", "a"):
        storage.log_query(
            user_id=f"web:{session}",
            chat_type="web",
            text="网上可办率",
            status="answer",
            entry_id="online_rate",
            kind="entry",
            channel="web",
        )
    storage.log_feedback(user_id="web:a", entry_id="online_rate", vote=1, channel="web")
    stats = storage.stats(7)
    assert stats.total == 4 and stats.channels == [("web", 3), ("telegram", 1)]
    assert stats.users == 3  # one Telegram user, two web sessions
    assert stats.thumbs_up == 1 and stats.top_entries[0] == ("online_rate", 3)


def test_stats_on_empty_database(storage):
    stats = storage.stats(7)
    assert stats.total == 0 and stats.median_latency_ms is None and stats.share(0) == 0
    assert stats.top_entries == [] and stats.top_unanswered == [] and stats.channels == []


# --- unanswered review ------------------------------------------------------


def test_grouping_near_duplicates():
    rows = [
        Row(1, 1.0, "执法记录仪多少钱", "fallback"),
        Row(2, 2.0, "执法记录仪要多少钱？", "fallback"),
        Row(3, 3.0, "执法记录仪多少钱", "fallback"),
        Row(4, 4.0, "公园在哪", "fallback"),
        Row(5, 5.0, "？？？", "fallback"),
    ]  # empty after normalisation: skipped
    groups = group_questions(rows)
    assert [(g.text, g.count) for g in groups] == [("执法记录仪多少钱", 3), ("公园在哪", 1)]
    assert groups[0].query_id == 3 and groups[0].variants == ["执法记录仪要多少钱？"]
    assert groups[0].last_ts == 3.0


def test_unanswered_lists_misses_and_clarifications(storage, engine):
    _log(storage, "小区里的矛盾找谁调")
    _log(storage, "小区里的矛盾找谁调解")
    _log(storage, "法律援助", status="clarify", kind="clarify")
    _log(storage, "你好", kind="greeting")
    _log(storage, "2022年的情况", kind="scope")
    _log(storage, "首违不罚了多少家企业", status="answer", kind="entry", entry_id="first_offense_exempt_firms")

    groups = storage.unanswered(7, engine)
    texts = {g.text for g in groups}
    assert "法律援助" in texts
    assert not texts & {"你好", "2022年的情况", "首违不罚了多少家企业"}
    mediation = next(g for g in groups if g.text.startswith("小区里的矛盾"))
    assert mediation.count == 2
    expected = [entry_id for entry_id, _ in engine.closest(mediation.text)]
    assert [c.entry_id for c in mediation.closest] == expected and len(expected) == 3
    clarify = next(g for g in groups if g.text == "法律援助")
    assert clarify.statuses == ("clarify",)


def test_unanswered_leaves_out_what_the_engine_now_answers(storage, engine):
    # logged as a miss at the time, but the current knowledge base answers it
    _log(storage, "首违不罚了多少家企业")
    assert [g.text for g in storage.unanswered(7)] == ["首违不罚了多少家企业"]
    assert storage.unanswered(7, engine) == []


def test_dismissed_questions_and_their_near_duplicates_disappear(storage, engine, clock):
    qid = _log(storage, "老板欠钱不还怎么办")
    _log(storage, "公园在哪")
    assert storage.dismiss(qid, admin_id=42) == "老板欠钱不还怎么办"
    clock.advance(60)
    _log(storage, "老板欠钱不还怎么办？？")
    _log(storage, "老板欠钱不还该怎么办")
    assert [g.text for g in storage.unanswered(7, engine)] == ["公园在哪"]
    assert storage.dismiss(999_999) is None


def test_log_batch_writes_what_single_logs_write_in_one_transaction(storage):
    single = [
        dict(
            user_id=f"web:s{i}",
            chat_type="web",
            text=f"问题{i}",
            status="answer",
            entry_id="online_rate",
            score=0.9,
            latency_ms=0.4,
            kind="entry",
            channel="web",
        )
        for i in range(3)
    ]
    vote = dict(user_id="web:s1", entry_id="online_rate", vote=-1, channel="web")
    for fields in single:
        storage.log_query(**fields)
    storage.log_feedback(**vote)
    expected = storage.table_rows()
    statements = []
    if isinstance(storage, Storage):  # SQLite shows its statements: one transaction
        storage._conn.set_trace_callback(statements.append)
        storage.log_batch(queries=single, feedback=[vote])
        storage._conn.set_trace_callback(None)
        assert sum(sql.startswith("COMMIT") for sql in statements) == 1
        assert sum(sql.startswith("INSERT") for sql in statements) == 4
    else:
        storage.log_batch(queries=single, feedback=[vote])
    rows = storage.table_rows()

    def without_ids(table):
        return [r[1:] for r in table]

    assert without_ids(rows["queries"]) == without_ids(expected["queries"]) * 2
    assert without_ids(rows["feedback"]) == without_ids(expected["feedback"]) * 2


def test_log_batch_refuses_a_bad_vote_before_writing_anything(storage):
    with pytest.raises(ValueError):
        storage.log_batch(
            queries=[dict(user_id=1, chat_type="web", text="q", status="answer")],
            feedback=[dict(user_id=1, entry_id="x", vote=0)],
        )
    assert storage.table_rows()["queries"] == []


def test_query_text(storage):
    qid = _log(storage, "公园在哪")
    assert storage.query_text(qid) == "公园在哪"
    assert storage.query_text(qid + 1) is None


# --- async twins --------------------------------------------------------------


async def test_async_methods_run_off_the_event_loop(storage, monkeypatch):
    loop_thread = threading.get_ident()
    threads = set()
    original = type(storage).log_query

    def spy(self, **kwargs):
        threads.add(threading.get_ident())
        return original(self, **kwargs)

    monkeypatch.setattr(type(storage), "log_query", spy)
    await asyncio.gather(
        *(
            storage.alog_query(user_id=i, chat_type="private", text=f"问题{i}", status="fallback", kind="nomatch")
            for i in range(40)
        )
    )
    assert loop_thread not in threads
    await storage.alog_feedback(user_id=1, entry_id="body_cameras", vote=1)
    await storage.alog_admin(user_id=42, action="stats", detail="7")
    stats = await storage.astats(7)
    assert stats.total == 40 and stats.thumbs_up == 1
    groups = await storage.aunanswered(7)
    assert len(groups) >= 1
    assert await storage.aquery_text(groups[0].query_id) == groups[0].text
    assert await storage.adismiss(groups[0].query_id, 42) == groups[0].text
    assert (await storage.aprune(180))["queries"] == 0


# --- the update journal ---------------------------------------------------------


def test_journal_keeps_updates_until_answered_then_only_their_ids(storage, clock):
    fresh, stored = storage.journal_add(7, [(1, '{"update_id": 1, "t": "问题一"}'), (2, '{"update_id": 2}')])
    assert fresh == [1, 2] and stored
    assert storage.journal_add(7, [(2, '{"update_id": 2}'), (3, '{"update_id": 3}')]) == ([3], True)
    storage.journal_done(1)
    assert storage.journal_pending(7) == ['{"update_id": 2}', '{"update_id": 3}']
    row = storage._conn.execute("SELECT payload, done FROM pending_updates WHERE update_id = 1").fetchone()
    assert row[0] == "" and row[1] is not None  # the text is gone, the id stays (redeliveries)
    assert storage.journal_add(7, [(1, '{"update_id": 1}')]) == ([], True)
    clock.advance(3 * DAY)
    storage.journal_prune()
    assert [r[0] for r in storage._conn.execute("SELECT update_id FROM pending_updates")] == [2, 3]
    assert storage.journal_pending(8) == []  # another bot (token): its predecessor's rows are dropped
    assert storage._conn.execute("SELECT COUNT(*) FROM pending_updates").fetchone()[0] == 0


# --- several instances on one database ---------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def two_instances(request, tmp_path, clock):
    """Two stores on one database, as two processes (SQLite) or two machines (PostgreSQL)."""
    if request.param == "sqlite":
        made = [Storage.open(tmp_path / "data", clock=clock, hash_key=HASH_KEY) for _ in range(2)]
    else:
        from bot.storage.postgres import PostgresStorage

        url = request.getfixturevalue("postgres_server").new_database()
        made = [PostgresStorage.open(url, clock, hash_key=HASH_KEY) for _ in range(2)]
    yield made
    for store in made:
        store.close()


def test_instances_share_records_stats_and_pseudonyms(two_instances):
    one, two = two_instances
    assert one.user_hash(CITIZEN_ID) == two.user_hash(CITIZEN_ID)  # the same HASH_KEY: the same person
    _log(one, "首违不罚了多少家企业", status="answer", kind="entry", entry_id="first_offense_exempt_firms")
    _log(two, "首违不罚了多少家企业", status="answer", kind="entry", entry_id="first_offense_exempt_firms")
    _log(two, "公园在哪")
    for store in (one, two):
        stats = store.stats(7)
        assert (stats.total, stats.answered, stats.unanswered, stats.users) == (3, 2, 1, 1)
        assert [g.text for g in store.unanswered(7)] == ["公园在哪"]


def test_a_job_runs_once_per_period_across_instances(two_instances):
    one, two = two_instances
    assert one.claim_job("digest", "2024-05-01") is True
    assert two.claim_job("digest", "2024-05-01") is False
    assert one.claim_job("digest", "2024-05-01") is False
    assert two.claim_job("digest", "2024-05-02") is True


# --- PostgreSQL: claimed journal rows, and the server going away ------------------------------


@pytest.fixture
def postgres_url(postgres_server):
    return postgres_server.new_database()


def test_pending_updates_are_claimed_by_one_instance(postgres_url, clock):
    from bot.storage.postgres import PostgresStorage

    one, two = (PostgresStorage.open(postgres_url, clock, hash_key=HASH_KEY) for _ in range(2))
    try:
        one.journal_add(7, [(i, f'{{"update_id": {i}}}') for i in range(1, 6)])
        first = one.journal_pending(7)
        assert len(first) == 5 and two.journal_pending(7) == []  # claimed: not replayed twice
        clock.advance(301)  # the claiming instance stopped without answering: free again
        assert two.journal_pending(7) == first
    finally:
        one.close()
        two.close()


def test_records_are_held_while_postgres_is_down_and_written_when_back(postgres_server, clock):
    """The server stopped and started again: the records in between are held (bounded) and
    written, the ones beyond the bound counted as dropped; no restart of the store."""
    from bot.storage.postgres import PostgresStorage

    url = postgres_server.new_database()
    store = PostgresStorage(url, clock, hash_key=HASH_KEY, max_held=5)
    try:
        _log(store, "停之前的问题")
        postgres_server.stop()
        for i in range(7):
            _log(store, f"停的时候的问题{i}")  # answers go on: nothing raised
        assert store.health.held == 5 and store.health.dropped == 2 and not store.health.ok
        postgres_server.start()
        store.check()
        assert store.health.held == 0 and store.health.ok
        texts = [r[4] for r in store.table_rows()["queries"]]
        assert texts == ["停之前的问题"] + [f"停的时候的问题{i}" for i in range(5)]
        assert "共有 2 条记录未能保存" in store.health.stats_note()
    finally:
        store.close()
