"""Issue 17 (6, 7): long replies split in linear time, off the event loop when large; /data
echoes at most a capped query; the admin's import reply is bounded."""

from __future__ import annotations

import asyncio
import threading

from test_telegram_units import feed, text_update

from benchmarks.fake_bot_api import plain_text
from handlers import common, render
from handlers.data import MAX_QUERY_CHARS


def _counting_utf16(monkeypatch) -> list[int]:
    calls = [0]
    original = render.utf16_len

    def counted(text: str) -> int:
        calls[0] += 1
        return original(text)

    monkeypatch.setattr(render, "utf16_len", counted)
    return calls


def test_splitting_one_long_line_measures_each_character_a_bounded_number_of_times(monkeypatch):
    """The old splitter re-measured the whole piece for every character it added (8 K
    characters: 10 s); now each atom is measured a few times at most."""
    calls = _counting_utf16(monkeypatch)
    line = "<b>" + "字" * 20_000 + "</b>"
    chunks = render.split_message(line)
    assert "".join(plain_text(c) for c in chunks) == "字" * 20_000
    assert all(render.utf16_len(c) <= render.MAX_MESSAGE_CHARS for c in chunks)
    assert calls[0] <= 4 * 20_000, calls[0]


def test_splitting_many_short_lines_is_linear_too(monkeypatch):
    calls = _counting_utf16(monkeypatch)
    text = "\n".join(["一二三"] * 30_000)
    chunks = render.split_message(text)
    assert "\n".join(chunks).split("\n") == ["一二三"] * 30_000
    assert calls[0] <= 4 * 4 * 30_000, calls[0]


async def test_a_large_reply_is_split_off_the_event_loop(monkeypatch):
    threads = []
    original = render.split_message

    def recording(text, limit=render.MAX_MESSAGE_CHARS):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(text, limit)

    monkeypatch.setattr(common, "split_message", recording)
    assert await common.split_html("短") == ["短"]
    assert len(await common.split_html("字\n" * 20_000)) > 1
    assert threads == [True, False]  # the short one inline, the long one in a worker thread
    await asyncio.sleep(0)


async def test_data_with_4090_characters_is_refused_in_one_line_without_searching(telegram_app, bot_api, monkeypatch):
    from bot.retrieval import lookup

    searched = []
    monkeypatch.setattr(lookup, "search", lambda engine, query: searched.append(query) or [])
    query = "a" * 4090
    await feed(telegram_app, text_update(f"/data {query}"))
    sent = [c for c in bot_api.calls if c.method == "sendMessage"]
    assert len(sent) == 1
    text = sent[0].params["text"]
    assert "关键词太长" in text and "4090" in text and "a" * 20 not in text
    assert searched == []
    await feed(telegram_app, text_update("/data " + "执法" * (MAX_QUERY_CHARS // 2)))
    assert searched == ["执法" * (MAX_QUERY_CHARS // 2)]
