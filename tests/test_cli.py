"""`python -m bot …` as an operator runs it: real subprocesses."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=60,
    )


def test_ask_prints_the_answer():
    result = run("ask", "首违不罚了多少家企业")
    assert result.returncode == 0
    assert "6125家" in result.stdout and "原文" in result.stdout


def test_ask_json_shape():
    result = run("ask", "--json", "網上可辦率")
    data = json.loads(result.stdout)
    assert set(data) == {"status", "text", "entry_id", "score", "suggestions"}
    assert data["status"] == "answer" and data["entry_id"] == "online_rate"


def test_ask_json_batch_from_stdin_keeps_order():
    questions = ["执法记录仪配了多少台", "明天天气怎么样", "", "100%", "法援"]
    result = run("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(questions)
    assert rows[0]["entry_id"] == "body_cameras"
    assert rows[1]["status"] == "fallback"
    assert rows[3]["status"] == "clarify"


def test_ask_is_fast_and_does_not_import_telegram():
    code = (
        "import sys, time; t=time.perf_counter(); from bot.cli import main; "
        "main(['ask', '首违不罚']); print('ELAPSED', time.perf_counter()-t); "
        "print('TELEGRAM', any(m == 'telegram' or m.startswith('telegram.') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "TELEGRAM False" in result.stdout
    elapsed = float(result.stdout.split("ELAPSED ")[1].split()[0])
    print(f"\nask (load + answer, in process): {elapsed * 1000:.0f} ms")  # reported, not asserted


def test_validate_ok_and_errors(tmp_path):
    ok = run("validate")
    assert ok.returncode == 0
    faqs = len(yaml.safe_load((ROOT / "knowledge" / "yiyang-2023" / "faq.yaml").read_text(encoding="utf-8"))["faqs"])
    assert ok.stdout.startswith(f"校验通过：yiyang-2023（益阳市2023）：指标 52 条，问答 {faqs} 条，主题 20 个")
    bad = tmp_path / "knowledge"
    bad.mkdir()
    (bad / "faq.yaml").write_text("version: 1\nfaqs:\n  - id: x\n    question: [\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()  # paths relative to the folder given
    assert lines[0] == "report.txt:1: 缺少 report.txt：请把报告原文原样复制到这里"
    assert lines[1].startswith("topics.yaml:1: 缺少此文件")
    assert any(line.startswith("faq.yaml:5: YAML 格式错误：") for line in lines)
    assert "共发现" in result.stderr


def test_knowledge_option_and_invalid_kb_message(tmp_path):
    result = run("--knowledge", str(tmp_path), "ask", "首违不罚")
    assert result.returncode == 1
    assert "这里没有报告包" in result.stderr  # an empty folder: neither a pack nor packs
    (tmp_path / "metrics.yaml").write_text("version: 1\nmetrics: []\n", encoding="utf-8")
    result = run("--knowledge", str(tmp_path), "ask", "首违不罚")
    assert result.returncode == 1 and f"{tmp_path / 'report.txt'}:1: 缺少 report.txt" in result.stderr


def test_chat_with_follow_up_and_choice():
    result = run("chat", stdin="人民调解化解了多少纠纷\n那成功率呢？\n100%\n2\nq\n")
    out = result.stdout
    assert result.returncode == 0
    assert "10816起" in out and "93%" in out and "您是想问" in out
    assert out.count("100%") >= 2  # the chosen clarify option was answered


def test_default_without_token_starts_terminal_chat():
    result = run(stdin="首违不罚\n")
    assert "TELEGRAM_BOT_TOKEN" in result.stdout and "6125家" in result.stdout


def test_bad_setting_is_named():
    result = run("ask", "x", env={"ADMIN_IDS": "12,abc"})
    assert result.returncode == 2 and "ADMIN_IDS" in result.stderr


def test_ask_numbers_the_suggestions_under_the_reply():
    result = run("ask", "首违不罚了多少家企业")
    data = json.loads(run("ask", "--json", "首违不罚了多少家企业").stdout)
    assert "相关问题" in result.stdout
    for number, suggestion in enumerate(data["suggestions"][:3], 1):
        assert f"\n{number}. {suggestion['question']}\n" in result.stdout + "\n"
    out_of_scope = run("ask", "长沙市的网上可办率")
    data = json.loads(run("ask", "--json", "长沙市的网上可办率").stdout)
    assert "点选下面的问题" in out_of_scope.stdout and data["suggestions"]
    assert f"1. {data['suggestions'][0]['question']}" in out_of_scope.stdout


def test_ask_from_stdin_numbers_each_reply_on_its_own():
    result = run("ask", "-", stdin="首违不罚了多少家企业\n调解成功率\n")
    first, second = result.stdout.split("\n\n")
    assert "6125家" in first and "1. " in first
    assert second.startswith("您是想问") and "\n1. " in second and "\n2. " in second


def test_help_is_in_chinese_for_every_command():
    from bot.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {
        "ask",
        "chat",
        "validate",
        "run",
        "web",
        "settings",
        "report",
        "unanswered",
        "import",
        "bench",
        "tune",
    } <= set(commands)
    for name, sub in [("", parser), *commands.items()]:
        text = sub.format_help()
        assert text.startswith("用法：") and "显示本帮助并退出" in text, name
        for action in sub._actions:
            if action.help and action.help != "==SUPPRESS==":
                assert re.search(r"[\u4e00-\u9fff]", action.help), f"{name} {action.option_strings}: {action.help}"
    for action in parser._subparsers._group_actions[0]._choices_actions:
        assert re.search(r"[\u4e00-\u9fff]", action.help), action.dest


def test_a_usage_error_is_in_chinese():
    result = run("web", "--port", "x")
    assert result.returncode == 2 and "错误" in result.stderr and "端口应为 1–65535 的整数" in result.stderr


def test_settings_prints_the_env_example():
    result = run("settings")
    assert result.returncode == 0
    assert result.stdout == (ROOT / ".env.example").read_text(encoding="utf-8")
