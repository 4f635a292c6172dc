"""Atomic, verified backups (issue 11, fault 2): a write that fails in the middle of a backup
leaves no partial backup and changes nothing; a damaged backup (left by an older version or
a crash) is reported by /backups and skipped by /rollback, which still works."""

from __future__ import annotations

import resource
import signal
import sys

import pytest
from test_telegram_admin import admin_app, feed, files_api, message  # noqa: F401

from bot.knowledge import edit as kb_edit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses RLIMIT_FSIZE")


def fail_backup_writes(monkeypatch) -> None:
    """Every file write during a backup fails once 4 KB are written (EFBIG, as on a full
    disk): the real OS error, from the same write calls the backup code makes."""
    original = kb_edit._backup

    def backup_on_a_full_disk(*args, **kwargs):
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
        try:
            return original(*args, **kwargs)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, previous)

    monkeypatch.setattr(kb_edit, "_backup", backup_on_a_full_disk)


@pytest.fixture
def failing_backup_writes(monkeypatch):
    fail_backup_writes(monkeypatch)


def _backup_files(kb_copy):
    folder = kb_edit.backup_dir(kb_copy)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_failing_write_during_the_backup_changes_nothing(kb_copy, failing_backup_writes):
    before = (kb_copy / "faq.yaml").read_bytes()
    assert len(before) > 4096
    result = kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思")
    assert not result.ok and "备份旧版本失败" in result.message and "未作任何改动" in result.message
    assert (kb_copy / "faq.yaml").read_bytes() == before
    assert [n for n in _backup_files(kb_copy) if n.startswith("faq.")] == []  # no partial backup
    assert kb_edit.list_backups(kb_copy, check=True) == []


def test_rollback_still_works_after_a_failed_backup(kb_copy, monkeypatch):
    original = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思").ok  # a good backup
    edited = (kb_copy / "faq.yaml").read_bytes()
    fail_backup_writes(monkeypatch)  # from now on backups hit a full disk
    assert not kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市指的是什么呀").ok
    assert (kb_copy / "faq.yaml").read_bytes() == edited
    monkeypatch.undo()
    assert [b.damage for b in kb_edit.list_backups(kb_copy, check=True)] == [""]
    result = kb_edit.rollback(kb_copy, "faq.yaml")
    assert result.ok and result.changed and (kb_copy / "faq.yaml").read_bytes() == original


def test_a_backup_is_fsynced_in_place_and_its_checksum_recorded(kb_copy):
    before = (kb_copy / "faq.yaml").read_bytes()
    result = kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思")
    assert result.ok and result.backup.read_bytes() == before
    assert not [n for n in _backup_files(kb_copy) if n.endswith(".tmp")]
    sums = (kb_edit.backup_dir(kb_copy) / kb_edit.SUMS_FILE).read_text(encoding="utf-8")
    assert f"{kb_edit._sha256(before)}  {result.backup.name}" in sums
    assert [b.damage for b in kb_edit.list_backups(kb_copy, check=True)] == [""]


def _two_edits_and_a_damaged_backup(kb_copy, damage: str):
    """Two good backups of faq.yaml, then a newer damaged one as an older bot left it."""
    first = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思").ok
    second = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市指的是什么呀").ok
    newest = kb_edit.list_backups(kb_copy, "faq.yaml")[0]
    assert newest.path.read_bytes() == second
    bad = newest.path.with_name("faq.20991231-235959-999999.yaml")  # the newest of all
    if damage == "empty":
        bad.write_bytes(b"")
    elif damage == "truncated":
        bad.write_bytes(second[: len(second) // 3])
    else:  # a backup recorded in SHA256SUMS, changed afterwards (cut at an entry boundary)
        cut = second.rindex(b"\n  - id:")
        newest.path.write_bytes(second[:cut] + b"\n")
        bad = newest.path
    return first, second, bad


@pytest.mark.parametrize("damage", ["empty", "truncated", "checksum"])
async def test_backups_reports_and_rollback_skips_a_damaged_backup(admin_app, files_api, kb_copy, damage):
    first, second, bad = _two_edits_and_a_damaged_backup(kb_copy, damage)
    listed = {b.path.name: b.damage for b in kb_edit.list_backups(kb_copy, check=True)}
    assert listed[bad.name] and sum(1 for d in listed.values() if not d) == (2 if damage != "checksum" else 1)

    await feed(admin_app, message("/backups", update_id=1))
    text = files_api.calls[-1].params["text"]
    good_section, _, damaged_section = text.partition("损坏的备份")
    assert bad.name in damaged_section and bad.name not in good_section

    await feed(admin_app, message("/rollback faq.yaml", update_id=2))
    reply = files_api.calls[-1].params["text"]
    assert reply.startswith("✅") and "已跳过损坏的备份" in reply
    expected = second if damage != "checksum" else first
    assert (kb_copy / "faq.yaml").read_bytes() == expected
    assert bad.exists()  # kept for the admin to look at, still reported

    await feed(admin_app, message("/rollback", update_id=3))  # the last change, again
    reply = files_api.calls[-1].params["text"]
    assert "已跳过损坏的备份" in reply
    if damage != "checksum":
        assert reply.startswith("✅") and (kb_copy / "faq.yaml").read_bytes() == first
