"""Smaller faults of issue 11 (item 8), replayed through the real handlers: an admin's
"add as phrasing" button pressed in a group, admin commands refused in groups, forged 👍/👎
buttons, a button with empty data."""

from __future__ import annotations

from test_telegram_admin import ADMIN_ID, CITIZEN_ID, admin_app, feed, files_api, message  # noqa: F401

from bot.knowledge import backups as kb_backups
from bot.knowledge.model import KNOWLEDGE_FILES
from handlers.admin.auth import PRIVATE_ONLY
from handlers.callbacks import STALE_NOTE

GROUP = {"id": -1009999, "type": "supergroup", "title": "工作群"}


def press(data: str, user_id: int, chat: dict, update_id: int = 50) -> dict:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cbq-{update_id}",
            "from": {"id": user_id, "is_bot": False, "first_name": "用户"},
            "chat_instance": "9",
            "data": data,
            "message": {
                "message_id": 8,
                "date": 1700000000,
                "text": "旧",
                "chat": chat,
                "from": {"id": 123456, "is_bot": True, "first_name": "b"},
            },
        },
    }


def actions(application) -> list[tuple]:
    return application.bot_data.storage._conn.execute(
        "SELECT admin_id, action, detail FROM admin_actions ORDER BY id"
    ).fetchall()


async def test_add_phrasing_button_in_a_group_neither_edits_nor_posts(admin_app, files_api, kb_copy):
    storage = admin_app.bot_data.storage
    qid = storage.log_query(
        user_id=CITIZEN_ID, chat_type="private", text="我家小区矛盾找谁", status="fallback", kind="nomatch"
    )
    before = {n: (kb_copy / n).read_bytes() for n in KNOWLEDGE_FILES}
    start = len(files_api.calls)
    await feed(admin_app, press(f"ua:{qid}:proof_free_city", ADMIN_ID, GROUP))
    calls = files_api.calls[start:]
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == PRIVATE_ONLY
    assert all("我家小区矛盾找谁" not in str(c.params) for c in calls)
    assert {n: (kb_copy / n).read_bytes() for n in before} == before
    assert kb_backups.list_backups(kb_copy) == []
    assert actions(admin_app) == [(ADMIN_ID, "refused_outside_private", "add_phrasing in supergroup")]


async def test_admin_command_refused_in_a_group_is_audited(admin_app, files_api):
    update = message("/unanswered@yiyang_fazhi_bot", chat_id=GROUP["id"], chat_type="supergroup")
    update["message"]["chat"] = GROUP
    await feed(admin_app, update)
    assert "私聊" in files_api.calls[-1].params["text"]
    assert actions(admin_app) == [(ADMIN_ID, "refused_outside_private", "unanswered in supergroup")]


async def test_forged_feedback_for_an_unknown_entry_is_not_stored(admin_app, files_api):
    chat = {"id": CITIZEN_ID, "type": "private", "first_name": "市民"}
    for n, data in enumerate(["fb:+:no_such_entry", "fb:-:" + "x" * 50, "fb:+:", "fb:?:body_cameras"]):
        await feed(admin_app, press(data, CITIZEN_ID, chat, update_id=60 + n))
        assert files_api.calls[-1].method == "answerCallbackQuery"
        assert files_api.calls[-1].params["text"] == STALE_NOTE
    await feed(admin_app, press("fb:+:body_cameras", CITIZEN_ID, chat, update_id=70))  # a real one
    rows = admin_app.bot_data.storage._conn.execute("SELECT entry_id, vote FROM feedback").fetchall()
    assert rows == [("body_cameras", 1)]


async def test_a_button_with_empty_data_gets_the_stale_note_from_its_own_handler(admin_app, files_api):
    chat = {"id": CITIZEN_ID, "type": "private", "first_name": "市民"}
    for user in (CITIZEN_ID, ADMIN_ID):
        start = len(files_api.calls)
        await feed(admin_app, press("", user, chat, update_id=80 + user % 7))
        calls = files_api.calls[start:]
        assert [c.method for c in calls] == ["answerCallbackQuery"]
        assert calls[0].params["text"] == STALE_NOTE  # not the admin refusal of the first handler
    assert actions(admin_app) == []
