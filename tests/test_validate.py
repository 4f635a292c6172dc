"""Validation of a knowledge folder: every problem class, each with its path:line."""

from __future__ import annotations

import re
from pathlib import Path

from bot.knowledge.validate import validate_dir


def test_real_knowledge_base_validates():
    root = Path(__file__).parent.parent / "knowledge"
    assert validate_dir(root / "yiyang-2023") == []
    from bot.knowledge.packs import validate_library

    assert validate_library(root) == []  # the folder of packs


# --- validation: one test per error class, each checking path:line ----------------


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[:index].count("\n") + 1


def _messages(directory: Path) -> list[str]:
    return [str(p) for p in validate_dir(directory)]


def test_yaml_syntax_error_reports_parser_line(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    question: ", "    question: [unclosed ")
    problems = validate_dir(kb_copy)
    assert any(
        p.path == str(path) and abs(p.line - line) <= 1 and "YAML syntax error" in p.message for p in problems
    ), problems


def test_missing_field(kb_copy):
    path = kb_copy / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"\n    scope: .*", text)
    line = text[: text.index("  - id:")].count("\n") + 1
    path.write_text(text[: first.start()] + text[first.end() :], encoding="utf-8")
    assert f"{path}:{line}: missing field 'scope'" in _messages(kb_copy)


def test_unknown_field(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    topic: ", "    colour: red\n    topic: ")
    assert f"{path}:{line}: unknown field 'colour'" in _messages(kb_copy)


def test_wrong_type(kb_copy):
    path = kb_copy / "metrics.yaml"
    line = _edit(path, "    year: 2023", "    year: twenty")
    assert any(m.startswith(f"{path}:{line}: field 'year' must be a integer") for m in _messages(kb_copy))


def test_duplicate_id_across_files(kb, kb_copy):
    faq_id = kb.faqs[0].id
    metric_id = kb.metrics[0].id
    path = kb_copy / "faq.yaml"
    line = _edit(path, f'- id: "{faq_id}"', f'- id: "{metric_id}"')
    assert any(m.startswith(f"{path}:{line}: duplicate id '{metric_id}'") for m in _messages(kb_copy))


def test_same_phrasing_under_two_entries(kb, kb_copy):
    faq = kb.faqs[1]
    metric = kb.metrics[0]
    path = kb_copy / "faq.yaml"
    text = path.read_text(encoding="utf-8")
    alt = faq.phrasings[1]
    line = _edit(path, f'"{alt}"', f'"{metric.phrasings[1]}"')
    assert text.count(f'"{alt}"') == 1
    assert any(m.startswith(f"{path}:{line}: phrasing ") and metric.id in m for m in _messages(kb_copy))


def test_related_id_that_does_not_exist(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    related: [", '    related: ["no_such_entry", ')
    assert f"{path}:{line}: related id 'no_such_entry' does not exist" in _messages(kb_copy)


def test_source_not_in_report(kb, kb_copy):
    path = kb_copy / "metrics.yaml"
    source = kb.metrics[0].source
    line = _edit(path, source, source.replace("益阳", "长沙", 1))
    assert f"{path}:{line}: source is not a verbatim part of report.txt" in _messages(kb_copy)


def test_value_not_in_source(kb, kb_copy):
    path = kb_copy / "metrics.yaml"
    metric = next(m for m in kb.metrics if m.id == "body_cameras")
    line = _edit(path, f'value: "{metric.value}"', 'value: "4500台"')
    assert f"{path}:{line}: value '4500台' is not written verbatim in its source" in _messages(kb_copy)


def test_unknown_topic(kb_copy):
    path = kb_copy / "faq.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n    topic: (\S+)", text)
    line = text[: match.start() + 1].count("\n") + 1
    path.write_text(text[: match.start()] + "\n    topic: nowhere" + text[match.end() :], encoding="utf-8")
    assert f"{path}:{line}: topic 'nowhere' is not defined in topics.yaml" in _messages(kb_copy)


def test_wrong_version(kb_copy):
    path = kb_copy / "synonyms.yaml"
    line = _edit(path, "version: 1", "version: 2")
    assert f"{path}:{line}: 'version' must be 1, got 2" in _messages(kb_copy)


def test_all_problems_reported_at_once(kb, kb_copy):
    _edit(kb_copy / "metrics.yaml", "    year: 2023", "    year: twenty")
    _edit(kb_copy / "faq.yaml", "    related: [", '    related: ["ghost", ')
    (kb_copy / "topics.yaml").write_text("version: 1\ntopics: [\n", encoding="utf-8")
    files = {Path(p.path).name for p in validate_dir(kb_copy)}
    assert {"metrics.yaml", "faq.yaml", "topics.yaml"} <= files
