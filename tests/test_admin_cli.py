"""`python -m bot report` and `python -m bot unanswered`."""

from __future__ import annotations

import csv
import subprocess
import sys
import time

import pytest

from bot import cli
from bot.admin.reports import format_stats
from bot.storage.database import Storage

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path, monkeypatch, kb_copy):
    """A database with a few logged questions; settings pointing at it."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_copy))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    db = Storage.open(tmp_path / "data")
    rows = [
        ("首违不罚了多少家企业", "answer", "entry", "first_offense_exempt_firms"),
        ("首违不罚了多少家企业？", "answer", "entry", "first_offense_exempt_firms"),
        ("执法记录仪配了几台", "answer", "entry", "body_cameras"),
        ("法律援助", "clarify", "clarify", None),
        ("小区里的矛盾找谁调", "fallback", "nomatch", None),
        ("小区里的矛盾找谁调解", "fallback", "nomatch", None),
        ("你好", "fallback", "greeting", None),
    ]
    for i, (text, status, kind, entry_id) in enumerate(rows):
        db.log_query(
            user_id=1000 + i,
            chat_type="private",
            text=text,
            status=status,
            kind=kind,
            entry_id=entry_id,
            score=0.5,
            latency_ms=10.0 * (i + 1),
        )
    db.log_query(
        user_id=1,
        chat_type="private",
        text="很久以前的问题",
        status="fallback",
        kind="nomatch",
        ts=time.time() - 40 * 86400,
    )
    db.log_feedback(user_id=1000, entry_id="first_offense_exempt_firms", vote=1)
    db.log_feedback(user_id=1001, entry_id="body_cameras", vote=-1)
    db.log_query(
        user_id="web:session-1",
        chat_type="web",
        text="网上可办率",
        status="answer",
        kind="entry",
        entry_id="online_rate",
        score=1.0,
        latency_ms=3.0,
        channel="web",
    )
    db.close()
    return tmp_path / "data"


def test_commands_are_registered():
    parser = cli.build_parser()
    assert parser.parse_args(["report", "--days", "3", "--csv", "x.csv"]).days == 3
    assert parser.parse_args(["unanswered"]).days == 7
    with pytest.raises(SystemExit):
        parser.parse_args(["report", "--days", "-1"])


def test_report_prints_the_same_figures_as_stats(data_dir, kb, capsys):
    assert cli.main(["report", "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "提问 8 次，来自 8 位用户" in out
    assert "渠道：Telegram 7 · 网页 1" in out
    assert "已回答 4（50.0%）" in out and "追问确认 1（12.5%）" in out and "未答上 2（25.0%）" in out
    assert "评价：👍 1 · 👎 1" in out
    assert "first_offense_exempt_firms） × 2" in out
    assert "小区里的矛盾找谁调" in out and "很久以前" not in out
    db = Storage.open(data_dir)
    try:
        stats = db.stats(7)
    finally:
        db.close()
    # the body (everything but the period line, whose end is "now") is the /stats text
    assert out.strip().splitlines()[1:] == format_stats(stats, kb).splitlines()[1:]

    assert cli.main(["report", "--days", "60"]) == 0
    assert "提问 9 次" in capsys.readouterr().out


def test_report_csv(data_dir, tmp_path, capsys):
    target = tmp_path / "report.csv"
    assert cli.main(["report", "--csv", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["section", "item", "value"]
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert table[("summary", "queries")] == "8"
    assert table[("summary", "answered_share")] == "0.5000"
    assert table[("channel", "telegram")] == "7" and table[("channel", "web")] == "1"
    assert table[("feedback", "thumbs_down")] == "1"
    assert any(r[0] == "top_entry" and "first_offense_exempt_firms" in r[1] and r[2] == "2" for r in rows)
    assert any(r[0] == "top_unanswered" and r[1].startswith("小区里的矛盾") and r[2] == "2" for r in rows)


def test_unanswered_groups_and_suggests_entries(data_dir, engine, capsys):
    assert cli.main(["unanswered", "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "小区里的矛盾找谁调" in out and "× 2" in out and "相近说法" in out
    assert "法律援助" in out and "追问确认" in out
    assert "你好" not in out and "首违不罚" not in out
    closest = engine.closest("小区里的矛盾找谁调解")[0][0]
    assert f"（{closest}）" in out


def test_unanswered_on_an_empty_database(tmp_path, monkeypatch, kb_copy, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_copy))
    assert cli.main(["unanswered"]) == 0
    assert "没有未答上" in capsys.readouterr().out


def test_report_with_a_broken_knowledge_base_still_works(data_dir, kb_copy, capsys):
    (kb_copy / "faq.yaml").write_text("version: [", encoding="utf-8")
    assert cli.main(["report"]) == 0
    captured = capsys.readouterr()
    assert "first_offense_exempt_firms × 2" in captured.out and "知识库校验失败" in captured.err


def test_report_as_a_process(data_dir):
    env = {"DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--days", "7"],
        cwd=data_dir.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "提问 8 次" in done.stdout and "网页 1" in done.stdout
    assert "校验失败" not in done.stderr  # the default KNOWLEDGE_DIR, a folder of packs, loads
