"""Knowledge versions on Redis (bot/storage/redis_state.KnowledgeSync): an edit loaded on one
instance reaches another's answers within 2 s, without a file watcher on the second (a real
redis-server; the two instances share the knowledge folder, as a shared volume)."""

from __future__ import annotations

import asyncio
import shutil
import time

from bot.config import DEFAULT_KNOWLEDGE_DIR
from bot.engine.engine import Engine, EngineHolder
from bot.knowledge.edit import add_phrasing
from bot.knowledge.packs import load_library
from bot.knowledge.reload import Reloader
from bot.storage.redis_state import KnowledgeSync, RedisLink

QUESTION = "益阳的吉祥物叫什么名字"


async def test_an_edit_on_one_instance_reaches_the_other_within_2_s(tmp_path, redis_server):
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, folder, ignore=shutil.ignore_patterns(".backups"))
    a_holder, b_holder = (EngineHolder(Engine(load_library(folder))) for _ in range(2))
    assert b_holder.engine.respond(QUESTION).status != "answer"
    a_link, b_link = RedisLink(redis_server.url), RedisLink(redis_server.url)
    a_reloader, b_reloader = Reloader(a_holder, folder), Reloader(b_holder, folder)
    for reloader in (a_reloader, b_reloader):
        reloader.mark_loaded()
    a, b = KnowledgeSync(a_link, a_reloader, every=30), KnowledgeSync(b_link, b_reloader, every=30)
    stop = asyncio.Event()
    listening = asyncio.create_task(b.run(stop))
    try:
        await asyncio.sleep(0.3)  # B has subscribed
        entry_id = a_holder.engine.knowledge.faqs[0].id
        written = await asyncio.to_thread(add_phrasing, _pack_of(folder, entry_id), entry_id, QUESTION)
        assert written.ok, written
        result = await a_reloader.reload("edit", only_if_changed=True)
        assert result.ok, result.describe()
        await a.on_reload(result)  # A publishes the version it loaded
        published = time.monotonic()
        while b_holder.engine.respond(QUESTION).status != "answer":
            assert time.monotonic() - published < 2.0, "B did not reload within 2 s of the version"
            await asyncio.sleep(0.02)
        assert b.received >= 1
    finally:
        stop.set()
        await listening
        await a_link.close()
        await b_link.close()


def _pack_of(folder, entry_id):
    for faq in sorted(folder.rglob("faq.yaml")):
        if f'id: "{entry_id}"' in faq.read_text("utf-8"):
            return faq.parent
    raise AssertionError(entry_id)
