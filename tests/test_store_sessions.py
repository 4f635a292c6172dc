"""The SessionStore interface: one suite, every implementation (memory, the shared SQLite
file, Redis), so follow-ups behave the same on one worker, several, or several machines."""

from __future__ import annotations

import asyncio

import pytest
from store_fixtures import Clock, backend  # noqa: F401

from bot.engine.conversation import Conversation
from bot.storage.interfaces import SessionStore, conversation_of

SESSION = "tab-0001-abcdefgh"


async def test_is_a_session_store(backend):
    _, make, _ = backend
    assert isinstance(make(600, Clock()), SessionStore)


async def test_context_saved_on_one_instance_is_read_on_another(backend):
    _, make, _ = backend
    clock = Clock()
    one, two = make(600, clock), make(600, clock)
    async with conversation_of(one, SESSION) as conversation:
        assert conversation == Conversation(ttl_seconds=600)  # nothing saved yet
        conversation.remember("people_mediation_disputes", clock.now)
        conversation.last_year, conversation.last_text = 2023, "人民调解化解了多少纠纷"
    assert await two.load(SESSION) == Conversation(
        last_entry_id="people_mediation_disputes",
        updated_at=clock.now,
        ttl_seconds=600,
        last_year=2023,
        last_text="人民调解化解了多少纠纷",
    )
    assert await two.load("another-session-01") == Conversation(ttl_seconds=600)


async def test_a_question_declined_for_its_scope_is_kept(backend):
    """After "2024年网上可办率多少" was declined, the next turn ("那2023年的呢") reads it."""
    _, make, _ = backend
    clock = Clock()
    one, two = make(600, clock), make(600, clock)
    async with conversation_of(one, SESSION) as conversation:
        conversation.scope_declined("网上可办率多少", "online_rate", clock.now)
    loaded = await two.load(SESSION)
    assert (loaded.last_text, loaded.last_entry_id, loaded.scoped_out) == ("网上可办率多少", "online_rate", True)


async def test_a_loaded_conversation_is_a_copy_until_saved(backend):
    _, make, _ = backend
    store = make(600, Clock())
    conversation = await store.load(SESSION)
    conversation.remember("online_rate", 1.0)
    assert (await store.load(SESSION)).last_entry_id is None
    await store.save(SESSION, conversation)
    assert (await store.load(SESSION)).last_entry_id == "online_rate"


async def test_context_expires_after_the_ttl(backend):
    _, make, _ = backend
    clock = Clock()
    store = make(600, clock)
    await store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=clock.now, ttl_seconds=600))
    clock.now += 599
    assert (await store.load(SESSION)).last_entry_id == "online_rate"
    await store.save("fresh-session-03", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    clock.now += 602
    assert await store.load(SESSION) == Conversation(ttl_seconds=600)  # expired: as if never seen


async def test_sessions_are_bounded_oldest_first(backend):
    _, make, _ = backend
    clock = Clock()
    store = make(600, clock, max_sessions=3)
    for i in range(6):
        clock.now += 1
        await store.save(f"session-{i:04d}", Conversation(last_entry_id="online_rate", updated_at=clock.now))
    kept = [(await store.load(f"session-{i:04d}")).last_entry_id for i in range(6)]
    assert kept == [None] * 3 + ["online_rate"] * 3


async def test_concurrent_sessions_do_not_mix(backend):
    _, make, _ = backend
    clock = Clock()
    stores = [make(600, clock) for _ in range(2)]

    async def ask(i: int) -> None:
        async with conversation_of(stores[i % 2], f"session-{i:04d}") as conversation:
            conversation.remember(f"entry_{i}", clock.now)

    await asyncio.gather(*(ask(i) for i in range(40)))
    for i in range(40):
        assert (await stores[(i + 1) % 2].load(f"session-{i:04d}")).last_entry_id == f"entry_{i}"


@pytest.mark.parametrize("ttl", [1.5])
async def test_fractional_ttl_is_kept(backend, ttl):
    _, make, _ = backend
    clock = Clock()
    store = make(ttl, clock)
    await store.save(SESSION, Conversation(last_entry_id="online_rate", updated_at=clock.now, ttl_seconds=ttl))
    clock.now += 1.0
    assert (await store.load(SESSION)).last_entry_id == "online_rate"


async def test_the_parts_of_a_combined_answer_are_kept(backend):
    """After two figures answered at once, "第二个呢" on another worker reads the second."""
    _, make, _ = backend
    clock = Clock()
    one, two = make(600, clock), make(600, clock)
    async with conversation_of(one, SESSION) as conversation:
        conversation.remember("people_mediation_success_rate", clock.now)
        conversation.last_parts = "people_mediation_success_rate pre_litigation_success_rate"
    loaded = await two.load(SESSION)
    assert loaded.last_parts.split() == ["people_mediation_success_rate", "pre_litigation_success_rate"]
