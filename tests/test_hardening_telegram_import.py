"""Issue 17 (1, 2, 7): a hostile report sent to the bot is imported in a child process and
answered with one line; citizens keep being answered; the import reply is bounded."""

from __future__ import annotations

import shutil
from pathlib import Path

from hostile_files import build_pdf, docx_bomb
from test_telegram_admin import FileBotApi, FileRequest, _document, admin_settings, feed

from bot.engine.engine import Engine, EngineHolder
from bot.importer import ImportResult, readers
from bot.knowledge.packs import load_library
from handlers.admin import lifecycle, uploads
from handlers.app import build_application


class DocumentBotApi(FileBotApi):
    def _answer(self, method, params):
        if method == "sendDocument":
            return 200, {"ok": True, "result": self._message({"chat_id": params["chat_id"], "text": ""})}
        return super()._answer(method, params)


async def _app(tmp_path: Path, kb_copy: Path, api):
    root = tmp_path / "packs"
    root.mkdir()
    shutil.copytree(kb_copy, root / "yiyang-2023")
    holder = EngineHolder(Engine(load_library(root)))
    application = build_application(admin_settings(tmp_path, root), holder, request=FileRequest(api))
    await application.initialize()
    return application, root, holder


async def test_hostile_reports_sent_to_the_bot_get_their_reason_and_change_nothing(tmp_path, kb_copy):
    api = DocumentBotApi()
    application, root, holder = await _app(tmp_path, kb_copy, api)
    try:
        cases = [
            ("bomb", "report.docx", docx_bomb(readers.MAX_ZIP_MEMBER_BYTES + 1), "解压后太大"),
            ("locked", "report.pdf", build_pdf(encrypt=True), "加密"),
            ("cut", "report.pdf", build_pdf(3)[:300], "不完整"),
        ]
        for number, (file_id, name, data, word) in enumerate(cases, 1):
            api.files[file_id] = data
            await feed(application, _document(file_id, name, number, caption="qinglan-2024"))
            reply = api.calls[-1].params["text"]
            assert reply.startswith("❌ 导入失败：") and word in reply and "\n" not in reply, reply
        assert sorted(p.name for p in root.iterdir()) == ["yiyang-2023"]  # nothing written, no scratch left
        assert len(holder.engine.packs) == 1
    finally:
        await application.shutdown()
        await lifecycle.on_shutdown(application)


async def test_the_import_reply_lists_ten_figures_and_sends_the_rest_as_a_file(tmp_path, kb_copy, monkeypatch):
    api = DocumentBotApi()
    application, root, _ = await _app(tmp_path, kb_copy, api)
    left_out = [f"第{i}个数字：{i}件（原文第{i}句）" for i in range(1, 2001)]

    def imported(root_dir, filename, data, caption):
        return ImportResult(
            root_dir / "qinglan-2024", "青岚市2024年法治政府建设情况", 2024, "青岚市", {"metrics": 3}, {}, left_out
        )

    monkeypatch.setattr(uploads, "import_uploaded_report", imported)
    try:
        api.files["ql"] = b"whatever"
        await feed(application, _document("ql", "report.txt", 1))
        sent = [c for c in api.calls if c.method == "sendMessage"]
        texts = [c.params["text"] for c in sent]
        reply = next(t for t in texts if t.startswith("✅"))
        assert len(texts) == 2  # "正在导入" and the result: not 132 messages
        assert "第10个数字" in reply and "第11个数字" not in reply and "另有 1990 个" in reply
        documents = [c for c in api.calls if c.method == "sendDocument"]
        assert len(documents) == 1 and "2000" in documents[0].params["caption"]
    finally:
        await application.shutdown()
        await lifecycle.on_shutdown(application)
