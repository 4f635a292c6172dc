"""Validation of a knowledge folder: every problem class, each with its path:line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

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
        p.path == str(path) and abs(p.line - line) <= 1 and p.message.startswith("YAML 格式错误：") for p in problems
    ), problems


def test_missing_field(kb_copy):
    path = kb_copy / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"\n    scope: .*", text)
    line = text[: text.index("  - id:")].count("\n") + 1
    path.write_text(text[: first.start()] + text[first.end() :], encoding="utf-8")
    assert f"{path}:{line}: 缺少字段 'scope'" in _messages(kb_copy)


def test_an_answer_leading_with_a_verdict_is_reported(kb_copy):
    """The engine says 是的/不是 to what was asked; an answer that says it itself would contradict
    a check of another claim ("是不是第二批" → "不是。…是的。…")."""
    path = kb_copy / "faq.yaml"
    line = _edit(path, '    answer: "益阳是首批', '    answer: "是的。益阳是首批')
    assert any(m.startswith(f"{path}:{line}: answer 请直接陈述事实") for m in _messages(kb_copy))


def test_unknown_field(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    topic: ", "    colour: red\n    topic: ")
    assert f"{path}:{line}: 未知字段 'colour'" in _messages(kb_copy)


def test_wrong_type(kb_copy):
    path = kb_copy / "metrics.yaml"
    line = _edit(path, "    year: 2023", "    year: twenty")
    assert f"{path}:{line}: 字段 'year' 应为整数，实际是 'twenty'" in _messages(kb_copy)


def test_duplicate_id_across_files(kb, kb_copy):
    faq_id = kb.faqs[0].id
    metric_id = kb.metrics[0].id
    path = kb_copy / "faq.yaml"
    line = _edit(path, f'- id: "{faq_id}"', f'- id: "{metric_id}"')
    expected = f"{path}:{line}: 编号 '{metric_id}' 重复（另见 metrics.yaml:{kb.metrics[0].line}）"
    assert expected in _messages(kb_copy)


def test_same_phrasing_under_two_entries(kb, kb_copy):
    faq = kb.faqs[1]
    metric = kb.metrics[0]
    path = kb_copy / "faq.yaml"
    text = path.read_text(encoding="utf-8")
    alt = faq.phrasings[1]
    line = _edit(path, f'"{alt}"', f'"{metric.phrasings[1]}"')
    assert text.count(f'"{alt}"') == 1
    assert any(
        m.startswith(f"{path}:{line}: 问法 '{metric.phrasings[1]}' 与条目 '{metric.id}' 的问法相同（metrics.yaml:")
        for m in _messages(kb_copy)
    )


def test_related_id_that_does_not_exist(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    related: [", '    related: ["no_such_entry", ')
    assert f"{path}:{line}: 相关条目 'no_such_entry' 不存在" in _messages(kb_copy)


def test_source_not_in_report(kb, kb_copy):
    path = kb_copy / "metrics.yaml"
    source = kb.metrics[0].source
    line = _edit(path, source, source.replace("益阳", "长沙", 1))
    assert f"{path}:{line}: source 不是 report.txt 中的原文" in _messages(kb_copy)


def test_a_source_of_several_passages_is_checked_line_by_line(kb, kb_copy):
    """An answer gathering passages ("honors") quotes each; every one must be the report's own."""
    path = kb_copy / "faq.yaml"
    honors = kb.entries["honors"]
    assert "\n" in honors.source and not _messages(kb_copy)
    last = honors.source.rsplit("\n", 1)[1]
    line = _edit(path, "\\n" + last, "\\n" + last.replace("全国", "全省", 1))  # (as written in the file)
    assert f"{path}:{line}: source 不是 report.txt 中的原文" in _messages(kb_copy)


def test_value_not_in_source(kb, kb_copy):
    path = kb_copy / "metrics.yaml"
    metric = next(m for m in kb.metrics if m.id == "body_cameras")
    line = _edit(path, f'value: "{metric.value}"', 'value: "4500台"')
    assert f"{path}:{line}: value '4500台' 没有原样出现在它的 source 中" in _messages(kb_copy)


def test_unknown_topic(kb_copy):
    path = kb_copy / "faq.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n    topic: (\S+)", text)
    line = text[: match.start() + 1].count("\n") + 1
    path.write_text(text[: match.start()] + "\n    topic: nowhere" + text[match.end() :], encoding="utf-8")
    assert f"{path}:{line}: 主题 'nowhere' 未在 topics.yaml 中定义" in _messages(kb_copy)


def test_wrong_version(kb_copy):
    path = kb_copy / "synonyms.yaml"
    line = _edit(path, "version: 1", "version: 2")
    assert f"{path}:{line}: 'version' 应为 1，实际是 2" in _messages(kb_copy)


def test_all_problems_reported_at_once(kb, kb_copy):
    _edit(kb_copy / "metrics.yaml", "    year: 2023", "    year: twenty")
    _edit(kb_copy / "faq.yaml", "    related: [", '    related: ["ghost", ')
    (kb_copy / "topics.yaml").write_text("version: 1\ntopics: [\n", encoding="utf-8")
    files = {Path(p.path).name for p in validate_dir(kb_copy)}
    assert {"metrics.yaml", "faq.yaml", "topics.yaml"} <= files


# --- a file that cannot be read reports one line, not a cascade ---------------------


def test_one_indentation_error_in_metrics_gives_exactly_one_problem(kb_copy):
    path = kb_copy / "metrics.yaml"
    line = _edit(path, "\n    scope: ", "\n     scope: ") + 1  # one space too many
    assert _messages(kb_copy) == [
        f"{path}:{line}: YAML 格式错误：这里不能出现“键: 值”（常见原因：缩进不对、冒号后缺空格，或文字含“: ”却没加引号）"
    ]


def test_cli_prints_that_one_line_relative_to_the_folder_given(kb_copy):
    import subprocess
    import sys

    line = _edit(kb_copy / "metrics.yaml", "\n    scope: ", "\n     scope: ") + 1
    done = subprocess.run(
        [sys.executable, "-m", "bot", "validate", str(kb_copy)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"metrics.yaml:{line}: YAML 格式错误：这里不能出现“键: 值”（常见原因：缩进不对、冒号后缺空格，或文字含“: ”却没加引号）"
    ]
    assert done.stderr.startswith("共发现 1 个问题")
    here = subprocess.run(  # no folder given: relative to the current directory
        [sys.executable, "-m", "bot", "validate"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=kb_copy.parent,
        env={**os.environ, "KNOWLEDGE_DIR": str(kb_copy)},
    )
    assert here.stdout.splitlines()[0].startswith(f"{kb_copy.name}/metrics.yaml:{line}: YAML 格式错误：")


def test_a_missing_faq_file_does_not_make_metrics_references_fail(kb_copy):
    (kb_copy / "faq.yaml").unlink()
    assert _messages(kb_copy) == [f"{kb_copy / 'faq.yaml'}:1: 缺少此文件"]


def test_an_unreadable_topics_file_stops_the_topic_checks(kb_copy):
    path = kb_copy / "topics.yaml"
    path.write_bytes(path.read_bytes().replace("政府".encode(), b"\xff\xfe", 1))
    assert _messages(kb_copy) == [f"{path}:1: 文件不是 UTF-8 编码，请另存为 UTF-8"]


def test_references_are_still_checked_when_every_file_parsed(kb_copy):
    path = kb_copy / "faq.yaml"
    line = _edit(path, "    related: [", '    related: ["ghost", ')
    _edit(kb_copy / "metrics.yaml", "    year: 2023", "    year: twenty")  # a shape problem, not a syntax error
    messages = _messages(kb_copy)
    assert f"{path}:{line}: 相关条目 'ghost' 不存在" in messages


def test_pack_yaml_problems_are_reported(kb_copy):
    path = kb_copy / "pack.yaml"
    line = _edit(path, "year: 2023", "year: 二〇二三")
    assert _messages(kb_copy) == [f"{path}:{line}: 字段 'year' 应为整数，实际是 '二〇二三'"]


def test_a_variant_listed_in_two_groups_is_reported_with_both_lines(kb_copy):
    """A variant repeated across groups is a problem named at its line, never a crash."""
    path = kb_copy / "synonyms.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + '\n  - canonical: "法治审核"\n    variants: ["法制审核"]\n', encoding="utf-8"
    )
    messages = _messages(kb_copy)
    assert any("法制审核" in m and "已在第" in m and "行列出" in m for m in messages), messages


@pytest.mark.parametrize("variant", ["…打官司", "帮…", "帮…打…官司"])
def test_a_gapped_variant_needs_words_on_both_sides_of_one_gap(kb_copy, variant):
    """ "帮…打官司" reads a description with the asker's words between; an edge or second gap is named."""
    path = kb_copy / "synonyms.yaml"
    text = path.read_text(encoding="utf-8") + f'\n  - canonical: "法治审核"\n    variants: ["{variant}"]\n'
    path.write_text(text, encoding="utf-8")
    line = len(text.rstrip("\n").splitlines())
    assert f"{path}:{line}: 变体 '{variant}' 中的“…”两边都要有字，且只能用一个“…”" in _messages(kb_copy)
