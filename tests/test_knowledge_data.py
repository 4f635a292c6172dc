"""Fidelity of the shipped knowledge base to the report: sources, figures, completeness."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED_REPORT

from bot.knowledge.validate import FIGURE_RE

# Numbers in report.txt that are not figures: years, and TV channel names.
NOT_FIGURES = re.compile(r"(?<![\d.])20\d\d(?=年)|CCTV-\d+")


def test_report_copy_is_verbatim(kb):
    if not SHARED_REPORT.exists():
        pytest.skip("shared/ report not beside the project")
    assert kb.report == SHARED_REPORT.read_text(encoding="utf-8")


def test_every_source_is_verbatim_in_report(kb):
    for entry in kb.entries.values():  # one passage per line (an answer gathering several: honors)
        assert all(passage in kb.report for passage in entry.source.split("\n")), entry.id


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
