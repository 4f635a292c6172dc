"""The knowledge model: navigation of a loaded pack, problems as `path:line: message`."""

from __future__ import annotations

from bot.knowledge.model import KNOWLEDGE_FILES, KnowledgeError, Problem, knowledge_file_name


def test_problem_and_error_text():
    problems = [Problem("faq.yaml", 3, "甲"), Problem("metrics.yaml", 9, "乙")]
    assert str(problems[0]) == "faq.yaml:3: 甲"
    error = KnowledgeError(problems)
    assert error.problems == problems and str(error) == "faq.yaml:3: 甲\nmetrics.yaml:9: 乙"


def test_knowledge_file_name():
    assert knowledge_file_name("/some/where/FAQ.yaml") == "faq.yaml"
    assert knowledge_file_name(" metrics.yaml ") == "metrics.yaml"
    assert knowledge_file_name("report.txt") is None and knowledge_file_name("") is None
    assert all(knowledge_file_name(name) == name for name in KNOWLEDGE_FILES)


def test_navigation(kb):
    for entry in kb.entries.values():
        section = kb.section_of(entry.topic)
        assert section is not None and section.parent is None, entry.id
        assert entry in kb.entries_in(entry.topic)
        assert entry not in kb.quoting_same_source(entry)
        assert all(other.source == entry.source for other in kb.quoting_same_source(entry))
        for other in entry.related:
            assert entry in kb.referring_to(other)
    assert len(kb.metrics) + len(kb.faqs) == len(kb.entries)
    assert {t.id for t in kb.sections()} == {t.id for t in kb.topics.values() if t.parent is None}
    assert kb.covered == ["益阳市2023年的报告"]
    assert kb.outline() and all(heading and line for heading, line in kb.outline())
