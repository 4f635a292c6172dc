"""Admin features in Telegram: replays of tests/conversations/telegram/admin/*.yaml through
the real handlers (same format and checks as test_telegram_replay.py), plus the state each
conversation must leave behind (audit rows, files, backups), start-up, the watcher's
notifications, the digest and the retention job.

The application runs offline against `FakeBotApi`, extended here with getFile and file
downloads for knowledge-file uploads. Files are edited in a copy of knowledge/ only.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from telegram import Update
from test_telegram_replay import replay

from benchmarks.fake_bot_api import TEST_TOKEN, FakeBotApi, RecordingRequest
from bot.clock import BEIJING
from bot.config import Settings
from bot.engine.engine import Engine, EngineHolder
from bot.knowledge import backups as kb_backups
from bot.knowledge import edit as kb_edit
from bot.knowledge.load import load_knowledge
from bot.knowledge.model import KNOWLEDGE_FILES
from bot.knowledge.packs import load_library
from bot.storage.database import Storage
from bot.storage.usage import DAY
from bot.text.normalize import normalize
from handlers.admin import edits, jobs, lifecycle, notices
from handlers.app import build_application
from handlers.context import CustomContext

ADMIN_ID = 4242
CITIZEN_ID = 5005
FILES = sorted((Path(__file__).parent / "conversations" / "telegram" / "admin").glob("*.yaml"))


class FileBotApi(FakeBotApi):
    """FakeBotApi plus getFile; `files` maps a file_id to the document's bytes."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}

    def _answer(self, method: str, params: dict):
        if method == "getFile":
            file_id = params["file_id"]
            if file_id not in self.files:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            return 200, {
                "ok": True,
                "result": {
                    "file_id": file_id,
                    "file_unique_id": f"u-{file_id}",
                    "file_size": len(self.files[file_id]),
                    "file_path": f"documents/{file_id}.yaml",
                },
            }
        return super()._answer(method, params)


class FileRequest(RecordingRequest):
    """RecordingRequest that also serves file downloads ({base_file_url}/documents/<id>.yaml)."""

    async def do_request(
        self,
        url,
        method,
        request_data=None,
        read_timeout=None,
        write_timeout=None,
        connect_timeout=None,
        pool_timeout=None,
    ):
        if "/file/bot" in url:
            file_id = url.rsplit("/", 1)[-1].removesuffix(".yaml")
            return 200, self.api.files[file_id]
        return await super().do_request(url, method, request_data)


def admin_settings(tmp_path: Path, kb_copy: Path, **extra) -> Settings:
    return Settings(
        telegram_bot_token=TEST_TOKEN,
        telegram_api_url="http://bot-api.invalid",
        admin_ids=frozenset({ADMIN_ID}),
        knowledge_dir=kb_copy,
        data_dir=tmp_path / "data",
        **extra,
    )


@pytest.fixture
def files_api() -> FileBotApi:
    return FileBotApi()


@pytest.fixture
async def admin_app(tmp_path, kb_copy, files_api):
    """An initialised application with ADMIN_IDS={4242}, the knowledge copy and a usage
    database in tmp_path; no watcher (tests of the watcher start it themselves)."""
    settings = admin_settings(tmp_path, kb_copy)
    holder = EngineHolder(Engine(load_knowledge(kb_copy)))
    application = build_application(settings, holder, request=FileRequest(files_api))
    await application.initialize()
    storage = Storage.open(settings.data_dir)
    application.bot_data.storage = storage
    try:
        yield application
    finally:
        await application.shutdown()
        await lifecycle.on_shutdown(application)


def storage_of(application) -> Storage:
    return application.bot_data.storage


def build_files(spec: dict, kb_copy: Path) -> dict[str, bytes]:
    files = {}
    for file_id, how in (spec.get("files") or {}).items():
        text = (kb_copy / how["copy_of"]).read_text(encoding="utf-8")
        if "replace" in how:
            old, new = how["replace"]
            assert old in text, (file_id, old)
            text = text.replace(old, new, 1)
        text += how.get("append", "")
        files[file_id] = text.encode("utf-8")
    return files


async def feed(application, update: dict) -> None:
    await application.process_update(Update.de_json(json.loads(json.dumps(update)), application.bot))


def message(
    text: str, user_id: int = ADMIN_ID, chat_id: int | None = None, update_id: int = 1, chat_type: str = "private"
) -> dict:
    chat_id = user_id if chat_id is None else chat_id
    update = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1700000000,
            "text": text,
            "from": {"id": user_id, "is_bot": False, "first_name": "用户"},
            "chat": {"id": chat_id, "type": chat_type, "first_name": "用户"},
        },
    }
    if text.startswith("/"):
        update["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return update


# --- replays -----------------------------------------------------------------------


def test_there_are_admin_conversations():
    assert {p.stem for p in FILES} >= {"refusal", "commands", "unanswered", "upload"}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
async def test_admin_conversation(path, admin_app, files_api, kb_copy):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    files_api.files.update(build_files(spec, kb_copy))
    before = {name: (kb_copy / name).read_bytes() for name in KNOWLEDGE_FILES}
    await replay(admin_app, files_api, spec["steps"], f"admin/{path.stem}")
    CHECKS.get(path.stem, lambda *a: None)(admin_app, kb_copy, before)


def check_refusal(application, kb_copy, before):
    storage = storage_of(application)
    rows = storage._conn.execute("SELECT admin_id, user_hash, action, detail FROM admin_actions").fetchall()
    assert len(rows) == 9
    assert {r[2] for r in rows} == {"refused"}
    assert {r[0] for r in rows} == {None}
    assert {r[1] for r in rows} == {storage.user_hash(CITIZEN_ID)}
    details = [r[3] for r in rows]
    assert "/stats" in details and "/rollback faq.yaml" in details
    assert any("ua:1:body_cameras" in d for d in details)
    assert any("faq.yaml" in d for d in details if d.startswith("upload"))
    for table, table_rows in storage.table_rows().items():
        for row in table_rows:
            # timestamps are floats whose digits may contain "5005" by chance; ids are ints or text
            assert all(str(CITIZEN_ID) not in str(v) for v in row if not isinstance(v, float)), (table, row)
    assert {n: (kb_copy / n).read_bytes() for n in before} == before


def check_commands(application, kb_copy, before):
    storage = storage_of(application)
    queries = storage._conn.execute(
        "SELECT chat_type, text, status, entry_id, kind, latency_ms, user_hash FROM queries ORDER BY id"
    ).fetchall()
    assert [(q[0], q[1], q[2], q[3]) for q in queries] == [
        ("private", "首违不罚了多少家企业", "answer", "first_offense_exempt_firms"),
        ("private", "公园在哪", "fallback", None),
    ]
    assert all(q[5] is not None and q[5] >= 0 for q in queries)
    assert {q[6] for q in queries} == {storage.user_hash(5006)}
    feedback = storage._conn.execute("SELECT entry_id, vote FROM feedback").fetchall()
    assert feedback == [("first_offense_exempt_firms", 1)]
    actions = storage._conn.execute("SELECT admin_id, action FROM admin_actions ORDER BY id").fetchall()
    assert [a for _, a in actions] == [
        "stats",
        "stats",
        "reload",
        "backups",
        "rollback_failed",
        "rollback_failed",
        "refused_outside_private",
    ]
    assert {i for i, _ in actions} == {ADMIN_ID}
    detail = storage._conn.execute("SELECT detail FROM admin_actions ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert detail == "stats in supergroup"  # the refusal in the group is audited


def check_unanswered(application, kb_copy, before):
    storage = storage_of(application)
    actions = storage._conn.execute("SELECT admin_id, action, detail FROM admin_actions ORDER BY id").fetchall()
    assert [a[1] for a in actions] == ["unanswered", "dismiss", "unanswered", "add_phrasing", "unanswered"]
    added = actions[3][2]
    entry_id, _, phrasing = added.partition(": ")
    assert phrasing == "小区里的矛盾找谁调解"
    name, field = kb_edit.find_entry(kb_copy, entry_id)
    data = yaml.safe_load((kb_copy / name).read_text(encoding="utf-8"))
    entry = next(e for e in data["faqs" if name == "faq.yaml" else "metrics"] if e["id"] == entry_id)
    assert entry[field][-1] == phrasing
    assert [b.file for b in kb_backups.list_backups(kb_copy)] == [name]
    engine = application.bot_data.holder.engine
    assert engine.respond(phrasing).entry_id == entry_id
    assert storage.dismissed_keys() == [normalize("老板欠钱不还怎么办")]


def check_upload(application, kb_copy, before):
    after = {n: (kb_copy / n).read_bytes() for n in before}
    assert after == before  # the broken faq changed nothing; synonyms were rolled back
    backups = kb_backups.list_backups(kb_copy)
    assert len(backups) == 1 and backups[0].undone and backups[0].file == "synonyms.yaml"
    assert "记录仪器材" in backups[0].path.read_text(encoding="utf-8")
    actions = [a for (a,) in storage_of(application)._conn.execute("SELECT action FROM admin_actions ORDER BY id")]
    assert actions == ["upload_rejected", "upload", "backups", "rollback", "backups"]


CHECKS = {"refusal": check_refusal, "commands": check_commands, "unanswered": check_unanswered, "upload": check_upload}


# --- single behaviours -----------------------------------------------------------------


async def test_reload_with_a_broken_file_reports_path_line_and_keeps_serving(admin_app, files_api, kb_copy):
    holder = admin_app.bot_data.holder
    engine = holder.engine
    path = kb_copy / "faq.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, l in enumerate(lines) if l.strip().startswith("topic:"))
    lines[index] = lines[index].replace("topic:", "topik:")
    path.write_text("".join(lines), encoding="utf-8")

    await feed(admin_app, message("/reload"))
    text = files_api.calls[-1].params["text"]
    assert "仍在使用之前的版本" in text
    assert f"<code>faq.yaml:{index + 1}</code> 未知字段 'topik'" in text
    assert holder.engine is engine
    await feed(admin_app, message("首违不罚了多少家企业", user_id=CITIZEN_ID, update_id=2))
    assert "6125家" in files_api.calls[-1].params["text"]


async def test_uploaded_broken_file_reports_the_line_in_that_file(admin_app, files_api, kb_copy):
    text = (kb_copy / "metrics.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, l in enumerate(lines) if l.strip().startswith("number:"))
    lines[index] = lines[index].split(":")[0] + ": 很多\n"
    files_api.files["bad_metrics"] = "".join(lines).encode("utf-8")
    update = message("", update_id=3)
    del update["message"]["text"]
    update["message"]["document"] = {
        "file_id": "bad_metrics",
        "file_unique_id": "x",
        "file_name": "metrics.yaml",
        "file_size": 100,
    }
    await feed(admin_app, update)
    reply = files_api.calls[-1].params["text"]
    assert f"<code>metrics.yaml:{index + 1}</code> 字段 'number' 应为数字，实际是 '很多'" in reply
    assert (kb_copy / "metrics.yaml").read_text(encoding="utf-8") == text


async def test_stale_unanswered_buttons(admin_app, files_api):
    for data in ("ua:999:body_cameras", "ua:x:body_cameras", "ud:999", "ud:"):
        update = {
            "update_id": 9,
            "callback_query": {
                "id": f"cbq-{data}",
                "from": {"id": ADMIN_ID, "is_bot": False, "first_name": "管"},
                "chat_instance": "1",
                "data": data,
                "message": {
                    "message_id": 5,
                    "date": 1700000000,
                    "text": "旧",
                    "chat": {"id": ADMIN_ID, "type": "private", "first_name": "管"},
                },
            },
        }
        start = len(files_api.calls)
        await feed(admin_app, update)
        calls = files_api.calls[start:]
        assert [c.method for c in calls] == ["answerCallbackQuery"], data
        assert "不存在" in calls[0].params["text"]


async def test_add_button_reports_a_validation_problem(admin_app, files_api, kb_copy):
    storage = storage_of(admin_app)
    # a question that is already a phrasing of another entry cannot be given to this one
    taken = load_knowledge(kb_copy).entries["two_laws_ranking"].phrasings[-1]
    qid = storage.log_query(user_id=CITIZEN_ID, chat_type="private", text=taken, status="fallback", kind="nomatch")
    before = (kb_copy / "metrics.yaml").read_bytes()
    update = {
        "update_id": 10,
        "callback_query": {
            "id": "cbq-dup",
            "from": {"id": ADMIN_ID, "is_bot": False, "first_name": "管"},
            "chat_instance": "1",
            "data": f"ua:{qid}:body_cameras",
            "message": {
                "message_id": 5,
                "date": 1700000000,
                "text": "旧",
                "from": {"id": 123456, "is_bot": True, "first_name": "b"},
                "chat": {"id": ADMIN_ID, "type": "private", "first_name": "管"},
            },
        },
    }
    await feed(admin_app, update)
    edit = files_api.calls[-1]
    assert edit.method == "editMessageText"
    assert "❌" in edit.params["text"] and "<code>metrics.yaml:" in edit.params["text"]
    assert "two_laws_ranking" in edit.params["text"]
    assert (kb_copy / "metrics.yaml").read_bytes() == before
    actions = [a for (a,) in storage._conn.execute("SELECT action FROM admin_actions")]
    assert actions == ["add_phrasing_failed"]


async def test_query_logging_survives_a_failed_reply(admin_app, files_api):
    files_api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await feed(admin_app, message("首违不罚了多少家企业", user_id=CITIZEN_ID))
    rows = storage_of(admin_app)._conn.execute("SELECT text, status FROM queries").fetchall()
    assert rows == [("首违不罚了多少家企业", "answer")]


async def test_without_storage_questions_still_work(admin_app, files_api):
    storage_of(admin_app).close()
    admin_app.bot_data.storage = None
    await feed(admin_app, message("首违不罚了多少家企业", user_id=CITIZEN_ID))
    assert "6125家" in files_api.calls[-1].params["text"]
    await feed(admin_app, message("/stats", update_id=2))
    assert "数据库未启用" in files_api.calls[-1].params["text"]


# --- start-up, watcher, jobs -------------------------------------------------------------


async def test_start_up_opens_storage_watches_and_schedules(tmp_path, kb_copy, files_api):
    settings = admin_settings(tmp_path, kb_copy, digest_time="08:30")
    holder = EngineHolder(Engine(load_knowledge(kb_copy)))
    application = build_application(settings, holder, request=FileRequest(files_api))
    await application.initialize()
    try:
        await application.post_init(application)  # set_commands, then lifecycle.on_start
        assert (tmp_path / "data" / "bot.sqlite3").is_file()
        assert isinstance(application.bot_data.storage, Storage)
        jobs = {job.name: job for job in application.job_queue.jobs()}
        assert set(jobs) == {"retention", "storage-health", "digest"}
        menus = [c for c in files_api.calls if c.method == "setMyCommands"]
        scoped = [c for c in menus if c.params.get("scope")]
        assert scoped and scoped[0].params["scope"] == {"type": "chat", "chat_id": ADMIN_ID}
        assert "stats" in [c["command"] for c in scoped[0].params["commands"]]
        assert all(
            "stats" not in [c["command"] for c in m.params["commands"]] for m in menus if not m.params.get("scope")
        )

        await asyncio.sleep(0.5)  # the watcher settles
        start = len(files_api.calls)
        assert kb_edit.add_phrasing(kb_copy, "wages_recovered", "拖欠工资要回来多少").ok
        call = await _wait_call(files_api, start)
        assert call.params["chat_id"] == ADMIN_ID
        assert "知识库文件有变化" in call.params["text"] and "✅ 知识库已重新加载" in call.params["text"]
        assert holder.engine.respond("拖欠工资要回来多少").entry_id == "wages_recovered"

        start = len(files_api.calls)
        path = kb_copy / "topics.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("parent: null", "parent: nowhere", 1), encoding="utf-8"
        )
        call = await _wait_call(files_api, start)
        assert "仍在使用之前的版本" in call.params["text"]
        assert "<code>topics.yaml:" in call.params["text"] and "nowhere" in call.params["text"]
        assert holder.engine.respond("拖欠工资要回来多少").entry_id == "wages_recovered"
    finally:
        await application.shutdown()
        await application.post_shutdown(application)
    reloader = application.bot_data.reloader
    assert reloader._task is None
    assert application.bot_data.storage is None


async def _wait_call(api: FakeBotApi, start: int, method: str = "sendMessage", timeout: float = 15.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for call in api.calls[start:]:
            if call.method == method:
                return call
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {method} within {timeout}s: {[c.method for c in api.calls[start:]]}")


async def test_no_digest_without_digest_time(tmp_path, kb_copy, files_api):
    settings = admin_settings(tmp_path, kb_copy)
    application = build_application(
        settings, EngineHolder(Engine(load_knowledge(kb_copy))), request=FileRequest(files_api)
    )
    await application.initialize()
    try:
        await lifecycle.on_start(application)
        assert [job.name for job in application.job_queue.jobs()] == ["retention", "storage-health"]
    finally:
        await application.shutdown()
        await lifecycle.on_shutdown(application)


def _Context(application) -> CustomContext:
    """What a job callback gets: the typed context of the application."""
    return CustomContext(application)


async def test_digest_covers_yesterday_beijing_time(admin_app, files_api):
    storage = storage_of(admin_app)
    now = datetime(2024, 3, 10, 8, 30, tzinfo=BEIJING)
    since, until, day = jobs.yesterday(now)
    assert day == "2024-03-09" and until - since == DAY
    assert datetime.fromtimestamp(since, BEIJING).hour == 0
    storage.log_query(
        user_id=1,
        chat_type="private",
        text="首违不罚了多少家企业",
        status="answer",
        entry_id="first_offense_exempt_firms",
        kind="entry",
        ts=since + 3600,
    )
    storage.log_query(
        user_id=2, chat_type="private", text="老板欠钱不还怎么办", status="fallback", kind="nomatch", ts=since + 7200
    )
    storage.log_query(
        user_id=3, chat_type="private", text="前天的问题", status="fallback", kind="nomatch", ts=since - 10
    )
    storage.log_query(
        user_id=3, chat_type="private", text="今天的问题", status="fallback", kind="nomatch", ts=until + 10
    )
    html = await jobs.digest_text(_Context(admin_app), now)
    assert "<b>每日摘要：2024-03-09</b>" in html
    assert "提问 2 次" in html and "老板欠钱不还怎么办 × 1" in html
    assert "前天" not in html and "今天的问题" not in html and "/unanswered" in html

    await notices.send_to_admins(admin_app, html)
    call = files_api.calls[-1]
    assert call.method == "sendMessage" and call.params["chat_id"] == ADMIN_ID


async def test_notifying_an_admin_who_never_started_the_bot_is_not_an_error(admin_app, files_api, caplog):
    files_api.fail("sendMessage", 400, "Bad Request: chat not found")
    await notices.send_to_admins(admin_app, "测试")
    assert any("could not notify admin" in r.getMessage() for r in caplog.records)


async def test_prune_job(admin_app, tmp_path):
    storage = storage_of(admin_app)
    import time

    storage.log_query(user_id=1, chat_type="private", text="旧", status="fallback", ts=time.time() - 400 * DAY)
    storage.log_query(user_id=1, chat_type="private", text="新", status="fallback")
    await jobs.prune_job(_Context(admin_app))
    assert [t for (t,) in storage._conn.execute("SELECT text FROM queries")] == ["新"]


# --- report packs ------------------------------------------------------------------------------

QINGLAN = Path(__file__).parent / "data" / "qinglan"


def _document(file_id: str, name: str, update_id: int, caption: str = "") -> dict:
    update = message("", update_id=update_id)
    del update["message"]["text"]
    update["message"]["document"] = {
        "file_id": file_id,
        "file_unique_id": file_id,
        "file_name": name,
        "file_size": 9000,
    }
    if caption:
        update["message"]["caption"] = caption
    return update


async def test_a_report_sent_to_the_bot_becomes_a_pack_that_answers(tmp_path, kb_copy, files_api):
    """An admin sends next year's report: it is imported into a new pack (validated first),
    the bot replies with the counts and answers from it at once; bad files change nothing."""
    root = tmp_path / "packs"
    root.mkdir()
    shutil.copytree(kb_copy, root / "yiyang-2023")
    settings = admin_settings(tmp_path, root)
    holder = EngineHolder(Engine(load_library(root)))
    application = build_application(settings, holder, request=FileRequest(files_api))
    await application.initialize()
    try:
        files_api.files["empty"] = b""
        await feed(application, _document("empty", "report.txt", 1))
        assert "导入失败" in files_api.calls[-1].params["text"]
        assert sorted(p.name for p in root.iterdir()) == ["yiyang-2023"]

        files_api.files["ql"] = (QINGLAN / "qinglan-2024.txt").read_bytes()
        await feed(application, _document("ql", "青岚市2024年报告.txt", 2, caption="qinglan-2024"))
        reply = files_api.calls[-1].params["text"]
        assert "✅" in reply and "条数据" in reply and "知识库已重新加载" in reply, reply
        assert (root / "qinglan-2024" / "metrics.yaml").is_file()
        engine = holder.engine
        assert len(engine.packs) == 2
        assert "3100余件" in engine.respond("青岚市2024年法律援助案件多少件").answer
        assert "6125家" in engine.respond("益阳首违不罚了多少家企业").answer

        await feed(application, _document("ql", "report.txt", 3, caption="qinglan-2024"))  # again
        assert "✅" in files_api.calls[-1].params["text"]
        assert list((root / "qinglan-2024" / ".backups").glob("metrics.*.yaml"))  # the old drafts kept
    finally:
        await application.shutdown()
        await lifecycle.on_shutdown(application)


async def test_phrasing_added_to_the_pack_that_holds_the_entry(tmp_path, kb_copy, files_api):
    from bot.knowledge import edit as kb_edit

    root = tmp_path / "packs"
    root.mkdir()
    shutil.copytree(kb_copy, root / "yiyang-2023")
    from bot.importer import import_report

    assert import_report(QINGLAN / "qinglan-2024.txt", root / "qinglan-2024").ok
    settings = admin_settings(tmp_path, root)
    holder = EngineHolder(Engine(load_library(root)))
    application = build_application(settings, holder, request=FileRequest(files_api))
    await application.initialize()
    try:
        context = _Context(application)
        assert edits.pack_dir(context, "body_cameras") == root / "yiyang-2023"
        assert edits.pack_dir(context) == root / "qinglan-2024"  # the latest report
        assert kb_edit.find_entry(edits.pack_dir(context, "body_cameras"), "body_cameras")
    finally:
        await application.shutdown()


async def test_the_daily_digest_is_sent_once_per_day_across_instances(tmp_path, clock):
    """Two instances on one database (as with DATABASE_URL): the digest job runs on both,
    the admins get it once."""
    from types import SimpleNamespace

    from handlers.admin import jobs

    one, two = (Storage.open(tmp_path / "data", clock=clock) for _ in range(2))
    sent = []

    async def fake_text(context, now=None):
        return "摘要"

    async def fake_send(application, html):
        sent.append(html)

    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs, "digest_text", fake_text)
        patch.setattr(jobs, "send_to_admins", fake_send)
        for storage in (one, two):
            await jobs.digest_job(SimpleNamespace(storage=storage, application=None))
    one.close()
    two.close()
    assert sent == ["摘要"]
