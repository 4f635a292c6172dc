"""The one table of validation messages (bot.knowledge.messages): Chinese, complete, bounded."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from bot.knowledge.messages import MAX_MESSAGE_CHARS, MESSAGES, YAML_PROBLEMS, cut, say, shown, yaml_problem
from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

KNOWLEDGE_CODE = Path(__file__).resolve().parent.parent / "bot" / "knowledge"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_is_chinese():
    for code, template in MESSAGES.items():
        assert CHINESE.search(template), code
    for english, chinese in YAML_PROBLEMS:
        assert CHINESE.search(chinese), english


def _codes_used() -> set[str]:
    """The message codes passed to say(), Collector.add(), _refuse() and YamlSyntaxError()."""
    position = {"say": 0, "add": 2, "_refuse": 1, "YamlSyntaxError": 1}
    used = set()
    for path in KNOWLEDGE_CODE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            index = position.get(name)
            if index is not None and len(node.args) > index and isinstance(node.args[index], ast.Constant):
                used.add(node.args[index].value)
    return used


def test_every_code_used_in_the_knowledge_modules_is_in_the_table():
    used = _codes_used()
    assert len(used) > 30 and used <= set(MESSAGES), used - set(MESSAGES)
    assert set(MESSAGES) - used == set()  # no message left behind


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_template_fills_with_its_own_fields(code):
    fields = {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name}
    text = say(code, **{name: "x" for name in fields})
    assert "{" not in text and len(text) <= MAX_MESSAGE_CHARS


def test_parser_problems_in_chinese_and_unknown_ones_kept():
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml("a:\n\tb: 1\n")
    assert caught.value.line == 2 and caught.value.message == "YAML 格式错误：含有制表符（Tab），请改用空格缩进"
    assert yaml_problem("something new") == "解析器报告“something new”"


def test_values_are_bounded():
    message = say("phrasing_taken", text="问" * 1000, owner="a", where="faq.yaml:3")
    assert len(message) < MAX_MESSAGE_CHARS + 20 and message.endswith("…（另有 731 字）")
    assert cut("一 二\n三") == "一 二 三" and cut("九" * 100) == "九" * 60 + "…（另有 40 字）"
    assert shown("九" * 100) == "'" + "九" * 60 + "…'（另有 40 字）"
    assert shown([1, 2]) == "含 2 项的列表" and shown({"a": 1}) == "含 1 个字段的映射"
    assert shown(None) == "null（空）" and shown(True) == "true" and shown(2.5) == "2.5"
