"""Replay tests/conversations/*.yaml through the engine's chat API (as the terminal chat does)."""

from pathlib import Path

import pytest
import yaml

from bot.engine.engine import Conversation

FILES = sorted((Path(__file__).parent / "conversations").glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_conversation(engine, path):
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    chat = Conversation()
    for number, turn in enumerate(script["turns"], 1):
        if "press" in turn:
            response = engine.answer_entry(turn["press"], chat, now=number)
        else:
            response = engine.respond(turn["user"], chat, now=number)
        where = f"{path.name} turn {number}"
        assert response.status == turn["status"], (where, response.text)
        if "entry_id" in turn:
            assert response.entry_id == turn["entry_id"], (where, response.text)
        for fragment in turn.get("contains", []):
            assert fragment in response.text, (where, fragment, response.text)
        for fragment in turn.get("not_contains", []):
            assert fragment not in response.text, (where, fragment, response.text)


def test_there_are_conversations():
    assert len(FILES) >= 3
