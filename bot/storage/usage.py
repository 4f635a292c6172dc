"""The usage log: questions, 👍/👎 and the admins' audit, with retention and /stats figures.

`UsageLog` is a part of `Storage` (bot/storage/database.py), which supplies the connection,
the lock and the held-records queue.
"""

from __future__ import annotations

import asyncio
import math
import sqlite3
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.storage.unanswered import REFUSAL_KINDS, SMALL_TALK_KINDS, group_questions

DAY = 86400.0


@dataclass
class Stats:
    days: float
    since: float
    until: float
    total: int = 0
    answered: int = 0
    clarified: int = 0
    unanswered: int = 0
    small_talk: int = 0  # greetings, thanks, … and deliberate out-of-scope refusals
    users: int = 0
    median_latency_ms: float | None = None
    top_entries: list[tuple[str, int]] = field(default_factory=list)
    top_unanswered: list[tuple[str, int]] = field(default_factory=list)
    thumbs_up: int = 0
    thumbs_down: int = 0
    disliked: list[tuple[str, int]] = field(default_factory=list)  # entries with most 👎
    channels: list[tuple[str, int]] = field(default_factory=list)  # questions per channel, most first

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


class UsageLog:
    """The usage part of `Storage`."""

    def _query_row(
        self,
        *,
        user_id: int | None,
        chat_type: str,
        text: str,
        status: str,
        entry_id: str | None = None,
        score: float | None = None,
        latency_ms: float | None = None,
        kind: str = "",
        ts: float | None = None,
        channel: str = "telegram",
    ) -> tuple[str, tuple]:
        return (
            "INSERT INTO queries (ts, chat_type, user_hash, text, status, entry_id, score, latency_ms, kind,"
            " channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._now(ts),
                chat_type or "",
                self.user_hash(user_id),
                text,
                status,
                entry_id,
                None if score is None else float(score),
                None if latency_ms is None else float(latency_ms),
                kind or "",
                channel,
            ),
        )

    def _feedback_row(
        self, *, user_id: int | None, entry_id: str, vote: int, ts: float | None = None, channel: str = "telegram"
    ) -> tuple[str, tuple]:
        if vote not in (1, -1):
            raise ValueError("vote must be +1 or -1")
        return (
            "INSERT INTO feedback (ts, user_hash, entry_id, vote, channel) VALUES (?, ?, ?, ?, ?)",
            (self._now(ts), self.user_hash(user_id), entry_id, vote, channel),
        )

    def log_query(
        self,
        *,
        user_id: int | None,
        chat_type: str,
        text: str,
        status: str,
        entry_id: str | None = None,
        score: float | None = None,
        latency_ms: float | None = None,
        kind: str = "",
        ts: float | None = None,
        channel: str = "telegram",
    ) -> int:
        cur = self._execute(
            *self._query_row(
                user_id=user_id,
                chat_type=chat_type,
                text=text,
                status=status,
                entry_id=entry_id,
                score=score,
                latency_ms=latency_ms,
                kind=kind,
                ts=ts,
                channel=channel,
            )
        )
        return int(cur.lastrowid) if cur is not None else 0

    def log_feedback(
        self, *, user_id: int | None, entry_id: str, vote: int, ts: float | None = None, channel: str = "telegram"
    ) -> None:
        self._execute(*self._feedback_row(user_id=user_id, entry_id=entry_id, vote=vote, ts=ts, channel=channel))

    def log_batch(self, queries: Iterable[dict] = (), feedback: Iterable[dict] = ()) -> None:
        """Many questions and votes (the fields of log_query / log_feedback) in one
        transaction: a commit per batch instead of per record (the web recorder). Records
        that cannot be written now are held and written later, as single ones are."""
        rows = [self._query_row(**fields) for fields in queries]
        rows += [self._feedback_row(**fields) for fields in feedback]
        if not rows:
            return
        with self._lock:
            self._check_file()
            for sql, params in rows:
                self._hold(sql, params)
            self._flush_held(force=True)

    def log_admin(
        self, *, user_id: int | None, action: str, detail: str = "", is_admin: bool = True, ts: float | None = None
    ) -> None:
        """Audit one admin action, or a refused attempt (`is_admin=False`: hash only)."""
        self._execute(
            "INSERT INTO admin_actions (ts, admin_id, user_hash, action, detail) VALUES (?, ?, ?, ?, ?)",
            (self._now(ts), user_id if is_admin else None, self.user_hash(user_id), action, detail[:2000]),
        )

    def prune(self, retention_days: int, now: float | None = None) -> dict[str, int]:
        """Delete rows older than `retention_days`; how many per table."""
        cutoff = self._now(now) - retention_days * DAY
        removed = {}
        with self._lock:
            self._check_file()
            if self._held:
                return removed  # not while records wait to be written
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for table in ("queries", "feedback", "admin_actions", "dismissed"):
                        removed[table] = self._conn.execute(f"DELETE FROM {table} WHERE ts < ?", (cutoff,)).rowcount
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                self.health.failing("pruning failed", exc)
                return {}
        return removed

    # -- reads

    def _window(
        self, days: float, now: float | None, since: float | None, until: float | None
    ) -> tuple[float, float, float]:
        """(start, end, days): [since, until) if until is given, else the last `days` up to now."""
        if until is not None:
            start = until - days * DAY if since is None else since
            return start, until, (until - start) / DAY
        end = self._now(now)
        start = end - days * DAY if since is None else since
        # include rows logged at exactly `now`
        return start, math.nextafter(end, math.inf), (end - start) / DAY

    def stats(
        self, days: float = 7, now: float | None = None, *, since: float | None = None, until: float | None = None
    ) -> Stats:
        """Figures for the last `days` days up to now, or for the window [since, until)."""
        since, until, days = self._window(days, now, since, until)
        window = (since, until)
        stats = Stats(days=days, since=since, until=until)
        quiet = SMALL_TALK_KINDS + REFUSAL_KINDS
        marks = ",".join("?" * len(quiet))
        for status, is_quiet, count in self._fetchall(
            f"SELECT status, CASE WHEN kind IN ({marks}) THEN 1 ELSE 0 END AS quiet, COUNT(*)"
            " FROM queries WHERE ts >= ? AND ts < ? GROUP BY status, quiet",
            quiet + window,
        ):
            stats.total += count
            if status == "answer":
                stats.answered += count
            elif status == "clarify":
                stats.clarified += count
            elif is_quiet:
                stats.small_talk += count
            else:
                stats.unanswered += count
        stats.channels = [
            (c, n)
            for c, n in self._fetchall(
                "SELECT channel, COUNT(*) AS n FROM queries WHERE ts >= ? AND ts < ?"
                " GROUP BY channel ORDER BY n DESC, channel",
                window,
            )
        ]
        stats.users = self._fetchall(
            "SELECT COUNT(DISTINCT user_hash) FROM queries WHERE ts >= ? AND ts < ? AND user_hash != ''", window
        )[0][0]
        latencies = [
            r[0]
            for r in self._fetchall(
                "SELECT latency_ms FROM queries WHERE ts >= ? AND ts < ? AND latency_ms IS NOT NULL", window
            )
        ]
        stats.median_latency_ms = statistics.median(latencies) if latencies else None
        stats.top_entries = [
            (e, n)
            for e, n in self._fetchall(
                "SELECT entry_id, COUNT(*) AS n FROM queries WHERE ts >= ? AND ts < ? AND status = 'answer'"
                " AND entry_id IS NOT NULL GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT 10",
                window,
            )
        ]
        missed = self._missed_rows(since, until, include_clarify=False)
        stats.top_unanswered = [(g.text, g.count) for g in group_questions(missed)[:10]]
        # 👍/👎: one vote per person and entry in the window, the latest press counts.
        latest = (
            "SELECT f.entry_id, f.vote FROM feedback f WHERE f.ts >= ? AND f.ts < ? AND f.id = ("
            " SELECT MAX(g.id) FROM feedback g WHERE g.user_hash = f.user_hash"
            " AND g.entry_id = f.entry_id AND g.ts >= ? AND g.ts < ?)"
        )
        votes = self._fetchall(latest, window + window)
        stats.thumbs_up = sum(1 for _, v in votes if v > 0)
        stats.thumbs_down = sum(1 for _, v in votes if v < 0)
        down = Counter(e for e, v in votes if v < 0)
        stats.disliked = sorted(down.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        return stats

    async def alog_query(self, **kwargs) -> int:
        return await asyncio.to_thread(lambda: self.log_query(**kwargs))

    async def alog_feedback(self, **kwargs) -> None:
        await asyncio.to_thread(lambda: self.log_feedback(**kwargs))

    async def alog_admin(self, **kwargs) -> None:
        await asyncio.to_thread(lambda: self.log_admin(**kwargs))

    async def aprune(self, retention_days: int) -> dict[str, int]:
        return await asyncio.to_thread(self.prune, retention_days)

    async def astats(self, days: float = 7, **kwargs) -> Stats:
        return await asyncio.to_thread(lambda: self.stats(days, **kwargs))
