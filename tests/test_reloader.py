"""Reload without restart: atomic swap, broken files keep the old engine, the watcher."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.engine.engine import Engine, EngineHolder
from bot.knowledge import edit as kb_edit
from bot.knowledge.load import load_knowledge
from bot.knowledge.reload import Reloader, fingerprint, watch_filter

QUESTIONS = [
    ("首违不罚了多少家企业", "first_offense_exempt_firms"),
    ("执法记录仪配了几台", "body_cameras"),
    ("无证明城市是什么", "proof_free_city"),
    ("法援案件多少件", "legal_aid_cases"),
]


@pytest.fixture
def holder(kb_copy):
    return EngineHolder(Engine(load_knowledge(kb_copy)))


def _break_faq(kb_copy) -> int:
    """Make faq.yaml unparsable; return the line the parser reports."""
    path = kb_copy / "faq.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("- id:"))
    lines[index + 1] = lines[index + 1].rstrip("\n") + '"多余的引号\n'  # question: "…""多余的引号
    path.write_text("".join(lines), encoding="utf-8")
    return index + 2


async def test_reload_swaps_in_a_new_engine(holder, kb_copy):
    old = holder.engine
    result = await Reloader(holder, kb_copy).reload()
    assert result.ok and result.changed and result.problems == []
    assert "metrics" in result.summary and result.seconds > 0
    assert holder.engine is not old
    assert holder.engine.respond("首违不罚了多少家企业").entry_id == "first_offense_exempt_firms"


async def test_broken_yaml_keeps_the_old_engine_and_reports_path_line(holder, kb_copy, caplog):
    old = holder.engine
    line = _break_faq(kb_copy)
    result = await Reloader(holder, kb_copy).reload()
    assert not result.ok
    assert holder.engine is old
    assert holder.engine.respond("首违不罚了多少家企业").entry_id == "first_offense_exempt_firms"
    first = str(result.problems[0])
    assert first.startswith(f"{kb_copy / 'faq.yaml'}:{line}:"), first
    assert "previous version" in result.describe() and first in result.describe()
    assert first in caplog.text  # and in the log


async def test_invalid_reference_reports_its_line(holder, kb_copy):
    path = kb_copy / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines, 1) if l.strip() == "topic: gov_services")
    lines[line - 1] = lines[line - 1].replace("gov_services", "no_such_topic")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = holder.engine
    result = await Reloader(holder, kb_copy).reload()
    assert not result.ok and holder.engine is old
    assert f"{path}:{line}: 主题 'no_such_topic' 未在 topics.yaml 中定义" in map(str, result.problems)


async def test_fixing_the_file_reloads_again(holder, kb_copy):
    original = (kb_copy / "faq.yaml").read_bytes()
    reloader = Reloader(holder, kb_copy)
    _break_faq(kb_copy)
    assert not (await reloader.reload()).ok
    (kb_copy / "faq.yaml").write_bytes(original)
    assert (await reloader.reload()).ok


async def test_unchanged_files_are_not_reloaded_by_the_watcher_path(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    reloader.mark_loaded()
    engine = holder.engine
    result = await reloader.reload("watch", only_if_changed=True)
    assert not result.changed and holder.engine is engine
    (kb_copy / "synonyms.yaml").write_text(
        (kb_copy / "synonyms.yaml").read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8"
    )
    result = await reloader.reload("watch", only_if_changed=True)
    assert result.changed and result.ok and holder.engine is not engine


async def test_questions_during_reloads_are_all_answered(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    engines_used = set()
    answers = []
    reloads_done = asyncio.Event()

    async def ask(i: int):
        question, expected = QUESTIONS[i % len(QUESTIONS)]
        engine = holder.engine  # what a handler does: take the current engine ...
        engines_used.add(id(engine))
        if i % 2:  # ... and answer on the loop or in a worker thread
            response = await asyncio.to_thread(engine.respond, question)
        else:
            response = engine.respond(question)
        answers.append((expected, response.status, response.entry_id))

    async def asker(k: int):
        i = k
        while not reloads_done.is_set():  # keep asking while the reloads run ...
            await ask(i)
            i += 1
            await asyncio.sleep(random.random() * 0.02)
        await ask(i)  # ... and once more after the last swap

    async def reload_a_few_times():
        for _ in range(3):
            await asyncio.sleep(0.05)
            assert (await reloader.reload()).ok
        reloads_done.set()

    await asyncio.gather(reload_a_few_times(), *(asker(k) for k in range(20)))
    assert len(answers) >= 40
    assert all(status == "answer" and got == expected for expected, status, got in answers), answers
    assert len(engines_used) >= 2  # the swaps happened while questions were coming in


async def test_questions_during_a_failed_reload_are_answered(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    _break_faq(kb_copy)

    async def ask(i: int):
        question, expected = QUESTIONS[i % len(QUESTIONS)]
        await asyncio.sleep(random.random() * 0.2)
        return expected, holder.engine.respond(question).entry_id

    results = await asyncio.gather(reloader.reload(), *(ask(i) for i in range(100)))
    assert not results[0].ok
    assert all(expected == got for expected, got in results[1:])


async def test_concurrent_reloads_are_serialised(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    results = await asyncio.gather(*(reloader.reload() for _ in range(4)))
    assert all(r.ok for r in results)


def test_watch_filter_ignores_backups_and_temporary_files(kb_copy):
    assert watch_filter(None, str(kb_copy / "faq.yaml"))
    assert watch_filter(None, str(kb_copy / "report.txt"))
    assert not watch_filter(None, str(kb_copy / ".faq.yaml.x1y2.tmp"))
    assert not watch_filter(None, str(kb_copy / ".backups" / "faq.20240101-000000-000000.yaml"))
    assert not watch_filter(None, str(kb_copy / "faq.yaml~"))
    assert not watch_filter(None, str(kb_copy / ".faq.yaml.swp"))


def test_fingerprint_follows_content(kb_copy):
    before = fingerprint(kb_copy)
    (kb_copy / ".backups").mkdir()
    (kb_copy / ".backups" / "faq.20240101-000000-000000.yaml").write_text("x")
    assert fingerprint(kb_copy) == before
    (kb_copy / "faq.yaml").write_text((kb_copy / "faq.yaml").read_text() + "\n")
    assert fingerprint(kb_copy) != before


async def _wait_for(queue: asyncio.Queue, timeout: float = 15.0):
    return await asyncio.wait_for(queue.get(), timeout)


async def test_watcher_reloads_on_change_and_reports_errors(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    results: asyncio.Queue = asyncio.Queue()

    async def callback(result):
        await results.put(result)

    task = reloader.start(callback, debounce_ms=100)
    assert reloader.start(callback) is task  # only one watcher
    try:
        await asyncio.sleep(0.5)  # let the watcher settle
        # an edit that is valid → reloaded, and the new phrasing answers
        edit = await asyncio.to_thread(kb_edit.add_phrasing, kb_copy, "wages_recovered", "拖欠工资要回来多少")
        assert edit.ok, edit.problem_lines()
        result = await _wait_for(results)
        assert result.ok and result.trigger == "watch"
        assert holder.engine.respond("拖欠工资要回来多少").entry_id == "wages_recovered"

        # a broken hand edit → the callback gets the problems, the old engine stays
        engine = holder.engine
        line = _break_faq(kb_copy)
        result = await _wait_for(results)
        assert not result.ok and holder.engine is engine
        assert str(result.problems[0]).startswith(f"{kb_copy / 'faq.yaml'}:{line}:")
    finally:
        await reloader.stop()
    assert task.done()


async def test_manual_reload_is_not_reported_twice_by_the_watcher(holder, kb_copy):
    reloader = Reloader(holder, kb_copy)
    results: asyncio.Queue = asyncio.Queue()

    async def callback(result):
        await results.put(result)

    reloader.start(callback, debounce_ms=600)  # the manual reload below starts first
    try:
        await asyncio.sleep(0.5)
        edit = await asyncio.to_thread(kb_edit.add_phrasing, kb_copy, "wages_recovered", "拖欠工资要回来多少")
        assert edit.ok
        assert (await reloader.reload("edit")).ok  # the caller reloads right away
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(results.get(), 1.5)
    finally:
        await reloader.stop()


async def test_stop_without_start_is_harmless(holder, kb_copy):
    await Reloader(holder, kb_copy).stop()


# --- a folder of packs ----------------------------------------------------------------

QINGLAN = __import__("pathlib").Path(__file__).parent / "data" / "qinglan"


@pytest.fixture
def packs(tmp_path, kb_copy):
    import shutil

    root = tmp_path / "packs"
    root.mkdir()
    shutil.copytree(kb_copy, root / "yiyang-2023")
    return root


async def test_a_pack_folder_dropped_in_is_picked_up_by_the_watcher(packs):
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    holder = EngineHolder(Engine(load_library(packs)))
    reloader = Reloader(holder, packs)
    results: asyncio.Queue = asyncio.Queue()

    async def callback(result):
        await results.put(result)

    reloader.start(callback, debounce_ms=100)
    try:
        await asyncio.sleep(0.5)
        staged = packs.parent / "staged"
        assert (await asyncio.to_thread(import_report, QINGLAN / "qinglan-2024.txt", staged)).ok
        staged.rename(packs / "qinglan-2024")  # dropped in, as an admin would copy a folder
        result = await _wait_for(results)
        assert result.ok and len(holder.engine.packs) == 2
        assert "3100余件" in holder.engine.respond("青岚市2024年法律援助案件多少件").answer
    finally:
        await reloader.stop()


async def test_a_broken_pack_keeps_its_previous_version_and_the_others_reload(packs):
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    assert import_report(QINGLAN / "qinglan-2024.txt", packs / "qinglan-2024").ok
    holder = EngineHolder(Engine(load_library(packs)))
    reloader = Reloader(holder, packs)
    kb_edit.add_phrasing(packs / "yiyang-2023", "wages_recovered", "拖欠工资要回来多少")
    (packs / "qinglan-2024" / "faq.yaml").write_text("version: 1\nfaqs: [\n", encoding="utf-8")
    result = await reloader.reload()
    assert not result.ok and result.swapped
    assert all("qinglan-2024" in p.path for p in result.problems)
    engine = holder.engine
    assert len(engine.packs) == 2  # the broken pack answers from its previous version
    assert "3100余件" in engine.respond("青岚市2024年法律援助案件多少件").answer
    assert engine.respond("拖欠工资要回来多少").entry_id == "wages_recovered"  # the good pack reloaded


def test_watch_filter_follows_pack_folders(packs):
    assert watch_filter(None, str(packs / "yiyang-2023" / "faq.yaml"))
    assert watch_filter(None, str(packs / "yiyang-2023" / "pack.yaml"))
    assert not watch_filter(None, str(packs / "yiyang-2023" / ".backups" / "faq.yaml"))
    assert not watch_filter(None, str(packs / ".qinglan-2024.import-x1" / "faq.yaml"))
