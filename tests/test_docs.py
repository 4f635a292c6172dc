"""The README and docs/ name only real commands, settings and files, and the README stays short."""

import re
from pathlib import Path

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]


def _subcommands() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if action.choices and isinstance(action.choices, dict):
            return set(action.choices)
    raise AssertionError("no subcommands in bot.cli.build_parser()")


def test_every_named_bot_subcommand_exists():
    known = _subcommands()
    named = {
        (doc.name, m) for doc in DOCS for m in re.findall(r"python -m bot ([a-z][a-z_-]*)", doc.read_text("utf-8"))
    }
    assert named, "no `python -m bot <sub>` found in the docs"
    unknown = sorted(f"{name}: {sub}" for name, sub in named if sub not in known)
    assert not unknown, unknown


def test_every_setting_in_a_settings_table_is_in_env_example():
    env = {line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text("utf-8").splitlines() if "=" in line}
    env = {k.strip() for k in env if not k.startswith("#")}
    missing = []
    seen = 0
    for doc in DOCS:
        for line in doc.read_text("utf-8").splitlines():
            if not line.startswith("| `"):
                continue
            first_cell = line.split("|")[1]
            for name in re.findall(r"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`", first_cell):
                seen += 1
                if name not in env:
                    missing.append(f"{doc.name}: {name}")
    assert seen >= 10, f"expected the settings tables, found {seen} settings"
    assert not missing, missing


def test_relative_links_in_readme_exist():
    links = re.findall(r"\]\(([^)\s]+)\)", README.read_text("utf-8"))
    relative = [link.split("#", 1)[0] for link in links if not re.match(r"[a-z]+:", link) and not link.startswith("#")]
    assert relative
    broken = [link for link in relative if not (ROOT / link).exists()]
    assert not broken, broken


def test_readme_is_short():
    assert len(README.read_text("utf-8").splitlines()) <= 150
