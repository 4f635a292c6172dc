"""Fidelity of the knowledge base to the report, and validation messages (path:line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED_REPORT

from bot.knowledge.base import FIGURE_RE, KnowledgeError, load_knowledge, validate_dir

# Numbers in report.txt that are not figures: years, and TV channel names.
NOT_FIGURES = re.compile(r"(?<![\d.])20\d\d(?=年)|CCTV-\d+")


def test_report_copy_is_verbatim(kb):
    if not SHARED_REPORT.exists():
        pytest.skip("shared/ report not beside the project")
    assert kb.report == SHARED_REPORT.read_text(encoding="utf-8")


def test_every_source_is_verbatim_in_report(kb):
    for entry in kb.entries.values():
        assert entry.source in kb.report, entry.id


def test_every_printed_figure_is_in_report(kb):
    for entry in kb.entries.values():
        for text in (entry.answer, entry.value):
            for figure in FIGURE_RE.findall(text):
                assert figure in kb.report, (entry.id, figure)
        if entry.is_metric:
            assert entry.value in entry.source, entry.id
            assert entry.value in entry.answer, entry.id


def test_every_report_number_is_covered_by_a_metric(kb):
    covered = " ".join(f"{m.value} {m.title} {m.source}" for m in kb.metrics)
    spans = [(m.start(), m.end()) for m in NOT_FIGURES.finditer(kb.report)]
    numbers = [m for m in re.finditer(r"\d+(?:\.\d+)?", kb.report) if not any(a <= m.start() < b for a, b in spans)]
    assert numbers, "the report has figures"
    missing = []
    for match in numbers:
        figure = match.group(0)
        owners = [m for m in kb.metrics if figure in m.value or figure in m.title]
        # the figure must be the value (or named in the name) of a metric quoting that sentence
        if not any(
            match.start() >= kb.report.find(m.source) and match.end() <= kb.report.find(m.source) + len(m.source)
            for m in owners
        ):
            missing.append(figure)
    assert not missing, f"figures without a metric row: {missing}"
    assert covered


def test_metric_rows_are_complete(kb):
    assert len(kb.metrics) >= 50
    for m in kb.metrics:
        assert len(m.phrasings) >= 4, m.id  # name + at least 3 aliases
        assert m.qualifier in (None, "余", "近", "多", "约")
        if m.qualifier:
            assert m.qualifier in m.value, m.id
        assert m.topic in kb.topics and m.year == 2023


def test_faq_entries_are_complete(kb):
    assert len(kb.faqs) >= 40
    for f in kb.faqs:
        assert len(f.phrasings) >= 5, f.id  # question + at least 4 alternates
        assert f.related and all(r in kb.entries for r in f.related), f.id


def test_every_topic_is_browsable(kb):
    for section in kb.sections():
        leaves = kb.children(section.id) or [section]
        assert any(kb.entries_in(t.id) for t in leaves), section.id


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


def test_loading_invalid_knowledge_fails_with_same_messages(kb_copy):
    _edit(kb_copy / "faq.yaml", "    related: [", '    related: ["ghost", ')
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert [str(p) for p in caught.value.problems] == _messages(kb_copy)
