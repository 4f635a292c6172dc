"""Questions the bot missed: near-duplicates grouped for the admins' /unanswered list.

`group_questions` groups normalised texts by rapidfuzz ratio; `UnansweredQueries` (a part
of `Storage`) reads the missed rows, the dismissed texts, and dismisses one.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bot.text.normalize import normalize

if TYPE_CHECKING:  # pragma: no cover
    from bot.engine.engine import Engine

# Response kinds (bot/answers.py) that are small talk, not questions the bot missed.
SMALL_TALK_KINDS = ("greeting", "who", "how", "thanks", "bye", "empty")
# Fallbacks that are deliberate refusals (other year / other place): not worth reviewing.
REFUSAL_KINDS = ("scope",)
GROUP_SIMILARITY = 80.0  # rapidfuzz ratio (0–100) at which two normalised questions group


@dataclass
class Closest:
    entry_id: str
    score: float


@dataclass
class UnansweredGroup:
    query_id: int  # the newest query row of the representative text (for buttons)
    text: str  # the representative: the most frequent wording, newest on ties
    count: int
    last_ts: float
    statuses: tuple[str, ...]  # "fallback" / "clarify"
    variants: list[str] = field(default_factory=list)  # other wordings grouped with it
    closest: list[Closest] = field(default_factory=list)


@dataclass
class Row:
    id: int
    ts: float
    text: str
    status: str


def group_questions(
    rows: Iterable[Row], dismissed: Iterable[str] = (), threshold: float = GROUP_SIMILARITY
) -> list[UnansweredGroup]:
    """Group near-duplicate questions (normalised, then rapidfuzz ratio ≥ threshold).

    Questions similar to a dismissed one (`dismissed`: normalised texts) are dropped.
    Groups come most frequent first, then most recent.
    """
    by_key: dict[str, list[Row]] = {}
    for row in rows:
        key = normalize(row.text)
        if key:
            by_key.setdefault(key, []).append(row)
    dismissed = [d for d in dismissed if d]
    # representatives: list of normalised keys; members[i] = keys joined to group i
    reps: list[str] = list(dismissed)
    members: list[list[str]] = [[] for _ in dismissed]
    for key in sorted(by_key, key=lambda k: (-len(by_key[k]), -max(r.ts for r in by_key[k]))):
        found = process.extractOne(key, reps, scorer=fuzz.ratio, score_cutoff=threshold) if reps else None
        if found is not None:
            members[found[2]].append(key)
        else:
            reps.append(key)
            members.append([key])
    groups: list[UnansweredGroup] = []
    for index in range(len(dismissed), len(reps)):
        rows_in = [r for key in members[index] for r in by_key[key]]
        wording = Counter(r.text.strip() for r in rows_in)
        newest = {}
        for r in rows_in:
            t = r.text.strip()
            if t not in newest or (r.ts, r.id) > (newest[t].ts, newest[t].id):
                newest[t] = r
        ordered = sorted(wording, key=lambda t: (-wording[t], -newest[t].ts, -newest[t].id))
        rep = newest[ordered[0]]
        groups.append(
            UnansweredGroup(
                query_id=rep.id,
                text=ordered[0],
                count=len(rows_in),
                last_ts=max(r.ts for r in rows_in),
                statuses=tuple(sorted({r.status for r in rows_in})),
                variants=ordered[1:],
            )
        )
    groups.sort(key=lambda g: (-g.count, -g.last_ts))
    return groups


class UnansweredQueries:
    """The unanswered-questions part of `Storage` (uses its `_execute`, `_fetchall`, `_now`, `_window`)."""

    def query_text(self, query_id: int) -> str | None:
        rows = self._fetchall("SELECT text FROM queries WHERE id = ?", (int(query_id),))
        return rows[0][0] if rows else None

    def dismiss(self, query_id: int, admin_id: int | None = None, ts: float | None = None) -> str | None:
        """Hide a question (and its near-duplicates) from the unanswered list; its text."""
        text = self.query_text(query_id)
        if text is None:
            return None
        key = normalize(text)
        if key:
            self._execute(
                "INSERT INTO dismissed (ts, norm, text, admin_id) VALUES (?, ?, ?, ?) ON CONFLICT (norm) DO NOTHING",
                (self._now(ts), key, text, admin_id),
            )
        return text

    def _missed_rows(self, since: float, until: float, include_clarify: bool = True) -> list[Row]:
        quiet = SMALL_TALK_KINDS + REFUSAL_KINDS
        marks = ",".join("?" * len(quiet))
        statuses = ("fallback", "clarify") if include_clarify else ("fallback",)
        return [
            Row(*r)
            for r in self._fetchall(
                "SELECT id, ts, text, status FROM queries WHERE ts >= ? AND ts < ?"
                f" AND status IN ({','.join('?' * len(statuses))})"
                f" AND NOT (status = 'fallback' AND kind IN ({marks})) ORDER BY ts DESC",
                (since, until) + statuses + quiet,
            )
        ]

    def dismissed_keys(self) -> list[str]:
        return [r[0] for r in self._fetchall("SELECT norm FROM dismissed ORDER BY ts")]

    def unanswered(
        self,
        days: float = 7,
        engine: Engine | None = None,
        limit: int = 20,
        now: float | None = None,
        *,
        since: float | None = None,
        until: float | None = None,
    ) -> list[UnansweredGroup]:
        """Recent questions answered with "您是想问" or not at all, near-duplicates grouped.

        With an `engine`, questions it now answers are left out (someone already fixed
        them) and each group gets its three closest entries.
        """
        since, until, _ = self._window(days, now, since, until)
        groups = group_questions(self._missed_rows(since, until), self.dismissed_keys())
        result = []
        for group in groups:
            if engine is not None:
                if engine.respond(group.text).status == "answer":
                    continue
                group.closest = [Closest(entry_id, score) for entry_id, score in engine.closest(group.text)]
            result.append(group)
            if len(result) >= limit:
                break
        return result

    async def aquery_text(self, query_id: int) -> str | None:
        return await asyncio.to_thread(self.query_text, query_id)

    async def adismiss(self, query_id: int, admin_id: int | None = None) -> str | None:
        return await asyncio.to_thread(self.dismiss, query_id, admin_id)

    async def aunanswered(
        self, days: float = 7, engine: Engine | None = None, limit: int = 20, **kwargs
    ) -> list[UnansweredGroup]:
        return await asyncio.to_thread(lambda: self.unanswered(days, engine, limit, **kwargs))
