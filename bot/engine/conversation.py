"""Per-chat follow-up context, shared by every front end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Conversation:
    """Per-chat follow-up context: the last answered entry, for "那成功率呢？"."""

    last_entry_id: str | None = None
    updated_at: float = 0.0
    ttl_seconds: float = 600.0
    last_year: int | None = None  # the report year of the last answer ("比上一年呢")
    last_text: str = ""  # the last question answered

    def active(self, now: float) -> bool:
        return self.last_entry_id is not None and now - self.updated_at <= self.ttl_seconds

    def remember(self, entry_id: str, now: float) -> None:
        self.last_entry_id, self.updated_at = entry_id, now
