"""Keyword lookup over the figures (metrics): `/data 关键词` and inline mode.

Staff type a keyword ("执法记录仪", "调解 成功率") and want every figure it touches, not
the one best answer the matcher picks. A metric matches when every keyword occurs in its
name, an alias, its topic title, its answer or its source (compared after the same
normalisation as questions). Names and aliases rank above topic, answer and source hits.
When nothing contains the keyword, the engine's own answer (or clarify options) is used,
so a colloquial question still finds its figure.

Nothing here imports `telegram`; front ends format the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Entry, Knowledge, Topic
from bot.text.normalize import clean, normalize

SNIPPET_CHARS = 60
_SPLIT_RE = re.compile(r"[\s,，、;；/|]+")


@dataclass(frozen=True)
class _Haystack:
    tiers: tuple[tuple[str, ...], ...]  # normalised texts, strongest evidence first


def _forms(knowledge: Knowledge, text: str) -> tuple[str, ...]:
    """Two comparable forms: fully normalised, and merely cleaned (keeps filler words)."""
    forms = {normalize(text, knowledge.synonyms), clean(text)}
    return tuple(f for f in forms if f)


def _haystack(knowledge: Knowledge, entry: Entry) -> _Haystack:
    """Tier 0: name, aliases, value. Tier 1: topic titles and answer. Tier 2: source."""

    def forms(*texts: str) -> tuple[str, ...]:
        return tuple(f for text in texts if text for f in _forms(knowledge, text))

    topic = knowledge.topics.get(entry.topic)
    section = knowledge.section_of(entry.topic)
    return _Haystack(
        (
            forms(entry.title, *entry.phrasings, entry.value),
            forms(topic.title if topic else "", section.title if section else "", entry.answer),
            forms(entry.source),
        )
    )


def keywords(query: str) -> list[str]:
    """Split a query into keywords on spaces and list punctuation."""
    return [part for part in _SPLIT_RE.split(query.strip()) if part]


def _tier(hay: _Haystack, term_forms: list[tuple[str, ...]]) -> int | None:
    """The weakest tier needed so that every term occurs; None when some term is absent."""
    worst = 0
    for forms in term_forms:
        for tier, texts in enumerate(hay.tiers):
            if any(f in t for f in forms for t in texts):
                worst = max(worst, tier)
                break
        else:
            return None
    return worst


def search_metrics(knowledge: Knowledge, query: str, limit: int | None = None) -> list[Entry]:
    """The metrics containing every keyword of `query`, from the strongest tier that has any
    (name/alias/value, then topic/answer, then source), in report order."""
    term_forms = [f for f in (_forms(knowledge, t) for t in keywords(query)) if f]
    if not term_forms:
        return []
    by_tier: dict[int, list[Entry]] = {}
    for entry in knowledge.metrics:
        tier = _tier(_haystack_cached(knowledge, entry), term_forms)
        if tier is not None:
            by_tier.setdefault(tier, []).append(entry)
    if not by_tier:
        return []
    found = by_tier[min(by_tier)]
    return found if limit is None else found[:limit]


_CACHE: dict[int, tuple[Knowledge, dict[str, _Haystack]]] = {}


def _haystack_cached(knowledge: Knowledge, entry: Entry) -> _Haystack:
    """Haystacks are built once per loaded knowledge base (a hot swap brings a new one)."""
    held = _CACHE.get(id(knowledge))
    if held is None or held[0] is not knowledge:
        _CACHE.clear()  # only the knowledge currently served is worth keeping
        held = _CACHE[id(knowledge)] = (knowledge, {})
    stacks = held[1]
    hay = stacks.get(entry.id)
    if hay is None:
        hay = stacks[entry.id] = _haystack(knowledge, entry)
    return hay


def search(engine, query: str, limit: int | None = None) -> list[Entry]:
    """A topic's figures when `query` names a topic; else `search_metrics`; and when that
    finds nothing, the engine's answer / clarify options (metrics only).

    `engine` is a `bot.engine.Engine`; only its public `respond` and `knowledge` are used.
    The engine is asked without a conversation, so a lookup never changes follow-up context.
    """
    knowledge = engine.knowledge
    topic = topic_named(knowledge, query)
    if topic is not None and metrics_in(knowledge, topic.id):
        found = metrics_in(knowledge, topic.id)
        return found if limit is None else found[:limit]
    found = search_metrics(knowledge, query, limit)
    if found or not query.strip():
        return found
    response = engine.respond(query)
    ids: list[str] = []
    if response.status == "answer" and response.entry_id:
        ids.append(response.entry_id)
    elif response.status == "clarify":
        ids.extend(s.id for s in response.suggestions)
    entries = [knowledge.entries[i] for i in ids if i in knowledge.entries]
    metrics = [e for e in entries if e.is_metric]
    return metrics if limit is None else metrics[:limit]


def topic_named(knowledge: Knowledge, query: str) -> Topic | None:
    """The topic whose title (or report heading) is exactly `query`, ignoring punctuation."""
    key = clean(query)
    if not key:
        return None
    for topic in knowledge.topics.values():
        if key in (clean(topic.title), clean(topic.heading or "")):
            return topic
    return None


def metrics_in(knowledge: Knowledge, topic_id: str) -> list[Entry]:
    """The metrics of a topic, and of its sub-topics when it is a section, in report order."""
    ids = {topic_id} | {t.id for t in knowledge.children(topic_id)}
    return [e for e in knowledge.metrics if e.topic in ids]


def figure_line(entry: Entry) -> str:
    """`名称：数值`, the compact line of `/data`."""
    return f"{entry.title}：{entry.value}"


def snippet(entry: Entry, width: int = SNIPPET_CHARS) -> str:
    """The part of the source sentence around the figure, at most about `width` characters."""
    source = entry.source.strip()
    if len(source) <= width:
        return source
    at = source.find(entry.value) if entry.value else -1
    if at < 0:
        return source[: width - 1] + "…"
    start = max(0, at - width // 3)
    end = min(len(source), start + width)
    start = max(0, end - width)
    text = source[start:end]
    return ("…" if start > 0 else "") + text + ("…" if end < len(source) else "")
