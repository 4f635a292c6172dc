"""The Telegram update journal (handlers/updates.py): each update is kept from the moment it
is fetched until it is answered, so a crash loses none. A part of `Storage`.
"""

from __future__ import annotations

import sqlite3
import time

from bot.storage.usage import DAY

RETRY_SECONDS = 5.0  # as the database's: the next attempt after a failed write


class Journal:
    """The update-journal part of `Storage`."""

    def journal_add(self, bot_id: int, updates: list[tuple[int, str]]) -> tuple[list[int], bool]:
        """Store fetched updates ((update id, JSON)) before Telegram is told they arrived.

        Returns the ids not seen before (to process) and whether they are stored. Ids
        already in the journal (a redelivery) are left out."""
        ids = [update_id for update_id, _ in updates]
        with self._lock:
            self._check_file()
            try:
                marks = ",".join("?" * len(ids))
                known = (
                    {
                        r[0]
                        for r in self._conn.execute(
                            f"SELECT update_id FROM pending_updates WHERE bot_id = ? AND update_id IN ({marks})",
                            (bot_id, *ids),
                        )
                    }
                    if ids
                    else set()
                )
            except sqlite3.Error:
                known = set()
            fresh = [(i, payload) for i, payload in updates if i not in known]
            if not fresh:
                return [], True
            if self._held:  # not writable at the moment: the caller confirms only once answered
                return [i for i, _ in fresh], False
            now = self.clock()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    self._conn.executemany(
                        "INSERT OR IGNORE INTO pending_updates (update_id, bot_id, received, payload)"
                        " VALUES (?, ?, ?, ?)",
                        [(i, bot_id, now, payload) for i, payload in fresh],
                    )
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.health.failing("write failed", exc)
                self._next_retry = time.monotonic() + RETRY_SECONDS
                return [i for i, _ in fresh], False
            return [i for i, _ in fresh], True

    def journal_done(self, update_id: int, ts: float | None = None) -> None:
        """An update was answered: forget its content, keep its id for a while."""
        self._execute(
            "UPDATE pending_updates SET done = ?, payload = '' WHERE update_id = ?", (self._now(ts), int(update_id))
        )

    def journal_pending(self, bot_id: int) -> list[str]:
        """The updates stored but not answered (JSON), oldest first; other bots' are dropped."""
        self._execute("DELETE FROM pending_updates WHERE bot_id != ?", (bot_id,))
        return [
            r[0]
            for r in self._fetchall(
                "SELECT payload FROM pending_updates WHERE bot_id = ? AND done IS NULL ORDER BY update_id", (bot_id,)
            )
        ]

    def journal_prune(self, keep_seconds: float = 2 * DAY, now: float | None = None) -> None:
        """Forget answered updates older than `keep_seconds`."""
        self._execute(
            "DELETE FROM pending_updates WHERE done IS NOT NULL AND done < ?", (self._now(now) - keep_seconds,)
        )
