"""Bounded validation (issue 11, fault 1): a ~400-byte YAML alias bomb, huge values and slow
checks cost the bot nothing — quick `path:line` problems, short messages, and the bot keeps
answering while it validates."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_telegram_admin import ADMIN_ID, CITIZEN_ID, admin_app, feed, files_api, message  # noqa: F401

from bot.engine.engine import Engine, EngineHolder
from bot.knowledge.isolated import validate_isolated
from bot.knowledge.load import load_knowledge
from bot.knowledge.reload import Reloader
from bot.knowledge.validate import validate_dir
from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

ROOT = Path(__file__).resolve().parent.parent


def alias_bomb(levels: int = 8, width: int = 8) -> str:
    """synonyms.yaml whose variants are width**levels strings once the aliases are written out
    (the shape from the issue: `a1: &a1 [*a0,*a0,…]`, nested `levels` deep)."""
    lines = ["version: 1", 'a0: &a0 ["法援"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * width) + "]" for n in range(1, levels + 1)]
    lines += ["synonyms:", '  - canonical: "法律援助"', f"    variants: *a{levels}"]
    return "\n".join(lines) + "\n"


def alias_lines(text: str) -> set[int]:
    return {n for n, line in enumerate(text.splitlines(), 1) if "*a" in line}


def test_the_bomb_is_small():
    assert len(alias_bomb().encode("utf-8")) < 450


def test_loader_refuses_the_bomb_at_the_alias_line():
    text = alias_bomb()
    started = time.perf_counter()
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(text)
    assert time.perf_counter() - started < 1
    assert caught.value.line in alias_lines(text)
    assert caught.value.message.startswith("YAML 被拒绝：别名")


@pytest.mark.parametrize(
    "text, words",
    [
        ("a: &r [*r]\n", "YAML 被拒绝：别名引用了包含它自身的集合"),  # an alias inside its own anchor
        ("x: " + "[" * 80 + "]" * 80 + "\n", "YAML 被拒绝：嵌套超过 50 层"),
        (
            "a: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(150)),
            "YAML 被拒绝：别名（*名称）超过 100 个，请把值直接写出",
        ),
    ],
)
def test_loader_refuses_other_unbounded_documents(text, words):
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(text)
    assert caught.value.message == words


def test_loader_still_reads_a_few_aliases():
    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_validate_returns_quickly_with_a_file_line_problem(kb_copy):
    bomb = alias_bomb()
    (kb_copy / "synonyms.yaml").write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    problems = validate_dir(kb_copy)
    assert time.perf_counter() - started < 5
    mine = [p for p in problems if p.path.endswith("synonyms.yaml")]
    assert len(mine) == 1 and mine[0].line in alias_lines(bomb) and "别名" in mine[0].message
    assert all(len(p.message) <= 300 for p in problems)


def test_cli_validate_on_the_bomb_exits_1_quickly(kb_copy):
    (kb_copy / "synonyms.yaml").write_text(alias_bomb(), encoding="utf-8")
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "validate", str(kb_copy)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("python -m bot validate did not finish within 30 s")
    assert time.monotonic() - started < 15
    assert done.returncode == 1, done.stderr[-2000:]
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["synonyms.yaml"]  # relative to the folder
    assert len(done.stdout) < 5000


def test_a_huge_value_is_shown_as_a_short_preview(kb_copy):
    path = kb_copy / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("number:"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f'{indent}number: "{"九" * 200_000}"\n'
    path.write_text("".join(lines), encoding="utf-8")
    problems = validate_dir(kb_copy)
    shown = [p for p in problems if p.line == index + 1]
    assert shown and shown[0].message.startswith("字段 'number' 应为数字，实际是 '九九")
    assert len(shown[0].message) < 300 and shown[0].message.endswith("…'（另有 199940 字）")


def test_isolated_validation_has_a_time_limit(kb_copy):
    problems = validate_isolated(kb_copy, timeout=0.01)  # not even the interpreter starts
    assert len(problems) == 1 and problems[0].message == "校验超过 0 秒，已停止；改动没有生效"


def test_isolated_validation_reports_the_same_problems(kb_copy):
    (kb_copy / "synonyms.yaml").write_text(alias_bomb(), encoding="utf-8")
    assert validate_isolated(kb_copy) == validate_dir(kb_copy)
    assert validate_isolated(Path(__file__).parent.parent / "knowledge") == []


async def test_watcher_reload_of_the_bomb_keeps_the_old_engine(kb_copy):
    holder = EngineHolder(Engine(load_knowledge(kb_copy)))
    old = holder.engine
    (kb_copy / "synonyms.yaml").write_text(alias_bomb(), encoding="utf-8")
    result = await Reloader(holder, kb_copy, validate_isolated).reload("watch")
    assert not result.ok and holder.engine is old
    assert [p.path.endswith("synonyms.yaml") for p in result.problems] == [True]


async def test_admin_upload_of_the_bomb_gets_a_bounded_reply_and_the_bot_keeps_answering(admin_app, files_api, kb_copy):
    before = (kb_copy / "synonyms.yaml").read_bytes()
    files_api.files["bomb"] = alias_bomb().encode("utf-8")
    upload = message("", update_id=1)
    del upload["message"]["text"]
    upload["message"]["document"] = {
        "file_id": "bomb",
        "file_unique_id": "b",
        "file_name": "synonyms.yaml",
        "file_size": len(files_api.files["bomb"]),
    }
    question = message("首违不罚了多少家企业", user_id=CITIZEN_ID, update_id=2)
    started = time.monotonic()
    await asyncio.wait_for(asyncio.gather(feed(admin_app, upload), feed(admin_app, question)), 30)
    assert time.monotonic() - started < 15
    to_admin = [c for c in files_api.calls if c.method == "sendMessage" and c.params["chat_id"] == ADMIN_ID]
    to_citizen = [c for c in files_api.calls if c.method == "sendMessage" and c.params["chat_id"] == CITIZEN_ID]
    assert len(to_admin) == 1 and len(to_admin[0].params["text"]) < 2000
    assert "❌" in to_admin[0].params["text"] and "<code>synonyms.yaml:" in to_admin[0].params["text"]
    assert len(to_citizen) == 1 and "6125家" in to_citizen[0].params["text"]
    assert (kb_copy / "synonyms.yaml").read_bytes() == before
