"""Atomic, verified backups (issue 11, fault 2): a write that fails in the middle of a backup
leaves no partial backup and changes nothing; a damaged backup (left by an older version or
a crash) is reported by /backups and skipped by /rollback, which still works."""

from __future__ import annotations

import resource
import signal
import sys

import pytest
from test_telegram_admin import admin_app, feed, files_api, message  # noqa: F401

from bot.knowledge import backups as kb_backups
from bot.knowledge import edit as kb_edit
from bot.knowledge.files import SUMS_FILE, sha256
from bot.knowledge.load import load_knowledge

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses RLIMIT_FSIZE")


def fail_backup_writes(monkeypatch) -> None:
    """Every file write during a backup fails once 4 KB are written (EFBIG, as on a full
    disk): the real OS error, from the same write calls the backup code makes."""
    original = kb_backups.make_backup

    def backup_on_a_full_disk(*args, **kwargs):
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
        try:
            return original(*args, **kwargs)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, previous)

    monkeypatch.setattr(kb_backups, "make_backup", backup_on_a_full_disk)


@pytest.fixture
def failing_backup_writes(monkeypatch):
    fail_backup_writes(monkeypatch)


def _backup_files(kb_copy):
    folder = kb_backups.backup_dir(kb_copy)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_failing_write_during_the_backup_changes_nothing(kb_copy, failing_backup_writes):
    before = (kb_copy / "faq.yaml").read_bytes()
    assert len(before) > 4096
    result = kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思")
    assert not result.ok and "备份旧版本失败" in result.message and "未作任何改动" in result.message
    assert (kb_copy / "faq.yaml").read_bytes() == before
    assert [n for n in _backup_files(kb_copy) if n.startswith("faq.")] == []  # no partial backup
    assert kb_backups.list_backups(kb_copy, check=True) == []


def test_rollback_still_works_after_a_failed_backup(kb_copy, monkeypatch):
    original = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思").ok  # a good backup
    edited = (kb_copy / "faq.yaml").read_bytes()
    fail_backup_writes(monkeypatch)  # from now on backups hit a full disk
    assert not kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市指的是什么呀").ok
    assert (kb_copy / "faq.yaml").read_bytes() == edited
    monkeypatch.undo()
    assert [b.damage for b in kb_backups.list_backups(kb_copy, check=True)] == [""]
    result = kb_backups.rollback(kb_copy, "faq.yaml")
    assert result.ok and result.changed and (kb_copy / "faq.yaml").read_bytes() == original


def test_a_backup_is_fsynced_in_place_and_its_checksum_recorded(kb_copy):
    before = (kb_copy / "faq.yaml").read_bytes()
    result = kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思")
    assert result.ok and result.backup.read_bytes() == before
    assert not [n for n in _backup_files(kb_copy) if n.endswith(".tmp")]
    sums = (kb_backups.backup_dir(kb_copy) / SUMS_FILE).read_text(encoding="utf-8")
    assert f"{sha256(before)}  {result.backup.name}" in sums
    assert [b.damage for b in kb_backups.list_backups(kb_copy, check=True)] == [""]


def _two_edits_and_a_damaged_backup(kb_copy, damage: str):
    """Two good backups of faq.yaml, then a newer damaged one as an older bot left it."""
    first = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市是啥意思").ok
    second = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "无证明城市指的是什么呀").ok
    newest = kb_backups.list_backups(kb_copy, "faq.yaml")[0]
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
    listed = {b.path.name: b.damage for b in kb_backups.list_backups(kb_copy, check=True)}
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


# --- rollback -----------------------------------------------------------------


def test_rollback_walks_back_through_history(kb_copy):
    v1 = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "multi_resolution_mode", "小区里的矛盾找谁调").ok
    v2 = (kb_copy / "faq.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "proof_free_city", "开证明还要跑腿吗").ok
    v3 = (kb_copy / "faq.yaml").read_bytes()
    assert len({v1, v2, v3}) == 3
    assert [b.file for b in kb_backups.list_backups(kb_copy)] == ["faq.yaml", "faq.yaml"]

    first = kb_backups.rollback(kb_copy, "faq.yaml")
    assert first.ok and first.changed and (kb_copy / "faq.yaml").read_bytes() == v2
    undone = [b for b in kb_backups.list_backups(kb_copy) if b.undone]
    assert len(undone) == 1 and undone[0].path.read_bytes() == v3

    second = kb_backups.rollback(kb_copy, "faq")  # the name without .yaml works too
    assert second.ok and (kb_copy / "faq.yaml").read_bytes() == v1

    third = kb_backups.rollback(kb_copy, "faq.yaml")
    assert not third.ok and (kb_copy / "faq.yaml").read_bytes() == v1
    load_knowledge(kb_copy)  # still valid


def test_rollback_without_name_undoes_the_latest_change(kb_copy):
    faq = (kb_copy / "faq.yaml").read_bytes()
    metrics = (kb_copy / "metrics.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "multi_resolution_mode", "小区里的矛盾找谁调").ok
    assert kb_edit.add_phrasing(kb_copy, "wages_recovered", "拖欠工资要回来多少").ok
    result = kb_backups.rollback(kb_copy)
    assert result.ok and result.file == "metrics.yaml"
    assert (kb_copy / "metrics.yaml").read_bytes() == metrics
    assert kb_backups.rollback(kb_copy).file == "faq.yaml"
    assert (kb_copy / "faq.yaml").read_bytes() == faq


def test_rollback_refuses_a_version_that_no_longer_validates(kb_copy):
    wording = "拖欠工资要回来多少"
    v1 = (kb_copy / "metrics.yaml").read_bytes()
    assert kb_edit.add_phrasing(kb_copy, "wages_recovered", wording).ok  # metrics v2 has it
    assert kb_edit.replace_file(kb_copy, "metrics.yaml", v1).ok  # upload v1 again: v2 backed up
    assert kb_edit.add_phrasing(kb_copy, "legal_aid_activities", wording).ok  # now a FAQ has it
    faq = (kb_copy / "faq.yaml").read_bytes()
    # restoring metrics v2 would give the wording to two entries: refused, nothing changes
    result = kb_backups.rollback(kb_copy, "metrics.yaml")
    assert not result.ok and any(wording in p.message for p in result.problems)
    assert (kb_copy / "metrics.yaml").read_bytes() == v1
    assert (kb_copy / "faq.yaml").read_bytes() == faq


def test_rollback_unknown_file(kb_copy):
    assert not kb_backups.rollback(kb_copy, "report.txt").ok
    assert not kb_backups.rollback(kb_copy).ok  # no backups at all


def test_old_backups_are_trimmed(kb_copy, monkeypatch):
    monkeypatch.setattr(kb_backups, "MAX_BACKUPS", 2)
    for phrasing in ("小区里的矛盾找谁调", "邻居吵架找谁调解", "家里闹矛盾谁来调"):
        assert kb_edit.add_phrasing(kb_copy, "multi_resolution_mode", phrasing).ok
    backups = kb_backups.list_backups(kb_copy, "faq.yaml")
    assert len(backups) == 2
    assert backups[0].created >= backups[1].created
    assert "小区里的矛盾找谁调" in backups[0].path.read_text(encoding="utf-8")
    assert backups[0].label.count(":") == 2


def test_a_backup_cut_inside_an_entry_that_still_parses_is_damaged(kb_copy):
    data = (kb_copy / "faq.yaml").read_bytes()
    cut = data.index(b"\n    source:", data.index(b'  - id: "proof_free_city"'))  # after the answer line
    bad = kb_backups.backup_dir(kb_copy) / "faq.20991231-235959-999999.yaml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(data[:cut] + b"\n")
    damage = kb_backups.backup_damage(bad, "faq.yaml")
    assert "source" in damage and "截断" in damage
