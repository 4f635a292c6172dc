"""Safe knowledge edits: add a phrasing (round trip), replace a file."""

from __future__ import annotations

import difflib
import io

import pytest
import yaml

from bot.engine.engine import Engine, EngineHolder
from bot.knowledge import backups as kb_backups
from bot.knowledge import edit as kb_edit
from bot.knowledge.load import load_knowledge
from bot.knowledge.model import KNOWLEDGE_FILES, knowledge_file_name
from bot.knowledge.reload import Reloader


def _added_lines(before: str, after: str) -> list[str]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [l for l in diff if l.startswith("- ")]
    assert removed == [], removed
    return [l[2:] for l in diff if l.startswith("+ ")]


@pytest.mark.parametrize("name", KNOWLEDGE_FILES)
def test_round_trip_of_unchanged_files_is_byte_identical(name, kb_copy):
    text = (kb_copy / name).read_text(encoding="utf-8")
    parser = kb_edit._yaml(text)
    out = io.StringIO()
    parser.dump(parser.load(text), out)
    assert out.getvalue() == text


async def test_add_alternate_keeps_comments_and_then_matches(kb_copy):
    question, entry_id = "小区里的矛盾找谁调", "multi_resolution_mode"
    holder = EngineHolder(Engine(load_knowledge(kb_copy)))
    assert holder.engine.respond(question).status != "answer"
    before = (kb_copy / "faq.yaml").read_text(encoding="utf-8")

    result = kb_edit.add_phrasing(kb_copy, entry_id, question)
    assert result.ok and result.changed and result.file == "faq.yaml", result.problem_lines()
    after = (kb_copy / "faq.yaml").read_text(encoding="utf-8")
    assert _added_lines(before, after) == [f'      - "{question}"']
    header = [l for l in before.splitlines() if l.startswith("#")]
    assert header and header == [l for l in after.splitlines() if l.startswith("#")]
    assert result.backup is not None and result.backup.read_text(encoding="utf-8") == before
    assert result.backup.parent == kb_copy / ".backups"

    assert (await Reloader(holder, kb_copy).reload("edit")).ok
    response = holder.engine.respond(question)
    assert (response.status, response.entry_id) == ("answer", entry_id)


async def test_add_alias_to_a_metric_then_matches(kb_copy):
    question, entry_id = "血汗钱帮着拿回来多少", "wages_recovered"
    holder = EngineHolder(Engine(load_knowledge(kb_copy)))
    assert holder.engine.respond(question).status != "answer"
    before = (kb_copy / "metrics.yaml").read_text(encoding="utf-8")

    result = kb_edit.add_phrasing(kb_copy, entry_id, f"  {question}\n")
    assert result.ok and result.file == "metrics.yaml" and "aliases" in result.message
    after = (kb_copy / "metrics.yaml").read_text(encoding="utf-8")
    assert _added_lines(before, after) == [f'      - "{question}"']
    # inserted right after the entry's last alias
    data = yaml.safe_load(after)
    entry = next(m for m in data["metrics"] if m["id"] == entry_id)
    assert entry["aliases"][-1] == question

    assert (await Reloader(holder, kb_copy).reload()).ok
    assert holder.engine.respond(question).entry_id == entry_id


def test_special_characters_survive_quoting(kb_copy):
    tricky = '益阳是不是示范市啊？ "引号" #井号: 冒号 \\ 反斜杠'
    result = kb_edit.add_phrasing(kb_copy, "national_demo_city", tricky)
    assert result.ok, result.problem_lines()
    data = yaml.safe_load((kb_copy / "faq.yaml").read_text(encoding="utf-8"))
    entry = next(f for f in data["faqs"] if f["id"] == "national_demo_city")
    assert entry["alternates"][-1] == tricky
    assert load_knowledge(kb_copy).entries["national_demo_city"].phrasings[-1] == tricky


def test_phrasing_of_another_entry_is_refused_and_nothing_changes(kb_copy):
    before = {name: (kb_copy / name).read_bytes() for name in KNOWLEDGE_FILES}
    result = kb_edit.add_phrasing(kb_copy, "body_cameras", "两法衔接排名")
    assert not result.ok and not result.changed
    assert result.problems and "two_laws_ranking" in result.problems[0].message
    assert result.problems[0].path == str(kb_copy / "metrics.yaml")
    line = result.problem_lines(short=True)[0]
    assert line.startswith("metrics.yaml:") and "kb-check" not in line
    assert "/tmp/kb-check" not in str(result.problems[0])
    assert {name: (kb_copy / name).read_bytes() for name in KNOWLEDGE_FILES} == before
    assert kb_backups.list_backups(kb_copy) == []


def test_unknown_entry_and_empty_phrasing(kb_copy):
    assert not kb_edit.add_phrasing(kb_copy, "no_such_entry", "随便问问").ok
    assert not kb_edit.add_phrasing(kb_copy, "body_cameras", " ？？ ").ok
    assert kb_backups.list_backups(kb_copy) == []


def test_existing_phrasing_is_a_no_op(kb_copy):
    existing = load_knowledge(kb_copy).entries["body_cameras"].phrasings[1]
    result = kb_edit.add_phrasing(kb_copy, "body_cameras", existing)
    assert result.ok and not result.changed
    assert kb_backups.list_backups(kb_copy) == []


def test_find_entry(kb_copy):
    assert kb_edit.find_entry(kb_copy, "body_cameras") == ("metrics.yaml", "aliases")
    assert kb_edit.find_entry(kb_copy, "proof_free_city") == ("faq.yaml", "alternates")
    assert kb_edit.find_entry(kb_copy, "nope") is None


# --- replacing a whole file ---------------------------------------------------


def test_replace_file_after_validation_with_backup(kb_copy):
    path = kb_copy / "synonyms.yaml"
    old = path.read_bytes()
    new = old + '\n  - canonical: "执法记录仪"\n    variants: ["记录仪器材"]\n'.encode()
    result = kb_edit.replace_file(kb_copy, "synonyms.yaml", new)
    assert result.ok and result.changed, result.problem_lines()
    assert path.read_bytes() == new
    assert result.backup.read_bytes() == old
    assert [b.file for b in kb_backups.list_backups(kb_copy)] == ["synonyms.yaml"]
    assert not list(kb_copy.glob(".*.tmp"))  # no temporary file left behind


def test_broken_upload_changes_nothing_and_reports_path_line(kb_copy):
    before = {name: (kb_copy / name).read_bytes() for name in KNOWLEDGE_FILES}
    text = before["faq.yaml"].decode()
    lines = text.splitlines(keepends=True)
    bad = next(i for i, l in enumerate(lines) if l.strip().startswith("topic:"))
    lines[bad] = lines[bad].replace("topic:", "topik:")
    result = kb_edit.replace_file(kb_copy, "faq.yaml", "".join(lines).encode())
    assert not result.ok and "未作任何改动" in result.message
    shown = result.problem_lines(short=True)
    assert f"faq.yaml:{bad + 1}: 未知字段 'topik'" in shown
    assert any(s.startswith("faq.yaml:") and s.endswith(": 缺少字段 'topic'") for s in shown)
    assert str(result.problems[0]).startswith(str(kb_copy / "faq.yaml") + ":")
    assert {name: (kb_copy / name).read_bytes() for name in KNOWLEDGE_FILES} == before
    assert kb_backups.list_backups(kb_copy) == []


def test_upload_syntax_error_line(kb_copy):
    lines = (kb_copy / "topics.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, l in enumerate(lines) if l.startswith("    title:"))
    lines[index] = "      " + lines[index].lstrip()  # indented too far
    result = kb_edit.replace_file(kb_copy, "topics.yaml", "".join(lines).encode())
    assert not result.ok
    assert result.problem_lines(short=True) == [
        f"topics.yaml:{index + 1}: YAML 格式错误：这里不能出现“键: 值”（常见原因：缩进不对、冒号后缺空格，或文字含“: ”却没加引号）"
    ]


def test_upload_names_and_encodings(kb_copy):
    good = (kb_copy / "topics.yaml").read_bytes()
    assert not kb_edit.replace_file(kb_copy, "report.txt", good).ok
    assert not kb_edit.replace_file(kb_copy, "faq (1).yaml", good).ok
    assert not kb_edit.replace_file(kb_copy, "../faq.yaml.exe", good).ok
    assert knowledge_file_name("/some/where/FAQ.yaml") == "faq.yaml"
    latin = kb_edit.replace_file(kb_copy, "topics.yaml", good.replace("总体成效".encode(), b"\xff\xfe"))
    assert not latin.ok and "UTF-8" in latin.problems[0].message
    same = kb_edit.replace_file(kb_copy, "topics.yaml", good)
    assert same.ok and not same.changed
    bom = kb_edit.replace_file(kb_copy, "topics.yaml", b"\xef\xbb\xbf" + good)  # Notepad's BOM
    assert bom.ok and not bom.changed
    assert (kb_copy / "topics.yaml").read_bytes() == good
    assert kb_backups.list_backups(kb_copy) == []
