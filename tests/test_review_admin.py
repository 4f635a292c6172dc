"""Admins without Telegram: `python -m bot review PACK`, `python -m bot admin`, terminal chat
recorded, and a warning for two packs of the same place and year. Driven through stdin."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.importer import import_report
from bot.knowledge.backups import list_backups
from bot.knowledge.load import load_knowledge
from bot.storage.database import Storage

LINES = [
    "临江市2024年法治政府建设情况",
    "2024年，临江市坚持依法行政，法治政府建设取得新成效。",
    "一、严格规范执法",
    "执法装备持续完善。全市配备执法记录仪4400台，建成询问室、听证室近200处。",
    "二、2025年工作目标",
    "1. 目标：执法记录仪配备数量达到5000台。",
]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    source = tmp_path / "r.txt"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    out = tmp_path / "knowledge" / "linjiang-2024"
    assert import_report(source, out).ok
    return out


def _run(monkeypatch, capsys, argv: list[str], stdin: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    return code, capsys.readouterr().out


def _metric(directory: Path, value: str):
    return next(m for m in load_knowledge(directory).metrics if m.value == value)


def test_review_walks_the_drafts(pack: Path, monkeypatch, capsys):
    before = {m.value: m for m in load_knowledge(pack).metrics}
    assert all(m.draft for m in before.values())
    # 4400台: accept; 近200处: rename; 5000台: add a phrasing, then reject; the FAQ rows: quit
    stdin = "a\nr 询问室和听证室数量\np 明年执法记录仪要配多少台\nx\nq\n"
    code, out = _run(monkeypatch, capsys, ["review", str(pack)], stdin)
    assert code == 0
    assert "原文：全市配备执法记录仪4400台，建成询问室、听证室近200处。" in out
    assert "类型：目标" in out and "类型：完成数" in out and "数值：5000台" in out
    after = {m.value: m for m in load_knowledge(pack).metrics}
    assert not after["4400台"].draft and after["4400台"].title == before["4400台"].title
    assert not after["近200处"].draft and after["近200处"].title == "询问室和听证室数量"
    assert before["近200处"].title in after["近200处"].phrasings  # the drafted name stays a phrasing
    assert "5000台" not in after  # rejected
    assert "审核结束：通过 1 条，改名 1 条，新增问法 1 个，删除 1 条" in out
    assert list_backups(pack, "metrics.yaml")  # every change backed up


def test_review_refuses_what_would_not_validate(pack: Path, monkeypatch, capsys):
    other = next(m for m in load_knowledge(pack).metrics if m.value == "近200处")
    # renaming 4400台 to the other row's name: a phrasing two rows share is refused, nothing written
    code, out = _run(monkeypatch, capsys, ["review", str(pack)], f"r {other.title}\ns\ns\nq\n")
    assert code == 0 and "未保存" in out and "metrics.yaml:" in out
    assert _metric(pack, "4400台").draft


def test_review_of_a_folder_that_is_no_pack(tmp_path: Path, monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, ["review", str(tmp_path)], "")
    assert code == 2 and "不是报告包文件夹" in out


@pytest.fixture
def desk(tmp_path: Path, monkeypatch, kb_copy):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_copy))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    return kb_copy


def test_chat_is_recorded_unless_asked_not_to(desk, tmp_path: Path, monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, ["chat"], "执法记录仪配了几台\n小区里的矛盾找谁调解啊\nq\n")
    assert code == 0 and "4400台" in out
    code, _ = _run(monkeypatch, capsys, ["chat", "--no-record"], "这句不应记录\nq\n")
    db = Storage.open(tmp_path / "data")
    try:
        rows = db._fetchall("SELECT text, status, channel FROM queries ORDER BY id")
    finally:
        db.close()
    assert [r[0] for r in rows] == ["执法记录仪配了几台", "小区里的矛盾找谁调解啊"]
    assert {r[2] for r in rows} == {"terminal"} and rows[0][1] == "answer"


def test_admin_adds_a_phrasing_ignores_and_rolls_back(desk, tmp_path: Path, monkeypatch, capsys):
    _run(monkeypatch, capsys, ["chat"], "小区里的矛盾找谁调解啊\n办个证要多久啊\nq\n")
    faq_before = (desk / "faq.yaml").read_bytes()
    metrics_before = (desk / "metrics.yaml").read_bytes()
    code, out = _run(monkeypatch, capsys, ["admin"], "u\na 1 1\ni 2\nu\nb\nr\nq\n")
    assert code == 0
    assert "1. 「" in out and "2. 「" in out and "条目1：" in out
    assert "✅ 已把「" in out and "的问法" in out
    ignored = out.split("已忽略「", 1)[1].split("」", 1)[0]
    assert ignored in ("小区里的矛盾找谁调解啊", "办个证要多久啊")
    assert f"「{ignored}」" not in out.split("已忽略", 1)[1].split("管理>", 1)[1]  # not listed again
    assert "的备份（共 1 份" in out
    assert "✅ 已把" in out and "恢复为" in out
    assert (desk / "faq.yaml").read_bytes() == faq_before and (desk / "metrics.yaml").read_bytes() == metrics_before
    db = Storage.open(tmp_path / "data")
    try:
        actions = [r[0] for r in db._fetchall("SELECT action FROM admin_actions ORDER BY id")]
    finally:
        db.close()
    assert "terminal_add_phrasing" in actions and "terminal_dismiss" in actions and "terminal_rollback" in actions


def test_admin_bad_input_gets_one_line(desk, monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, ["admin"], "a 9 9\ni x\nzzz\nu 9999\nr nosuch.yaml\nq\n")
    assert code == 0
    assert "组号不对" in out and "没有这个命令：zzz" in out and "天数为 1～365" in out
    assert "❌" in out and "nosuch" in out


def test_validate_warns_on_two_packs_of_the_same_place_and_year(pack: Path, monkeypatch, capsys):
    shutil.copytree(pack, pack.parent / "linjiang-2024-copy")
    cli.main(["validate", str(pack.parent)])
    err = capsys.readouterr().err
    assert "同一地方同一年份（临江市2024年）" in err and "linjiang-2024-copy" in err
